#!/usr/bin/env bash
# Re-take the table captures in tests/golden/tables/ in a real terminal (tmux), at 80 and
# 160 columns: what a reader sees from `tanalyze <command> <seed article>`.
# tests/test_tables.py compares them with the renderer and checks the 80-column ones.
# Usage: scripts/capture_tables.sh   (needs tmux and .venv; about a minute)
set -euo pipefail
cd "$(dirname "$0")/.."
SEED=corpora/tencent-industrial-internet.txt
OUT=tests/golden/tables
mkdir -p "$OUT"
for width in 80 160; do
  for command in analyze entities dates claims timeline; do
    session="tanalyze-capture-$$"
    tmux new-session -d -s "$session" -x "$width" -y 400
    tmux send-keys -t "$session" "clear; .venv/bin/tanalyze $command $SEED; echo __END__\$((6*7))" Enter
    for _ in $(seq 1 180); do
      sleep 1
      tmux capture-pane -t "$session" -p -S - | grep -q '^__END__42' && break
    done
    # The pane up to the marker, trailing blank lines dropped.
    tmux capture-pane -t "$session" -p -S - | sed '/^__END__42/,$d' | sed -e :a -e '/^\n*$/{$d;N;ba' -e '}' \
      > "$OUT/$command-$width.txt"
    tmux kill-session -t "$session"
  done
done
