//! What the pickers offer: the places named in a set of articles, with
//! the places above them, and the number of articles per year and month.

use std::collections::HashMap;

use crate::gazetteer::{Gazetteer, UnitId};
use crate::text::{Folded, SortKey, canonical_tones, fold, sort_key};

/// A place a reader can pick.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub name: String,
    /// Its type and the places above it: "xã, Từ Sơn · Bắc Ninh"; empty
    /// when the gazetteer does not know the name.
    pub context: String,
    pub key: SortKey,
    /// The name folded, for fuzzy filtering, with its map back.
    pub folded: Folded,
}

/// The places of every article, resolved once with the gazetteer.
#[derive(Debug, Clone, Default)]
pub struct PlaceIndex {
    pub places: Vec<Place>,
    /// Per article: indexes into `places`, each once.
    pub of_article: Vec<Vec<usize>>,
}

impl PlaceIndex {
    /// From each article's place names, in article order.
    pub fn build<P: AsRef<[String]> + Sync>(articles: &[P], gazetteer: &Gazetteer) -> PlaceIndex {
        let mut index = PlaceIndex::default();
        let mut by_key: HashMap<String, usize> = HashMap::new();
        // Work done once per unit and per list of places, not per article:
        // articles about one area share them.
        let mut by_unit: HashMap<UnitId, Vec<usize>> = HashMap::new();
        let mut resolved: HashMap<&[String], Vec<usize>> = HashMap::new();
        let units = resolve_all(articles, gazetteer);
        for (article, units) in articles.iter().zip(units) {
            let names = article.as_ref();
            if let Some(ids) = resolved.get(names) {
                index.of_article.push(ids.clone());
                continue;
            }
            let mut ids = Vec::new();
            for (name, unit) in names.iter().zip(units) {
                let places = match unit {
                    Some(id) => by_unit
                        .entry(id)
                        .or_insert_with(|| {
                            std::iter::once(id)
                                .chain(gazetteer.ancestors(id))
                                .filter_map(|u| gazetteer.unit(u))
                                .map(|u| {
                                    let context = match u.parent.map(|p| gazetteer.hierarchy(p)) {
                                        Some(above) if !above.is_empty() => {
                                            format!("{}, {above}", u.kind)
                                        }
                                        _ => u.kind.clone(),
                                    };
                                    index.intern(&mut by_key, &u.name, context)
                                })
                                .collect()
                        })
                        .clone(),
                    None => vec![index.intern(&mut by_key, name, String::new())],
                };
                for id in places {
                    if !ids.contains(&id) {
                        ids.push(id);
                    }
                }
            }
            resolved.insert(names, ids.clone());
            index.of_article.push(ids);
        }
        index
    }

    /// The index of the place named `name`, added if new.
    fn intern(
        &mut self,
        by_key: &mut HashMap<String, usize>,
        name: &str,
        context: String,
    ) -> usize {
        let key = canonical_tones(&name.to_lowercase());
        let next = self.places.len();
        let id = *by_key.entry(key).or_insert(next);
        if id == next {
            self.places.push(Place {
                name: name.to_owned(),
                context,
                key: sort_key(name),
                folded: fold(name),
            });
        }
        id
    }

    /// How many of `articles` (indexes) have each place: (place, count),
    /// places without articles left out.
    pub fn counts(&self, articles: impl IntoIterator<Item = usize>) -> Vec<(usize, usize)> {
        let mut counts = vec![0usize; self.places.len()];
        for a in articles {
            for &p in self.of_article.get(a).map_or(&[][..], Vec::as_slice) {
                counts[p] += 1;
            }
        }
        counts
            .into_iter()
            .enumerate()
            .filter(|&(_, n)| n > 0)
            .collect()
    }
}

/// Resolves every article's places, on all cores: resolving weighs each
/// candidate of an ambiguous name against the others, which adds up over
/// a large archive.
fn resolve_all<P: AsRef<[String]> + Sync>(
    articles: &[P],
    gazetteer: &Gazetteer,
) -> Vec<Vec<Option<UnitId>>> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = articles.len().div_ceil(threads).max(1);
    let resolve = |part: &[P]| -> Vec<Vec<Option<UnitId>>> {
        part.iter().map(|a| gazetteer.resolve(a.as_ref())).collect()
    };
    std::thread::scope(|scope| {
        let workers: Vec<_> = articles
            .chunks(chunk)
            .map(|part| (part, scope.spawn(move || resolve(part))))
            .collect();
        workers
            .into_iter()
            // A worker that could not finish: do its share here.
            .flat_map(|(part, w)| w.join().unwrap_or_else(|_| resolve(part)))
            .collect()
    })
}

/// The years the query language can name.
const QUERY_YEARS: std::ops::RangeInclusive<i16> = 1..=9999;

/// Articles per year and per month.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Timeline {
    /// The first year with an article.
    pub first_year: i16,
    /// Per year from `first_year` to the last year with an article,
    /// including the years between without any.
    pub years: Vec<usize>,
    /// Per year as in `years`, per month.
    pub months: Vec<[usize; 12]>,
    pub undated: usize,
}

