#!/usr/bin/env bash
# Times claimcheck with hyperfine on the reference corpus and on a synthetic
# corpus of 4,800 articles (the fixture corpora copied 400 times).
# Needs hyperfine (apt-get install hyperfine). Timings never go in tests.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q
corpus=$(mktemp -d)
trap 'rm -rf "$corpus"' EXIT
for i in $(seq 1 400); do
  for f in tests/fixtures/port/*.{md,html,txt} tests/fixtures/budget/*.txt tests/fixtures/company/*.txt; do
    cp "$f" "$corpus/$i-$(basename "$f")"
  done
done
bin=./target/release/claimcheck
args=()
if [ -d ../shared/reference/articles ]; then
  args+=("$bin check --format json $(echo ../shared/reference/articles/*.txt)")
fi
args+=("$bin check --format json $corpus")
hyperfine -N -i --warmup 1 --runs 10 "${args[@]}"
