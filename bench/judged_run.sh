#!/usr/bin/env bash
# Run bench/read_aeb.py on every rebuilt judged set at one commit of newsprov, score it against
# the editors' judgements, and print the pooled table against the base commit (2fb4f3f).
#
#   bash bench/judged_run.sh COMMIT        (FORCE=1 to redo runs that already exist)
#
# Worktree: /work/wt-base for 2fb4f3f, else /work/wt-<7-char hash> (made if missing, detached).
# Outputs: /work/judged/<7-char hash>/<set>.txt (+ .err), <set>.sourcing.txt (score_reading.py,
# with --before the base run), <set>.framing.txt (score_framing_reading.py), summary.md.
# Scoring scripts and judgement TSVs: the committed bench/ of SCORER (default /work/main,
# the checkout this script is run from), the same for every commit.
# Sets run one after another (2 cores). A set that fails is reported and the rest go on.
# Data: /work/data/<set>/ (rebuilt by bench/judged_build.py).
set -u
MAIN=/work/main
OUT=/work/judged
BASE=2fb4f3f
PY=/work/main/.venv/bin/python
SCORER=${SCORER:-$MAIN}
export PYTHONHASHSEED=0

[ $# -eq 1 ] || { echo "usage: bash $0 COMMIT" >&2; exit 2; }
full=$(git -C "$MAIN" rev-parse --verify "$1^{commit}") || { echo "no such commit: $1" >&2; exit 2; }
short=${full:0:7}

worktree_of() {  # $1 = 7-char hash; prints the worktree path, making it if needed
  local c=$1 wt
  if [ "$c" = "$BASE" ]; then wt=/work/wt-base; else wt=/work/wt-$c; fi
  if [ ! -d "$wt" ]; then
    git -C "$MAIN" worktree add --detach "$wt" "$c" >&2 || return 1
  fi
  [ "$(git -C "$wt" rev-parse HEAD | cut -c1-7)" = "$c" ] || { echo "$wt is not at $c" >&2; return 1; }
  echo "$wt"
}

# the judged AEB pages (sources r4, r9, q10, r10, r11, r12 of bench/aeb_judgements.tsv); read with --pages
AEB_PAGES=04a6711c,06ee193d,08f79376,098bb3e9,2c46804d,2f42ef1d,358cc4a0,359fee22,3cb22bfa,3cb5e2f4,57e2e988,5fa5679d,680c2848,6a72de37,87bf6057,8cad00dc,92101975,94fbcc26,961bd85c,9ebb3af6,aadb38e5,aade2ec8,ad9e9e59,aec5deea,bc13ff87,c467d507,c69e539d,d605bdef,dc7ccccc,dfd43bc0,e1c7023e,e1cd54e5,e4c6a3b4,e7301133,eb62ac84

SETS="aeb traf-check traf-dev fresh14-check fresh15-check fresh15b-check fresh16-check fresh17-check fresh18-check fresh19-check fresh21-check fresh22-check fresh23-check fresh24-check"

opts_of() {  # the reading notes' commands, all with --tier all
  case $1 in
    aeb) echo "--pages $AEB_PAGES --tier all --context" ;;
    traf-check) echo "--sample 14 --tier all --context --spans" ;;
    traf-dev) echo "--sample 64 --tier all --context --spans" ;;
    fresh14-check) echo "--sample 24 --tier all --context --spans" ;;
    *) echo "--sample 100 --tier all --context --spans" ;;
  esac
}

framing_of() {
  case $1 in
    aeb) echo "" ;;
    traf-check) echo traf_framing_judgements.tsv ;;
    traf-dev) echo traf_framing_dev_judgements.tsv ;;
    *) echo fresh_framing_judgements.tsv ;;
  esac
}

complete() { [ -s "$1" ] && tail -n 1 "$1" | grep -Eq '^[0-9]+ pages, [0-9]+ unsourced flags, [0-9]+ shown$'; }