impl Timeline {
    /// From the dates of the articles counted.
    pub fn of(dates: impl IntoIterator<Item = Option<jiff::civil::Date>>) -> Timeline {
        let dates: Vec<_> = dates.into_iter().collect();
        // Only years a date term can name (`#0001`…`#9999`) are offered;
        // a collection's year 0 or below cannot be picked, so it counts
        // with the undated.
        let (dated, undated): (Vec<_>, Vec<_>) = dates
            .into_iter()
            .partition(|d| d.is_some_and(|d| QUERY_YEARS.contains(&d.year())));
        let undated = undated.len();
        let dated: Vec<_> = dated.into_iter().flatten().collect();
        let (Some(first), Some(last)) = (
            dated.iter().map(|d| d.year()).min(),
            dated.iter().map(|d| d.year()).max(),
        ) else {
            return Timeline {
                undated,
                ..Timeline::default()
            };
        };
        let span = usize::try_from(last - first).unwrap_or(0) + 1;
        let mut t = Timeline {
            first_year: first,
            years: vec![0; span],
            months: vec![[0; 12]; span],
            undated,
        };
        for d in dated {
            let y = usize::try_from(d.year() - first).unwrap_or(0);
            let m = usize::try_from(d.month() - 1).unwrap_or(0).min(11);
            t.years[y] += 1;
            t.months[y][m] += 1;
        }
        t
    }

    pub fn year(&self, index: usize) -> i16 {
        self.first_year + i16::try_from(index).unwrap_or(0)
    }

    /// The date term for the year at `index`, or for one of its months
    /// (0–11): four digits always, as `#0005` and `#5` differ (a year
    /// being typed).
    pub fn term(&self, index: usize, month: Option<usize>) -> String {
        let month = month.and_then(|m| u8::try_from(m + 1).ok());
        crate::search::query::date_term(self.year(index), month)
    }

    pub fn index_of(&self, year: i16) -> Option<usize> {
        usize::try_from(year - self.first_year)
            .ok()
            .filter(|&i| i < self.years.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::read_str;
    use crate::model::Article;

    fn articles() -> Vec<Article> {
        let text = std::fs::read_to_string("data/articles.json").unwrap_or_default();
        read_str("articles.json", &text).articles
    }

    #[test]
    fn places_include_the_units_above_them() {
        let articles = articles();
        let places: Vec<&[String]> = articles.iter().map(|a| a.places.as_slice()).collect();
        let index = PlaceIndex::build(&places, Gazetteer::embedded());
        let counts = index.counts(0..articles.len());
        let count_of = |name: &str| {
            counts
                .iter()
                .find(|(p, _)| index.places[*p].name == name)
                .map(|(_, n)| *n)
        };
        assert_eq!(count_of("Từ Sơn"), Some(4));
        // Named only by 003, but above every Từ Sơn article.
        assert_eq!(count_of("Bắc Ninh"), Some(4));
        assert_eq!(count_of("Thường Tín"), Some(1));
        assert_eq!(count_of("Hà Nội"), Some(1));
        let huong_mac = index.places.iter().find(|p| p.name == "Hương Mạc");
        assert!(
            huong_mac.is_some_and(|p| p.context.ends_with("Từ Sơn · Bắc Ninh")),
            "{huong_mac:?}"
        );
    }

    #[test]
    fn timeline_fills_the_years_between() {
        let articles = articles();
        let t = Timeline::of(articles.iter().map(|a| a.date));
        assert_eq!(t.first_year, 2017);
        assert_eq!(t.years.len(), 2025 - 2017 + 1);
        assert_eq!(t.years[0], 1);
        assert_eq!(t.years[3], 1);
        assert_eq!(t.months[3][8], 1);
        assert_eq!(t.undated, 2);
        assert_eq!(t.index_of(2025), Some(8));
        assert_eq!(t.index_of(2026), None);
        assert_eq!(Timeline::of([]), Timeline::default());
        // Nothing dated: no year to offer, and every article counted as
        // undated.
        let none = Timeline::of([None, None, None]);
        assert!(none.years.is_empty() && none.months.is_empty());
        assert_eq!(none.undated, 3);
    }

    #[test]
    fn only_years_a_term_can_name_are_offered_and_terms_have_four_digits() {
        let text = r#"[{"id":"a","title":"t","date":"0000-05-01","body":"x"},
            {"id":"b","title":"t","date":"0005-02-01","body":"x"},
            {"id":"c","title":"t","date":"1/1/-3","body":"x"},
            {"id":"d","title":"t","date":"0007-01-01","body":"x"}]"#;
        let articles = read_str("years.json", text).articles;
        assert_eq!(articles.len(), 4);
        let t = Timeline::of(articles.iter().map(|a| a.date));
        assert_eq!(t.first_year, 5, "{t:?}");
        assert_eq!(t.years, [1, 0, 1]);
        assert_eq!(t.undated, 2);
        assert_eq!(t.term(0, None), "#0005");
        assert_eq!(t.term(2, Some(0)), "#0007-01");
        let q = crate::search::parse(&t.term(0, None));
        assert!(q.hints.is_empty() && q.dates().len() == 1, "{q:?}");
    }
}
