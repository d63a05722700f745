//! Ranking tiers: how a query matches a key, compared before any fuzzy score, so the obvious
//! answer comes first: the whole key typed beats whole words, which beat the starts of words
//! (or their initials, "dpc"), which beat letters found inside words.
//!
//! Both sides are compared as words: runs of letters and digits, so hyphens, spaces and other
//! punctuation between them do not count ("jongkwon", "jong-kwon" and "jong kwon" all match
//! the words of "Jong-kwon" whole).

/// How a query matches a key, worst first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum Tier {
    /// Letters found in order, some inside words.
    #[default]
    Fuzzy,
    /// Every query word starts a word of the key, or is the initials of consecutive words.
    WordStart,
    /// Every query word is one or more whole consecutive words of the key.
    WholeWords,
    /// The query is the whole key.
    Exact,
}

/// Words too small to count in initials: "MOFA" and "MFA" both stand for "Ministry of Foreign
/// Affairs".
const LINKING: &[&str] = &["of", "and", "for", "the", "on", "in", "de"];
/// Keys and queries are compared on at most this many words (initials search tries subsets
/// of them).
const MAX_WORDS: usize = 48;

/// The words of folded text.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// The tier of `query` (folded words, in the key's form) against the folded `key`. Runs for
/// every key that matches a keystroke, so it does not allocate.
pub fn tier<'a>(query: impl IntoIterator<Item = &'a str>, key: &str) -> Tier {
    let mut key_buf = [""; MAX_WORDS];
    let key_words = collect(words(key), &mut key_buf);
    let mut query_buf = [""; MAX_WORDS];
    let query_words = collect(query.into_iter().flat_map(words), &mut query_buf);
    if query_words.is_empty() || key_words.is_empty() {
        return Tier::Fuzzy;
    }
    let joined_query = query_words.iter().flat_map(|w| w.chars());
    let joined_key = key_words.iter().flat_map(|w| w.chars());
    if joined_query.eq(joined_key) {
        return Tier::Exact;
    }
    if query_words.iter().all(|w| spans_words(w, key_words, true)) {
        return Tier::WholeWords;
    }
    let starts = |w: &&str| spans_words(w, key_words, false) || initials(w, key_words);
    if query_words.iter().all(starts) {
        Tier::WordStart
    } else {
        Tier::Fuzzy
    }
}

/// The first [`MAX_WORDS`] items of `items`, in `buf`.
fn collect<'a, 'b>(
    items: impl Iterator<Item = &'a str>,
    buf: &'b mut [&'a str; MAX_WORDS],
) -> &'b [&'a str] {
    let mut n = 0;
    for (slot, item) in buf.iter_mut().zip(items) {
        *slot = item;
        n += 1;
    }
    &buf[..n]
}

/// Whether `word` is the start (`whole`: all) of consecutive key words joined, from some word.
fn spans_words(word: &str, key_words: &[&str], whole: bool) -> bool {
    (0..key_words.len()).any(|from| {
        let mut rest = word;
        for w in &key_words[from..] {
            if let Some(after) = rest.strip_prefix(w) {
                rest = after;
                if rest.is_empty() {
                    return true;
                }
            } else {
                return !whole && w.starts_with(rest);
            }
        }
        false
    })
}

/// Whether `word` (two or more characters) is the initials of consecutive key words, linking
/// words ("of", "and") counted or skipped.
fn initials(word: &str, key_words: &[&str]) -> bool {
    word.chars().nth(1).is_some()
        && (0..key_words.len()).any(|from| initials_from(word, &key_words[from..]))
}

fn initials_from(typed: &str, key_words: &[&str]) -> bool {
    let mut chars = typed.chars();
    let Some(first) = chars.next() else {
        return true;
    };
    let rest = chars.as_str();
    let Some((&word, later)) = key_words.split_first() else {
        return false;
    };
    (word.starts_with(first) && initials_from(rest, later))
        || (LINKING.contains(&word) && !rest.is_empty() && initials_from(typed, later))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(query: &str, key: &str) -> Tier {
        tier(query.split_whitespace(), key)
    }

    #[test]
    fn tiers_in_order() {
        assert_eq!(t("nis", "nis"), Tier::Exact);
        assert_eq!(t("yoon jong kwon", "yoon jong-kwon"), Tier::Exact);
        assert_eq!(t("jongkwon", "yoon jong kwon"), Tier::WholeWords);
        assert_eq!(t("kwon jong", "yoon jong kwon"), Tier::WholeWords);
        assert_eq!(
            t("covid", "held virtually during the covid-19 pandemic"),
            Tier::WholeWords
        );
        assert_eq!(t("minis", "ministry of science and ict"), Tier::WordStart);
        assert_eq!(t("nis", "national intelligence service"), Tier::WordStart);
        assert_eq!(t("mofa", "ministry of foreign affairs"), Tier::WordStart);
        assert_eq!(t("mfa", "ministry of foreign affairs"), Tier::WordStart);
        assert_eq!(
            t("dpc", "2nd eu–rok digital partnership council"),
            Tier::WordStart
        );
        assert_eq!(t("nis", "ministry of foreign affairs"), Tier::Fuzzy);
        assert_eq!(
            t("nis", "national security research institute"),
            Tier::Fuzzy
        );
        assert_eq!(t("ㄱㅈㅇ", "ㄱㅈㅇ"), Tier::Exact);
        assert_eq!(t("ㄱㅈ", "ㄱㄱㅈㅂㅇ"), Tier::Fuzzy);
        assert_eq!(t("", "x"), Tier::Fuzzy);
        assert!(Tier::Exact > Tier::WholeWords && Tier::WholeWords > Tier::WordStart);
    }
}
