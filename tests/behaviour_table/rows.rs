//! The rows of the behaviour table: each query of the query language and
//! each ranking rule, with the ids of tests/fixtures/behaviour.json it must
//! find, best first.

/// One row: a query and the ids it must find, best first.
pub(crate) type Row = (&'static str, &'static [&'static str]);

pub(crate) const TUSON: &[&str] = &["place-huongmac", "place-dongky", "place-tuson"];
/// The province, its towns and wards, and tỉnh Hà Bắc (1962–1996),
/// whose land is Bắc Ninh's since 2025.
pub(crate) const BACNINH: &[&str] = &[
    "covid-1",
    "place-huongmac",
    "place-dongky",
    "place-tuson",
    "place-habac",
];
pub(crate) const THON: &[&str] = &[
    "prefix-nong-thon",
    "prefix-thon",
    "place-trucson",
    "prefix-thong",
    "abbr-hdnd-short",
    "place-thuongtin",
];
/// "phien" forgives one typo: "khiến" (covid-1) ranks after every
/// "phiên".
pub(crate) const PHIEN: &[&str] = &[
    "date-oct-01",
    "date-sep-30",
    "date-sep-01",
    "date-aug-31",
    "date-undated",
    "covid-1",
];
/// What a typo of "phien" finds: the "phiên" of each, not "khiến" (two
/// edits from "phein").
pub(crate) const PHIEN_EXACT: &[&str] = &[
    "date-oct-01",
    "date-sep-30",
    "date-sep-01",
    "date-aug-31",
    "date-undated",
];
pub(crate) const HO: &[&str] = &[
    "rank-title-2",
    "place-socson",
    "place-noibai",
    "rank-date-new",
    "date-leap",
    "rank-repeat-2",
    "abbr-hdnd-short",
    "phrase-one-para",
    "date-oct-01",
    "date-sep-30",
    "date-sep-01",
    "date-aug-31",
    "tone-hoa-new",
    "tone-hoa-old",
    "rank-date-old",
    "rank-date-undated",
    "date-undated",
    "phrase-across-paras",
    "rank-adjacent-1",
    "rank-adjacent-2",
    "abbr-hdnd-long",
    "phrase-scattered",
    "prefix-tho",
    "prefix-nong-thon",
    "diac-dang-party",
    "place-dongky",
];
pub(crate) const XIEM: &[&str] = &["rank-date-new", "rank-date-old", "rank-date-undated"];
pub(crate) const PHIEN_2020_09: &[&str] = &["date-sep-30", "date-sep-01"];
pub(crate) const UBND: &[&str] = &["abbr-ubnd-long", "abbr-ubnd-short"];
pub(crate) const HDND: &[&str] = &["abbr-hdnd-long", "abbr-hdnd-short"];

pub(crate) const ROWS: &[Row] = &[
    // Keywords: a word that starts with what is typed, diacritics folded.
    ("thon", THON),
    ("THÔN", THON),
    (
        "thông",
        &["prefix-thong", "abbr-hdnd-short", "place-thuongtin"],
    ),
    // Diacritics typed count: "thô" starts "thôn" and "thông", whole in "thô"
    // (of the titles that start "thôn" or "thông", those with the rarer
    // word first).
    (
        "thô",
        &[
            "prefix-tho",
            "prefix-nong-thon",
            "prefix-thon",
            "place-trucson",
            "prefix-thong",
            "abbr-hdnd-short",
            "place-thuongtin",
        ],
    ),
    (
        "dang",
        &["diac-dang-form", "diac-dang-party", "diac-dang-now"],
    ),
    ("đang", &["diac-dang-now"]),
    ("Đảng", &["diac-dang-party"]),
    ("dạng", &["diac-dang-form"]),
    // Old and new tone placement are one spelling ("Thị ủy" spells it
    // across title words, last).
    ("hoà", &["tone-hoa-new", "tone-hoa-old", "prefix-nong-thon"]),
    ("hòa", &["tone-hoa-new", "tone-hoa-old", "prefix-nong-thon"]),
    (
        "thuỷ",
        &[
            "place-thuongtin",
            "tone-thuy-new",
            "tone-thuy-old",
            "place-tuson",
        ],
    ),
    (
        "thủy",
        &[
            "place-thuongtin",
            "tone-thuy-new",
            "tone-thuy-old",
            "place-tuson",
        ],
    ),
    // Typos: one edit forgiven from five letters, two from nine, one in
    // a shorter word that starts nothing; found as typed ranks first.
    ("phein", PHIEN_EXACT),
    ("phieen", PHIEN_EXACT),
    // "thn" starts no word: every word one edit from a start of it.
    (
        "thn",
        &[
            "rank-repeat-2",
            "rank-title-2",
            "abbr-hdnd-short",
            "phrase-across-paras",
            "prefix-tho",
            "prefix-nong-thon",
            "prefix-thong",
            "prefix-thon",
            "place-thuongtin",
            "date-oct-01",
            "date-sep-30",
            "date-sep-01",
            "date-aug-31",
            "spell-tuson",
            "diac-dang-form",
            "diac-dang-party",
            "tone-thuy-new",
            "tone-thuy-old",
            "place-tuson",
            "place-trucson",
            "place-noibai",
            "place-maidinh",
            "rank-adjacent-2",
            "rank-prefix-2",
            "abbr-ubnd-short",
            "rank-adjacent-1",
            "rank-repeat-1",
            "date-undated",
        ],
    ),
    (
        "nong thn",
        &["rank-repeat-2", "prefix-nong-thon", "rank-repeat-1"],
    ),
    ("khuaan", &["covid-1"]),
    (
        "hooa",
        &[
            "rank-repeat-2",
            "tone-hoa-new",
            "tone-hoa-old",
            "rank-date-undated",
            "prefix-nong-thon",
        ],
    ),
    (
        "sonn",
        &[
            "spell-tuson",
            "place-tuson",
            "place-trucson",
            "place-socson",
        ],
    ),
    // Every keyword must match.
    ("nong thon", &["prefix-nong-thon"]),
    ("nong thon xyz", &[]),
    // 'exact: the whole word only.
    (
        "'thon",
        &["prefix-nong-thon", "prefix-thon", "place-trucson"],
    ),
    ("'thô", &["prefix-tho"]),
    ("'tho", &["prefix-tho"]),
    ("'hòa", &["tone-hoa-new", "tone-hoa-old"]),
    // Without the tone typed, "hoa" (flower) is the same word too.
    (
        "'hoa",
        &["tone-hoa-new", "tone-hoa-old", "rank-date-undated"],
    ),
    // A start typed with its tone mark: "hò" starts "hoà", "hó" does not,
    // nor any word: it is searched without its mark (with a hint).
    ("hò", &["tone-hoa-new", "tone-hoa-old", "prefix-nong-thon"]),
    ("hó", HO),
    ("ho", HO),
    // "phrase": words one after another within one paragraph.
    ("\"đèn đường\"", &["phrase-one-para"]),
    ("\"bóng đèn đường\"", &[]),
    // An open phrase (being typed): the last word is a word start.
    ("\"đèn đư", &["phrase-one-para"]),
    ("\"nông th", &["prefix-nong-thon"]),
    // Keywords side by side outrank keywords found in the title apart.
    (
        "đèn đường",
        &["phrase-one-para", "phrase-scattered", "phrase-across-paras"],
    ),
    // !negation: any kind of term; a negated keyword is exact, not spelled.
    ("@bacninh !@tuson", &["covid-1", "place-habac"]),
    ("@tuson !tuson", TUSON),
    (
        "phien !#2020-09",
        &["date-oct-01", "date-aug-31", "covid-1"],
    ),
    ("xiem !xuan", &[]),
    ("sen !ao", &["rank-title-2"]),
    // a|b: either term, the union.
    (
        "covid|@hanoi",
        &[
            "covid-1",
            "place-noibai",
            "place-maidinh",
            "place-thuongtin",
            "place-socson",
            "place-hatay",
        ],
    ),
    (
        "sen|tre",
        &[
            "rank-whole-1",
            "rank-title-1",
            "rank-whole-2",
            "rank-title-2",
        ],
    ),
    ("covid", &["covid-1"]),
    // One and two letters: the first keystrokes of a word.
    ("xi", XIEM),
    ("ub", &["abbr-ubnd-short"]),
    // Spelling across title words, from word beginnings. A place's name
    // run together also finds the articles about the place (or a place
    // inside it: Hương Mạc, Đồng Kỵ), first, and its name as words.
    (
        "tuson",
        &[
            "place-tuson",
            "place-huongmac",
            "place-dongky",
            "spell-tuson",
        ],
    ),
    (
        "thixatuson",
        &[
            "place-huongmac",
            "place-dongky",
            "place-tuson",
            "spell-tuson",
        ],
    ),
    ("txts", &["spell-tuson"]),
    (
        "từsơn",
        &[
            "place-tuson",
            "place-huongmac",
            "place-dongky",
            "spell-tuson",
        ],
    ),
    // Marks that start no word are dropped (with a hint).
    ("tusơn", &["spell-tuson", "place-tuson"]),
    ("tusonx", &[]),
    // Initials of consecutive title words; scattered letters do not count.
    ("lgmn", &["spell-tuson"]),
    ("lmnt", &[]),
    // A word with a hyphen is its parts one after another.
    ("covid-19", &["covid-1"]),
    ("covid-20", &[]),
    // A phrase among keywords is one term of several.
    ("sửa \"dọn đường\" ngõ", &["phrase-scattered"]),
    ("sửa \"đường dọn\" ngõ", &[]),
    // Unfinished terms are ignored while typing.
    ("xiem !", XIEM),
    ("xiem '", XIEM),
    ("xiem \"", XIEM),
    ("xiem |", XIEM),
    ("xiem !|", XIEM),
    ("xiem \"\"", XIEM),
    ("xiem @", XIEM),
    ("xiem @\"", XIEM),
    ("xiem @\"\"", XIEM),
    ("xiem is:", XIEM),
    // is: terms over no reading state: everything is unread; an unknown
    // value is a hint and filters nothing.
    ("xiem is:unread", XIEM),
    ("xiem is:u", XIEM),
    ("xiem is:read", &[]),
    ("xiem !is:read", XIEM),
    ("xiem is:bookmarked", &[]),
    ("xiem is:starred", XIEM),
    // @place: the place and all inside it, under old and new names.
    ("@tuson", TUSON),
    ("@\"Từ Sơn\"", TUSON),
    ("@\"tu son\"", TUSON),
    ("@\"TỪ SƠN\"", TUSON),
    ("@\"thị xã Từ Sơn\"", TUSON),
    ("@thanhphotuson", TUSON),
    ("@\"thành phố Từ Sơn\"", TUSON),
    // An unfinished quoted name is a start.
    ("@\"Từ", TUSON),
    ("@\"Tú Sơn\"", &[]),
    ("@trucson", &["place-trucson"]),
    ("@huongmac", &["place-huongmac"]),
    ("@bacninh", BACNINH),
    ("@\"Bắc Ninh\"", BACNINH),
    // Only when no place has the name exactly: near names, then starts.
    ("@bacnnh", BACNINH),
    ("@bac", BACNINH),
    ("@trcson", &["place-trucson"]),
    // The 2025 reorganisation: Đồng Kỵ became part of phường Đồng Nguyên;
    // xã Nội Bài (a new name) was made from Mai Đình and others.
    ("@dongnguyen", &["place-dongky"]),
    ("@noibai", &["place-noibai", "place-maidinh"]),
    // A province gone before 2025 is found under its own name and under
    // the province its land belongs to now (above), never under another
    // gone province's name.
    ("@habac", &["place-habac"]),
    ("@hatay", &["place-hatay"]),
    ("@\"Hà Bắc\"", &["place-habac"]),
    ("@\"tỉnh Hà Bắc\"", &["place-habac"]),
    ("@maidinh", &["place-noibai", "place-maidinh"]),
    (
        "@socson",
        &["place-noibai", "place-maidinh", "place-socson"],
    ),
    (
        "@hanoi",
        &[
            "place-noibai",
            "place-maidinh",
            "place-thuongtin",
            "place-socson",
            "place-hatay",
        ],
    ),
    // #dates: year, month, day, both orders, ranges; undated never match.
    ("phien", PHIEN),
    ("phien #2020-09", PHIEN_2020_09),
    ("phien #2020-09..2020-09", PHIEN_2020_09),
    ("phien #9/2020", PHIEN_2020_09),
    ("phien #2020-09-01", &["date-sep-01"]),
    ("phien #1/9/2020", &["date-sep-01"]),
    (
        "phien #2020",
        &["date-oct-01", "date-sep-30", "date-sep-01", "date-aug-31"],
    ),
    (
        "phien #20",
        &[
            "date-oct-01",
            "date-sep-30",
            "date-sep-01",
            "date-aug-31",
            "covid-1",
        ],
    ),
    (
        "phien #2020-09..",
        &["date-oct-01", "date-sep-30", "date-sep-01", "covid-1"],
    ),
    ("phien #..2020-08", &["date-aug-31"]),
    (
        "phien #2020-08..2020-09",
        &["date-sep-30", "date-sep-01", "date-aug-31"],
    ),
    (
        "phien #202",
        &[
            "date-oct-01",
            "date-sep-30",
            "date-sep-01",
            "date-aug-31",
            "covid-1",
        ],
    ),
    (
        "phien #2017..",
        &[
            "date-oct-01",
            "date-sep-30",
            "date-sep-01",
            "date-aug-31",
            "covid-1",
        ],
    ),
    ("phien #2017..2019", &[]),
    (
        "phien #2017-2020",
        &["date-oct-01", "date-sep-30", "date-sep-01", "date-aug-31"],
    ),
    ("nhuan #2/2024", &["date-leap"]),
    ("nhuan #2024-02", &["date-leap"]),
    ("nhuan #29/2/2024", &["date-leap"]),
    // "nhuan" forgives one typo: "chuẩn" (2023).
    ("nhuan #2023", &["rank-prefix-2"]),
    ("phien #2021..20", &["covid-1"]),
    ("phien #..2019", &[]),
    // A date that cannot be is a hint and filters nothing.
    ("phien #31/2/2020", PHIEN),
    ("phien #2020..2017", PHIEN),
    ("phien #abc", PHIEN),
    ("phien #2020-13", PHIEN),
    (
        "#..2016",
        &[
            "rank-date-old",
            "rank-adjacent-1",
            "rank-repeat-1",
            "rank-prefix-1",
            "rank-whole-1",
            "place-trucson",
            "rank-title-1",
            "place-socson",
            "place-hatay",
            "place-habac",
        ],
    ),
    (
        "#2017..2018",
        &[
            "place-dongky",
            "tone-thuy-new",
            "tone-thuy-old",
            "tone-hoa-new",
            "tone-hoa-old",
            "place-tuson",
        ],
    ),
    // Abbreviations match their expansions, both ways.
    ("UBND", UBND),
    ("ubnd", UBND),
    ("\"ủy ban nhân dân\"", UBND),
    ("\"uỷ ban nhân dân\"", UBND),
    ("\"uy ban nhan dan\"", UBND),
    ("HĐND", HDND),
    ("\"hội đồng nhân dân\"", HDND),
    ("NTM", &["prefix-nong-thon"]),
    // Ranking, one rule per pair (the second of each pair is newer, so
    // the date tie-break alone would put it first):
    // a title match over any body match, repeats included;
    ("sen", &["rank-title-1", "rank-title-2"]),
    // a whole word over a word start;
    ("tre", &["rank-whole-1", "rank-whole-2"]),
    // a word start over a spelling across title words;
    ("chua", &["rank-prefix-1", "rank-prefix-2"]),
    // repeated mentions count;
    ("vải", &["rank-repeat-1", "rank-repeat-2"]),
    // keywords side by side as typed over scattered ones;
    ("mit thai", &["rank-adjacent-1", "rank-adjacent-2"]),
    // the rarer word over the common one ("bông" in one body, "bóng" in
    // three), then the date;
    (
        "bong",
        &[
            "rank-rare-1",
            "rank-rare-2",
            "rank-rare-common",
            "phrase-across-paras",
        ],
    ),
    // ties go newest first, undated last.
    (
        "xiem",
        &["rank-date-new", "rank-date-old", "rank-date-undated"],
    ),
];
