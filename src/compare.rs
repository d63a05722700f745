//! Comparing two accounts of one meeting: which sentences of one account have no close match in
//! the other.
//!
//! Pure and terminal-free. Each account (a list of cleaned paragraphs) is split into sentences;
//! each sentence becomes a set of normalised content words (lower case, letters and digits,
//! short function words dropped). A sentence is *matched* when some sentence of the other
//! account contains at least [`THRESHOLD`] of its content words; otherwise it is *only here*.
//! Containment rather than symmetric overlap, because one account often merges two sentences of
//! the other into one: each half is still found in the merged sentence.

use std::collections::BTreeSet;
use std::ops::Range;

/// Fraction of a sentence's content words that must appear in one sentence of the other
/// account for the two to count as saying the same thing. Chosen on the two accounts of the
/// 7th meeting: paraphrases of one fact score 0.4–0.5 ("discussions … in multilateral fora"),
/// facts only one account gives score 0.1–0.35 (the Budapest Convention, 0.21).
pub const THRESHOLD: f32 = 0.4;

/// Sentences with fewer content words than this (headings such as "Key discussion points") are
/// never marked: too short to compare meaningfully.
pub const MIN_WORDS: usize = 4;

/// Words too common to say whether two sentences report the same thing.
const STOP_WORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "been", "both", "but", "by", "for", "from", "had",
    "has", "have", "in", "into", "is", "it", "its", "of", "on", "or", "such", "that", "the",
    "their", "these", "they", "this", "those", "to", "two", "was", "were", "which", "while",
    "with", "also", "sides", "side",
];

/// One sentence of an account: where it is and whether the other account says it too.
#[derive(Debug, Clone, PartialEq)]
pub struct Sentence {
    /// 0-based index of the paragraph it is in.
    pub paragraph: usize,
    /// Byte range within that paragraph.
    pub range: Range<usize>,
    /// Best containment found in the other account (0.0–1.0).
    pub best: f32,
    /// True when no sentence of the other account matches it.
    pub only_here: bool,
}

/// The comparison of two accounts, sentence by sentence, both ways.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Comparison {
    pub left: Vec<Sentence>,
    pub right: Vec<Sentence>,
}

impl Comparison {
    /// The sentences of the left (`left == true`) or right account that only it reports.
    pub fn only(&self, left: bool) -> impl Iterator<Item = &Sentence> {
        let list = if left { &self.left } else { &self.right };
        list.iter().filter(|s| s.only_here)
    }
}

/// Compares two accounts given as paragraphs.
pub fn compare<L: AsRef<str>, R: AsRef<str>>(left: &[L], right: &[R]) -> Comparison {
    let l = sentences_of(left);
    let r = sentences_of(right);
    let lw: Vec<BTreeSet<String>> = l.iter().map(|(_, _, w)| w.clone()).collect();
    let rw: Vec<BTreeSet<String>> = r.iter().map(|(_, _, w)| w.clone()).collect();
    Comparison {
        left: mark(&l, &rw),
        right: mark(&r, &lw),
    }
}

type Split = (usize, Range<usize>, BTreeSet<String>);

fn sentences_of<P: AsRef<str>>(paragraphs: &[P]) -> Vec<Split> {
    paragraphs
        .iter()
        .enumerate()
        .flat_map(|(p, text)| {
            let text = text.as_ref();
            split_sentences(text)
                .into_iter()
                .map(move |range| (p, range.clone(), words(&text[range])))
        })
        .collect()
}

fn mark(mine: &[Split], other: &[BTreeSet<String>]) -> Vec<Sentence> {
    mine.iter()
        .map(|(paragraph, range, words)| {
            let best = other
                .iter()
                .map(|o| containment(words, o))
                .fold(0.0_f32, f32::max);
            Sentence {
                paragraph: *paragraph,
                range: range.clone(),
                best,
                only_here: words.len() >= MIN_WORDS && best < THRESHOLD,
            }
        })
        .collect()
}

/// Fraction of `a`'s words that are in `b` (0 when `a` is empty).
pub fn containment(a: &BTreeSet<String>, b: &BTreeSet<String>) -> f32 {
    if a.is_empty() {
        return 0.0;
    }
    let shared = a.intersection(b).count();
    shared as f32 / a.len() as f32
}

/// The normalised content words of a sentence.
pub fn words(sentence: &str) -> BTreeSet<String> {
    sentence
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .filter(|w| w.chars().count() > 1 && !STOP_WORDS.contains(&w.as_str()))
        .map(|w| normalise(&w))
        .collect()
}

/// A crude stem so that "emphasised"/"emphasized" and "threats"/"threat" meet.
fn normalise(word: &str) -> String {
    let singular = match word.strip_suffix('s') {
        Some(s) if s.len() > 3 && !s.ends_with('s') => s,
        _ => word,
    };
    for suffix in ["isation", "ising", "ised", "ise"] {
        if let Some(stem) = singular.strip_suffix(suffix) {
            return format!("{stem}iz{}", &suffix[2..]);
        }
    }
    singular.to_string()
}

