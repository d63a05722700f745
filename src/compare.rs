//! Comparing two accounts of one meeting: which paragraphs of one account face which of the
//! other, which sentences only one account has, and which clauses inside shared sentences only
//! one account has.
//!
//! Pure and terminal-free. Each account (a list of cleaned paragraphs) is split into sentences,
//! and each sentence into clauses; each piece becomes a set of normalised content words (lower
//! case, letters and digits, short function words dropped).
//! - **Paragraphs are aligned by content**, not position: every pair is scored by the Dice
//!   overlap of their content words, and pairs are taken best first, each paragraph at most once,
//!   down to [`ALIGN_THRESHOLD`]; a paragraph left over is shown alone. Accounts reorder and merge
//!   paragraphs (the ROK account of the 7th meeting gives the threat landscape in its ¶4, the EU
//!   account in its ¶2), so position says little.
//! - **A sentence is only here** when no sentence of the other account contains at least
//!   [`THRESHOLD`] of its content words. Containment rather than symmetric overlap, because one
//!   account often merges two sentences of the other into one: each half is still found in the
//!   merged sentence.
//! - **A clause is only here** when at least half of its content words, and at least
//!   [`MIN_NOVEL`] of them, appear nowhere in the other account: "including cryptocurrency theft
//!   by North Korea" in a sentence that is otherwise shared. Clauses end at commas, semicolons,
//!   dashes and brackets, and before connectives ("including", "such as", "and", …) and before
//!   prepositional phrases naming something ("at the …", "in Seoul").

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

/// A clause is marked only when at least this many of its content words appear nowhere in the
/// other account (and they are at least half of its words): one new word is usually a
/// paraphrase ("parties" for "sides"), two are new content ("cryptocurrency theft").
pub const MIN_NOVEL: usize = 2;

/// The least Dice overlap of content words for two paragraphs to face each other. On the 7th
/// meeting, counterparts score 0.3–0.8 (ROK ¶4 and EU ¶2, the threat landscape: 0.7) and
/// unrelated paragraphs under 0.15 (ROK ¶4 and EU ¶4, ransomware: 0.1).
pub const ALIGN_THRESHOLD: f32 = 0.2;

/// The least Dice overlap for a paragraph left alone to name the other account's paragraph
/// nearest to it ("cf. ¶3"): higher than [`ALIGN_THRESHOLD`], so that a few shared words
/// ("data", "security") name nothing.
pub const NEAR_THRESHOLD: f32 = 0.3;

/// How much a pair's distance in relative position (0.0–1.0) lowers its rank: enough to
/// break near-ties, far too little to pair unrelated paragraphs.
const POSITION_WEIGHT: f32 = 0.2;

/// Words too common to say whether two passages report the same thing.
const STOP_WORDS: &[&str] = &[
    "a",
    "an",
    "and",
    "are",
    "as",
    "at",
    "be",
    "been",
    "both",
    "but",
    "by",
    "for",
    "from",
    "had",
    "has",
    "have",
    "in",
    "into",
    "is",
    "it",
    "its",
    "of",
    "on",
    "or",
    "such",
    "that",
    "the",
    "their",
    "these",
    "they",
    "this",
    "those",
    "to",
    "two",
    "was",
    "were",
    "which",
    "while",
    "with",
    "also",
    "sides",
    "side",
    "including",
    "particularly",
];

/// Words that open a new clause ("…, including X", "… such as Y", "… and Z").
const CONNECTIVES: &[&[&str]] = &[
    &["including"],
    &["particularly"],
    &["especially"],
    &["notably"],
    &["such", "as"],
    &["as", "well", "as"],
    &["in", "light", "of"],
    &["due", "to"],
    &["and"],
    &["following"],
    &["amid"],
    &["through"],
    &["while"],
    &["whereas"],
];

/// Prepositions that open a clause when a name or "the" follows ("at the Ministry …",
/// "in Seoul"): where and whom, the details one account often adds.
const PLACE_PREPOSITIONS: &[&str] = &["at", "in"];

/// One sentence of an account: where it is, whether the other account says it too, and which
/// of its clauses only this account has.
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
    /// Byte ranges (within the paragraph) of the clauses only this account has, in order;
    /// empty when the whole sentence is only here.
    pub phrases: Vec<Range<usize>>,
}

