#!/usr/bin/env python3
"""Score `tintuc ingest` on a labelled set of raw pages.

    python3 scripts/ingest_score.py LABELS.json... [--raw DIR] [--bin PATH] [-v] [--fold-marks]

Each LABELS.json is a list of objects, one per raw page:

    {"file": "gov-01.txt", "site": "...", "site_type": "gov-portal",
     "title": "..." | null, "date": "2024-06-02" | "2025-07" | null,
     "places": ["Từ Sơn", ...], "not_places": [...], "authors": [...]}

The pages (`file`, in --raw, by default the labels' directory's `../raw`)
are ingested in one run of the binary, and each field is compared with
its label:

- title: equal once both are NFC, spaces collapsed, case folded, the
  look-alike Ð read as Đ and a headline's closing full stop dropped; a
  page labelled with no title is not counted;
- date: equal (a month-only label must come out month-only); pages that
  state no date count as wrong when a date is made up for them;
- places: precision and recall over every page's set of names, compared
  with tone placement folded ("Hoà" is "Hòa") and dashes and apostrophes
  alike; a name in `not_places`
  that comes out as a place is listed;
- authors: the byline's names, split on "-", "–", ",", ";" and "và" on
  both sides, without a note in parentheses ("Thanh Hà (TTXVN)").

Figures are given per site type and in all; -v lists every miss.
"""

import argparse
import collections
import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata

TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def norm(text):
    # Ingest reads the look-alike Ð (U+00D0) as Đ; a label may keep it.
    text = unicodedata.normalize("NFC", text or "").replace("Ð", "Đ").replace("ð", "đ")
    return " ".join(text.split()).casefold()


def title_norm(text):
    # "… nâng cao năm 2023." and "… nâng cao năm 2023" are one headline.
    text = norm(text)
    return text[:-1].rstrip() if text.endswith(".") and not text.endswith("..") else text


# How a label may write a name that ingest gives by its canonical name.
ALIASES = {"tphcm": "hồ chí minh", "tp.hcm": "hồ chí minh", "tp hcm": "hồ chí minh", "hcm": "hồ chí minh"}
NUMBERED = re.compile(r"^(?:phường|quận|xã|p\.|q\.)\s*(\d+)$")


def place_key(name):
    """A name with its tone marks moved to the end of each word, so that
    old and new tone placement compare equal; "Phường 7" is "7", as
    labels write numbered wards."""
    name = norm(name)
    name = ALIASES.get(name, name)
    numbered = NUMBERED.match(name)
    if numbered:
        name = numbered.group(1)
    words = []
    # "Cư M’gar" and "Cư M'gar": apostrophes compare alike, as dashes do.
    name = name.replace("’", "'").replace("‘", "'")
    for word in name.replace("-", " ").replace("–", " ").split():
        decomposed = unicodedata.normalize("NFD", word)
        tones = "".join(c for c in decomposed if c in TONES)
        base = "".join(c for c in decomposed if c not in TONES)
        words.append(unicodedata.normalize("NFC", base) + tones)
    key = " ".join(words)
    if FOLD_MARKS:
        key = "".join(
            c
            for c in unicodedata.normalize("NFD", key.replace("đ", "d"))
            if not unicodedata.combining(c) and not c.isspace()
        )
    return key


# With --fold-marks, names compare without any marks or spaces: pages
# spell the names of the highlands with and without them ("Mù Cang Chải",
# "Đăk Nông", "Cư Ebur", "ĐaKrông") for the unit the gazetteer spells one
# way.
FOLD_MARKS = False


def author_names(text):
    if not text:
        return set()
    # "Thanh Hà (TTXVN)": the note after the names is no name.
    text = re.sub(r"\s*\([^)]*\)", "", text)
    parts = re.split(r"\s+-\s+|,|;|\s+và\s+|\s+–\s+", text)
    return {norm(p) for p in parts if p.strip()}


