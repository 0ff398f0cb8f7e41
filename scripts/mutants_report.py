#!/usr/bin/env python3
"""Counts of a mutation run, over the mutants the code has now.

    python3 scripts/mutants_report.py [search|tui|all]

A run with --iterate skips what earlier runs caught, and a restart moves
the last run's lists aside, so no one run holds every outcome:
scripts/mutants.sh keeps every run's lists in target/mutants/<scope>/history/.
This reads them with the current run's lists and says, for each mutant
the code has now (`scripts/mutants.sh <scope> --list`), what became of
it: caught (or timed out: the tests did not pass), missed, unviable (it
does not build), or not tested yet. The missed ones are listed.
"""

import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def names(path):
    try:
        with open(path, encoding="utf-8") as f:
            return {line.strip() for line in f if line.strip()}
    except FileNotFoundError:
        return set()


def main():
    scope = sys.argv[1] if len(sys.argv) > 1 else "search"
    listed = subprocess.run(
        ["bash", "scripts/mutants.sh", scope, "--list"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout.splitlines()
    mutants = [m.strip() for m in listed if m.startswith("src/")]
    # Another checkout's results (one kept for mutation runs, say):
    # TINTUC_MUTANTS_OUT=/path/to/target/mutants/<scope>.
    base = os.environ.get("TINTUC_MUTANTS_OUT") or os.path.join(ROOT, "target", "mutants", scope)
    lists = {}
    for kind in ["caught", "timeout", "unviable", "missed", "previously_caught"]:
        lists[kind] = names(os.path.join(base, "mutants.out", kind + ".txt"))
        lists[kind] |= names(os.path.join(base, "history", kind + ".txt"))
    # An earlier run's "previously caught" holds caught and unviable alike.
    lists["caught"] |= lists["previously_caught"] - lists["unviable"]
    counts = {k: 0 for k in ["caught", "timeout", "unviable", "missed", "untested"]}
    missed = []
    for m in mutants:
        # A mutant is retested only while missed: a later "caught" wins.
        for kind in ["caught", "timeout", "unviable", "missed"]:
            if m in lists[kind]:
                counts[kind] += 1
                if kind == "missed":
                    missed.append(m)
                break
        else:
            counts["untested"] += 1
    viable = counts["caught"] + counts["timeout"] + counts["missed"]
    print(f"{scope}: {len(mutants)} mutants")
    for k, v in counts.items():
        print(f"  {k:9} {v}")
    if viable:
        share = (counts["caught"] + counts["timeout"]) / viable
        print(f"  caught or timed out: {share:.1%} of the {viable} viable mutants tested")
    for m in missed:
        print(f"  missed: {m}")


if __name__ == "__main__":
    main()
