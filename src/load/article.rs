//! One article: read from its JSON value into a lenient raw form, then
//! validated field by field.

use std::borrow::Cow;
use std::fmt;

use jiff::civil::{Date, Time};
use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::value::RawValue;

use super::position::{Cursor, serde_offset, strip_serde_position};
use super::{Lost, Problem};
use crate::model::{Article, Paragraph, ParagraphKind};
use crate::text::sanitize_inline;

impl Parsed {
    pub(super) fn rejected(at: (usize, usize), index: usize, problem: Problem) -> Parsed {
        Parsed {
            article: None,
            at,
            index,
            problem: Some(problem),
            later: Vec::new(),
        }
    }
}

/// One article read and validated on its own.
pub(super) struct Parsed {
    pub(super) article: Option<Article>,
    /// Line and column of the article.
    pub(super) at: (usize, usize),
    pub(super) index: usize,
    /// A problem that rejects the article (no id, no title, bad JSON).
    pub(super) problem: Option<Problem>,
    /// Problems with a field, reported if the article is taken.
    pub(super) later: Vec<Problem>,
}

/// Articles longer than this (in JSON text) are refused unread: the
/// longest news articles are a few hundred kilobytes, and reading one
/// takes several times its size in memory.
#[allow(clippy::cast_possible_truncation, reason = "8 MiB fits any usize")]
pub const MAX_ARTICLE_BYTES: usize = crate::ingest::MAX_FILE_BYTES as usize;

/// An article refused for its size, `bytes` of JSON.
pub(super) fn too_large(name: &str, bytes: usize, index: usize, at: (usize, usize)) -> Parsed {
    let mb = |n: usize| crate::files::megabytes(n as u64);
    Parsed::rejected(
        at,
        index,
        Problem {
            file: name.to_string(),
            position: Some(at),
            message: format!(
                "article #{index} is too large ({}; the limit for an article is {})",
                mb(bytes),
                mb(MAX_ARTICLE_BYTES)
            ),
            lost: Lost::Article,
        },
    )
}

pub(super) fn parse_article(name: &str, json: &str, index: usize, at: (usize, usize)) -> Parsed {
    let mut out = Parsed {
        article: None,
        at,
        index,
        problem: None,
        later: Vec::new(),
    };
    if json.len() > MAX_ARTICLE_BYTES {
        return too_large(name, json.len(), index, at);
    }
    let problem = |position, message, lost| Problem {
        file: name.to_string(),
        position,
        message,
        lost,
    };
    let parsed: RawArticle = match serde_json::from_str(json) {
        Ok(a) => a,
        Err(e) => {
            // Where in the article, then where the article is.
            let (l, c) = Cursor::default().position(json, serde_offset(json, 0, &e));
            let (l, c) = if l == 1 {
                (at.0, at.1 + c - 1)
            } else {
                (at.0 + l - 1, c)
            };
            let message = strip_serde_position(&e.to_string());
            out.problem = Some(problem(
                Some((l, c)),
                format!("article #{index}: {message}"),
                Lost::Article,
            ));
            return out;
        }
    };
    let id = parsed
        .id
        .as_deref()
        .map(sanitize_inline)
        .unwrap_or_default();
    if id.is_empty() {
        // An id of control sequences only is there, but unusable: say so.
        let message = match parsed.id.as_deref().map(str::trim) {
            Some(raw) if !raw.is_empty() => format!(
                "article #{index}: the id \"{}\" has nothing but control characters",
                shortened(raw)
            ),
            _ => format!("article #{index} has no id"),
        };
        out.problem = Some(problem(Some(at), message, Lost::Article));
        return out;
    }
    let title = parsed
        .title
        .map(|t| sanitize_inline(&t))
        .unwrap_or_default();
    if title.is_empty() {
        out.problem = Some(problem(
            Some(at),
            format!("article #{index} (id \"{id}\") has no title"),
            Lost::Article,
        ));
        return out;
    }
    let note = |message| problem(Some(at), message, Lost::Nothing);
    let (date, time, month_only) = when(
        parsed.date.as_deref(),
        parsed.time.as_deref(),
        &id,
        &note,
        &mut out.later,
    );
    let mut places: Vec<String> = Vec::new();
    for p in parsed.places.0 {
        let p = sanitize_inline(&p);
        if !p.is_empty() && !places.contains(&p) {
            places.push(p);
        }
    }
    let clean = |s: Option<Cow<'_, str>>| s.map(|s| sanitize_inline(&s)).filter(|s| !s.is_empty());
    let body = parsed
        .body
        .0
        .into_iter()
        .filter_map(|(kind, text)| {
            let text = sanitize_inline(&text);
            (!text.is_empty()).then(|| Paragraph::new(kind, text))
        })
        .collect();
    out.article = Some(Article {
        id,
        title,
        date,
        month_only,
        time,
        places,
        author: clean(parsed.author),
        source: clean(parsed.source),
        body,
    });
    out
}

