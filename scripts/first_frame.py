#!/usr/bin/env python3
"""Start to first full frame of the browser, as a person sees it.

    python3 scripts/first_frame.py [--runs N] [--text T] -- tintuc --data F [--index DIR]

Starts the command in a pseudo-terminal of 120x40, and times from the
start until the screen shows the list: the browser's status line ("Bài
1/" or "Article 1/", unless --text says otherwise). Then it sends q and
waits for the exit. Prints each run and the median, in milliseconds, and
the peak memory of the process (VmHWM, read from /proc just before q).
"""

import argparse
import fcntl
import os
import pty
import select
import statistics
import struct
import sys
import termios
import time


def one_run(cmd, texts, timeout):
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm-256color"
        os.execvp(cmd[0], cmd)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    start = time.monotonic()
    seen = b""
    took = None
    while time.monotonic() - start < timeout:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
        if any(t in seen for t in texts):
            took = (time.monotonic() - start) * 1000
            break
    peak = None
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    peak = int(line.split()[1]) / 1024
    except OSError:
        pass
    try:
        os.write(fd, b"q")
    except OSError:
        pass
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        done, _ = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        try:
            if select.select([fd], [], [], 0.05)[0]:
                os.read(fd, 65536)
        except OSError:
            pass
    else:
        os.kill(pid, 9)
        os.waitpid(pid, 0)
    os.close(fd)
    return took, peak


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--text", action="append")
    parser.add_argument("--timeout", type=float, default=300)
    parser.add_argument("cmd", nargs="+")
    args = parser.parse_args()
    texts = [t.encode() for t in (args.text or ["Bài 1/", "Article 1/"])]
    times = []
    for i in range(args.runs):
        took, peak = one_run(args.cmd, texts, args.timeout)
        if took is None:
            print(f"run {i + 1}: no list within {args.timeout} s", file=sys.stderr)
            sys.exit(1)
        times.append(took)
        print(f"run {i + 1}: {took:.0f} ms to the first list, peak {peak:.0f} MiB")
    print(f"median: {statistics.median(times):.0f} ms")


if __name__ == "__main__":
    main()
