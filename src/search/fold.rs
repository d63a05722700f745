//! Case folding for matching, with a map back to the original text.
//!
//! fuzzy-matcher and `str::find` only know ASCII case, so both search engines match folded
//! text and map what they find back onto the original: lowercase beyond ASCII (`É` → `é`),
//! Latin diacritics dropped (`é` → `e`, as fzf does, so "elysee" finds "Élysée"), `ß`/`ẞ` →
//! `ss`, final `ς` → `σ`. One original character may fold to several (`ß`, `İ`) or to a
//! different length in bytes, which is why every folded character remembers where it came
//! from. Hangul and other scripts without case pass through unchanged.

use unicode_normalization::char::decompose_canonical;

/// The Combining Diacritical Marks block: the accents that decompose off Latin letters.
fn is_latin_mark(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
}

/// Where a folded character came from in the original text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Origin {
    /// Index of the original character (in chars).
    pub char_index: usize,
    /// Byte range of the original character.
    pub start: usize,
    pub end: usize,
}

/// Folds `s`, calling `emit` with each folded character and where it came from.
pub(crate) fn fold_each(s: &str, mut emit: impl FnMut(char, Origin)) {
    // Marks are dropped only right after a Latin letter, so an accent typed or stored
    // decomposed (NFD) folds like its precomposed form, and İ (i + dot above) folds to i.
    let mut after_latin = false;
    for (char_index, (start, c)) in s.char_indices().enumerate() {
        let origin = Origin {
            char_index,
            start,
            end: start + c.len_utf8(),
        };
        if c.is_ascii() {
            let lower = c.to_ascii_lowercase();
            after_latin = lower.is_ascii_alphabetic();
            emit(lower, origin);
            continue;
        }
        match c {
            'ß' | 'ẞ' => {
                emit('s', origin);
                emit('s', origin);
                after_latin = true;
                continue;
            }
            'ς' => {
                emit('σ', origin);
                after_latin = false;
                continue;
            }
            _ => {}
        }
        for lower in c.to_lowercase() {
            if lower.is_ascii() {
                after_latin = lower.is_ascii_alphabetic();
                emit(lower, origin);
                continue;
            }
            if is_latin_mark(lower) && after_latin {
                continue;
            }
            let mut base = None;
            decompose_canonical(lower, |d| {
                if base.is_none() {
                    base = Some(d);
                }
            });
            match base {
                Some(b) if b.is_ascii_alphabetic() => {
                    // Only the marks follow the base in a canonical decomposition.
                    emit(b, origin);
                    after_latin = true;
                }
                _ => {
                    emit(lower, origin);
                    after_latin = false;
                }
            }
        }
    }
}

/// The folded form of `s`.
pub(crate) fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_each(s, |c, _| out.push(c));
    out
}

/// Appends the folded form of `s` to `out`, returning whether every folded character sits at
/// the char index of the character it came from (true for most text: then a position in the
/// folded text is already a position in the original).
pub(crate) fn fold_into(s: &str, out: &mut String) -> bool {
    let mut identity = true;
    let mut folded_index = 0;
    fold_each(s, |c, origin| {
        identity &= origin.char_index == folded_index;
        folded_index += 1;
        out.push(c);
    });
    identity && folded_index == s.chars().count()
}

/// The folded form of `s` and, for each folded character, the original char index.
pub(crate) fn fold_with_char_map(s: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(s.len());
    let mut map = Vec::with_capacity(s.len());
    fold_each(s, |c, origin| {
        out.push(c);
        map.push(origin.char_index);
    });
    (out, map)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn folds_beyond_ascii() {
        assert_eq!(fold("Élysée"), "elysee");
        assert_eq!(fold("ÉLYSÉE"), "elysee");
        assert_eq!(fold("E\u{301}lyse\u{301}e"), "elysee");
        assert_eq!(fold("Straße ẞ"), "strasse ss");
        assert_eq!(fold("İstanbul"), "istanbul");
        assert_eq!(fold("ΟΔΥΣΣΕΥΣ"), "οδυσσευσ");
        assert_eq!(fold("οδυσσευς"), "οδυσσευσ");
        assert_eq!(fold("사이버 Dialogue"), "사이버 dialogue");
        assert_eq!(fold("Øresund Łódź"), "øresund łodz");
    }

    #[test]
    fn char_map_points_at_the_original() {
        let (folded, map) = fold_with_char_map("Aß É");
        assert_eq!(folded, "ass e");
        assert_eq!(map, vec![0, 1, 1, 2, 3]);
        let (folded, map) = fold_with_char_map("E\u{301}x");
        assert_eq!(folded, "ex");
        assert_eq!(map, vec![0, 2]);
    }

    #[test]
    fn identity_flag() {
        let mut out = String::new();
        assert!(fold_into("Élysée 한국", &mut out));
        assert!(!fold_into("Straße", &mut out));
        assert!(!fold_into("e\u{301}", &mut out));
        assert_eq!(out, "elysee 한국strassee");
    }

    proptest! {
        #[test]
        fn folding_is_idempotent_and_mapped(s in any::<String>()) {
            let (folded, map) = fold_with_char_map(&s);
            prop_assert_eq!(fold(&folded), folded.clone());
            prop_assert_eq!(map.len(), folded.chars().count());
            let n = s.chars().count();
            prop_assert!(map.windows(2).all(|w| w[0] <= w[1]));
            prop_assert!(map.iter().all(|&i| i < n));
        }
    }
}