run_commit() {  # $1 = 7-char hash: read_aeb.py on every set
  local c=$1 wt dir s
  wt=$(worktree_of "$c") || { echo "no worktree for $c" >&2; return 1; }
  dir=$OUT/$c
  mkdir -p "$dir"
  local imported
  imported=$(cd "$wt" && PYTHONPATH="$wt" "$PY" -c 'import annotate, scraper; print(annotate.__file__, scraper.__file__)')
  case "$imported" in
    "$wt/annotate/__init__.py $wt/scraper/__init__.py") echo "[$c] imports from $wt" >&2 ;;
    *) echo "[$c] WRONG import: $imported" >&2; return 1 ;;
  esac
  for s in $SETS; do
    if [ ! -d "/work/data/$s/html" ]; then echo "[$c] $s: no data folder, skipped" >&2; continue; fi
    if [ "${FORCE:-0}" != 1 ] && complete "$dir/$s.txt"; then echo "[$c] $s: run exists" >&2; continue; fi
    local t0=$SECONDS
    # shellcheck disable=SC2046
    (cd "$wt" && NEWSPROV_AEB=/work/data/$s PYTHONPATH="$wt" "$PY" bench/read_aeb.py $(opts_of "$s") \
      > "$dir/$s.txt" 2> "$dir/$s.err")
    local rc=$?
    if [ $rc -ne 0 ] || ! complete "$dir/$s.txt"; then
      echo "[$c] $s: FAILED (exit $rc; see $dir/$s.err)" >&2
    else
      echo "[$c] $s: $(tail -n 1 "$dir/$s.txt") ($((SECONDS - t0)) s)" >&2
    fi
  done
}

score_commit() {  # $1 = 7-char hash: the two scoring scripts per set
  local c=$1 dir=$OUT/$1 s f before
  for s in $SETS; do
    complete "$dir/$s.txt" || continue
    before=()
    if [ "$c" != "$BASE" ] && complete "$OUT/$BASE/$s.txt"; then before=(--before "$OUT/$BASE/$s.txt"); fi
    (cd "$SCORER" && "$PY" bench/score_reading.py "$dir/$s.txt" "${before[@]}") > "$dir/$s.sourcing.txt" 2>&1 \
      || echo "[$c] $s: score_reading failed" >&2
    f=$(framing_of "$s")
    [ -n "$f" ] || continue
    if [ "$s" = traf-dev ]; then  # 7-column file: score_framing_reading's own code, judgements read in memory
      "$PY" "$MAIN/bench/judged_score.py" --scorer "$SCORER" --framing-cli "$dir/$s.txt" "$SCORER/bench/$f"
    else
      (cd "$SCORER" && "$PY" bench/score_framing_reading.py "$dir/$s.txt" --judgements "bench/$f")
    fi > "$dir/$s.framing.txt" 2>&1 || echo "[$c] $s: score_framing_reading failed" >&2
  done
}

[ -d "$SCORER/bench" ] || worktree_of "$(basename "$SCORER" | sed 's/^wt-//')" > /dev/null
for s in $SETS; do  # a missing data folder: rebuild them all from the fetched snapshots in /work/.mirror
  if [ ! -d "/work/data/$s/html" ]; then "$PY" "$MAIN/bench/judged_build.py" "$SCORER" >&2; break; fi
done
if [ "$short" != "$BASE" ]; then
  run_commit "$BASE"    # the base runs are needed for --before (kept if they exist)
  score_commit "$BASE"
fi
run_commit "$short"
score_commit "$short"
"$PY" "$MAIN/bench/judged_score.py" --scorer "$SCORER" --base "$OUT/$BASE" --runs "$OUT/$short" > "$OUT/$short/summary.md"
"$PY" "$MAIN/bench/judged_score.py" --scorer "$SCORER" --base "$OUT/$BASE" --runs "$OUT/$short" --pooled-only