impl Sentence {
    /// What this account alone says in this sentence: the whole sentence, or its only-here
    /// clauses; empty when everything is shared.
    pub fn marks(&self) -> Vec<Range<usize>> {
        if self.only_here {
            vec![self.range.clone()]
        } else {
            self.phrases.clone()
        }
    }
}

/// One row of the aligned accounts: a paragraph of each that say the same thing, or a
/// paragraph alone. Indices are 0-based.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub left: Option<usize>,
    pub right: Option<usize>,
    /// The Dice overlap of the pair (0.0 for a paragraph alone).
    pub score: f32,
    /// For a paragraph alone: the other account's paragraph closest to it, taken by a closer
    /// pair (the EU account's one paragraph on multilateral fora and cybercrime faces the
    /// ROK ¶5 and is near its ¶6).
    pub near: Option<usize>,
}

/// The comparison of two accounts, sentence by sentence both ways, and paragraph by paragraph.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Comparison {
    pub left: Vec<Sentence>,
    pub right: Vec<Sentence>,
    /// The paragraphs of both accounts in reading order, counterparts side by side.
    pub rows: Vec<Row>,
}

impl Comparison {
    /// The sentences of the left (`left == true`) or right account that only it reports.
    pub fn only(&self, left: bool) -> impl Iterator<Item = &Sentence> {
        self.side(left).iter().filter(|s| s.only_here)
    }

    /// The sentences of one account that have something only it reports: the whole sentence
    /// or a clause.
    pub fn marked(&self, left: bool) -> impl Iterator<Item = &Sentence> {
        self.side(left)
            .iter()
            .filter(|s| s.only_here || !s.phrases.is_empty())
    }

    /// How many passages (whole sentences or clauses) only one account has.
    pub fn mark_count(&self, left: bool) -> usize {
        self.side(left).iter().map(|s| s.marks().len()).sum()
    }

    /// The paragraph of the other account facing paragraph `p` of one account, if any.
    pub fn counterpart(&self, left: bool, p: usize) -> Option<usize> {
        self.rows.iter().find_map(|r| {
            let (mine, theirs) = if left {
                (r.left, r.right)
            } else {
                (r.right, r.left)
            };
            (mine == Some(p)).then_some(theirs).flatten()
        })
    }

    fn side(&self, left: bool) -> &[Sentence] {
        if left { &self.left } else { &self.right }
    }
}

