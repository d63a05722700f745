//! The fuzzy finder engine and full-text search (pure, no terminal).
//!
//! - [`fuzzy`]: the finder over topics, organisations, people, meetings, events and places, by
//!   any of their names (Korean ones too, by initial consonants as well), ranked in tiers
//!   (exact, whole words, word starts, fuzzy) and then by score; built on
//!   fuzzy-matcher's `SkimMatcherV2` with our own query syntax, Unicode case folding,
//!   prefilter, parallel scan and incremental [`fuzzy::Session`], over a
//!   [`fuzzy::FinderIndex`] that a cache file holds as it is searched.
//! - [`fulltext`]: search for words or a quoted phrase in the cleaned source paragraphs, and
//!   [`fulltext::find_in`] for `/` inside one text.
//!
//! Both match case-folded text (see `fold`) and report positions in the original text.

mod fold;
pub mod fulltext;
pub mod fuzzy;
mod hangul;
mod roman;

/// The form in which a typed name is looked up as a whole (`list --org`, `--person`,
/// `--topic`): NFC, case and accents folded, surname spellings made one, spaces, hyphens and
/// other punctuation dropped, so "yoon jong-kwon" names "Youn Jong Kwon". A name of
/// punctuation alone keeps its folded form.
pub fn name_key(name: &str) -> String {
    use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};
    let trimmed = name.trim();
    // Names arrive in NFC (the loader normalises the corpus), so the quick check nearly
    // always spares the normalisation pass and its copy.
    let normalised: std::borrow::Cow<'_, str> = match is_nfc_quick(trimmed.chars()) {
        IsNormalized::Yes => trimmed.into(),
        IsNormalized::No | IsNormalized::Maybe => trimmed.nfc().collect::<String>().into(),
    };
    let folded = fold::fold(&normalised);
    // Surname spellings are whole words, and everything between words is dropped: the key
    // is each word's canonical spelling, joined.
    let mut key = String::with_capacity(folded.len());
    for word in folded.split(|c: char| !c.is_alphanumeric()) {
        key.push_str(roman::canonical_word(word));
    }
    if key.is_empty() { folded } else { key }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    /// `name_key` as first written: NFC, fold, surname spellings, then letters and digits.
    fn name_key_reference(name: &str) -> String {
        use unicode_normalization::UnicodeNormalization;
        let folded = super::fold::fold(&name.trim().nfc().collect::<String>());
        let key: String = super::roman::canonical(&folded)
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect();
        if key.is_empty() { folded } else { key }
    }

    proptest! {
        #[test]
        fn name_key_agrees_with_its_reference(name in any::<String>()) {
            prop_assert_eq!(super::name_key(&name), name_key_reference(&name));
        }

        #[test]
        fn name_key_agrees_on_names_and_decomposed_accents(
            name in "[ A-Za-z\\-\u{300}\u{301}éÉßİ가-힣]{0,24}"
        ) {
            prop_assert_eq!(super::name_key(&name), name_key_reference(&name));
        }
    }

    #[test]
    fn name_key_of_decomposed_text_is_that_of_its_nfc_form() {
        assert_eq!(
            super::name_key("Cafe\u{301} Yun"),
            super::name_key("Café Yoon")
        );
        assert_eq!(super::name_key(" Yi-Jae "), "leejae");
    }

    #[test]
    fn name_keys_ignore_spelling_spaces_and_hyphens() {
        use super::name_key;
        assert_eq!(name_key("Youn Jong Kwon"), name_key("yoon jong-kwon"));
        assert_eq!(name_key("Kim Gunn"), name_key("KIM Geon"));
        assert_eq!(name_key("국가정보원"), name_key("국가정보원".trim()));
        assert_ne!(name_key("Ministry"), name_key("Mini stryx"));
        assert_eq!(name_key("--"), "--");
    }
}
