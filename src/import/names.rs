//! The corpus's organisations, people and topics found in a text, through their names,
//! acronyms, aliases and other-language names; people also through romanisation variants
//! (Youn / Yoon, Jong-kwon / Jong Kwon).

use crate::corpus::{Corpus, Facet};

/// A record of the corpus named in a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub facet: Facet,
    pub id: String,
    /// The words of the text that named it.
    pub written: String,
    /// 1-based paragraph number.
    pub paragraph: usize,
}

/// A romanised name reduced to what its variants share: letters only, lower case, with
/// "oo"/"ou" read as "u" (Yoon, Youn → yun) and "eo" as "o".
pub fn romanisation_key(name: &str) -> String {
    let letters: String = name
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    letters
        .replace("oo", "u")
        .replace("ou", "u")
        .replace("eo", "o")
}

/// Every organisation, person and topic of `corpus` named in the paragraphs, first mention
/// of each, in paragraph order.
pub fn find(corpus: &Corpus, paragraphs: &[String]) -> Vec<Found> {
    let mut found: Vec<Found> = Vec::new();
    let mut add = |facet: Facet, id: &str, written: &str, paragraph: usize| {
        if !found.iter().any(|f| f.facet == facet && f.id == id) {
            found.push(Found {
                facet,
                id: id.to_string(),
                written: written.to_string(),
                paragraph,
            });
        }
    };
    for (n, text) in paragraphs.iter().enumerate() {
        let paragraph = n + 1;
        for org in &corpus.organisations {
            let names = std::iter::once(org.name.as_str())
                .chain(org.acronym.as_deref())
                .chain(org.aliases.iter().map(crate::corpus::Text::as_str))
                .chain(org.names.iter().map(|n| n.text.as_str()));
            if let Some(written) = names.into_iter().find(|name| contains_name(text, name)) {
                add(Facet::Organisation, &org.id, written, paragraph);
            }
        }
        for topic in &corpus.topics {
            let names = std::iter::once(topic.label.as_str())
                .chain(topic.aliases.iter().map(crate::corpus::Text::as_str))
                .chain(topic.names.iter().map(|n| n.text.as_str()));
            if let Some(written) = names.into_iter().find(|name| contains_name(text, name)) {
                add(Facet::Topic, &topic.id, written, paragraph);
            }
        }
        for (id, written) in people_in(corpus, text) {
            add(Facet::Person, &id, &written, paragraph);
        }
    }
    found
}

/// The people of the corpus named in a text: each run of two to four capitalised words whose
/// romanisation key is that of a person's name, alias or other-language name.
pub fn people_in(corpus: &Corpus, text: &str) -> Vec<(String, String)> {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '(' | ')' | ';' | '.'))
        .filter(|w| !w.is_empty())
        .collect();
    let mut out = Vec::new();
    for start in 0..words.len() {
        for len in (2..=4).rev() {
            let Some(run) = words.get(start..start + len) else {
                continue;
            };
            if !run
                .iter()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase))
            {
                continue;
            }
            let key = romanisation_key(&run.concat());
            let person = corpus.people.iter().find(|p| {
                std::iter::once(p.name.as_str())
                    .chain(p.aliases.iter().map(crate::corpus::Text::as_str))
                    .any(|name| romanisation_key(name) == key)
            });
            if let Some(p) = person
                && !out.iter().any(|(id, _)| id == p.id)
            {
                out.push((p.id.to_string(), run.join(" ")));
            }
        }
    }
    out
}

/// Whether `text` names `name`: an acronym (all capitals, short) must match in case and as a
/// whole word; a longer name matches in any case, as whole words.
fn contains_name(text: &str, name: &str) -> bool {
    let name = name.trim();
    if name.chars().count() < 2 {
        return false;
    }
    let acronym = name.chars().count() <= 6 && !name.chars().any(char::is_lowercase);
    let (hay, needle) = if acronym {
        (text.to_string(), name.to_string())
    } else {
        (text.to_lowercase(), name.to_lowercase())
    };
    let mut from = 0;
    while let Some(at) = hay[from..].find(&needle) {
        let start = from + at;
        let end = start + needle.len();
        let before = hay[..start].chars().next_back();
        let after = hay[end..].chars().next();
        if !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric) {
            return true;
        }
        from = start + needle.len().max(1);
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn romanisation_variants_share_a_key() {
        assert_eq!(
            romanisation_key("Youn Jong Kwon"),
            romanisation_key("Yoon Jong-kwon")
        );
        assert_ne!(
            romanisation_key("Youn Jong Kwon"),
            romanisation_key("Yun Ji")
        );
    }

    #[test]
    fn acronyms_match_whole_words_in_case() {
        assert!(contains_name("the EU and KISA met", "EU"));
        assert!(!contains_name("a neutral view", "EU"));
        assert!(!contains_name("kisa", "KISA"));
        assert!(contains_name(
            "the counter ransomware initiative",
            "Counter Ransomware Initiative"
        ));
    }
}
