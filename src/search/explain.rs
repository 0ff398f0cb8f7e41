//! Why each result stands where it does: its score taken apart into the
//! ranking rules (see the README's "Ranking"), and the rule that put it
//! above the result after it.
//!
//! A score is a sum whose parts are kept apart by their size: typos in
//! units of [`typo::TIER`], a place the keywords spell in
//! [`PLACE_READ`], keywords side by side in [`PROXIMITY`], and below
//! them where and how exactly each keyword matched. Each clause is
//! evaluated again on the article alone to read its part.

use std::cmp::Ordering;

use super::score::{PLACE_READ, PROXIMITY, TITLE_FUZZY};
use super::{Engine, Hit, Query, eval, telex, typo};
use crate::search::query::Alt;

/// How a term of the query matched one article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermFound {
    /// The term as typed.
    pub term: String,
    pub how: Found,
    /// Whether it matched in the title (else in the body).
    pub in_title: bool,
}

/// How a keyword was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    AsTyped,
    /// Through its Telex or VNI reading.
    Reading,
    /// Through this many typos.
    Typos(u8),
}

/// The rules, in the order they rank.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    Typos,
    Place,
    Proximity,
    Where,
    Exactness,
    Rarity,
    Date,
    /// Around a day (`#3/9/2020~3`): nearer that day.
    NearerDay,
}

impl Rule {
    /// What the rule prefers, as `tintuc search --explain` says it.
    pub fn describe(self) -> &'static str {
        match self {
            Rule::Typos => "fewer typos",
            Rule::Place => "about the place the keywords spell",
            Rule::Proximity => "more keywords side by side",
            Rule::Where => "more keywords in the title",
            Rule::Exactness => "whole words and repeated mentions",
            Rule::Rarity => "rarer words matched",
            Rule::Date => "newer",
            Rule::NearerDay => "nearer the day searched around",
        }
    }
}

/// One result's score, rule by rule.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Explanation {
    /// Keywords, their way of matching and where.
    pub terms: Vec<TermFound>,
    /// Typos forgiven, in halves (a Telex or VNI reading counts one
    /// half, a typo two).
    pub half_typos: u32,
    /// The places the keywords spell that it is about (each with its
    /// names, as one string).
    pub places: Vec<String>,
    /// Pairs of consecutive keywords found side by side.
    pub side_by_side: u32,
    /// Keywords found in the title.
    pub in_title: u32,
    /// What is left of the score: how exactly and how often the
    /// keywords matched.
    pub exactness: u32,
    /// How rare the words its keywords matched are, in thousandths (see
    /// [`crate::search::rarity`]).
    pub rarity: u32,
    /// The rule that put it above the next result; `None` for the last
    /// result and for a tie (kept in collection order).
    pub decided_by: Option<Rule>,
}

impl Engine {
    /// Why each of `hits` (results of `q`, in order) ranks where it does.
    pub fn explain(&self, q: &Query, hits: &[Hit]) -> Vec<Explanation> {
        let mut out: Vec<Explanation> = hits.iter().map(|h| self.explain_one(q, h)).collect();
        let clauses = super::rarity::keywords(q, |w| super::forgive::searched_as(self, w).folded);
        if !clauses.is_empty() {
            let mut docs: Vec<u32> = hits
                .iter()
                .filter_map(|h| u32::try_from(h.article).ok())
                .collect();
            docs.sort_unstable();
            let live = self.all.len() as u64;
            let weights = super::store::rarity::weights(&self.segs, &clauses, &docs, live)
                .unwrap_or_default();
            for (ex, h) in out.iter_mut().zip(hits) {
                let w = u32::try_from(h.article)
                    .ok()
                    .and_then(|d| weights.get(&d))
                    .copied()
                    .unwrap_or(0.0);
                // Thousandths: whole numbers compare and print plainly
                // (a weight is a few units per keyword, far below the
                // largest u32).
                #[allow(
                    clippy::cast_possible_truncation,
                    clippy::cast_sign_loss,
                    reason = "a small positive weight, rounded"
                )]
                let thousandths = (w * 1000.0).round().clamp(0.0, f64::from(u32::MAX)) as u32;
                ex.rarity = thousandths;
            }
        }
        for i in 0..hits.len().saturating_sub(1) {
            let date = |h: &Hit| self.date(h.article);
            let decided = decisive(&out[i], &out[i + 1], date(&hits[i]), date(&hits[i + 1]));
            // Around a day, the date rule ranks by distance to it.
            out[i].decided_by = match decided {
                Some(Rule::Date) if q.near_day().is_some() => Some(Rule::NearerDay),
                other => other,
            };
        }
        out
    }

    fn explain_one(&self, q: &Query, hit: &Hit) -> Explanation {
        let Ok(d) = u32::try_from(hit.article) else {
            return Explanation::default();
        };
        let mut ex = Explanation::default();
        let mut clause_sum: u32 = 0;
        for c in q.clauses.iter().filter(|c| !c.negated) {
            let s = eval::clause(self, c, &vec![(d, 0)])
                .first()
                .map_or(0, |x| x.1);
            clause_sum = clause_sum.saturating_add(s);
            let words = c.alts.iter().any(|a| {
                matches!(
                    a,
                    Alt::Keyword(_) | Alt::Exact(_) | Alt::Phrase { .. } | Alt::PlaceName { .. }
                )
            });
            if !words {
                continue;
            }
            let (how, rest) = found_from(s);
            ex.half_typos += match how {
                Found::AsTyped => 0,
                Found::Reading => 1,
                Found::Typos(n) => 2 * u32::from(n),
            };
            let in_title = rest >= TITLE_FUZZY;
            ex.in_title += u32::from(in_title);
            ex.exactness = ex.exactness.saturating_add(rest);
            ex.terms.push(TermFound {
                term: c.text.clone(),
                how,
                in_title,
            });
        }
        let mut place_bonus: u32 = 0;
        for reading in &q.places_read {
            let about = self.place_articles_named(&reading.term).unwrap_or_default();
            if about.binary_search(&d).is_ok() {
                place_bonus = place_bonus.saturating_add(PLACE_READ);
                ex.places
                    .push(super::forgive::names_about(self, reading).join(" / "));
            }
        }
        let score = u32::try_from(hit.score).unwrap_or(u32::MAX);
        let adjacency = score.saturating_sub(clause_sum.saturating_add(place_bonus));
        ex.side_by_side = adjacency / PROXIMITY;
        // What side by side in the title adds over the body.
        ex.exactness = ex.exactness.saturating_add(adjacency % PROXIMITY);
        ex
    }
}

