//! Hangul for matching: the initial consonant (초성) of a syllable, so that ㄱㅈㅇ finds 국정원
//! and a mix such as 국ㅈ works.
//!
//! A typed initial may be a compatibility jamo (ㄱ U+3131…, what keyboards send) or a
//! conjoining one (ᄀ U+1100…, what a decomposed syllable starts with); both are read as the
//! compatibility form, which is also what a syllable's [`initial_form`] gives.

/// The 19 initial consonants in syllable order, as compatibility jamo.
const INITIALS: [char; 19] = [
    'ㄱ', 'ㄲ', 'ㄴ', 'ㄷ', 'ㄸ', 'ㄹ', 'ㅁ', 'ㅂ', 'ㅃ', 'ㅅ', 'ㅆ', 'ㅇ', 'ㅈ', 'ㅉ', 'ㅊ', 'ㅋ',
    'ㅌ', 'ㅍ', 'ㅎ',
];
const SYLLABLE_FIRST: u32 = 0xAC00;
const SYLLABLE_LAST: u32 = 0xD7A3;
/// Syllables per initial consonant (21 vowels × 28 finals).
const PER_INITIAL: u32 = 588;
const CONJOINING_FIRST: u32 = 0x1100;

/// Whether `c` is a precomposed Hangul syllable (가…힣).
pub(crate) fn is_syllable(c: char) -> bool {
    (SYLLABLE_FIRST..=SYLLABLE_LAST).contains(&u32::from(c))
}

/// `c` as a typed initial consonant, in compatibility form: ㄱ stays ㄱ, conjoining ᄀ becomes
/// ㄱ; anything else is `None`.
pub(crate) fn typed_initial(c: char) -> Option<char> {
    if INITIALS.contains(&c) {
        return Some(c);
    }
    let offset = u32::from(c).checked_sub(CONJOINING_FIRST)?;
    INITIALS.get(usize::try_from(offset).ok()?).copied()
}

/// What `c` is compared as in an initial-consonant match: a syllable's initial consonant, a
/// typed initial in compatibility form, any other character itself.
pub(crate) fn initial_form(c: char) -> char {
    if is_syllable(c) {
        let index = (u32::from(c) - SYLLABLE_FIRST) / PER_INITIAL;
        return INITIALS
            .get(usize::try_from(index).unwrap_or(usize::MAX))
            .copied()
            .unwrap_or(c);
    }
    typed_initial(c).unwrap_or(c)
}

/// Whether a typed character `typed` matches a key character `key`: the same character, or a
/// typed initial consonant and a syllable that starts with it.
pub(crate) fn matches(typed: char, key: char) -> bool {
    typed == key || typed_initial(typed).is_some_and(|i| initial_form(key) == i)
}

/// Whether `typed`'s characters match characters of `key` in order (greedy: the predicate
/// depends on the pair alone, so taking the earliest match never loses one).
pub(crate) fn matches_in_order(typed: &[char], key: &[char]) -> bool {
    let mut rest = key.iter();
    typed.iter().all(|&t| rest.by_ref().any(|&k| matches(t, k)))
}

/// Whether a query word asks for an initial-consonant match (it holds a typed initial).
pub(crate) fn wants_initials(word: &str) -> bool {
    word.chars().any(|c| typed_initial(c).is_some())
}

/// Whether text holds a syllable (only such keys get an initial-consonant form).
pub(crate) fn has_syllable(text: &str) -> bool {
    text.chars().any(is_syllable)
}

/// The initial-consonant form of `text`: one char per char, so char positions carry over.
pub(crate) fn initials_of(text: &str) -> String {
    text.chars().map(initial_form).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn initials_of_syllables_and_typed_jamo() {
        assert_eq!(initials_of("국정원"), "ㄱㅈㅇ");
        assert_eq!(initials_of("외교부"), "ㅇㄱㅂ");
        assert_eq!(initials_of("힣 가 KISA"), "ㅎ ㄱ KISA");
        assert_eq!(initials_of("\u{1100}\u{1112}"), "ㄱㅎ");
        assert!(matches('ㄱ', '국') && matches('국', '국') && !matches('국', '가'));
        assert!(matches('\u{110C}', '정'));
        assert!(matches_in_order(&['국', 'ㅈ'], &['국', '정', '원']));
        assert!(!matches_in_order(&['국', 'ㅈ'], &['가', '정']));
        assert!(wants_initials("국ㅈ") && !wants_initials("국정"));
        // Vowel jamo are not initials.
        assert_eq!(typed_initial('ㅏ'), None);
        assert_eq!(typed_initial('\u{1161}'), None);
    }

    proptest! {
        #[test]
        fn every_syllable_matches_its_initial(c in 0xAC00u32..=0xD7A3) {
            let c = char::from_u32(c).unwrap_or('가');
            let initial = initial_form(c);
            prop_assert!(typed_initial(initial).is_some());
            prop_assert!(matches(initial, c));
        }
    }
}