/// Byte ranges of the sentences of a paragraph: a sentence ends at `.`, `!` or `?` followed by
/// a space (or the end) and anything but a lower-case letter; abbreviations such as "Mr." do not end
/// one. A leading "7. " list number stays with its sentence. Whitespace is trimmed.
pub fn split_sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        let end = i + c.len_utf8();
        let next = chars.get(k + 1).map(|&(_, n)| n);
        let after = chars.get(k + 2).map(|&(_, n)| n);
        let boundary = match next {
            None => true,
            // Whatever follows but a lower-case letter starts a sentence: capitals, digits,
            // quotes, and scripts without case (Hangul).
            Some(n) if n.is_whitespace() => after.is_none_or(|a| !a.is_lowercase()),
            _ => false,
        };
        if !boundary || is_abbreviation(&text[start..i]) || is_list_number(&text[start..i]) {
            continue;
        }
        push_trimmed(text, start..end, &mut out);
        start = end;
    }
    push_trimmed(text, start..text.len(), &mut out);
    out
}

fn is_abbreviation(before: &str) -> bool {
    let last = before
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("");
    matches!(
        last,
        "Mr" | "Mrs" | "Ms" | "Dr" | "St" | "No" | "e.g" | "i.e" | "vs" | "etc"
    )
}

fn is_list_number(before: &str) -> bool {
    let t = before.trim();
    !t.is_empty() && t.chars().all(|c| c.is_ascii_digit())
}

fn push_trimmed(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let slice = &text[range.clone()];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    let start = range.start + lead;
    let end = range.end.saturating_sub(trail).max(start);
    if end > start {
        out.push(start..end);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_sentences_but_not_abbreviations_or_list_numbers() {
        let t = "1. The meeting was chaired by Mr. Youn. Mr. Stadejek led the EU side. Done";
        let s: Vec<&str> = split_sentences(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(
            s,
            vec![
                "1. The meeting was chaired by Mr. Youn.",
                "Mr. Stadejek led the EU side.",
                "Done"
            ]
        );
    }

    #[test]
    fn empty_and_blank_text_have_no_sentences() {
        assert!(split_sentences("").is_empty());
        assert!(split_sentences("   ").is_empty());
        assert_eq!(compare::<&str, &str>(&[], &[]), Comparison::default());
    }

    #[test]
    fn words_drop_function_words_and_fold_case() {
        let w = words("The EU and the ROK discussed Cybercrime.");
        let expected: BTreeSet<String> = ["eu", "rok", "discussed", "cybercrime"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(w, expected);
    }

    #[test]
    fn budapest_convention_sentence_is_only_in_the_rok_account() {
        let rok = [
            "6. Acknowledging the growing sophistication of cybercrime due to technological \
             advancements, the participants emphasized the need for enhanced international \
             cooperation in cybercrime investigations—particularly in light of the transnational \
             nature of such crimes. They also discussed the Budapest Convention and the United \
             Nations convention against cybercrime adopted in 2024 as key frameworks for \
             international legal cooperation.",
        ];
        let eu = [
            "They also addressed the need for enhanced international cooperation in cybercrime \
             investigations, acknowledging the growing sophistication of cybercrime due to \
             technological advancements.",
        ];
        let c = compare(&rok, &eu);
        assert_eq!(c.left.len(), 2);
        assert!(
            !c.left[0].only_here,
            "the shared sentence matches: {:?}",
            c.left[0]
        );
        assert!(c.left[1].only_here, "Budapest is ROK-only: {:?}", c.left[1]);
        assert!(rok[0][c.left[1].range.clone()].contains("Budapest"));
        assert!(c.right.iter().all(|s| !s.only_here));
        assert_eq!(c.only(true).count(), 1);
    }

    #[test]
    fn short_headings_are_never_marked() {
        let c = compare(
            &["Key discussion points"],
            &["Something else entirely here now."],
        );
        assert!(!c.left[0].only_here);
        assert!(c.right[0].only_here);
    }

    #[test]
    fn british_and_american_spellings_and_plurals_meet() {
        assert_eq!(words("emphasised threats"), words("emphasized threat"));
        assert_eq!(words("organisations"), words("organizations"));
        assert!(words("discussed").contains("discussed"));
    }

    #[test]
    fn containment_is_one_sided() {
        let a = words("cyber threats discussed");
        let b = words("cyber threats discussed at length with regional partners in Brussels");
        assert_eq!(containment(&a, &b), 1.0);
        assert!(containment(&b, &a) < 0.5);
        assert_eq!(containment(&BTreeSet::new(), &b), 0.0);
    }

    #[test]
    fn hangul_and_odd_text_do_not_panic() {
        let c = compare(&["사이버 정책 협의회가 열렸다. 다음!"], &["...", "?!", "."]);
        assert_eq!(c.left.len(), 2);
    }
}
