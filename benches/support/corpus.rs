//! Synthetic collections for benchmarks: realistic Vietnamese local news,
//! deterministic for a seed.
//!
//! Text comes from a word-bigram chain trained on the bundled articles and
//! on `data/news_sentences.txt`, so words, their frequencies and their
//! neighbours are real Vietnamese; titles follow common headline patterns.
//! Places are real units from the gazetteer with their real parents: old
//! units for articles dated before 2025-07-01, new ones after.
//!
//! Not part of the library: the benchmarks, the `gen_corpus` example and
//! `tests/corpus.rs` include this file by path, each using a part of it.
#![allow(dead_code)]
#![allow(
    clippy::cast_possible_truncation,
    reason = "word numbers below the vocabulary's size, months and days of a calendar"
)]

use std::collections::HashMap;
use std::io::{self, Write};

use jiff::civil::{Date, Time, date};

use tintuc::gazetteer::{Era, Gazetteer, Level, Unit};
use tintuc::load;
use tintuc::model::{Article, Paragraph, ParagraphKind};

const SENTENCES: &str = include_str!("../../data/news_sentences.txt");

/// A small, fast generator with a fixed algorithm (SplitMix64), so that a
/// seed gives the same corpus on every platform and every build.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        ((self.next_u64() >> 11) % n.max(1) as u64) as usize
    }

    pub fn range(&mut self, lo: usize, hi_inclusive: usize) -> usize {
        lo + self.below(hi_inclusive - lo + 1)
    }

    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const SURNAMES: [&str; 14] = [
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý",
    "Phan",
];
const MIDDLE: [&str; 8] = ["Văn", "Thị", "Đức", "Minh", "Hữu", "Thanh", "Ngọc", "Quang"];
const GIVEN: [&str; 20] = [
    "Hùng",
    "Lan",
    "Hương",
    "Tuấn",
    "Dũng",
    "Hà",
    "Nam",
    "Thủy",
    "Hòa",
    "Khoa",
    "Giang",
    "Long",
    "Phượng",
    "Toàn",
    "Sơn",
    "Trang",
    "Quý",
    "Thảo",
    "Bình",
    "Tâm",
];

/// Headline patterns: `{p}` is the main place with its type word, `{y}` a
/// year, `{n}` a small number.
const TITLES: [&str; 30] = [
    "{p} đẩy mạnh xây dựng nông thôn mới nâng cao",
    "{p} hoàn thành mục tiêu nông thôn mới kiểu mẫu năm {y}",
    "Đại hội Đảng bộ {p} lần thứ {n}, nhiệm kỳ {y} - {y5}",
    "Nghị quyết Đại hội Đảng bộ {p} đi vào cuộc sống",
    "{p}: Sơ kết công tác sáu tháng đầu năm {y}",
    "Ủy ban nhân dân {p} triển khai nhiệm vụ phát triển kinh tế - xã hội",
    "HĐND {p} tổ chức kỳ họp thứ {n}",
    "{p} tăng cường công tác phòng, chống dịch bệnh",
    "Tiêm vắc xin phòng COVID-19 cho người dân {p}",
    "{p} tổ chức lễ hội truyền thống năm {y}",
    "Mưa lớn gây ngập úng nhiều tuyến đường tại {p}",
    "Khắc phục hậu quả bão lũ ở {p}",
    "{p} thu hút đầu tư vào khu công nghiệp",
    "Đẩy nhanh giải phóng mặt bằng dự án trọng điểm tại {p}",
    "Nông dân {p} được mùa lúa xuân",
    "Phát triển làng nghề truyền thống ở {p}",
    "{p} ra quân bảo đảm trật tự an toàn giao thông",
    "Công an {p} triệt phá đường dây đánh bạc",
    "Trường học ở {p} sẵn sàng cho năm học mới {y} - {y1}",
    "{p} tuyên dương gương người tốt, việc tốt",
    "Mặt trận Tổ quốc {p} trao nhà đại đoàn kết",
    "Chuyển đổi số trong cải cách hành chính tại {p}",
    "{p} chỉnh trang đô thị, xây dựng nếp sống văn minh",
    "Hội nghị giao ban khối Đảng, đoàn thể {p} quý {q}/{y}",
    "Ban Thường vụ Huyện ủy làm việc với {p}",
    "{p} xử lý nghiêm vi phạm đất đai, trật tự xây dựng",
    "Bảo vệ môi trường làng nghề ở {p}",
    "{p} chăm lo Tết cho gia đình chính sách, hộ nghèo",
    "Giải bóng đá thanh niên {p} năm {y}",
    "Sắp xếp đơn vị hành chính cấp xã tại {p}",
];

