#!/usr/bin/env bash
# Bytes written to the terminal per action, at 80x24, by tintuc and by fzf
# in the same run, measured the same way: tmux pipe-pane records everything
# each program writes to its pane.
#
#   bash scripts/bandwidth.sh [COLLECTION]   (default: data/articles.json)
#
# Actions: one step down the list, one character typed in the query line,
# one line scrolled in the reading pane (fzf: its preview window).
# Needs tmux, fzf, python3 and a release build (cargo build --release).
set -euo pipefail
cd "$(dirname "$0")/.."

data=${1:-data/articles.json}
bin=target/release/tintuc
[ -x "$bin" ] || { echo "build first: cargo build --release" >&2; exit 2; }
command -v fzf >/dev/null || { echo "fzf is not installed" >&2; exit 2; }

work=$(mktemp -d)
sock="bw-$$"
cleanup() { tmux -L "$sock" kill-server 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

# fzf's input: one article per line (id, date, places, title), and a preview
# that shows the article's text, as tintuc's reading pane does.
python3 - "$data" "$work" <<'EOF'
import json, sys, os
data, work = sys.argv[1], sys.argv[2]
os.makedirs(f"{work}/articles")
with open(data, encoding="utf-8") as f, open(f"{work}/lines.txt", "w", encoding="utf-8") as out:
    for a in json.load(f):
        out.write(f"{a['id']}\t{a.get('date') or ''}\t{', '.join(a['places'])}\t{a['title']}\n")
        with open(f"{work}/articles/{a['id']}", "w", encoding="utf-8") as art:
            art.write(a["title"] + "\n\n")
            for p in a["body"]:
                art.write((p if isinstance(p, str) else p["text"]) + "\n\n")
EOF

log="$work/pane.log"

size() { stat -c %s "$log" 2>/dev/null || echo 0; }

# Waits until the program has written something and then nothing for
# 300 ms (at most 10 s), and prints how many bytes came.
settle() {
  local before=$1 last now stable=0 waited=0
  last=$(size)
  while [ "$waited" -lt 1000 ]; do
    sleep 0.01; waited=$((waited + 1))
    now=$(size)
    if [ "$now" = "$last" ] && [ "$now" != "$before" ]; then
      stable=$((stable + 1)); [ "$stable" -ge 30 ] && break
    else
      stable=0; last=$now
    fi
  done
  echo $(( $(size) - before ))
}

start() {
  tmux -L "$sock" kill-server 2>/dev/null || true
  : > "$log"
  tmux -L "$sock" -f /dev/null new-session -d -x 80 -y 24 "$1"
  tmux -L "$sock" set -g status off
  tmux -L "$sock" pipe-pane -o "cat >> $log"
  settle 0 >/dev/null
}

action() { # keys...
  local before; before=$(size)
  tmux -L "$sock" send-keys "$@"
  settle "$before"
}

export TERM=xterm-256color LANG=C.UTF-8
start "$bin --data $data --lang en"
t_down=$(action j)
tmux -L "$sock" send-keys /; settle "$(size)" >/dev/null
t_type=$(action -l d)
tmux -L "$sock" send-keys BSpace Escape; settle "$(size)" >/dev/null
tmux -L "$sock" send-keys Enter; settle "$(size)" >/dev/null
t_scroll=$(action j)

start "fzf --no-mouse --preview 'cat $work/articles/{1}' --preview-window right,50%,wrap --bind 'ctrl-k:up,ctrl-f:preview-down' < $work/lines.txt"
f_down=$(action C-k)
f_type=$(action -l d)
tmux -L "$sock" send-keys BSpace; settle "$(size)" >/dev/null
f_scroll=$(action C-f)

printf '%-34s %8s %8s\n' "bytes per action, 80x24" tintuc "fzf $(fzf --version | cut -d' ' -f1)"
printf '%-34s %8s %8s\n' "one step down the list" "$t_down" "$f_down"
printf '%-34s %8s %8s\n' "one character typed in the query" "$t_type" "$f_type"
printf '%-34s %8s %8s\n' "one line scrolled in the article" "$t_scroll" "$f_scroll"
