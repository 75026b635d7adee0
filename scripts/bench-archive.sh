#!/usr/bin/env bash
# Benchmark of the archive, on SQLite and on PostgreSQL:
#  1. index throughput: `claimcheck index` of the Reuters corpus
#     (../shared/corpora/reuters21578.jsonl), articles per second;
#  2. the archive grown past 5 million claims: the corpus's documents and
#     claims stored again under new paths through the library
#     (examples/archive_replicate.rs);
#  3. `claimcheck check DRAFT --archive TARGET` of one draft (a story of the
#     corpus with one figure changed, written here at run time), timed by
#     hyperfine, process start included.
# Needs hyperfine and postgresql (apt-get install hyperfine postgresql);
# starts and stops its own PostgreSQL cluster. Takes about 25 minutes and
# 6 GB of disk. Timings never go in tests.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${CORPUS:-../shared/corpora/reuters21578.jsonl}
[ -f "$corpus" ] || { echo "no corpus at $corpus" >&2; exit 1; }
work=${BENCH_DIR:-$(mktemp -d /tmp/claimcheck-bench.XXXXXX)}
mkdir -p "$work"
cargo build --release -q --features postgres --bin claimcheck --example archive_replicate
bin=target/release/claimcheck
replicate=target/release/examples/archive_replicate

# The draft: story 27 of the corpus, its full-year revenue changed.
python3 - "$corpus" "$work/draft.txt" <<'PY'
import json, sys
for line in open(sys.argv[1]):
    row = json.loads(line)
    if row["id"] == "27":
        open(sys.argv[2], "w").write(row["text"].replace("Revs 92.2 mln", "Revs 95.2 mln") + "\n")
        break
PY
draft=$work/draft.txt

eval "$(scripts/pg-server.sh start "$work/pg")"
trap 'scripts/pg-server.sh stop "$PGTEST_DIR"' EXIT

for target in "$work/archive.db" "$CLAIMCHECK_TEST_POSTGRES"; do
  echo "== $target"
  start=$(date +%s.%N)
  out=$("$bin" index "$corpus" --archive "$target" --no-progress)
  end=$(date +%s.%N)
  echo "$out"
  docs=$(echo "$out" | sed -E 's/.*: ([0-9]+) documents? added.*/\1/')
  claims=$(echo "$out" | sed -E 's/.*; ([0-9]+) claims written.*/\1/')
  python3 -c "print(f'index: {$docs} articles in {$end - $start:.1f} s = {$docs / ($end - $start):.0f} articles/s')"
  copies=$(( (5000000 + claims - 1) / claims - 1 ))
  "$replicate" "$corpus" "$target" "$copies" 2>&1 | tail -1
  "$bin" archive stats --archive "$target"
  name=$(basename "${target%%\?*}")
  hyperfine -N --warmup 3 --runs 30 -i --export-json "$work/check-$name.json" \
    "$bin check $draft --published $draft=1987-02-26 --archive $target"
  python3 -c "import json; r=json.load(open('$work/check-$name.json'))['results'][0]; print(f'check median: {r[\"median\"]*1000:.1f} ms (mean {r[\"mean\"]*1000:.1f} ms, {len(r[\"times\"])} runs)')"
done
"$bin" check "$draft" --published "$draft=1987-02-26" | tail -1
hyperfine -N --warmup 3 --runs 30 -i "$bin check $draft --published $draft=1987-02-26"
