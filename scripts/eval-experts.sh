#!/usr/bin/env bash
# Expert finding on Stack Exchange folds (issue 4): for each dump in ../shared/data and each of 5 folds, write a Slack
# export without one fifth of the questions (se2slack.py --fold K/5), import it into a fresh store, and ask for
# experts on each held-out question's title. Prints one line per fold; docs/BENCHMARKS.md records the results.
# Usage: scripts/eval-experts.sh [WORKDIR]   (default: a temporary directory)
# COPBOT_JAR=FILE runs that jar instead of ./copbot (which rebuilds when sources changed, even mid-run).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="$root/../shared"
work="${1:-$(mktemp -d)}"
mkdir -p "$work"
cd "$root"
. "$root/scripts/copbot-cli.sh"
copbot --version >/dev/null   # builds the jar when needed
results="$work/folds.txt"
: > "$results"
for dump in "$shared"/data/stackexchange-*; do
  name=$(basename "$dump")
  for k in 0 1 2 3 4; do
    out="$work/$name-fold$k"
    rm -rf "$out" "$out.data"
    python3 "$shared/tools/se2slack.py" "$dump" "$out" --fold "$k/5" >/dev/null
    copbot import slack-export "$out" --data "$out.data" --json >/dev/null
    line=$(copbot eval experts --data "$out.data" --heldout "$out/heldout.tsv")
    echo "$name fold $k/5: $line" | tee -a "$results"
  done
done
# All folds together: averages weighted by the number of held-out questions of each fold.
awk '{ n=$4; q+=n; m+=n*$7; h+=n*$9; pm+=n*$12; ph+=n*$14 }
     END { printf "all folds: %d questions  MRR %.4f  hit@5 %.4f   popularity MRR %.4f  hit@5 %.4f   MRR ratio %.2f\n",
           q, m/q, h/q, pm/q, ph/q, (pm > 0 ? m/pm : 0) }' "$results"
