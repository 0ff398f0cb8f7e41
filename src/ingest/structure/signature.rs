//! A site's signature before the lead: "TTO - ", "(Dân trí) - ".

use std::sync::LazyLock;

use regex::Regex;

use super::line::{re, words};
use super::page::Page;

/// A site's signature before the lead: "(Dân trí) - ", "TTO - ".
static SIGNATURE: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(?:\(([^()]{2,30})\)|([A-ZĐ][A-Za-zĐđ.]{1,15}))\s*[-–—]\s+"));

/// A site's signature before the lead: "TTO - ", "(Dân trí) - ",
/// "(Chinhphu.vn) – ", "VOV.VN - ". The site, and where the lead starts.
pub(super) fn site_signature(lead: &str) -> Option<(&str, usize)> {
    let c = SIGNATURE.captures(lead)?;
    let rest = c.get(0)?.end();
    if let Some(site) = c.get(1) {
        return (words(site.as_str()) <= 4).then_some((site.as_str(), rest));
    }
    let code = c.get(2)?.as_str();
    let lower = code.to_lowercase();
    let known = [
        "ttxvn", "vov", "vtv", "vna", "vtc", "tp", "qđnd", "cand", "antđ", "gdvn",
    ];
    let is_code = known.contains(&lower.as_str())
        || lower.ends_with(".vn")
        || lower.ends_with(".com")
        // "CTTĐT", "KTĐT": a portal's or a paper's initials (điện tử,
        // đô thị).
        || (code.ends_with("ĐT")
            && (3..=6).contains(&code.chars().count())
            && code.chars().all(char::is_uppercase))
        || (code.ends_with('O')
            && code.chars().count() >= 3
            && code.chars().all(char::is_uppercase));
    is_code.then_some((code, rest))
}

/// Pass: the lead may start with the site's signature: "TTO - ", "(Dân
/// trí) - ".
pub(super) fn take_signature(page: &mut Page) {
    if let Some(lead) = page.lines.iter_mut().find(|l| !l.caption)
        && let Some((site, rest)) = site_signature(&lead.text)
    {
        page.source.get_or_insert_with(|| site.to_string());
        page.removed.push(lead.text[..rest].trim_end().to_string());
        lead.text = lead.text[rest..].to_string();
    }
}
