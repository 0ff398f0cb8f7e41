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

/// The marks of every article of one collection, by article number:
/// what a source said at one search.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Marked {
    /// Per article: `READ` and `BOOKMARKED` bits. One byte an article
    /// makes a filter over every article a lookup each.
    bits: Vec<u8>,
}

const READ: u8 = 1;
const BOOKMARKED: u8 = 2;

impl Marked {
    /// What `source` says of the `count` articles numbered by `number`
    /// (ids not in the collection are left out).
    pub(super) fn of(
        source: &dyn MarkSource,
        number: &FxHashMap<Box<str>, u32>,
        count: usize,
    ) -> Marked {
        let mut bits = vec![0u8; count];
        source.for_each_marked(&mut |id, marks| {
            let Some(b) = number.get(id).and_then(|&d| bits.get_mut(d as usize)) else {
                return;
            };
            *b |= if marks.read { READ } else { 0 } | if marks.bookmarked { BOOKMARKED } else { 0 };
        });
        Marked { bits }
    }

    fn has(&self, d: u32, bit: u8) -> bool {
        self.bits.get(d as usize).is_some_and(|b| b & bit != 0)
    }

    pub(super) fn is_read(&self, d: u32) -> bool {
        self.has(d, READ)
    }

    pub(super) fn is_bookmarked(&self, d: u32) -> bool {
        self.has(d, BOOKMARKED)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_are_read_by_article_number_and_unknown_ids_left_out() {
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
        let m = Marked::of(&source, &number, 3);
        assert!(m.is_read(2) && m.is_read(0) && !m.is_read(1));
        assert!(m.is_bookmarked(0) && !m.is_bookmarked(2) && !m.is_bookmarked(1));
        // Numbers past the collection (a source out of step) are no marks.
        assert!(!m.is_read(3) && !m.is_bookmarked(3));
        let none = Marked::of(&NoMarks, &number, 3);
        assert!((0..3).all(|d| !none.is_read(d) && !none.is_bookmarked(d)));
        assert_ne!(none, m);
        assert_eq!(Marked::of(&source, &number, 3), m);
    }
}
