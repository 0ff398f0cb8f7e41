//! Typo tolerance: how many edits a keyword forgives, and the automata
//! that find the words within them.
//!
//! A keyword of 5–8 letters (folded) forgives one edit, one of 9 or more
//! two, as Meilisearch and Typesense do: shorter words have too many
//! neighbours one edit away ("than", "thon", "thi", "tin"). A word of 3 or
//! 4 letters forgives one only where it starts no word: of the collection
//! (`thn` can only be a typo), or of the articles the query's other terms
//! leave (`ket lun`: "lún" is a word, "luận" the one meant). An edit is an
//! insertion, a deletion, a substitution or the transposition of two
//! neighbours. Every keyword is a word start, so the distance is to the
//! nearest start of a word: `nghi quyte` finds "quyết" (one substitution)
//! and "quyết định".
//!
//! Matches found through a typo rank below exact ones: each keyword adds
//! [`TIER`] to a match for every edit it forgives and did not need.

use std::sync::OnceLock;

use levenshtein_automata::{DFA, Distance, LevenshteinAutomatonBuilder, SINK_STATE};
use tantivy_fst::Automaton;

use super::query::Word;
use super::store::tokenizer::EXACT_MARK;

/// The most edits any keyword forgives.
pub const MOST: u8 = 2;

/// What a keyword adds to a match per edit forgiven and not needed:
/// above every other score of a query (a clause adds at most a few
/// thousand), so fewer typos always rank first.
pub const TIER: u32 = 1 << 20;

/// The edits a keyword forgives by its length alone: `starts_nothing`
/// says, for words of 3 or 4 letters that are not an abbreviation
/// ("NTM"), whether the word starts no word of the collection. Words with digits forgive none ("2020" is not
/// "2021"), nor words typed with diacritics (their marks were chosen).
pub fn budget(word: &Word, starts_nothing: impl FnOnce() -> bool) -> u8 {
    if word.exact.is_some() || word.folded.bytes().any(|b| b.is_ascii_digit()) {
        return 0;
    }
    match word.folded.chars().count() {
        9.. => 2,
        5..=8 => 1,
        3..=4 if !super::abbrev::is_abbreviation(&word.folded) && starts_nothing() => 1,
        _ => 0,
    }
}

/// What a keyword's match adds for the typos it needed out of `budget`.
pub fn tier(typos: u8) -> u32 {
    TIER * u32::from(MOST.saturating_sub(typos))
}

/// The automaton of the words that start within `edits` of `folded`.
pub fn prefix_dfa(folded: &str, edits: u8) -> DFA {
    static BUILDERS: [OnceLock<LevenshteinAutomatonBuilder>; 2] =
        [OnceLock::new(), OnceLock::new()];
    let edits = edits.clamp(1, MOST);
    let builder = BUILDERS[usize::from(edits - 1)]
        .get_or_init(|| LevenshteinAutomatonBuilder::new(edits, true));
    builder.build_prefix_dfa(folded)
}

/// The edits between the start of `folded_word` nearest to the keyword
/// of `dfa` and that keyword, if within the automaton's bound.
pub fn distance(dfa: &DFA, folded_word: &str) -> Option<u8> {
    match dfa.eval(folded_word) {
        Distance::Exact(d) => Some(d),
        Distance::AtLeast(_) => None,
    }
}

/// The terms of an index field (a folded form, then optionally
/// [`EXACT_MARK`] and an exact form) whose folded form starts exactly
/// `edits` edits from the keyword: the term dictionary is walked along
/// the automaton, never term by term.
pub struct TermsAt<'a> {
    pub dfa: &'a DFA,
    pub edits: u8,
}

/// Where the walk of a term is: the automaton's state on its folded
/// form, and whether the exact form after it has begun.
#[derive(Clone, Copy)]
pub struct TermState {
    dfa: u32,
    exact_part: bool,
}

impl Automaton for TermsAt<'_> {
    type State = TermState;

    fn start(&self) -> TermState {
        TermState {
            dfa: self.dfa.initial_state(),
            exact_part: false,
        }
    }

    fn is_match(&self, state: &TermState) -> bool {
        self.dfa.distance(state.dfa) == Distance::Exact(self.edits)
    }

    fn can_match(&self, state: &TermState) -> bool {
        state.dfa != SINK_STATE
    }

    fn accept(&self, state: &TermState, byte: u8) -> TermState {
        if state.exact_part {
            return *state;
        }
        if u32::from(byte) == u32::from(EXACT_MARK) {
            return TermState {
                dfa: state.dfa,
                exact_part: true,
            };
        }
        TermState {
            dfa: self.dfa.transition(state.dfa, byte),
            exact_part: false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(s: &str) -> Word {
        Word::new(s)
    }

    #[test]
    fn the_budget_follows_the_length_of_the_folded_word() {
        let never = || panic!("only asked of words of 3 or 4 letters");
        assert_eq!(budget(&w("ab"), || true), 0);
        assert_eq!(budget(&w("thn"), || true), 1);
        assert_eq!(budget(&w("thon"), || false), 0);
        assert_eq!(budget(&w("sonn"), || true), 1);
        assert_eq!(budget(&w("ntm"), || true), 0);
        assert_eq!(budget(&w("quyte"), never), 1);
        assert_eq!(budget(&w("nghiquye"), never), 1);
        assert_eq!(budget(&w("nghiquyet"), never), 2);
        // Typed with diacritics, or with digits: as typed.
        assert_eq!(budget(&w("quyết"), never), 0);
        assert_eq!(budget(&w("covid19"), never), 0);
        assert_eq!(budget(&Word::folded("quyết"), never), 1);
    }

    #[test]
    fn the_distance_is_to_the_nearest_start_of_the_word() {
        let dfa = prefix_dfa("quyte", 1);
        assert_eq!(distance(&dfa, "quyet"), Some(1));
        assert_eq!(distance(&dfa, "quyetdinh"), Some(1));
        assert_eq!(distance(&dfa, "quytexyz"), Some(0));
        assert_eq!(distance(&dfa, "quoc"), None);
        let two = prefix_dfa("nghiquyet", 2);
        assert_eq!(distance(&two, "nghiqyt"), Some(2));
        assert_eq!(distance(&two, "nghiquyte"), Some(1));
        // A transposition of two neighbours is one edit.
        assert_eq!(distance(&prefix_dfa("tuosn", 1), "tuson"), Some(1));
    }

    #[test]
    fn the_tier_puts_fewer_typos_first() {
        assert!(tier(0) > tier(1) && tier(1) > tier(2));
        assert_eq!(tier(2), 0);
        assert!(tier(1) - tier(2) > 60 * 2000);
    }
}
