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
    use unicode_normalization::UnicodeNormalization;
    let folded = fold::fold(&name.trim().nfc().collect::<String>());
    let key: String = roman::canonical(&folded)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect();
    if key.is_empty() { folded } else { key }
}

#[cfg(test)]
mod tests {
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