const QUARTERS: [&str; 4] = ["I", "II", "III", "IV"];

/// A word-bigram chain over tokens (words and punctuation marks).
struct Chain {
    tokens: Vec<String>,
    /// For each token, the tokens seen after it (with repetition, so
    /// frequent successors are picked more often).
    next: Vec<Vec<u32>>,
    /// Tokens that start a sentence.
    starts: Vec<u32>,
}

fn is_end(t: &str) -> bool {
    matches!(t, "." | "!" | "?")
}

impl Chain {
    fn train<'a>(texts: impl Iterator<Item = &'a str>) -> Chain {
        let mut ids: HashMap<String, u32> = HashMap::new();
        let mut chain = Chain {
            tokens: Vec::new(),
            next: Vec::new(),
            starts: Vec::new(),
        };
        let mut id = |chain: &mut Chain, t: &str| -> u32 {
            *ids.entry(t.to_string()).or_insert_with(|| {
                chain.tokens.push(t.to_string());
                chain.next.push(Vec::new());
                (chain.tokens.len() - 1) as u32
            })
        };
        for text in texts {
            let mut prev: Option<u32> = None;
            for tok in tokenize(text) {
                let t = id(&mut chain, &tok);
                match prev {
                    Some(p) if !is_end(&chain.tokens[p as usize]) => chain.next[p as usize].push(t),
                    _ => {
                        if tok.chars().next().is_some_and(char::is_uppercase) {
                            chain.starts.push(t);
                        }
                    }
                }
                prev = Some(t);
            }
            if let Some(p) = prev
                && !is_end(&chain.tokens[p as usize])
            {
                let dot = id(&mut chain, ".");
                chain.next[p as usize].push(dot);
            }
        }
        chain
    }

    /// One sentence of `min..max` words, ending with a full stop. Numbers
    /// are drawn afresh (figures differ from article to article).
    fn sentence(&self, rng: &mut Rng, min: usize, max: usize) -> Vec<String> {
        self.sentence_tokens(rng, min, max)
            .into_iter()
            .map(|t| {
                if !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()) {
                    if t.len() == 4 && (t.starts_with("19") || t.starts_with("20")) {
                        // A year.
                        return rng.range(1990, 2030).to_string();
                    }
                    let digits = t.len().clamp(1, 3);
                    rng.below(10usize.pow(digits as u32)).to_string()
                } else {
                    t.to_string()
                }
            })
            .collect()
    }

    fn sentence_tokens(&self, rng: &mut Rng, min: usize, max: usize) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        let mut words = 0;
        let mut at = *rng.pick(&self.starts);
        loop {
            let tok = self.tokens[at as usize].as_str();
            if is_end(tok) {
                if words >= min {
                    out.push(tok);
                    return out;
                }
                at = *rng.pick(&self.starts);
                out.push(",");
                continue;
            }
            out.push(tok);
            if tok.chars().next().is_some_and(char::is_alphanumeric) {
                words += 1;
            }
            if words >= max {
                out.push(".");
                return out;
            }
            let next = &self.next[at as usize];
            at = if next.is_empty() {
                *rng.pick(&self.starts)
            } else {
                *rng.pick(next)
            };
        }
    }
}

/// Splits text into words and the punctuation marks that matter for
/// sentence shape; quotes and brackets are dropped.
fn tokenize(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for raw in text.split_whitespace() {
        let trimmed = raw.trim_matches(|c: char| "“”\"()[]…".contains(c));
        let (word, punct) = match trimmed.char_indices().last() {
            Some((i, c)) if ".,;:!?".contains(c) => (&trimmed[..i], Some(c)),
            _ => (trimmed, None),
        };
        let word = word.trim_matches(|c: char| "“”\"()[].,;:".contains(c));
        if !word.is_empty() {
            out.push(word.to_string());
        }
        if let Some(p) = punct {
            out.push(p.to_string());
        }
    }
    out
}

