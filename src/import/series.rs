//! The series and edition a text reports ("the seventh Cyber Dialogue", "the inaugural
//! security and defence dialogue"), and the partner it is held with.

use crate::corpus::Corpus;

const ORDINAL_WORDS: [&str; 20] = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
];

/// "7th", "seventh", "inaugural" → 7, 7, 1.
pub fn ordinal(word: &str) -> Option<u32> {
    let w = word.to_ascii_lowercase();
    if w == "inaugural" {
        return Some(1);
    }
    if let Some(n) = ORDINAL_WORDS.iter().position(|o| *o == w) {
        return Some(n as u32 + 1);
    }
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &w[digits.len()..];
    let n: u32 = digits.parse().ok()?;
    matches!(suffix, "st" | "nd" | "rd" | "th")
        .then_some(n)
        .filter(|&n| n > 0)
}

/// A dialogue a text reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Detected {
    pub series: String,
    /// The series name as the text writes it ("Cyber Dialogue").
    pub name: String,
    pub edition: Option<u32>,
    /// The partner's slug ("rok", "japan").
    pub partner: String,
    pub paragraph: usize,
}

/// Partners the EU holds dialogues with, by a word that names them.
const PARTNERS: [(&str, &str); 9] = [
    ("Korea", "rok"),
    ("ROK", "rok"),
    ("Japan", "japan"),
    ("India", "india"),
    ("China", "china"),
    ("Canada", "canada"),
    ("Singapore", "singapore"),
    ("Australia", "australia"),
    ("Brazil", "brazil"),
];

/// The partner most named in the text (the ROK when none is).
pub fn partner(paragraphs: &[String]) -> String {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for (word, slug) in PARTNERS {
        let n: usize = paragraphs.iter().map(|p| p.matches(word).count()).sum();
        match counts.iter_mut().find(|(s, _)| *s == slug) {
            Some((_, total)) => *total += n,
            None => counts.push((slug, n)),
        }
    }
    counts
        .into_iter()
        .filter(|(_, n)| *n > 0)
        .max_by_key(|(_, n)| *n)
        .map_or("rok", |(slug, _)| slug)
        .to_string()
}

/// A lower-case slug of letters, digits and single hyphens.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// Series names in the corpus: each meeting's short title without its ordinal, and the names
/// each side uses, with the series they belong to; longest first.
fn series_names(corpus: &Corpus) -> Vec<(String, String)> {
    let mut names: Vec<(String, String)> = Vec::new();
    for m in &corpus.meetings {
        let short = m
            .short_title
            .split_once(' ')
            .filter(|(first, _)| ordinal(first).is_some())
            .map_or(m.short_title.as_str(), |(_, rest)| rest);
        // The title without its ordinal and parties: "Digital Partnership Council".
        let title: Vec<&str> = m
            .title
            .split_whitespace()
            .filter(|w| ordinal(w).is_none() && !w.contains('–') && !w.contains('-'))
            .collect();
        let title = title.join(" ");
        let candidates = [short, title.as_str()];
        for name in candidates
            .into_iter()
            .chain(m.names.iter().map(|n| n.name.as_str()))
            .filter(|n| n.split_whitespace().count() >= 2 && !n.contains('.'))
        {
            if !names.iter().any(|(n, _)| n.eq_ignore_ascii_case(name)) {
                names.push((name.to_string(), m.series.to_string()));
            }
        }
    }
    for generic in [
        "Security and Defence Dialogue",
        "Strategic Dialogue",
        "Cyber Dialogue",
    ] {
        if !names.iter().any(|(n, _)| n.eq_ignore_ascii_case(generic)) {
            names.push((generic.to_string(), String::new()));
        }
    }
    names.sort_by_key(|(n, _)| std::cmp::Reverse(n.len()));
    names
}

/// The first series name a paragraph holds, with the ordinal up to eight words before it.
pub fn detect(corpus: &Corpus, paragraphs: &[String]) -> Option<Detected> {
    let partner = partner(paragraphs);
    let names = series_names(corpus);
    for (n, text) in paragraphs.iter().enumerate() {
        let lower = text.to_lowercase().replace(['-', '–'], " ");
        for (name, series) in &names {
            let Some(at) = lower.find(&name.to_lowercase().replace(['-', '–'], " ")) else {
                continue;
            };
            let before: Vec<&str> = lower[..at].split_whitespace().collect();
            let edition = before
                .iter()
                .rev()
                .take(8)
                .find_map(|w| ordinal(w.trim_matches(|c: char| !c.is_alphanumeric())));
            let series = if series.is_empty() || partner != "rok" {
                format!("eu-{partner}-{}", slug(name))
            } else {
                series.clone()
            };
            return Some(Detected {
                series,
                name: name.clone(),
                edition,
                partner: partner.clone(),
                paragraph: n + 1,
            });
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinals_in_words_and_figures() {
        assert_eq!(ordinal("7th"), Some(7));
        assert_eq!(ordinal("Eighth"), Some(8));
        assert_eq!(ordinal("inaugural"), Some(1));
        assert_eq!(ordinal("1st"), Some(1));
        assert_eq!(ordinal("7x"), None);
        assert_eq!(ordinal("second-hand"), None);
    }
}
