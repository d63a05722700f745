//! The finder's query language: an optional kind prefix, then words that must all match.
//!
//! `#` topics, `@` organisations, `~` people, `:` meetings, `%` places; a lone prefix lists
//! everything of that kind. Words are split on whitespace and on hyphens inside a word
//! ("jong-kwon" is "jong kwon") and case-folded once here, so the scan compares folded bytes
//! only. The words are also prepared in the two other forms keys have: surname spellings made
//! one (see `roman`), and initial consonants (see `hangul`) when a word holds a typed initial.

use unicode_normalization::UnicodeNormalization;

use super::Kind;
use crate::search::fold::fold;
use crate::search::{hangul, roman};

/// A parsed finder query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pub(super) kind: Option<Kind>,
    /// Folded, non-empty words.
    pub(super) words: Vec<String>,
    /// The same words, prepared for the scan.
    pub(super) compiled: Vec<Word>,
    /// The words with surname spellings made one, for people's keys.
    pub(super) roman: Vec<Word>,
    /// Whether `roman` differs from `compiled`.
    pub(super) roman_differs: bool,
    /// The words as initial consonants, when some word holds a typed initial (ㄱ): then only
    /// keys' initial-consonant forms are searched.
    pub(super) initials: Option<Vec<Word>>,
}

/// A folded word as the scan uses it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Word {
    pub text: String,
    /// Its chars, for keys that are not ASCII.
    pub chars: Vec<char>,
    /// See [`mask`].
    pub mask: u64,
}

/// A 64-bit summary of which characters occur in folded text: one bit per ASCII letter and
/// digit, the rest hashed onto the remaining bits. A word can only match a key whose mask
/// covers the word's: one AND rejects most keys for a query of a few letters.
pub(super) fn mask(folded: &str) -> u64 {
    folded.chars().fold(0, |m, c| m | char_bit(c))
}

/// The bit of one character in a [`mask`].
pub(super) fn char_bit(c: char) -> u64 {
    let bit = match c {
        'a'..='z' => u32::from(c) - u32::from('a'),
        '0'..='9' => 26 + u32::from(c) - u32::from('0'),
        _ => 36 + u32::from(c) % 28,
    };
    1 << bit
}

impl Query {
    /// Parses what the user typed. Never fails: any input is a query.
    pub fn parse(input: &str) -> Query {
        let trimmed = input.trim_start();
        let mut chars = trimmed.chars();
        let (kind, rest) = match chars.next().and_then(Kind::from_prefix) {
            Some(kind) => (Some(kind), chars.as_str()),
            None => (None, trimmed),
        };
        // Typed text may arrive decomposed (NFD); the keys are NFC.
        let normal: String = rest.nfc().collect();
        let words: Vec<String> = normal
            .split_whitespace()
            .flat_map(split_hyphens)
            .map(fold)
            .collect();
        let compiled: Vec<Word> = words.iter().map(|w| Word::new(w.clone())).collect();
        let roman: Vec<Word> = words
            .iter()
            .map(|w| Word::new(roman::canonical(w)))
            .collect();
        let roman_differs = roman.iter().zip(&compiled).any(|(r, c)| r.text != c.text);
        let initials = words.iter().any(|w| hangul::wants_initials(w)).then(|| {
            words
                .iter()
                .map(|w| Word::new(hangul::initials_of(w)))
                .collect()
        });
        Query {
            kind,
            words,
            compiled,
            roman,
            roman_differs,
            initials,
        }
    }

    /// The kind the query is narrowed to, if any.
    pub fn kind(&self) -> Option<Kind> {
        self.kind
    }

    /// The folded words, in the order typed.
    pub fn words(&self) -> &[String] {
        &self.words
    }

    /// True when there are no words (everything of the kind matches, in candidate order).
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// True when every candidate matching `self` also matches `prev`, so a search for `self`
    /// need only look at `prev`'s matches. A word matches a key when its characters appear in
    /// order in it; so if each of `prev`'s words appears in order inside one of `self`'s words,
    /// any key holding all of `self`'s words holds all of `prev`'s.
    /// A query with a surname spelling that is compared as another (see `roman`) is never a
    /// refinement: its words are not what it is matched with.
    pub fn refines(&self, prev: &Query) -> bool {
        let kind_ok = prev.kind.is_none() || prev.kind == self.kind;
        kind_ok
            && !self.roman_differs
            && !prev.roman_differs
            && prev.words.iter().all(|old| {
                self.words
                    .iter()
                    .any(|new| is_subsequence(old.as_bytes(), new.as_bytes()))
            })
    }
}

