//! SkimMatcherV2's score, computed without its per-call overhead and without its stale state.
//!
//! This is a line-by-line port of `fuzzy_matcher::skim::SkimMatcherV2::fuzzy_match` (0.3.7,
//! default score configuration, case-sensitive: keys and words are folded beforehand), and a
//! test checks that it returns exactly what a fresh `SkimMatcherV2` returns. Two reasons:
//!
//! - Speed: the crate decodes both strings into vectors, allocates a bonus vector and looks
//!   up three thread-locals on every call, ~0.7 µs for a 25-character key even for a
//!   one-letter pattern (measured: 200 ms for 300,000 keys). Here ASCII keys are scanned as
//!   bytes, the in-place bonuses are computed once per key at build time, the scratch rows
//!   are reused, and a one-unit pattern (the first keystroke) needs no matrix at all.
//! - Determinism: the crate's cached matrix is not cleared between calls and the
//!   recurrence reads a cell's `bonus` before the call writes it, so a score can depend on
//!   what was scored before on the same thread (its `use_cache(false)` panics with
//!   "RefCell already borrowed"). Here every call starts from the state of a fresh matcher.
//!
//! The port keeps the crate's quirks (the two reused rows, the left-over `bonus` of a cell
//! within one call) on purpose: the scores are the crate's scores.

use super::query::char_bit;

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
pub(super) enum CharType {
    Empty,
    Upper,
    Lower,
    Number,
    HardSep,
    SoftSep,
}

