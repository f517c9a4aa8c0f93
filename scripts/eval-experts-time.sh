#!/usr/bin/env bash
# Issue 16's expert evaluations on one Stack Exchange dump, through the real bot (docs/BENCHMARKS.md records them):
#  1. topics: the whole dump imported, the clock at its end, `experts <topic> top:10` asked in `copbot console --json`
#     for each topic of experts_topics.py, scored beside popularity and document voting; then the same for the
#     extended topic set (scripts/experts-topics-extended.py: the same truth with lower thresholds);
#  2. replay: for each monthly cutoff (the dump's last three calendar months, or every month with `all`), the history
#     before the cutoff (se2slack.py --cutoff), the clock set to the cutoff (--now), `experts <title>` for each question
#     of the following month with an accepted answer; the accepted answerer's rank scored beside popularity from the
#     same history. With REPLAY_FROM=full the replay reads one import of the whole dump instead of one export per
#     cutoff (much faster; the bot's clock still hides every message after the cutoff from the ranking, but the search
#     index's word statistics include later text).
# Modes: last3 (default; the issue's definition; also runs the topics), last3acc (the last three months that have a
# question with an accepted answer), all (every month after the first that has one).
# COPBOT_JAR=FILE runs that jar instead of ./copbot (which rebuilds when sources changed, even mid-run).
# Usage: scripts/eval-experts-time.sh DUMP [WORKDIR] [last3|last3acc|all]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="$root/../shared"
dump="$(cd "$1" && pwd)"
work="${2:-$(mktemp -d)}"
mode="${3:-last3}"
name=$(basename "$dump")
as=slack:T0STACKEX:UEVALUATOR
mkdir -p "$work"
work="$(cd "$work" && pwd)"
cd "$root"
. "$root/scripts/copbot-cli.sh"
copbot --version >/dev/null   # builds the jar when needed

# ---- 1. topics -------------------------------------------------------------------------------------------------
full="$work/$name-full"
if [ ! -d "$full.data" ]; then
  rm -rf "$full"
  python3 "$shared/tools/se2slack.py" "$dump" "$full" >/dev/null
  copbot import slack-export "$full" --data "$full.data" --json >/dev/null 2>>"$work/import.log"
fi
end=$(python3 -c 'import sys,datetime as d; ts=max(float(l.split("\t")[0]) for l in list(open(sys.argv[1]))[1:]); print(d.datetime.fromtimestamp(int(ts)+1, d.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"))' "$full/posts.tsv")
if [ "$mode" = last3 ]; then
  # The official topic set, then the extended one (tags with 3+ questions, anyone with 1+ accepted answer on them).
  for set in official extended; do
    tool="$shared/tools/experts_topics.py"
    [ "$set" = official ] || tool="$root/scripts/experts-topics-extended.py"
    python3 "$tool" queries "$dump" "$work/$name.topics-$set.tsv" >/dev/null
    # One evaluator asks every topic within a minute: the per-person experts limit (20 a minute) would refuse the rest.
    cut -f2 "$work/$name.topics-$set.tsv" | sed 's/^/experts /; s/$/ top:10/' \
      | COPBOT_EXPERTS_PER_MINUTE=0 copbot console --json --now "$end" --as "$as" --data "$full.data" > "$work/$name.topics-$set.jsonl"
    echo "$name topics, $set set (clock $end):"
    python3 "$tool" score "$dump" "$work/$name.topics-$set.jsonl" | sed 's/^/  /'
  done
fi

# ---- 2. replay -------------------------------------------------------------------------------------------------
ranks="$work/$name-$mode.ranks"
: > "$ranks"
while read -r cut next; do
  q="$work/$name-$cut.questions.tsv"
  n=$(python3 "$root/scripts/experts-replay.py" questions "$dump" "$cut" "$next" "$q")
  if [ "${REPLAY_FROM:-cutoff}" = full ]; then
    data="$full.data"
  else
    exp="$work/$name-cut$cut"
    data="$exp.data"
    if [ ! -d "$data" ]; then
      rm -rf "$exp"
      python3 "$shared/tools/se2slack.py" "$dump" "$exp" --cutoff "$cut" >/dev/null
      copbot import slack-export "$exp" --data "$data" --json >/dev/null 2>>"$work/import.log"
    fi
  fi
  if [ "$n" -eq 0 ]; then
    echo "  cutoff $cut: warning: no question of the following month has an accepted answer"
    continue
  fi
  line=$(copbot eval experts --data "$data" --heldout "$q" --now "${cut}T00:00:00Z" --as "$as" --ranks "$q.ranks")
  [ "$mode" = all ] || echo "  cutoff $cut: $line"
  cat "$q.ranks" >> "$ranks"
done < <(python3 "$root/scripts/experts-replay.py" months "$dump" "$mode")
awk -v name="$name" -v mode="$mode" '
  { n++; if ($2 > 0) { m += 1/$2; if ($2 <= 5) h++ } if ($3 > 0) { pm += 1/$3; if ($3 <= 5) ph++ } }
  END { if (n == 0) { printf "%s replay %s: 0 questions (warning: nothing to score)\n", name, mode; exit }
        printf "%s replay %s: %d questions  MRR %.4f  hit@5 %.4f   popularity MRR %.4f  hit@5 %.4f   MRR ratio %.2f\n",
               name, mode, n, m/n, h/n, pm/n, ph/n, (pm > 0 ? m/pm : 0) }' "$ranks"