/// An article's date, time, and whether the date is a month only, each
/// left out (and said in `later`) when it cannot be read: the article is
/// kept all the same.
fn when(
    raw_date: Option<&str>,
    raw_time: Option<&str>,
    id: &str,
    note: &dyn Fn(String) -> Problem,
    later: &mut Vec<Problem>,
) -> (Option<Date>, Option<Time>, bool) {
    let mut date = None;
    let mut time = None;
    let mut month_only = false;
    if let Some(d) = raw_date.map(str::trim).filter(|d| !d.is_empty()) {
        match parse_date(d) {
            Ok((d, t)) => {
                date = Some(d);
                time = t;
            }
            Err(_) if parse_month(d).is_some() => {
                date = parse_month(d);
                month_only = true;
            }
            Err(why) => later.push(note(format!(
                "article \"{id}\": date \"{}\" {why}",
                shortened(d)
            ))),
        }
    }
    if let Some(t) = raw_time.map(str::trim).filter(|t| !t.is_empty()) {
        match parse_time(t) {
            Some(t) => time = Some(t),
            None => later.push(note(format!(
                "article \"{id}\": time \"{}\" is not a time of day (HH:MM)",
                shortened(t)
            ))),
        }
    }
    (date, time, month_only)
}

/// A month as written in collections: `YYYY-MM` (or `MM/YYYY`), as its
/// first day.
pub fn parse_month(s: &str) -> Option<Date> {
    let split2 = |sep: char| -> Option<(i64, i64)> {
        let (a, b) = s.split_once(sep)?;
        let short = |p: &str| (1..=4).contains(&p.trim().len());
        if !short(a) || !short(b) {
            return None;
        }
        Some((a.trim().parse().ok()?, b.trim().parse().ok()?))
    };
    let (y, m) = match (split2('-'), split2('/')) {
        (Some((y, m)), _) => (y, m),
        (None, Some((m, y))) => (y, m),
        (None, None) => return None,
    };
    if y < 1000 {
        return None;
    }
    make_date(y, m, 1).ok()
}

/// Parses a date as written in collections: `YYYY-MM-DD`, an RFC 3339
/// timestamp (shown in Vietnam's time, UTC+7), or `DD/MM/YYYY`.
pub fn parse_date(s: &str) -> Result<(Date, Option<Time>), String> {
    if let Ok(ts) = s.parse::<jiff::Timestamp>() {
        let local = ts.to_zoned(jiff::tz::TimeZone::fixed(jiff::tz::offset(7)));
        return Ok((local.date(), Some(local.time())));
    }
    if let Some((y, m, d)) = split3(s, '-') {
        return make_date(y, m, d).map(|d| (d, None));
    }
    if let Some((d, m, y)) = split3(s, '/') {
        return make_date(y, m, d).map(|d| (d, None));
    }
    if let Ok(dt) = s.parse::<jiff::civil::DateTime>() {
        return Ok((dt.date(), Some(dt.time())));
    }
    Err("is not a date (YYYY-MM-DD)".into())
}

