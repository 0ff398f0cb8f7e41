#!/usr/bin/env bash
# Makes assets/screenshot.png from a real run of the browser on the bundled
# collection: tmux runs it, keys are typed, the pane is captured with its
# colours and rendered to PNG.
#
#   bash scripts/screenshot.sh [OUT.png]
#
# Needs tmux, a release build (cargo build --release), python3 with Pillow
# (pip install pillow) and the Liberation Mono font (Debian: fonts-liberation2).
set -euo pipefail
cd "$(dirname "$0")/.."

out=${1:-assets/screenshot.png}
cols=110 rows=32
bin=target/release/tintuc
[ -x "$bin" ] || { echo "build first: cargo build --release" >&2; exit 2; }

sock="shot-$$"
capture=$(mktemp)
# A reading state and a configuration of its own: the picture must not
# depend on what the person running the script has read or configured.
home=$(mktemp -d)
cleanup() { tmux -L "$sock" kill-server 2>/dev/null || true; rm -rf "$capture" "$home"; }
trap cleanup EXIT

# Waits until the pane shows TEXT (at most 10 s).
wait_for() {
  for _ in $(seq 1000); do
    tmux -L "$sock" capture-pane -p | grep -qF -- "$1" && return 0
    sleep 0.01
  done
  echo "timed out waiting for: $1" >&2
  tmux -L "$sock" capture-pane -p >&2
  exit 1
}

export TERM=xterm-256color LANG=C.UTF-8
tmux -L "$sock" -f /dev/null new-session -d -x "$cols" -y "$rows" \
  "XDG_CONFIG_HOME=$home/config $bin --data data/articles.json --lang vi --state $home/state.json"
tmux -L "$sock" set -g status off
wait_for "5/5 bài"
# Bookmark the fourth article (★ in the list, its title bold: unread).
tmux -L "$sock" send-keys j j j m
wait_for "Đã đánh dấu"
tmux -L "$sock" send-keys /
tmux -L "$sock" send-keys -l "nông thôn mới"
wait_for "2/5 bài"
tmux -L "$sock" send-keys Enter
tmux -L "$sock" send-keys Enter
wait_for "Ngọc Lâm"
# Read the first result (no longer bold), bookmark it, scroll into it.
tmux -L "$sock" send-keys m
wait_for "Bài 1/2 ★"
tmux -L "$sock" send-keys j j j j j j j j
wait_for " 9–"
tmux -L "$sock" capture-pane -e -p > "$capture"
python3 scripts/ansi_to_png.py "$capture" "$out" --cols "$cols" --rows "$rows"
echo "wrote $out"
