//! What `is:` terms read: the marks (read, bookmarked) of the articles.
//! The reading state owns them; a search asks it which articles are
//! marked and keeps, for its cache, only the answer it was given.

use rustc_hash::FxHashMap;

/// What the reader did with one article, as `is:` terms see it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Marks {
    pub read: bool,
    pub bookmarked: bool,
}

/// Where `is:` terms read the marks, by article id.
pub trait MarkSource {
    /// Calls `each` for every article that is read or bookmarked (the
    /// others have no marks), in any order.
    fn for_each_marked(&self, each: &mut dyn FnMut(&str, Marks));
}

/// No article read or bookmarked: what `is:` terms see without a
/// reading state.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoMarks;

impl MarkSource for NoMarks {
    fn for_each_marked(&self, _each: &mut dyn FnMut(&str, Marks)) {}
}

/// A list of (id, marks), for scripts and tests.
impl<S: AsRef<str>> MarkSource for Vec<(S, Marks)> {
    fn for_each_marked(&self, each: &mut dyn FnMut(&str, Marks)) {
        for (id, m) in self {
            each(id.as_ref(), *m);
        }
    }
}

/// The marked articles of one collection, by article number, sorted: what
/// a source said at one search.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Marked {
    read: Vec<u32>,
    bookmarked: Vec<u32>,
}

impl Marked {
    /// What `source` says of the articles numbered by `number` (ids not in
    /// the collection are left out).
    pub(super) fn of(source: &dyn MarkSource, number: &FxHashMap<Box<str>, u32>) -> Marked {
        let mut m = Marked::default();
        source.for_each_marked(&mut |id, marks| {
            let Some(&d) = number.get(id) else {
                return;
            };
            if marks.read {
                m.read.push(d);
            }
            if marks.bookmarked {
                m.bookmarked.push(d);
            }
        });
        for v in [&mut m.read, &mut m.bookmarked] {
            v.sort_unstable();
            v.dedup();
        }
        m
    }

    pub(super) fn is_read(&self, d: u32) -> bool {
        self.read.binary_search(&d).is_ok()
    }

    pub(super) fn is_bookmarked(&self, d: u32) -> bool {
        self.bookmarked.binary_search(&d).is_ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marked_articles_are_numbered_sorted_and_unknown_ids_left_out() {
        let number: FxHashMap<Box<str>, u32> = [("a", 0), ("b", 1), ("c", 2)]
            .into_iter()
            .map(|(id, d)| (Box::from(id), d))
            .collect();
        let read = Marks {
            read: true,
            bookmarked: false,
        };
        let both = Marks {
            read: true,
            bookmarked: true,
        };
        let source = vec![("c", read), ("zz", both), ("a", both), ("c", read)];
        let m = Marked::of(&source, &number);
        assert_eq!(m.read, [0, 2]);
        assert_eq!(m.bookmarked, [0]);
        assert!(m.is_read(2) && m.is_read(0) && !m.is_read(1));
        assert!(m.is_bookmarked(0) && !m.is_bookmarked(2));
        assert_eq!(Marked::of(&NoMarks, &number), Marked::default());
    }
}