fn split3(s: &str, sep: char) -> Option<(i64, i64, i64)> {
    let mut parts = s.split(sep);
    let a = parts.next()?.trim().parse().ok()?;
    let b = parts.next()?.trim().parse().ok()?;
    let c = parts.next()?.trim().parse().ok()?;
    parts.next().is_none().then_some((a, b, c))
}

fn make_date(y: i64, m: i64, d: i64) -> Result<Date, String> {
    let (Ok(y), Ok(m), Ok(d)) = (i16::try_from(y), i8::try_from(m), i8::try_from(d)) else {
        return Err("is out of range".into());
    };
    Date::new(y, m, d).map_err(|_| "does not exist in the calendar".to_string())
}

pub fn parse_time(s: &str) -> Option<Time> {
    let mut parts = s.split(':');
    let h: i8 = parts.next()?.trim().parse().ok()?;
    let m: i8 = parts.next()?.trim().parse().ok()?;
    let sec: i8 = match parts.next() {
        Some(p) => p.trim().parse().ok()?,
        None => 0,
    };
    if parts.next().is_some() {
        return None;
    }
    Time::new(h, m, sec, 0).ok()
}

/// A value quoted in a message, cut short: a message is read, not a copy
/// of the input.
pub(super) fn shortened(s: &str) -> Cow<'_, str> {
    const SHOWN: usize = 60;
    match s.char_indices().nth(SHOWN) {
        Some((end, _)) => Cow::Owned(format!("{}…", &s[..end])),
        None => Cow::Borrowed(s),
    }
}

/// An article as written, before validation: every field optional and
/// lenient in type where a reasonable writer might differ.
#[derive(Deserialize)]
struct RawArticle<'a> {
    #[serde(default, borrow, deserialize_with = "de_id")]
    id: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    title: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    date: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    time: Option<Cow<'a, str>>,
    #[serde(default)]
    places: Places,
    #[serde(default, borrow)]
    author: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    source: Option<Cow<'a, str>>,
    #[serde(default)]
    body: Body,
}

/// Ids may be strings or whole numbers. A number is read from its text,
/// not as a float: `1e30` and `1000000000000000000000000000000` are both
/// the id `1000000000000000000000000000000`, never `1e+30`.
fn de_id<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Cow<'de, str>>, D::Error> {
    let raw = <&'de RawValue>::deserialize(d)?;
    let json = raw.get();
    match json.as_bytes().first() {
        Some(b'"') => match serde_json::from_str::<&'de str>(json) {
            Ok(s) => Ok(Some(Cow::Borrowed(s))),
            // Escapes: the string must be built.
            Err(_) => serde_json::from_str::<String>(json)
                .map(|s| Some(Cow::Owned(s)))
                .map_err(de::Error::custom),
        },
        Some(b'-' | b'0'..=b'9') => whole_number(json)
            .map(|n| Some(Cow::Owned(n)))
            .map_err(de::Error::custom),
        Some(b'n') => Ok(None),
        first => {
            let what = match first {
                Some(b't' | b'f') => "a boolean",
                Some(b'[') => "a list",
                _ => "an object",
            };
            Err(de::Error::custom(format!(
                "the id is {what}; expected a string or a whole number"
            )))
        }
    }
}

/// The longest number taken as an id, in digits.
const MAX_ID_DIGITS: usize = 100;

/// A JSON number written out in full if it is a whole number:
/// `-12`, `1e3` → `1000`, `1.50e1` → `15`.
fn whole_number(json: &str) -> Result<String, String> {
    let (sign, unsigned) = match json.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", json),
    };
    let (mantissa, exponent) = match unsigned.find(['e', 'E']) {
        Some(i) => (&unsigned[..i], &unsigned[i + 1..]),
        None => (unsigned, "0"),
    };
    let exponent: i64 = exponent.parse().unwrap_or(if exponent.starts_with('-') {
        i64::MIN / 2
    } else {
        i64::MAX / 2
    });
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = format!("{int}{frac}");
    // How many of the digits come before the decimal point.
    let point = (int.len() as i64).saturating_add(exponent);
    let in_digits = usize::try_from(point.clamp(0, digits.len() as i64)).unwrap_or(0);
    if digits[in_digits..].bytes().any(|b| b != b'0') {
        return Err(format!("the id {json} is not a whole number"));
    }
    let lead = digits[..in_digits]
        .bytes()
        .take_while(|&b| b == b'0')
        .count();
    if lead == in_digits {
        return Ok("0".into());
    }
    let length = point - lead as i64;
    if length > MAX_ID_DIGITS as i64 {
        return Err(format!(
            "the id {json} is a number of more than {MAX_ID_DIGITS} digits"
        ));
    }
    let zeros = usize::try_from(point - in_digits as i64).unwrap_or(0);
    Ok(format!(
        "{sign}{}{}",
        &digits[lead..in_digits],
        "0".repeat(zeros)
    ))
}