/// Joins tokens into text, without spaces before punctuation.
fn join(tokens: &[String]) -> String {
    let mut s = String::new();
    for t in tokens {
        let punct = t.len() == 1 && ".,;:!?".contains(t.as_str());
        if !s.is_empty() && !punct {
            s.push(' ');
        }
        s.push_str(t);
    }
    s
}

fn capitalise_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn lowercase_first(s: &str) -> String {
    let mut chars = s.chars();
    match (chars.next(), s.split_whitespace().next()) {
        // Keep proper nouns and abbreviations ("Đảng", "UBND") as they are.
        (Some(c), Some(w)) if w.chars().skip(1).all(char::is_lowercase) && w.len() > 1 => {
            c.to_lowercase().chain(chars).collect()
        }
        _ => s.to_string(),
    }
}

/// Where an article is set: the unit and its ancestors, nearest first.
struct Setting<'a> {
    chain: Vec<&'a Unit>,
}

impl Setting<'_> {
    fn main(&self) -> &Unit {
        self.chain[0]
    }

    /// "xã Hương Mạc, huyện Từ Sơn, tỉnh Bắc Ninh"
    fn full(&self) -> String {
        self.chain
            .iter()
            .map(|u| u.full_name())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// Generates synthetic collections.
pub struct Generator {
    chain: Chain,
    old_communes: Vec<&'static Unit>,
    new_communes: Vec<&'static Unit>,
    gazetteer: &'static Gazetteer,
}

impl Default for Generator {
    fn default() -> Self {
        Self::new()
    }
}

impl Generator {
    pub fn new() -> Generator {
        let seeds = load::read_str("seed.json", load::EMBEDDED_ARTICLES).articles;
        let mut texts: Vec<String> = seeds
            .iter()
            .flat_map(|a| a.body.iter())
            .filter(|p| p.kind == ParagraphKind::Text)
            .map(|p| p.text.clone())
            .collect();
        texts.extend(
            SENTENCES
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .map(String::from),
        );
        let chain = Chain::train(texts.iter().map(String::as_str));
        let gazetteer = Gazetteer::embedded();
        let communes = |era| {
            gazetteer
                .units()
                .iter()
                // Units of 2019-2025 only, as before former names were
                // known: the same seed gives the same collection.
                .filter(|u| u.era == era && u.level == Level::Commune && !u.former)
                .collect::<Vec<_>>()
        };
        Generator {
            chain,
            old_communes: communes(Era::Old),
            new_communes: communes(Era::New),
            gazetteer,
        }
    }

    fn setting(&self, rng: &mut Rng, new_era: bool) -> Setting<'static> {
        let pool = if new_era {
            &self.new_communes
        } else {
            &self.old_communes
        };
        let commune: &'static Unit = pool[rng.below(pool.len())];
        let mut chain = vec![commune];
        let g = self.gazetteer;
        chain.extend(
            g.ancestors(commune.id)
                .into_iter()
                .filter_map(|a| g.unit(a)),
        );
        // Many articles are about a district or a whole province.
        let roll = rng.below(100);
        let skip = if roll < 10 {
            chain.len() - 1
        } else if roll < 35 {
            1
        } else {
            0
        };
        Setting {
            chain: chain.split_off(skip.min(chain.len().saturating_sub(1))),
        }
    }

    /// Article `index` of the corpus for `seed`: the same pair always gives
    /// the same article.
    pub fn article(&self, seed: u64, index: usize) -> Article {
        let mut rng = Rng::new(seed ^ (index as u64).wrapping_mul(0xA24B_AED4_963E_E407));
        let day0 = date(2010, 1, 1);
        let days = date(2025, 12, 31) - day0;
        let span = days.get_days() as usize;
        let dated = !rng.chance(3);
        let day: Date = day0
            .checked_add(jiff::Span::new().days(rng.below(span + 1) as i64))
            .unwrap_or(day0);
        let new_era = day >= date(2025, 7, 1);
        let setting = self.setting(&mut rng, new_era);
        let year = day.year() as usize;
        let title = TITLES[rng.below(TITLES.len())]
            .replace("{p}", &setting.main().full_name())
            .replace("{y5}", &(year + 5).to_string())
            .replace("{y1}", &(year + 1).to_string())
            .replace("{y}", &year.to_string())
            .replace("{n}", &rng.range(2, 30).to_string())
            .replace("{q}", QUARTERS[rng.below(4)]);
        let title = capitalise_first(&title);

        let target = rng.range(608, 900);
        let mut words = 0;
        let mut body = Vec::new();
        if rng.chance(40) {
            let caption = format!(
                "Một góc {} hôm nay. (Ảnh: {})",
                setting.full(),
                self.name(&mut rng)
            );
            body.push(Paragraph::new(ParagraphKind::Caption, caption));
        }
        while words + 8 <= target {
            if !body.is_empty() && rng.chance(8) {
                let s = join(&self.chain.sentence(&mut rng, 5, 12));
                let s = s.trim_end_matches('.').to_string();
                words += s.split_whitespace().count();
                body.push(Paragraph::new(ParagraphKind::Subheading, s));
            }
            let mut para = Vec::new();
            for i in 0..rng.range(2, 6) {
                let left = target.saturating_sub(words);
                if left < 8 {
                    break;
                }
                let s = join(&self.chain.sentence(&mut rng, 8, 35.min(left)));
                let s = if i == 0 && rng.chance(35) {
                    format!("Tại {}, {}", setting.full(), lowercase_first(&s))
                } else if rng.chance(10) {
                    format!("Đồng chí {} cho biết: “{}”", self.name(&mut rng), s)
                } else {
                    s
                };
                words += s.split_whitespace().count();
                para.push(s);
            }
            if !para.is_empty() {
                body.push(Paragraph::new(ParagraphKind::Text, para.join(" ")));
            }
        }
        Article {
            id: format!("gen-{seed}-{index:07}"),
            title,
            date: dated.then_some(day),
            month_only: false,
            time: (dated && rng.chance(60))
                .then(|| Time::new(rng.range(6, 21) as i8, rng.below(60) as i8, 0, 0).ok())
                .flatten(),
            places: setting.chain.iter().map(|u| u.name.clone()).collect(),
            author: rng.chance(80).then(|| self.name(&mut rng)),
            source: None,
            body,
        }
    }

    fn name(&self, rng: &mut Rng) -> String {
        format!(
            "{} {} {}",
            rng.pick(&SURNAMES),
            rng.pick(&MIDDLE),
            rng.pick(&GIVEN)
        )
    }

    /// `n` articles for `seed`.
    pub fn generate(&self, n: usize, seed: u64) -> Vec<Article> {
        use rayon::prelude::*;
        (0..n)
            .into_par_iter()
            .map(|i| self.article(seed, i))
            .collect()
    }

    /// Writes `n` articles as a JSON array, one compact article per line,
    /// without holding the whole corpus in memory.
    pub fn write_json(&self, n: usize, seed: u64, out: &mut impl Write) -> io::Result<()> {
        out.write_all(b"[\n")?;
        for start in (0..n).step_by(1024) {
            let chunk = self.generate_range(start, (start + 1024).min(n), seed);
            for (i, a) in chunk.iter().enumerate() {
                serde_json::to_writer(&mut *out, a)?;
                out.write_all(if start + i + 1 < n { b",\n" } else { b"\n" })?;
            }
        }
        out.write_all(b"]\n")
    }

    fn generate_range(&self, start: usize, end: usize, seed: u64) -> Vec<Article> {
        use rayon::prelude::*;
        (start..end)
            .into_par_iter()
            .map(|i| self.article(seed, i))
            .collect()
    }
}

/// One line per article (date, places, title, body), for tools that
/// search lines, such as `fzf --filter`.
pub fn to_line(a: &Article) -> String {
    let date = a.date.map(|d| d.to_string()).unwrap_or_default();
    let body: Vec<&str> = a.body.iter().map(|p| p.text.as_str()).collect();
    format!(
        "{date} | {} | {} | {}",
        a.places.join(", "),
        a.title,
        body.join(" ")
    )
}