/// How a keyword clause's score says it was found, and the rest of the
/// score (where and how exactly).
fn found_from(score: u32) -> (Found, u32) {
    if score >= typo::tier(0) {
        (Found::AsTyped, score - typo::tier(0))
    } else if score >= telex::READING_TIER {
        (Found::Reading, score - telex::READING_TIER)
    } else if score >= typo::tier(1) {
        (Found::Typos(1), score - typo::tier(1))
    } else {
        (Found::Typos(typo::MOST), score)
    }
}

/// The first rule by which `above` beats `below`.
fn decisive(
    above: &Explanation,
    below: &Explanation,
    above_date: Option<jiff::civil::Date>,
    below_date: Option<jiff::civil::Date>,
) -> Option<Rule> {
    let steps = [
        (Rule::Typos, below.half_typos.cmp(&above.half_typos)),
        (Rule::Place, (above.places.len()).cmp(&below.places.len())),
        (Rule::Proximity, above.side_by_side.cmp(&below.side_by_side)),
    ];
    if let Some((rule, _)) = steps.iter().find(|(_, o)| *o != Ordering::Equal) {
        return Some(*rule);
    }
    if above.exactness != below.exactness {
        // Title matches weigh most of what is left: they decided when
        // they differ the same way.
        let title = above.in_title.cmp(&below.in_title);
        return Some(if title == above.exactness.cmp(&below.exactness) {
            Rule::Where
        } else {
            Rule::Exactness
        });
    }
    if above.rarity != below.rarity {
        return Some(Rule::Rarity);
    }
    (above_date != below_date).then_some(Rule::Date)
}

#[cfg(test)]
mod tests {
    use crate::model::{Article, Collection, Paragraph, ParagraphKind};
    use crate::search::{Engine, SortOrder, parse};

    fn article(id: &str, title: &str, body: &str, date: &str) -> Article {
        Article {
            id: id.into(),
            title: title.into(),
            date: jiff::civil::Date::strptime("%Y-%m-%d", date).ok(),
            month_only: false,
            time: None,
            places: vec![],
            author: None,
            source: None,
            body: vec![Paragraph::new(ParagraphKind::Text, body)],
        }
    }

    /// Each result is said to be above the next by the rule that tells
    /// them apart, in rule order.
    #[test]
    fn the_rule_named_is_the_first_that_tells_two_results_apart() {
        use super::Rule;
        let mut e = Engine::new(Collection {
            articles: vec![
                article("typo", "nghi quyte", "", "2024-01-01"),
                article("apart", "nghi dan", "quyet xa", "2023-01-01"),
                article("body", "tin", "nghi quyet", "2022-01-01"),
                article("title", "nghi quyet", "", "2021-01-01"),
                article("older", "nghi quyet", "", "2020-01-01"),
            ],
            origin: "test".into(),
        });
        let q = "nghi quyet";
        let hits = e.search(q, SortOrder::Relevance).hits;
        let ids: Vec<String> = hits
            .iter()
            .filter_map(|h| e.article_id(h.article))
            .collect();
        assert_eq!(ids, ["title", "older", "body", "apart", "typo"]);
        let why = e.explain(&parse(q), &hits);
        let rules: Vec<Option<Rule>> = why.iter().map(|w| w.decided_by).collect();
        assert_eq!(
            rules,
            [
                Some(Rule::Date),
                Some(Rule::Where),
                Some(Rule::Proximity),
                Some(Rule::Typos),
                None
            ]
        );
        assert_eq!(why[4].half_typos, 2);
        assert_eq!(why[0].side_by_side, 1);
        assert_eq!(why[0].in_title, 2);
    }
}