impl Word {
    fn new(text: String) -> Word {
        Word {
            chars: text.chars().collect(),
            mask: mask(&text),
            text,
        }
    }
}

/// A whitespace-separated word split at its hyphens ("jong-kwon" → "jong", "kwon"); a word
/// that is all hyphens stays as it is.
fn split_hyphens(word: &str) -> Vec<&str> {
    let parts: Vec<&str> = word.split('-').filter(|p| !p.is_empty()).collect();
    if parts.is_empty() { vec![word] } else { parts }
}

/// Whether the bytes of `needle` appear in order in `haystack`. On UTF-8 this is implied by
/// the characters appearing in order, so it is a safe prefilter for character matching.
/// Each byte is looked for with `memchr` (vectorised) from just after the previous one.
pub(super) fn is_subsequence(needle: &[u8], haystack: &[u8]) -> bool {
    let mut rest = haystack;
    needle.iter().all(|&b| match memchr::memchr(b, rest) {
        Some(at) => {
            rest = &rest[at + 1..];
            true
        }
        None => false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_prefixes_and_words() {
        let q = Query::parse("  @Cyber  EU ");
        assert_eq!(q.kind(), Some(Kind::Organisation));
        assert_eq!(q.words(), ["cyber", "eu"]);
        assert_eq!(Query::parse("#").kind(), Some(Kind::Topic));
        assert!(Query::parse("#").is_empty());
        assert_eq!(Query::parse("~kim").kind(), Some(Kind::Person));
        assert_eq!(Query::parse(":7th").kind(), Some(Kind::Meeting));
        assert_eq!(Query::parse("% seoul").kind(), Some(Kind::Place));
        assert_eq!(Query::parse("seoul #x").kind(), None);
        assert_eq!(Query::parse("seoul #x").words(), ["seoul", "#x"]);
        assert_eq!(Query::parse("ÉLYSÉE").words(), ["elysee"]);
        assert_eq!(Query::parse("Jong-kwon").words(), ["jong", "kwon"]);
        assert_eq!(Query::parse("-").words(), ["-"]);
        let yun = Query::parse("yun jong");
        assert!(yun.roman_differs);
        assert_eq!(yun.roman[0].text, "yoon");
        assert!(yun.initials.is_none());
        let mixed = Query::parse("국ㅈ");
        assert_eq!(
            mixed.initials.map(|w| w[0].text.clone()),
            Some("ㄱㅈ".to_owned())
        );
        assert!(Query::parse("   ").is_empty());
    }

    #[test]
    fn refinement() {
        let q = Query::parse;
        assert!(q("eu c").refines(&q("eu")));
        assert!(q("eu cy").refines(&q("eu c")));
        assert!(q("cyber eu").refines(&q("eu cy")));
        assert!(q("#cy").refines(&q("cy")));
        assert!(q("#cy").refines(&q("#")));
        assert!(q("x").refines(&q("")));
        assert!(!q("eu c").refines(&q("eu cy")));
        assert!(!q("cy").refines(&q("#cy")));
        assert!(!q("@cy").refines(&q("#cy")));
        assert!(!q("").refines(&q("a")));
        assert!(!q("yi").refines(&q("y")));
        assert!(q("ㄱㅈ").refines(&q("ㄱ")));
    }

    #[test]
    fn subsequence_on_bytes() {
        let sub = |a: &str, b: &str| is_subsequence(a.as_bytes(), b.as_bytes());
        assert!(sub("ecd", "eu cyber direct"));
        assert!(!sub("dce", "eu cyber direct"));
        assert!(sub("", "x"));
        assert!(sub("한국", "대한민국"));
        assert!(!sub("국한", "대한민국"));
    }

    #[test]
    fn masks_cover_their_text() {
        assert_eq!(mask("ab") & !mask("a b c"), 0);
        assert_ne!(mask("abz") & !mask("a b c"), 0);
        assert_eq!(mask("9") & !mask("7th 9"), 0);
        assert_eq!(mask("한") & !mask("대한민국"), 0);
        assert_eq!(mask(""), 0);
    }
}
