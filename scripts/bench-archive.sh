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
# BACKENDS=sqlite or BACKENDS=postgres runs one backend only;
# starts and stops its own PostgreSQL cluster. Takes about 25 minutes and
# 6 GB of disk while it runs. Timings never go in tests.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${CORPUS:-../shared/corpora/reuters21578.jsonl}
[ -f "$corpus" ] || { echo "no corpus at $corpus" >&2; exit 1; }
work=${BENCH_DIR:-$(mktemp -d /tmp/claimcheck-bench.XXXXXX)}
mkdir -p "$work"
cargo build --release -q --features postgres --bin claimcheck --example archive_replicate
bin=target/release/claimcheck
replicate=target/release/examples/archive_replicate

# The draft: the first results table of the corpus with two revenue lines,
# its last revenue figure raised by 3 (a figure the archive states
# otherwise, 42 times over once the archive is grown).
python3 - "$corpus" "$work/draft.txt" <<'PY'
import json, re, sys
for line in open(sys.argv[1]):
    row = json.loads(line)
    revs = list(re.finditer(r"Revs ([0-9]+\.[0-9]) mln", row["text"]))
    if len(revs) == 2:
        m = revs[-1]
        text = row["text"][: m.start(1)] + f"{float(m.group(1)) + 3:.1f}" + row["text"][m.end(1):]
        open(sys.argv[2], "w").write(text + "\n")
        open(sys.argv[2] + ".published", "w").write(row["published"])
        break
PY
draft=$work/draft.txt
published=$(cat "$draft.published")

eval "$(scripts/pg-server.sh start "$work/pg")"
# The cluster goes, and so does the 2.5 GB SQLite file unless BENCH_KEEP=1.
trap 'scripts/pg-server.sh stop "$PGTEST_DIR"; [ -n "${BENCH_KEEP:-}" ] || rm -f "$work"/archive.db*' EXIT

# BACKENDS="postgres" (or "sqlite") measures one backend only.
targets=()
for b in ${BACKENDS:-sqlite postgres}; do
  case "$b" in
    sqlite) targets+=("$work/archive.db") ;;
    postgres) targets+=("$CLAIMCHECK_TEST_POSTGRES") ;;
    *) echo "unknown backend $b" >&2; exit 1 ;;
  esac
done
for target in "${targets[@]}"; do
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
    "$bin check $draft --published $draft=$published --archive $target"
  python3 -c "import json; r=json.load(open('$work/check-$name.json'))['results'][0]; print(f'check median: {r[\"median\"]*1000:.1f} ms (mean {r[\"mean\"]*1000:.1f} ms, {len(r[\"times\"])} runs)')"
done
# Exit 1 means "findings reported": expected here.
{ "$bin" check "$draft" --published "$draft=$published" || true; } | tail -1
hyperfine -N --warmup 3 --runs 30 -i "$bin check $draft --published $draft=$published"