/// Places: a list of names, or one name.
#[derive(Default)]
struct Places(Vec<String>);

impl<'de> Deserialize<'de> for Places {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Places;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a list of place names")
            }
            fn visit_str<E>(self, v: &str) -> Result<Places, E> {
                Ok(Places(vec![v.to_owned()]))
            }
            fn visit_unit<E>(self) -> Result<Places, E> {
                Ok(Places::default())
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Places, A::Error> {
                let mut out = Vec::new();
                while let Some(p) = seq.next_element::<String>()? {
                    out.push(p);
                }
                Ok(Places(out))
            }
        }
        d.deserialize_any(V)
    }
}

/// The body: a list of paragraphs (strings, or `{"kind", "text"}` objects),
/// or one string whose blank lines separate paragraphs.
#[derive(Default)]
struct Body(Vec<(ParagraphKind, String)>);

impl<'de> Deserialize<'de> for Body {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Body;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a list of paragraphs or a string")
            }
            fn visit_str<E>(self, v: &str) -> Result<Body, E> {
                Ok(Body(split_paragraphs(v)))
            }
            fn visit_unit<E>(self) -> Result<Body, E> {
                Ok(Body::default())
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Body, A::Error> {
                let mut out = Vec::new();
                while let Some(RawParagraph(kind, text)) = seq.next_element()? {
                    out.push((kind, text));
                }
                Ok(Body(out))
            }
        }
        d.deserialize_any(V)
    }
}

/// Paragraphs of a plain string body are separated by blank lines.
fn split_paragraphs(s: &str) -> Vec<(ParagraphKind, String)> {
    let unified = s.replace("\r\n", "\n").replace('\r', "\n");
    let mut out = Vec::new();
    let mut current = String::new();
    for line in unified.split('\n') {
        if line.trim().is_empty() {
            if !current.is_empty() {
                out.push((ParagraphKind::Text, std::mem::take(&mut current)));
            }
        } else {
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(line);
        }
    }
    if !current.is_empty() {
        out.push((ParagraphKind::Text, current));
    }
    out
}

struct RawParagraph(ParagraphKind, String);

impl<'de> Deserialize<'de> for RawParagraph {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawParagraph;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a paragraph: a string or {\"kind\": ..., \"text\": ...}")
            }
            fn visit_str<E>(self, v: &str) -> Result<RawParagraph, E> {
                Ok(RawParagraph(ParagraphKind::Text, v.to_owned()))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawParagraph, A::Error> {
                let mut kind = ParagraphKind::Text;
                let mut text = None;
                while let Some(key) = map.next_key::<Cow<'de, str>>()? {
                    match key.as_ref() {
                        "kind" => {
                            let name: Cow<'de, str> = map.next_value()?;
                            kind = ParagraphKind::from_name(&name).ok_or_else(|| {
                                de::Error::custom(format!(
                                    "unknown paragraph kind \"{name}\" \
                                     (expected text, subheading or caption)"
                                ))
                            })?;
                        }
                        "text" => text = Some(map.next_value::<String>()?),
                        _ => {
                            map.next_value::<de::IgnoredAny>()?;
                        }
                    }
                }
                let text = text.ok_or_else(|| de::Error::missing_field("text"))?;
                Ok(RawParagraph(kind, text))
            }
        }
        d.deserialize_any(V)
    }
}

#[cfg(test)]
mod tests;