impl CharType {
    const fn of(ch: char) -> Self {
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
const fn in_place_bonus(prev: CharType, cur: CharType) -> i32 {
    match (prev, cur) {
        (CharType::Empty, _) | (CharType::HardSep, _) => BONUS_HEAD,
        (CharType::SoftSep, _) => BONUS_BREAK,
        (CharType::Lower, CharType::Upper) | (CharType::Number, CharType::Upper) => BONUS_CAMEL,
        _ => 0,
    }
}

/// A unit of text the matcher compares: a byte of ASCII text or a char.
pub(super) trait Unit: Copy + Eq {
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

/// Appends the in-place bonus of every unit of `choice` (first-character multiplier
/// included). They depend on the key alone, so the finder computes them once at build time.
pub(super) fn push_bonuses<T: Unit>(choice: &[T], out: &mut Vec<i8>) {
    let mut prev = CharType::Empty;
    for (j, &c) in choice.iter().enumerate() {
        let cur = c.char_type();
        let mut bonus = in_place_bonus(prev, cur);
        if j == 0 {
            bonus *= BONUS_FIRST_CHAR_MULTIPLIER;
        }
        // At most 16: fits.
        out.push(i8::try_from(bonus).unwrap_or(i8::MAX));
        prev = cur;
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

/// Buffers reused from one call to the next by one thread (reset at every call, so no
/// state carries over).
#[derive(Default)]
pub(super) struct Scratch {
    cells: Vec<Cell>,
    first: Vec<usize>,
}

/// SkimMatcherV2's score of `pattern` in `choice` (case-sensitive), or `None` when the
/// pattern's units do not all appear in order. `bonuses` are `choice`'s, from
/// [`push_bonuses`].
pub(super) fn score_units<T: Unit>(
    choice: &[T],
    bonuses: &[i8],
    pattern: &[T],
    scratch: &mut Scratch,
) -> Option<i64> {
    let Some((&p0, rest)) = pattern.split_first() else {
        return Some(0);
    };
    if rest.is_empty() {
        // One unit: the recurrence reduces to 15 + the best in-place bonus among its
        // occurrences (the diagonal is minus infinity and the skip score -1).
        let best = choice
            .iter()
            .zip(bonuses)
            .filter(|&(&c, _)| c == p0)
            .map(|(_, &b)| i32::from(b))
            .max()?;
        return Some(i64::from(SCORE_MATCH + GAP_EXTENSION + best));
    }

    // cheap_matches: the first occurrence of each pattern unit, greedily, in order.
    let first = &mut scratch.first;
    first.clear();
    let mut want = pattern.iter().peekable();
    for (idx, &c) in choice.iter().enumerate() {
        match want.peek() {
            Some(&&p) if p == c => {
                first.push(idx);
                want.next();
            }
            Some(_) => {}
            None => break,
        }
    }
    if want.peek().is_some() {
        return None;
    }
    // Columns after the last occurrence of the last unit cannot change the score: cells only
    // read to their left (and the same column of an earlier row), and there the last row holds
    // no match. Cutting them is exact and saves much of the matrix on long keys.
    let last_unit = pattern[pattern.len() - 1];
    let end = choice.iter().rposition(|&c| c == last_unit)? + 1;
    let (choice, bonuses) = (&choice[..end], &bonuses[..end.min(bonuses.len())]);

    let cols = choice.len() + 1;
    let cells = &mut scratch.cells;
    cells.clear();
    cells.resize(2 * cols, FRESH);
    // Row 0 is fully reset with a skip score of one gap extension; row 1 starts fresh.
    for cell in &mut cells[..cols] {
        cell.p = GAP_EXTENSION;
    }
    let (row0, row1) = cells.split_at_mut(cols);

    for (i, &p_ch) in pattern.iter().enumerate() {
        // The crate's two reused rows: pattern unit i writes row (i + 1) % 2.
        let (cur, prev): (&mut [Cell], &[Cell]) = if i.is_multiple_of(2) {
            (&mut *row1, &*row0)
        } else {
            (&mut *row0, &*row1)
        };
        let to_skip = first[i];
        // Walk the row keeping the previous cell in registers; `left` is that cell in memory,
        // whose `bonus` a match overwrites (for the rows that reuse this one).
        let (head, tail) = cur.split_at_mut(to_skip + 1);
        let mut left = head.last_mut()?;
        let mut last = *left;
        let cells = choice[to_skip..]
            .iter()
            .zip(&bonuses[to_skip..])
            .zip(&prev[to_skip..])
            .zip(tail.iter_mut());
        for (((&c_ch, &in_place), diag), cell) in cells {
            let (m, bonus) = if c_ch == p_ch {
                let in_place = i32::from(in_place);
                let consecutive = last.bonus.max(in_place.max(BONUS_CONSECUTIVE));
                left.bonus = consecutive;
                let score_match = diag.m + consecutive;
                let score_skip = diag.p + in_place;
                // The crate leaves this cell's `bonus` as it was.
                (score_match.max(score_skip) + SCORE_MATCH, cell.bonus)
            } else {
                (NEG_INFINITY, 0)
            };
            let gap_open = GAP_START + GAP_EXTENSION + last.m;
            let gap_extend = GAP_EXTENSION + last.p;
            *cell = Cell {
                m,
                p: gap_open.max(gap_extend),
                bonus,
            };
            last = *cell;
            left = cell;
        }
    }

    let last_row = if pattern.len().is_multiple_of(2) {
        &*row0
    } else {
        &*row1
    };
    let best = last_row[first[first.len() - 1]..]
        .iter()
        .map(|c| c.m)
        .max()?;
    Some(i64::from(best))
}

/// The [`CharType`] of each ASCII byte.
const ASCII_TYPES: [CharType; 128] = {
    let mut types = [CharType::Empty; 128];
    let mut b = 0;
    while b < 128 {
        types[b] = CharType::of(b as u8 as char);
        b += 1;
    }
    types
};

/// [`in_place_bonus`] by the two types' places in [`CharType`]'s order (all fit an `i8`).
const BONUSES: [[i8; 6]; 6] = {
    const ALL: [CharType; 6] = [
        CharType::Empty,
        CharType::Upper,
        CharType::Lower,
        CharType::Number,
        CharType::HardSep,
        CharType::SoftSep,
    ];
    let mut table = [[0i8; 6]; 6];
    let mut p = 0;
    while p < 6 {
        let mut c = 0;
        while c < 6 {
            table[p][c] = in_place_bonus(ALL[p], ALL[c]) as i8;
            c += 1;
        }
        p += 1;
    }
    table
};

/// [`push_bonuses`] of ASCII `text`, returning its [`bonus_mask`], in one pass over tables
/// (the index build does this for nearly every key).
pub(super) fn push_ascii_bonuses(text: &[u8], out: &mut Vec<i8>) -> u64 {
    let start = out.len();
    out.resize(start + text.len(), 0);
    let mut prev = CharType::Empty;
    let mut heads = 0;
    for (j, (&b, slot)) in text.iter().zip(&mut out[start..]).enumerate() {
        let cur = ASCII_TYPES[usize::from(b & 0x7f)];
        let mut bonus = BONUSES[prev as usize][cur as usize];
        if j == 0 {
            // At most 16: fits.
            bonus *= BONUS_FIRST_CHAR_MULTIPLIER as i8;
        } else if bonus > 0 {
            heads |= char_bit(char::from(b));
        }
        *slot = bonus;
        prev = cur;
    }
    heads
}

/// The characters (as [`char_bit`]s) that occur with an in-place bonus after the key's first
/// unit: word starts and the like. With the key's first character, that is all
/// [`upper_bound`] needs to know of a key.
pub(super) fn bonus_mask<T: Unit + Into<char>>(choice: &[T], bonuses: &[i8]) -> u64 {
    choice
        .iter()
        .zip(bonuses)
        .skip(1)
        .filter(|&(_, &b)| b > 0)
        .fold(0, |m, (&c, _)| m | char_bit(c.into()))
}

/// The highest score `word` can reach in a key whose first unit is `first` and whose
/// [`bonus_mask`] is `heads` (from the recurrence, checked by a property test):
///
/// - the first unit scores `SCORE_MATCH + GAP_EXTENSION` plus its in-place bonus: the
///   first-character bonus only at the key's first unit, a word-start bonus (at most
///   `BONUS_HEAD`) only where its character is in `heads`, else nothing;
/// - every later unit adds `SCORE_MATCH` and `max(in-place bonus, BONUS_CONSECUTIVE)`. The
///   crate's "consecutive" bonus never carries a bonus from another column: a cell's stored
///   bonus is only ever written while scoring the next column, with that column's in-place
///   bonus, so reading it back gives nothing more. Later units cannot reach the key's first
///   unit, so their bonus is at most `BONUS_HEAD` (in `heads`) or `BONUS_CONSECUTIVE`;
/// - gaps only subtract.
pub(super) fn upper_bound(word: &[char], first: char, heads: u64) -> i64 {
    let Some((&p0, rest)) = word.split_first() else {
        return 0;
    };
    let head = |c: char| heads & char_bit(c) != 0;
    let first_bonus = if p0 == first {
        BONUS_HEAD * BONUS_FIRST_CHAR_MULTIPLIER
    } else if head(p0) {
        BONUS_HEAD
    } else {
        0
    };
    let later: i32 = rest
        .iter()
        .map(|&c| {
            SCORE_MATCH
                + if head(c) {
                    BONUS_HEAD
                } else {
                    BONUS_CONSECUTIVE
                }
        })
        .sum();
    i64::from(SCORE_MATCH + GAP_EXTENSION + first_bonus) + i64::from(later)
}

/// Convenience for tests: scores `pattern` in `choice` from strings.
#[cfg(test)]
pub(super) fn score(choice: &str, pattern: &str) -> Option<i64> {
    let choice: Vec<char> = choice.chars().collect();
    let pattern: Vec<char> = pattern.chars().collect();
    let mut bonuses = Vec::new();
    push_bonuses(&choice, &mut bonuses);
    score_units(&choice, &bonuses, &pattern, &mut Scratch::default())
}

#[cfg(test)]
mod tests {
    use super::*;
    use fuzzy_matcher::FuzzyMatcher;
    use fuzzy_matcher::skim::SkimMatcherV2;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn one_pass_ascii_bonuses_are_the_bonuses_and_their_mask(text in "[\\x00-\\x7f]{0,40}") {
            let mut general = vec![7i8];
            push_bonuses(text.as_bytes(), &mut general);
            let mask = bonus_mask(text.as_bytes(), &general[1..]);
            let mut fused = vec![7i8];
            let heads = push_ascii_bonuses(text.as_bytes(), &mut fused);
            prop_assert_eq!(fused, general);
            prop_assert_eq!(heads, mask);
        }
    }

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
        fn bytes_and_chars_agree_on_ascii(
            choice in "[ -~]{0,40}",
            pattern in "[ -~]{1,6}",
        ) {
            let mut bonuses = Vec::new();
            push_bonuses(choice.as_bytes(), &mut bonuses);
            let on_bytes = score_units(
                choice.as_bytes(),
                &bonuses,
                pattern.as_bytes(),
                &mut Scratch::default(),
            );
            prop_assert_eq!(on_bytes, crate_score(&choice, &pattern));
        }

        #[test]
        fn never_exceeds_the_upper_bound(
            choice in prop_oneof!["[aeuEU c_/.1é한-]{0,30}", "([aeiurs]{1,5}[ -]){1,6}"],
            pattern in prop_oneof!["[aeuEU c_é한]{1,6}", "[aeiurs]{1,6}"],
        ) {
            if let Some(s) = score(&choice, &pattern) {
                let chars: Vec<char> = choice.chars().collect();
                let mut bonuses = Vec::new();
                push_bonuses(&chars, &mut bonuses);
                let heads = bonus_mask(&chars, &bonuses);
                let word: Vec<char> = pattern.chars().collect();
                let first = chars.first().copied().unwrap_or('\0');
                prop_assert!(s <= upper_bound(&word, first, heads), "{} > bound", s);
            }
        }

        #[test]
        fn agrees_on_any_text(choice in any::<String>(), pattern in "\\PC{1,3}") {
            prop_assert_eq!(score(&choice, &pattern), crate_score(&choice, &pattern));
        }
    }
}
