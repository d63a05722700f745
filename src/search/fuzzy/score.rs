//! SkimMatcherV2's score, computed without its per-call overhead and without its stale state.
//!
//! This is a line-by-line port of `fuzzy_matcher::skim::SkimMatcherV2::fuzzy_match` (0.3.7,
//! default score configuration, case-sensitive: keys and words are folded beforehand), and a
//! test checks that it returns exactly what a fresh `SkimMatcherV2` returns. Two reasons:
//!
//! - Speed: the crate decodes both strings into vectors, allocates a bonus vector and looks
//!   up three thread-locals on every call, ~0.7 µs for a 25-character key even for a
//!   one-letter pattern (measured: 200 ms for 300,000 keys). Here ASCII keys are scanned as
//!   bytes, the scratch rows are reused, and a call costs a few dozen nanoseconds.
//! - Determinism: the crate's cached matrix is not cleared between calls and the
//!   recurrence reads a cell's `bonus` before the call writes it, so a score can depend on
//!   what was scored before on the same thread (its `use_cache(false)` panics with
//!   "RefCell already borrowed"). Here every call starts from the state of a fresh matcher.
//!
//! The port keeps the crate's quirks (the two reused rows, the left-over `bonus` of a cell
//! within one call) on purpose: the scores are the crate's scores.

use std::cell::RefCell;

/// `SkimScoreConfig::default()`.
const SCORE_MATCH: i32 = 16;
const GAP_START: i32 = -3;
const GAP_EXTENSION: i32 = -1;
const BONUS_FIRST_CHAR_MULTIPLIER: i32 = 2;
const BONUS_HEAD: i32 = SCORE_MATCH / 2;
const BONUS_BREAK: i32 = SCORE_MATCH / 2 + GAP_EXTENSION;
const BONUS_CAMEL: i32 = SCORE_MATCH / 2 + 2 * GAP_EXTENSION;
const BONUS_CONSECUTIVE: i32 = -(GAP_START + GAP_EXTENSION);
/// The crate's "minus infinity" for a cell no alignment reaches.
const NEG_INFINITY: i32 = i16::MIN as i32;

#[derive(Clone, Copy, PartialEq)]
enum CharType {
    Empty,
    Upper,
    Lower,
    Number,
    HardSep,
    SoftSep,
}

impl CharType {
    fn of(ch: char) -> Self {
        match ch {
            '\0' => CharType::Empty,
            ' ' | '/' | '\\' | '|' | '(' | ')' | '[' | ']' | '{' | '}' => CharType::HardSep,
            '!'..='\'' | '*'..='.' | ':'..='@' | '^'..='`' | '~' => CharType::SoftSep,
            '0'..='9' => CharType::Number,
            'A'..='Z' => CharType::Upper,
            _ => CharType::Lower,
        }
    }
}

/// The in-place bonus of a character given the type of the one before it.
fn in_place_bonus(prev: CharType, cur: CharType) -> i32 {
    match (prev, cur) {
        (CharType::Empty, _) | (CharType::HardSep, _) => BONUS_HEAD,
        (CharType::SoftSep, _) => BONUS_BREAK,
        (CharType::Lower, CharType::Upper) | (CharType::Number, CharType::Upper) => BONUS_CAMEL,
        _ => 0,
    }
}

/// A unit of text the matcher compares: a byte of ASCII text or a char.
trait Unit: Copy + Eq {
    fn char_type(self) -> CharType;
}

impl Unit for u8 {
    fn char_type(self) -> CharType {
        CharType::of(char::from(self))
    }
}

impl Unit for char {
    fn char_type(self) -> CharType {
        CharType::of(self)
    }
}

/// One matrix cell: the fields of the crate's `MatrixCell` that the score depends on.
#[derive(Clone, Copy)]
struct Cell {
    m: i32,
    p: i32,
    bonus: i32,
}

const FRESH: Cell = Cell {
    m: NEG_INFINITY,
    p: NEG_INFINITY,
    bonus: 0,
};

