#!/usr/bin/env bash
# Runs every fuzz target in fuzz/ for SECONDS each, one after the other
# (never two at once: the machine has two cores), seeded from the fixture
# articles. Any crash, any input taking over 2 s, or over 2 GB of memory,
# stops the run with the input saved under fuzz/artifacts/TARGET/.
#
#   scripts/fuzz.sh 30            # every target, 30 s each
#   scripts/fuzz.sh 600 values    # one target
#
# A new target is a file in fuzz/fuzz_targets/ and a [[bin]] in
# fuzz/Cargo.toml (`cargo fuzz add NAME` writes both); this script finds it
# through `cargo fuzz list`. Its seeds default to every fixture article; a
# line in seeds_for below gives it others.
# Needs cargo-fuzz (`cargo install cargo-fuzz`); its nightly flags are
# allowed on the stable toolchain with RUSTC_BOOTSTRAP=1.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
seconds=${1:?usage: scripts/fuzz.sh SECONDS [TARGET...]}
shift
export RUSTC_BOOTSTRAP=1
# Safe Rust: no sanitizer, for speed; debug assertions on, so an overflow
# is a crash.
flags=(--sanitizer none --debug-assertions)
fixtures=../tests/fixtures

# The fixture files a target starts from, one line per target.
seeds_for() {
  case "$1" in
    ingest_text) find "$fixtures" -name '*.txt' ;;
    ingest_markdown) find "$fixtures" -name '*.md' ;;
    ingest_html) find "$fixtures" -name '*.html' ;;
    ingest_jsonl) find "$fixtures" -name '*.jsonl' ;;
    *) find "$fixtures" -name '*.txt' -o -name '*.md' -o -name '*.html' -o -name '*.jsonl' ;;
  esac
}

# check_two reads a format byte, then two documents split by a NUL byte:
# seeds pair fixture articles.
seed_pairs() {
  local out=$1 i=0 a b
  mapfile -t files < <(find "$fixtures" -name '*.txt' -o -name '*.md' -o -name '*.html' | sort)
  for a in "${files[@]}"; do
    b=${files[$(((i * 7 + 3) % ${#files[@]}))]}
    { printf '\x05'; cat "$a"; printf '\x00'; cat "$b"; } >"$out/pair-$i"
    i=$((i + 1))
  done
}

if [ $# -gt 0 ]; then
  targets=("$@")
else
  mapfile -t targets < <(cargo fuzz list)
fi
cargo fuzz build "${flags[@]}" >/dev/null
for t in "${targets[@]}"; do
  corpus=corpus/$t
  mkdir -p "$corpus"
  if [ "$t" = check_two ]; then
    seed_pairs "$corpus"
  else
    seeds_for "$t" | while read -r f; do cp "$f" "$corpus/seed-$(basename "$f")"; done
  fi
  echo "== $t: ${seconds}s"
  set +e
  cargo fuzz run "${flags[@]}" "$t" "$corpus" -- \
    -max_total_time="$seconds" -timeout=2 -rss_limit_mb=2048 -max_len=65536 \
    -print_final_stats=1 2>&1 |
    grep -E '^(#[0-9]+.*DONE|stat::number_of_executed_units|stat::peak_rss_mb|==|.*(ERROR|panicked|Timeout|out-of-memory|crash-|timeout-|oom-).*)'
  status=${PIPESTATUS[0]}
  set -e
  # grep only hides libFuzzer's running log; the status is the fuzzer's:
  # non-zero for a crash, an input over 2 s or over 2 GB.
  if [ "$status" -ne 0 ]; then
    echo "fuzz: $t failed (status $status); the input is in fuzz/artifacts/$t/"
    exit 1
  fi
done
