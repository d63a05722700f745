//! NFC normalisation of every string of a parsed corpus.
//!
//! Korean text in NFD renders badly in terminals (see PITFALLS), and ids or names that differ
//! only in normal form would not match each other; so every string is brought to NFC once, on
//! load, before validation. Strings already in NFC (the usual case) are left untouched, without
//! allocating.

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

use crate::corpus::model::{
    Account, AlternativeDate, Citation, Corpus, DateFact, Delegation, Event, EventRef, FormatFact,
    Head, Meeting, Name, OrgRef, Organisation, Party, Person, Place, PlaceNames, Role, Series,
    SideName, Source, Statement, Text, Topic, TopicRef,
};

/// Something whose strings can be brought to NFC in place.
pub(crate) trait Normalise {
    fn normalise(&mut self);
}

impl Normalise for Text {
    fn normalise(&mut self) {
        // ASCII is NFC, and checking for it is much cheaper than decoding characters (most
        // strings of a corpus are ids and English text); so is Latin and Korean text, checked
        // without the two table lookups per character `is_nfc_quick` makes.
        if self.is_ascii()
            || is_plainly_nfc(self)
            || is_nfc_quick(self.chars()) == IsNormalized::Yes
        {
            return;
        }
        let nfc: Text = self.nfc().collect();
        if nfc != *self {
            *self = nfc;
        }
    }
}

/// Whether every character of `s` is one that NFC leaves alone whatever surrounds it: below
/// U+0300 (ASCII, Latin-1 and Latin Extended letters, all precomposed starters) or a
/// precomposed Hangul syllable. Characters combine only with a following combining mark or
/// jamo, none of which is in these ranges, so such a string is NFC
/// (`plain_characters_are_left_alone_by_nfc` checks the ranges against the tables).
fn is_plainly_nfc(s: &str) -> bool {
    s.chars()
        .all(|c| c < '\u{300}' || ('\u{ac00}'..='\u{d7a3}').contains(&c))
}

impl<T: Normalise> Normalise for Option<T> {
    fn normalise(&mut self) {
        if let Some(value) = self {
            value.normalise();
        }
    }
}

impl<T: Normalise> Normalise for Vec<T> {
    fn normalise(&mut self) {
        self.iter_mut().for_each(Normalise::normalise);
    }
}

/// Implements [`Normalise`] for a model type by listing its string-bearing fields. A field left
/// out here would escape normalisation; the test `every_string_is_nfc_after_parsing` catches it.
macro_rules! normalise_fields {
    ($($ty:ty => [$($field:ident),* $(,)?]),* $(,)?) => {
        $(impl Normalise for $ty {
            fn normalise(&mut self) {
                $(self.$field.normalise();)*
            }
        })*
    };
}

normalise_fields! {
    Corpus => [
        format, title, sources, meetings, events, organisations, people, topics, series,
        place_names, parties,
    ],
    Party => [id, name, short, names],
    Series => [id, name, names],
    PlaceNames => [key, names],
    Citation => [source],
    Source => [id, label, title, publisher, language, published, notes, url, accessed, raw, paragraphs],
    DateFact => [value, end, how, cite, alternatives],
    AlternativeDate => [value, end, cite],
    Name => [text, lang, cite],
    Place => [city, country, venue, how, cite],
    FormatFact => [how, cite],
    SideName => [name, cite],
    Head => [person, role, title, organisation, cite],
    OrgRef => [organisation, note, cite],
    Delegation => [heads, members, notes],
    Statement => [text, cite],
    TopicRef => [topic, summary, cite],
    EventRef => [event, text, cite],
    Account => [source],
    Meeting => [
        id, series, title, short_title, names, date, place, format, co_located, delegations,
        observers, topics, outcomes, next_meeting, notes, accounts,
    ],
    Event => [id, title, series, date, place, description, organisations, topics, cite],
    Organisation => [id, name, acronym, aliases, names, parent, cite],
    Role => [title, organisation, meeting, cite],
    Person => [id, name, honorific, aliases, names, roles],
    Topic => [id, label, aliases, names, parent],
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every character of the plain ranges is an NFC starter on its own, and no two of them
    /// compose (all of U+0080–U+02FF against each other, and Hangul syllables sampled).
    #[test]
    fn plain_characters_are_left_alone_by_nfc() {
        use unicode_normalization::char::canonical_combining_class;
        let hangul = ('\u{ac00}'..='\u{d7a3}').step_by(97).chain(['\u{d7a3}']);
        let plain: Vec<char> = ('\u{0}'..'\u{300}').chain(hangul).collect();
        for &c in &plain {
            assert!(is_plainly_nfc(&c.to_string()), "{c:?}");
            assert_eq!(canonical_combining_class(c), 0, "{c:?}");
            assert_eq!(is_nfc_quick(std::iter::once(c)), IsNormalized::Yes, "{c:?}");
        }
        for &a in plain.iter().filter(|c| **c >= '\u{80}') {
            for &b in &plain {
                let pair: String = [a, b].iter().collect();
                assert_eq!(pair.nfc().collect::<String>(), pair, "{a:?} {b:?}");
            }
        }
        assert!(!is_plainly_nfc("Bru\u{308}ssel"));
        assert!(!is_plainly_nfc("\u{1100}\u{1161}"));
        assert!(
            !is_plainly_nfc("\u{2000}"),
            "a singleton outside the ranges"
        );
    }

    /// The quick paths (ASCII, plain Latin and Korean, then `is_nfc_quick`) leave a string as the full normalisation
    /// would make it, for English, Korean, composed Latin and decomposed input.
    #[test]
    fn the_quick_paths_agree_with_full_normalisation() {
        let samples = [
            "eu-rok-cyber-7",
            "",
            "Director-General Kim Gunn",
            "제7차 한-EU 사이버정책협의회",
            "Bru\u{308}ssel",
            "Brüssel",
            "\u{1100}\u{1161}\u{11a8}",
            "Ha\u{300}\u{301}noi",
            "cafe\u{301} 국가정보원",
        ];
        for sample in samples {
            let mut s = Text::from(sample);
            s.normalise();
            let full: String = sample.nfc().collect();
            assert_eq!(s, full, "{sample:?}");
        }
        let mut jamo = Text::from("\u{1100}\u{1161}\u{11a8}");
        jamo.normalise();
        assert_eq!(jamo, "각", "decomposed Hangul is composed");
    }
}