/// Scratch space reused between calls on one thread (reset at every call).
#[derive(Default)]
struct Scratch {
    cells: Vec<Cell>,
    bonuses: Vec<i32>,
    first: Vec<usize>,
    choice: Vec<char>,
    pattern: Vec<char>,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

/// SkimMatcherV2's score of `pattern` in `choice` (case-sensitive), or `None` when the
/// pattern's characters do not all appear in order.
pub(super) fn score(choice: &str, pattern: &str) -> Option<i64> {
    if pattern.is_empty() {
        return Some(0);
    }
    SCRATCH.with(|scratch| {
        // A re-entrant call cannot happen (nothing here calls back out), but never panic.
        let Ok(mut guard) = scratch.try_borrow_mut() else {
            return fallback(choice, pattern);
        };
        let s = &mut *guard;
        if choice.is_ascii() && pattern.is_ascii() {
            score_units(
                choice.as_bytes(),
                pattern.as_bytes(),
                &mut s.cells,
                &mut s.bonuses,
                &mut s.first,
            )
        } else {
            s.choice.clear();
            s.choice.extend(choice.chars());
            s.pattern.clear();
            s.pattern.extend(pattern.chars());
            score_units(
                &s.choice,
                &s.pattern,
                &mut s.cells,
                &mut s.bonuses,
                &mut s.first,
            )
        }
    })
}

/// The same computation with its own buffers.
fn fallback(choice: &str, pattern: &str) -> Option<i64> {
    let choice: Vec<char> = choice.chars().collect();
    let pattern: Vec<char> = pattern.chars().collect();
    score_units(
        &choice,
        &pattern,
        &mut Vec::new(),
        &mut Vec::new(),
        &mut Vec::new(),
    )
}

/// The crate's `fuzzy` with `with_pos = false` (a two-row, "compressed" matrix).
fn score_units<T: Unit>(
    choice: &[T],
    pattern: &[T],
    cells: &mut Vec<Cell>,
    bonuses: &mut Vec<i32>,
    first: &mut Vec<usize>,
) -> Option<i64> {
    // cheap_matches: the first occurrence of each pattern unit, greedily, in order.
    first.clear();
    let mut rest = pattern.iter().peekable();
    for (idx, &c) in choice.iter().enumerate() {
        match rest.peek() {
            Some(&&p) if p == c => {
                first.push(idx);
                rest.next();
            }
            Some(_) => {}
            None => break,
        }
    }
    if rest.peek().is_some() {
        return None;
    }

    let cols = choice.len() + 1;
    cells.clear();
    cells.resize(2 * cols, FRESH);
    let at = |row: usize, col: usize| row * cols + col;

    bonuses.clear();
    bonuses.resize(cols, 0);
    let mut prev = CharType::Empty;
    for (j, &c) in choice.iter().enumerate() {
        let cur = c.char_type();
        bonuses[j + 1] = in_place_bonus(prev, cur);
        prev = cur;
    }
    if cols > 1 {
        bonuses[1] *= BONUS_FIRST_CHAR_MULTIPLIER;
    }

    cells[at(0, 0)] = FRESH;
    cells[at(1, first[0])] = FRESH;
    for cell in &mut cells[..cols] {
        *cell = Cell {
            p: GAP_EXTENSION,
            ..FRESH
        };
    }

    for (i, &p_ch) in pattern.iter().enumerate() {
        let row = (i + 1) & 1;
        let row_prev = i & 1;
        let to_skip = first[i];
        for (j, &c_ch) in choice[to_skip..].iter().enumerate() {
            let col = to_skip + j + 1;
            let col_prev = to_skip + j;
            let cur = at(row, col);
            let last = at(row, col_prev);
            let diag = at(row_prev, col_prev);
            if c_ch == p_ch {
                let prev_match_score = cells[diag].m;
                let prev_skip_score = cells[diag].p;
                let prev_match_bonus = cells[last].bonus;
                let in_place = bonuses[col];
                let consecutive = prev_match_bonus.max(in_place.max(BONUS_CONSECUTIVE));
                cells[last].bonus = consecutive;
                let score_match = prev_match_score + consecutive;
                let score_skip = prev_skip_score + in_place;
                cells[cur].m = score_match.max(score_skip) + SCORE_MATCH;
            } else {
                cells[cur].m = NEG_INFINITY;
                cells[cur].bonus = 0;
            }
            let gap_open = GAP_START + GAP_EXTENSION + cells[last].m;
            let gap_extend = GAP_EXTENSION + cells[last].p;
            cells[cur].p = gap_open.max(gap_extend);
        }
    }

    let last_first = first[first.len() - 1];
    let row = pattern.len() & 1;
    let best = cells[at(row, last_first)..at(row, cols)]
        .iter()
        .map(|c| c.m)
        .max()?;
    Some(i64::from(best))
}

#[cfg(test)]
mod tests {
    use super::*;
    use fuzzy_matcher::FuzzyMatcher;
    use fuzzy_matcher::skim::SkimMatcherV2;
    use proptest::prelude::*;

    /// What a brand-new matcher says (no state left over from earlier calls).
    fn crate_score(choice: &str, pattern: &str) -> Option<i64> {
        SkimMatcherV2::default()
            .respect_case()
            .fuzzy_match(choice, pattern)
    }

    #[test]
    fn agrees_with_the_crate_on_examples() {
        let cases = [
            ("eu cyber direct", "ecd"),
            ("european union agency for cybersecurity", "cyber"),
            ("european union agency for cybersecurity", "eu"),
            ("a_x_b_x_c", "abc"),
            ("abc", "abc"),
            ("CamelCase", "CC"),
            ("사이버 대화", "대화"),
            ("7th eu–rok cyber dialogue", "7eu"),
            ("eeueuee ueu", "eeu"),
            ("x", "x"),
            ("", "x"),
            ("abc", "abcd"),
        ];
        for (choice, pattern) in cases {
            assert_eq!(
                score(choice, pattern),
                crate_score(choice, pattern),
                "{choice:?} / {pattern:?}"
            );
        }
        assert_eq!(score("abc", "cab"), None);
        assert_eq!(score("anything", ""), Some(0));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn agrees_with_a_fresh_crate_matcher(
            choice in "[aeuEU c_/.1é한-]{0,30}",
            pattern in "[aeuEU c_é한]{1,5}",
        ) {
            prop_assert_eq!(score(&choice, &pattern), crate_score(&choice, &pattern));
        }

        #[test]
        fn agrees_on_any_text(choice in any::<String>(), pattern in "\\PC{1,3}") {
            prop_assert_eq!(score(&choice, &pattern), crate_score(&choice, &pattern));
        }
    }
}