/// Compares two accounts given as paragraphs.
pub fn compare<L: AsRef<str>, R: AsRef<str>>(left: &[L], right: &[R]) -> Comparison {
    let l = sentences_of(left);
    let r = sentences_of(right);
    let lw: Vec<BTreeSet<String>> = l.iter().map(|(_, _, w)| w.clone()).collect();
    let rw: Vec<BTreeSet<String>> = r.iter().map(|(_, _, w)| w.clone()).collect();
    let l_all: BTreeSet<String> = lw.iter().flatten().cloned().collect();
    let r_all: BTreeSet<String> = rw.iter().flatten().cloned().collect();
    Comparison {
        left: mark(left, &l, &rw, &r_all),
        right: mark(right, &r, &lw, &l_all),
        rows: align(&paragraph_words(left), &paragraph_words(right)),
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

fn paragraph_words<P: AsRef<str>>(paragraphs: &[P]) -> Vec<BTreeSet<String>> {
    paragraphs.iter().map(|p| words(p.as_ref())).collect()
}

fn mark<P: AsRef<str>>(
    paragraphs: &[P],
    mine: &[Split],
    other: &[BTreeSet<String>],
    other_all: &BTreeSet<String>,
) -> Vec<Sentence> {
    mine.iter()
        .map(|(paragraph, range, words)| {
            let best = other
                .iter()
                .map(|o| containment(words, o))
                .fold(0.0_f32, f32::max);
            let compared = words.len() >= MIN_WORDS;
            let only_here = compared && best < THRESHOLD;
            let text = paragraphs.get(*paragraph).map_or("", |t| t.as_ref());
            let mut phrases = if compared && !only_here {
                novel_clauses(text, range.clone(), other_all)
            } else {
                Vec::new()
            };
            // A "clause" that is the whole sentence is not one: the sentence test, made for
            // whole sentences, found it shared ("It closed on 12 June 2024" against "held on
            // June 11-12").
            let whole = match phrases.as_slice() {
                [p] => text
                    .get(range.start..p.start)
                    .zip(text.get(p.end..range.end))
                    .is_some_and(|(a, b)| !a.chars().chain(b.chars()).any(char::is_alphanumeric)),
                _ => false,
            };
            if whole {
                phrases.clear();
            }
            Sentence {
                paragraph: *paragraph,
                range: range.clone(),
                best,
                only_here,
                phrases,
            }
        })
        .collect()
}

/// The clauses of `text[sentence]` that are mostly words the other account never uses,
/// adjacent ones joined into one range.
fn novel_clauses(
    text: &str,
    sentence: Range<usize>,
    other_all: &BTreeSet<String>,
) -> Vec<Range<usize>> {
    let Some(s) = text.get(sentence.clone()) else {
        return Vec::new();
    };
    // Byte ranges in `text`, in order.
    let tokens: Vec<Range<usize>> = word_tokens(s)
        .into_iter()
        .map(|r| (r.start + sentence.start)..(r.end + sentence.start))
        .collect();
    let spelled_out = spelled_out_names(text, &tokens, other_all);
    let mut out: Vec<Range<usize>> = Vec::new();
    for clause in split_clauses(text, sentence) {
        let from = tokens.partition_point(|t| t.start < clause.start);
        let to = tokens.partition_point(|t| t.start < clause.end);
        // A name the other account gives by its acronym ("the United Nations", "the UN")
        // is not new.
        let kept: Vec<&str> = (from..to)
            .filter(|&k| !spelled_out[k])
            .map(|k| &text[tokens[k].clone()])
            .collect();
        let w = words(&kept.join(" "));
        let novel = w.iter().filter(|x| !other_all.contains(*x)).count();
        if novel < MIN_NOVEL || novel * 2 < w.len() {
            continue;
        }
        match out.last_mut() {
            // Only spaces and punctuation between: one passage.
            Some(last)
                if text[last.end..clause.start]
                    .chars()
                    .all(|c| !c.is_alphanumeric()) =>
            {
                last.end = clause.end;
            }
            _ => out.push(clause),
        }
    }
    out
}

/// The longest name [`spelled_out_names`] reads (in words): "Organization for Security and
/// Co-operation in Europe" is 7; the bound keeps a hostile sentence of capitals linear.
const MAX_NAME_WORDS: usize = 12;

/// Which of a sentence's word `tokens` (byte ranges in `text`) belong to a name spelled out
/// in full whose acronym is among `acronyms` (lower case): "North Atlantic Treaty
/// Organization" when the other account says "NATO", "Organization for Security and
/// Co-operation in Europe" for "OSCE".
fn spelled_out_names(
    text: &str,
    tokens: &[Range<usize>],
    acronyms: &BTreeSet<String>,
) -> Vec<bool> {
    const JOINERS: &[&str] = &["of", "for", "and", "in", "on", "the"];
    let capital = |r: &Range<usize>| text[r.clone()].starts_with(char::is_uppercase);
    let mut covered = vec![false; tokens.len()];
    for from in 0..tokens.len() {
        if !capital(&tokens[from]) {
            continue;
        }
        let mut initials = String::new();
        for to in from..tokens.len().min(from + MAX_NAME_WORDS) {
            let t = &tokens[to];
            if text[..t.start].ends_with(['-', '‑']) {
                // The rest of a hyphenated word ("Co-operation") adds no initial.
                continue;
            }
            if capital(t) {
                initials.extend(
                    text[t.clone()]
                        .chars()
                        .next()
                        .map(|c| c.to_ascii_lowercase()),
                );
                if initials.chars().count() >= 2 && acronyms.contains(&initials) {
                    covered[from..=to].fill(true);
                }
            } else if !JOINERS.contains(&text[t.clone()].to_lowercase().as_str()) {
                break;
            }
        }
    }
    covered
}

/// Byte ranges (within `text`) of the clauses of the sentence at `sentence`, trimmed of spaces
/// and of the punctuation that separates them.
pub fn split_clauses(text: &str, sentence: Range<usize>) -> Vec<Range<usize>> {
    let Some(s) = text.get(sentence.clone()) else {
        return Vec::new();
    };
    let tokens = word_tokens(s);
    let lower: Vec<String> = tokens.iter().map(|r| s[r.clone()].to_lowercase()).collect();
    let mut starts: Vec<usize> = vec![0];
    for (i, c) in s.char_indices() {
        if matches!(c, ',' | ';' | ':' | '—' | '(' | ')' | '[' | ']') {
            starts.push(i + c.len_utf8());
        }
    }
    let mut k = 0;
    while k < tokens.len() {
        let rest = &lower[k..];
        if let Some(c) = CONNECTIVES
            .iter()
            .find(|c| rest.len() >= c.len() && c.iter().zip(rest).all(|(a, b)| *a == b))
            // "and" inside a name ("Security and Co-operation") opens no clause.
            && !(lower[k] == "and"
                && tokens
                    .get(k + 1)
                    .is_some_and(|n| s[n.clone()].starts_with(char::is_uppercase)))
        {
            starts.push(tokens[k].start);
            k += c.len();
            continue;
        }
        if PLACE_PREPOSITIONS.contains(&lower[k].as_str())
            && let Some(next) = tokens.get(k + 1)
            && (lower[k + 1] == "the" || s[next.clone()].starts_with(char::is_uppercase))
        {
            starts.push(tokens[k].start);
        }
        k += 1;
    }
    starts.sort_unstable();
    starts.dedup();
    let mut out = Vec::new();
    for (n, &start) in starts.iter().enumerate() {
        let end = starts.get(n + 1).copied().unwrap_or(s.len());
        let piece = &s[start..end];
        let trim = |c: char| {
            c.is_whitespace()
                || matches!(
                    c,
                    ',' | ';' | ':' | '—' | '(' | ')' | '[' | ']' | '.' | '!' | '?'
                )
        };
        let lead = piece.len() - piece.trim_start_matches(trim).len();
        let kept = piece.trim_matches(trim).len();
        if kept > 0 {
            let from = sentence.start + start + lead;
            out.push(from..from + kept);
        }
    }
    out
}

/// Byte ranges of the runs of letters and digits in `s`.
fn word_tokens(s: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in s.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(st)) => {
                out.push(st..i);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(st) = start {
        out.push(st..s.len());
    }
    out
}

/// Paragraph `i` of the left account faces paragraph `j` of the right: pairs taken best first
/// (ties in reading order), each paragraph once, down to [`ALIGN_THRESHOLD`]; rows follow the
/// left account, a right paragraph alone placed before the first pair that comes after it.
pub fn align(left: &[BTreeSet<String>], right: &[BTreeSet<String>]) -> Vec<Row> {
    let mut pairs: Vec<(usize, usize, f32)> = Vec::new();
    for (i, a) in left.iter().enumerate() {
        for (j, b) in right.iter().enumerate() {
            let score = dice(a, b);
            if score >= ALIGN_THRESHOLD {
                pairs.push((i, j, score));
            }
        }
    }
    // Content decides; among near-equal scores the pair at like places in the two accounts
    // wins (the 7th's EU ¶1 scores 0.30 with ROK ¶1, date and place, and 0.32 with ROK ¶3).
    let place = |k: usize, n: usize| (k as f32 + 0.5) / n as f32;
    let ranked = |p: &(usize, usize, f32)| {
        p.2 - POSITION_WEIGHT * (place(p.0, left.len()) - place(p.1, right.len())).abs()
    };
    pairs.sort_by(|x, y| {
        ranked(y)
            .total_cmp(&ranked(x))
            .then((x.0, x.1).cmp(&(y.0, y.1)))
    });
    let mut of_left: Vec<Option<(usize, f32)>> = vec![None; left.len()];
    let mut of_right: Vec<Option<usize>> = vec![None; right.len()];
    for &(i, j, score) in &pairs {
        if of_left[i].is_none() && of_right[j].is_none() {
            of_left[i] = Some((j, score));
            of_right[j] = Some(i);
        }
    }
    // The closest paragraph of the other side, for a paragraph that ended up alone.
    let near_left = |i: usize| {
        pairs
            .iter()
            .find(|p| p.0 == i && p.2 >= NEAR_THRESHOLD)
            .map(|p| p.1)
    };
    let near_right = |j: usize| {
        pairs
            .iter()
            .find(|p| p.1 == j && p.2 >= NEAR_THRESHOLD)
            .map(|p| p.0)
    };
    let mut rows = Vec::new();
    let mut placed = vec![false; right.len()];
    let lone_right = |upto: usize, rows: &mut Vec<Row>, placed: &mut Vec<bool>| {
        for k in 0..upto {
            if !placed[k] && of_right[k].is_none() {
                placed[k] = true;
                rows.push(Row {
                    left: None,
                    right: Some(k),
                    score: 0.0,
                    near: near_right(k),
                });
            }
        }
    };
    for (i, partner) in of_left.iter().enumerate() {
        match *partner {
            Some((j, score)) => {
                lone_right(j, &mut rows, &mut placed);
                placed[j] = true;
                rows.push(Row {
                    left: Some(i),
                    right: Some(j),
                    score,
                    near: None,
                });
            }
            None => rows.push(Row {
                left: Some(i),
                right: None,
                score: 0.0,
                near: near_left(i),
            }),
        }
    }
    lone_right(right.len(), &mut rows, &mut placed);
    rows
}

/// The Dice overlap of two word sets: twice the shared words over the sum of sizes.
pub fn dice(a: &BTreeSet<String>, b: &BTreeSet<String>) -> f32 {
    let total = a.len() + b.len();
    if total == 0 {
        return 0.0;
    }
    2.0 * a.intersection(b).count() as f32 / total as f32
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
    fn clauses_end_at_punctuation_connectives_and_named_places() {
        let t = "It was held on Tuesday, May 20, at the Ministry in Seoul, including talks \
                 and a lunch (Security and Co-operation).";
        let c: Vec<&str> = split_clauses(t, 0..t.len())
            .into_iter()
            .map(|r| &t[r])
            .collect();
        assert_eq!(
            c,
            vec![
                "It was held on Tuesday",
                "May 20",
                "at the Ministry",
                "in Seoul",
                "including talks",
                "and a lunch",
                "Security and Co-operation"
            ]
        );
        assert!(split_clauses(t, 0..t.len() + 1).is_empty(), "out of range");
    }

    #[test]
    fn adjacent_new_clauses_are_one_passage_and_a_spelled_out_acronym_is_not_new() {
        let other = words("The UN and NATO met on cyber threats in Brussels.");
        let t = "They met at the United Nations on cyber threats, including ransomware gangs, \
                 spyware vendors.";
        let r = novel_clauses(t, 0..t.len(), &other);
        let got: Vec<&str> = r.into_iter().map(|r| &t[r]).collect();
        assert_eq!(got, vec!["including ransomware gangs, spyware vendors"]);
    }

    #[test]
    fn alignment_follows_content_across_reordering_and_leaves_the_rest_alone() {
        let left = [
            "Cyber threats from ransomware were discussed at length.",
            "Capacity building programmes for regional partners were reviewed.",
            "A wholly unrelated remark about the weather in spring.",
        ];
        let right = [
            "Capacity building programmes for partners in the region were reviewed.",
            "A note on budgets.",
            "Ransomware cyber threats were discussed.",
        ];
        let c = compare(&left, &right);
        assert_eq!(c.counterpart(true, 0), Some(2));
        assert_eq!(c.counterpart(true, 1), Some(0));
        assert_eq!(c.counterpart(true, 2), None);
        assert_eq!(c.counterpart(false, 1), None);
        let rows: Vec<(Option<usize>, Option<usize>)> =
            c.rows.iter().map(|r| (r.left, r.right)).collect();
        assert_eq!(
            rows,
            vec![
                (None, Some(1)),
                (Some(0), Some(2)),
                (Some(1), Some(0)),
                (Some(2), None)
            ]
        );
    }

    #[test]
    fn hangul_and_odd_text_do_not_panic() {
        let c = compare(&["사이버 정책 협의회가 열렸다. 다음!"], &["...", "?!", "."]);
        assert_eq!(c.left.len(), 2);
    }
}

/// The built-in record's two accounts of the 7th Cyber Dialogue: the checks the compare view
/// exists for, on the texts as published.
#[cfg(test)]
mod seventh {
    use super::*;

    fn accounts() -> (Vec<String>, Vec<String>) {
        let corpus = crate::corpus::layers::load_layered(None)
            .expect("the built-in corpus loads")
            .corpus;
        let text = |id: &str| {
            corpus
                .sources
                .iter()
                .find(|s| s.id == id)
                .map(|s| {
                    s.paragraphs
                        .iter()
                        .map(ToString::to_string)
                        .collect::<Vec<String>>()
                })
                .unwrap_or_else(|| panic!("{id} is in the built-in corpus"))
        };
        (
            text("rok-7th-cyber-policy-consultation"),
            text("eu-7th-cyber-dialogue"),
        )
    }

    /// Every passage one account alone has, as text.
    fn marks(paragraphs: &[String], sentences: &[Sentence], p: usize) -> Vec<String> {
        sentences
            .iter()
            .filter(|s| s.paragraph == p)
            .flat_map(|s| s.marks())
            .map(|r| paragraphs[p][r].to_string())
            .collect()
    }

    #[test]
    fn the_threat_landscape_paragraphs_face_each_other_not_the_ransomware_one() {
        let (rok, eu) = accounts();
        assert!(rok[3].contains("intensifying cybersecurity threat environment"));
        assert!(eu[1].contains("intensifying cybersecurity threat environment"));
        assert!(eu[3].contains("Counter Ransomware Initiative"));
        let c = compare(&rok, &eu);
        assert_eq!(
            c.counterpart(true, 3),
            Some(1),
            "ROK ¶4 faces EU ¶2: {:?}",
            c.rows
        );
        assert_eq!(c.counterpart(false, 1), Some(3));
        assert_eq!(
            c.counterpart(true, 6),
            Some(3),
            "ransomware faces ransomware"
        );
        // Date and place face date and place; the participants list has no counterpart.
        assert_eq!(c.counterpart(true, 0), Some(0));
        assert_eq!(c.counterpart(true, 1), None);
        // Every paragraph of both accounts is shown exactly once, the ROK's in order.
        let lefts: Vec<usize> = c.rows.iter().filter_map(|r| r.left).collect();
        assert_eq!(lefts, (0..rok.len()).collect::<Vec<_>>());
        let mut rights: Vec<usize> = c.rows.iter().filter_map(|r| r.right).collect();
        rights.sort_unstable();
        assert_eq!(rights, (0..eu.len()).collect::<Vec<_>>());
        // The ROK's cybercrime paragraph stands alone, near the EU paragraph that merges it.
        let alone = c.rows.iter().find(|r| r.left == Some(5)).expect("a row");
        assert_eq!((alone.right, alone.near), (None, Some(2)));
    }

    #[test]
    fn clauses_only_the_rok_account_has_are_marked_inside_shared_sentences() {
        let (rok, eu) = accounts();
        let c = compare(&rok, &eu);
        assert_eq!(
            marks(&rok, &c.left, 3),
            vec!["including cryptocurrency theft by North Korea"]
        );
        let first = marks(&rok, &c.left, 0);
        assert_eq!(first[0], "at the Ministry of Foreign Affairs", "{first:?}");
        // The chair and the EU head are whole sentences the EU account lacks.
        assert_eq!(first.len(), 3, "{first:?}");
        assert!(first[1].starts_with("The meeting was chaired by Mr. Youn Jong Kwon"));
        let sixth = marks(&rok, &c.left, 5);
        assert_eq!(
            sixth[0],
            "in light of the transnational nature of such crimes"
        );
        assert!(sixth[1].starts_with("They also discussed the Budapest Convention"));
        // NATO and the OSCE spelled out are not news: the EU account names them by acronym.
        assert!(
            marks(&rok, &c.left, 6).is_empty(),
            "{:?}",
            marks(&rok, &c.left, 6)
        );
        // The sentence with the crypto clause is itself shared.
        let s = c.left.iter().find(|s| s.paragraph == 3).expect("¶4");
        assert!(!s.only_here && s.best >= THRESHOLD);
    }

    #[test]
    fn what_only_the_eu_account_has() {
        let (rok, eu) = accounts();
        let c = compare(&rok, &eu);
        assert_eq!(
            marks(&eu, &c.right, 5),
            vec!["The EU will host the next EU-Republic of Korea Cyber Dialogue in Brussels."]
        );
        assert_eq!(marks(&eu, &c.right, 1), vec!["as significant concerns"]);
        assert_eq!(c.mark_count(false), 2);
        assert_eq!(c.marked(false).count(), 2);
    }
}
