#!/usr/bin/env bash
# Shows that time grows linearly with the input (issue 12): one article-like
# file of 1, 4 and 16 MB (the fixture articles' text repeated), and one
# sentence of 1k, 10k and 100k numbers. Needs hyperfine (apt-get install
# hyperfine). Timings never go in tests.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bin=./target/release/claimcheck

# Article-like text: every fixture .txt and .md article, repeated to size.
cat tests/fixtures/*/*.txt tests/fixtures/*/*.md tests/fixtures/rules/*/*/*.txt >"$work/unit"
for mb in 1 4 16; do
  : >"$work/articles-$mb.txt"
  while [ "$(stat -c %s "$work/articles-$mb.txt")" -lt $((mb * 1000 * 1000)) ]; do
    cat "$work/unit" >>"$work/articles-$mb.txt"
  done
  head -c $((mb * 1000 * 1000)) "$work/articles-$mb.txt" >"$work/a" && mv "$work/a" "$work/articles-$mb.txt"
done

# One sentence of N numbers of every kind, with a cue word and no full stop.
for n in 1000 10000 100000; do
  python3 - "$n" >"$work/numbers-$n.txt" <<'PY'
import sys
n = int(sys.argv[1])
kinds = ["{a}.{b}%", "${a}.{b} million", "{a},{b}00 tonnes", "{a} terminals", "20{y:02d}", "{a}.{b} billion euros"]
parts = [kinds[i % len(kinds)].format(a=i % 97 + 1, b=i % 10, y=i % 26) for i in range(n)]
print("Revenue at the harbour rose to " + ", ".join(parts) + " over the period.")
PY
done
hyperfine -N -i --warmup 1 --runs 5 --export-markdown "$work/articles.md" \
  "$bin check --format json $work/articles-1.txt" \
  "$bin check --format json $work/articles-4.txt" \
  "$bin check --format json $work/articles-16.txt"
hyperfine -N -i --warmup 1 --runs 5 --export-markdown "$work/numbers.md" \
  "$bin check --format json $work/numbers-1000.txt" \
  "$bin check --format json $work/numbers-10000.txt" \
  "$bin check --format json $work/numbers-100000.txt"
cat "$work/articles.md" "$work/numbers.md"