def ingest(binary, paths):
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "out.json")
        run = subprocess.run(
            [binary, "ingest", "-o", out, *paths],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
        if run.returncode not in (0, 2) or not os.path.exists(out):
            sys.exit(f"tintuc ingest failed ({run.returncode}): {run.stderr}")
        with open(out, encoding="utf-8") as f:
            return {a["id"]: a for a in json.load(f)}, run.stderr


class Tally:
    def __init__(self):
        self.pages = 0
        self.titles = [0, 0]
        self.dates = [0, 0]
        self.dates_made_up = 0
        self.places = [0, 0, 0]  # found right, found, labelled
        self.authors = [0, 0]
        self.not_places = 0

    def add(self, other):
        self.pages += other.pages
        for mine, theirs in (
            (self.titles, other.titles),
            (self.dates, other.dates),
            (self.places, other.places),
            (self.authors, other.authors),
        ):
            for i, n in enumerate(theirs):
                mine[i] += n
        self.dates_made_up += other.dates_made_up
        self.not_places += other.not_places

    def row(self, name):
        right, found, labelled = self.places
        precision = right / found if found else 1.0
        recall = right / labelled if labelled else 1.0
        return (
            f"{name:<18} {self.pages:>5} {self.titles[0]:>4}/{self.titles[1]:<4}"
            f" {self.dates[0]:>4}/{self.dates[1]:<4} {self.dates_made_up:>6}"
            f" {precision:>6.2f} {recall:>6.2f}"
            f" {self.authors[0]:>4}/{self.authors[1]:<4} {self.not_places:>5}"
        )


HEADER = (
    f"{'site type':<18} {'pages':>5} {'titles':>9} {'dates':>9} {'made-up':>6}"
    f" {'P':>6} {'R':>6} {'authors':>9} {'people':>5}"
)


def score(label, article, misses):
    tally = Tally()
    tally.pages = 1
    name = label["file"]
    if label.get("title"):
        tally.titles[1] = 1
        got = article.get("title", "")
        if title_norm(got) == title_norm(label["title"]):
            tally.titles[0] = 1
        else:
            misses.append(f"{name}: title {got!r}, labelled {label['title']!r}")
    got_date = article.get("date")
    if label.get("date"):
        tally.dates[1] = 1
        if got_date == label["date"]:
            tally.dates[0] = 1
        else:
            misses.append(f"{name}: date {got_date}, labelled {label['date']}")
    elif got_date:
        tally.dates_made_up = 1
        misses.append(f"{name}: date {got_date}, the page states none")
    want = {place_key(p): p for p in label.get("places", [])}
    got = {place_key(p): p for p in article.get("places", [])}
    tally.places = [len(want.keys() & got.keys()), len(got), len(want)]
    if want.keys() - got.keys():
        missed = sorted(want[k] for k in want.keys() - got.keys())
        misses.append(f"{name}: places missed {missed}")
    if got.keys() - want.keys():
        extra = sorted(got[k] for k in got.keys() - want.keys())
        misses.append(f"{name}: places extra {extra}")
    people = sorted(
        p for p in label.get("not_places", []) if place_key(p) in got
    )
    tally.not_places = len(people)
    if people:
        misses.append(f"{name}: a person or company taken for a place {people}")
    # A label may hold the byline as printed ("Đức Mạo – Sơn Trung"):
    # its names are split as the article's are.
    want_authors = set().union(*(author_names(a) for a in label.get("authors", [])))
    got_authors = author_names(article.get("author"))
    tally.authors[1] = 1
    if want_authors == got_authors:
        tally.authors[0] = 1
    else:
        misses.append(
            f"{name}: authors {sorted(got_authors)}, labelled {sorted(want_authors)}"
        )
    return tally


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("labels", nargs="+")
    parser.add_argument("--raw", help="directory of the raw pages")
    parser.add_argument("--bin", default="target/release/tintuc")
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument(
        "--fold-marks", action="store_true", help="compare place names without any marks"
    )
    args = parser.parse_args()
    global FOLD_MARKS
    FOLD_MARKS = args.fold_marks

    labels = []
    for path in args.labels:
        with open(path, encoding="utf-8") as f:
            raw = args.raw or os.path.join(os.path.dirname(path), "..", "raw")
            labels += [(raw, label) for label in json.load(f)]
    paths = [os.path.join(raw, label["file"]) for raw, label in labels]
    articles, _ = ingest(args.bin, paths)

    by_type = collections.defaultdict(Tally)
    total = Tally()
    misses = []
    for _, label in labels:
        stem = os.path.splitext(label["file"])[0]
        article = articles.get(stem)
        if article is None:
            misses.append(f"{label['file']}: not ingested")
            article = {}
        tally = score(label, article, misses)
        by_type[label.get("site_type", "?")].add(tally)
        total.add(tally)

    print(HEADER)
    for name in sorted(by_type):
        print(by_type[name].row(name))
    print(total.row("all"))
    if args.verbose:
        print()
        print("\n".join(misses))


if __name__ == "__main__":
    main()
