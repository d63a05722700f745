//! What the user types → a record or a facet key: an id in any case, a name, acronym or alias,
//! or words that begin the words of exactly one name. A name that fits several records is a
//! usage error listing them (exit 2); a name that fits none gets "did you mean" (exit 1).

use anyhow::{Result, anyhow};

use super::{Library, NotFound};
use crate::corpus::validate::suggest::closest;
use crate::corpus::{Corpus, Facet, RecordKind, place_key};
use crate::search::fuzzy::Kind;
use crate::text::sanitize_line;

/// How many candidates an ambiguous name lists before "…".
const SHOWN: usize = 8;

/// Work bound for "did you mean" (candidates compared).
const SUGGEST_BUDGET: usize = 100_000;

/// One record a name may mean: its key (id, or place key) and what to show for it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Candidate {
    key: String,
    label: String,
}

/// Folds case and spacing for comparisons.
fn fold(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Each record of a facet with every name it answers to (id, name, acronym, aliases, names in
/// other languages; a place by its city).
fn named(corpus: &Corpus, facet: Facet) -> Vec<(Candidate, Vec<&str>)> {
    let candidate = |key: &str, label: &str| Candidate {
        key: key.to_string(),
        label: label.to_string(),
    };
    match facet {
        Facet::Topic => corpus
            .topics
            .iter()
            .map(|t| {
                let mut names = vec![t.id.as_str(), &t.label];
                names.extend(t.aliases.iter().map(crate::corpus::Text::as_str));
                names.extend(t.names.iter().map(|n| n.text.as_str()));
                (candidate(&t.id, &t.label), names)
            })
            .collect(),
        Facet::Organisation => corpus
            .organisations
            .iter()
            .map(|o| {
                let mut names = vec![o.id.as_str(), &o.name];
                names.extend(o.acronym.as_deref());
                names.extend(o.aliases.iter().map(crate::corpus::Text::as_str));
                names.extend(o.names.iter().map(|n| n.text.as_str()));
                (candidate(&o.id, &o.name), names)
            })
            .collect(),
        Facet::Person => corpus
            .people
            .iter()
            .map(|p| {
                let mut names = vec![p.id.as_str(), &p.name];
                names.extend(p.aliases.iter().map(crate::corpus::Text::as_str));
                names.extend(p.names.iter().map(|n| n.text.as_str()));
                (candidate(&p.id, &p.name), names)
            })
            .collect(),
        Facet::Place => {
            let cities = corpus
                .meetings
                .iter()
                .filter_map(|m| m.place.as_ref())
                .chain(corpus.events.iter().filter_map(|e| e.place.as_ref()))
                .map(|p| p.city.as_str());
            let mut seen: Vec<(Candidate, Vec<&str>)> = Vec::new();
            for city in cities {
                let key = place_key(city);
                if !seen.iter().any(|(c, _)| c.key == key) {
                    seen.push((candidate(&key, city), vec![city]));
                }
            }
            seen
        }
    }
}

/// Whether every word of `query` begins a word of `name` (both folded).
fn words_begin(query: &str, name: &str) -> bool {
    let words: Vec<&str> = name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    query
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .all(|q| words.iter().any(|w| w.starts_with(q)))
        && query.chars().any(char::is_alphanumeric)
}

/// The records of `facet` whose names `typed` begins word by word.
fn by_words(corpus: &Corpus, facet: Facet, typed: &str) -> Vec<Candidate> {
    let query = fold(typed);
    named(corpus, facet)
        .into_iter()
        .filter(|(_, names)| names.iter().any(|n| words_begin(&query, &fold(n))))
        .map(|(c, _)| c)
        .collect()
}

/// "did you mean `x`?" among every name of the facets, or nothing.
fn suggestion(corpus: &Corpus, facets: &[Facet], typed: &str) -> String {
    let all: Vec<(Candidate, Vec<&str>)> = facets.iter().flat_map(|f| named(corpus, *f)).collect();
    let names: Vec<&str> = all.iter().flat_map(|(_, n)| n.iter().copied()).collect();
    let folded: Vec<String> = names.iter().map(|n| fold(n)).collect();
    let folded_refs: Vec<&str> = folded.iter().map(String::as_str).collect();
    let mut budget = SUGGEST_BUDGET;
    closest(&fold(typed), &folded_refs, &mut budget)
        .and_then(|hit| folded.iter().position(|f| f == hit))
        .map(|i| format!("; did you mean `{}`?", sanitize_line(names[i])))
        .unwrap_or_default()
}

/// The `find` query prefix that lists a facet's names ('#' for topics).
fn find_prefix(facet: Facet) -> char {
    Kind::ALL
        .into_iter()
        .find(|k| k.facet() == Some(facet))
        .map_or(' ', Kind::prefix)
}

/// The usage error for a name that fits several records.
fn ambiguous(what: &str, typed: &str, candidates: &[Candidate]) -> anyhow::Error {
    let mut list: Vec<String> = candidates
        .iter()
        .take(SHOWN)
        .map(|c| format!("  {}  [{}]", sanitize_line(&c.label), sanitize_line(&c.key)))
        .collect();
    if candidates.len() > SHOWN {
        list.push(format!("  … and {} more", candidates.len() - SHOWN));
    }
    anyhow!(
        "{:?} fits {} {what}; give one of these ids (or more of the name):\n{}",
        sanitize_line(typed),
        candidates.len(),
        list.join("\n")
    )
}

/// The key of `facet` that `typed` names (`list --topic/--org/--person/--place`).
pub fn facet_key(library: &Library, facet: Facet, typed: &str) -> Result<String> {
    if let Some(key) = library.index.resolve(facet, typed) {
        return Ok(key.to_string());
    }
    let corpus = &library.loaded.corpus;
    let mut found = by_words(corpus, facet, typed);
    match found.len() {
        1 => Ok(found.remove(0).key),
        0 => Err(NotFound(format!(
            "no {} is called {:?}{}; try `entente find '{}{}'` to see the names",
            facet.label(),
            sanitize_line(typed),
            suggestion(corpus, &[facet], typed),
            find_prefix(facet),
            sanitize_line(typed),
        ))
        .into()),
        _ => Err(ambiguous(&format!("{}s", facet.label()), typed, &found)),
    }
}

/// The record `typed` names (`show`): an id in any case, or one topic, organisation or person
/// by any of its names, or by words beginning its name's words (when `typed` does not look like
/// an id: a hyphen and no space).
pub fn record(library: &Library, typed: &str) -> Result<(RecordKind, usize)> {
    let index = &library.index;
    let corpus = &library.loaded.corpus;
    if let Some(found) = index.record(typed) {
        return Ok(found);
    }
    let wanted = fold(typed);
    let ids: Vec<&str> = corpus.records().map(|r| r.id).collect();
    let same: Vec<&str> = ids
        .iter()
        .copied()
        .filter(|id| fold(id) == wanted)
        .collect();
    if let [id] = same.as_slice()
        && let Some(found) = index.record(id)
    {
        return Ok(found);
    }
    const NAMED: [Facet; 3] = [Facet::Topic, Facet::Organisation, Facet::Person];
    let mut keys: Vec<String> = NAMED
        .iter()
        .filter_map(|f| index.resolve(*f, typed).map(str::to_string))
        .collect();
    keys.dedup();
    // Words that begin a name's words resolve a name ("kim", "security agency"), not an id:
    // a mistyped id ("kim-gun") gets "did you mean" instead of a guess.
    let looks_like_id = typed.contains('-') && !typed.contains(char::is_whitespace);
    if keys.is_empty() && !looks_like_id {
        for facet in NAMED {
            keys.extend(by_words(corpus, facet, typed).into_iter().map(|c| c.key));
        }
    }
    match keys.as_slice() {
        [key] => index
            .record(key)
            .ok_or_else(|| anyhow!("internal: {key:?} resolved but names no record")),
        [] => {
            let mut budget = SUGGEST_BUDGET;
            let hint = closest(typed, &ids, &mut budget)
                .map(|id| format!("did you mean `{}`? ", sanitize_line(id)))
                .unwrap_or_default();
            Err(NotFound(format!(
                "no record has the id or name {:?}; {hint}`entente list` prints meeting and \
                 event ids, `entente find QUERY` finds the others",
                sanitize_line(typed)
            ))
            .into())
        }
        many => {
            let candidates: Vec<Candidate> = many
                .iter()
                .filter_map(|k| {
                    let (kind, i) = index.record(k)?;
                    Some(Candidate {
                        key: k.clone(),
                        label: format!("{} ({})", super::refs::name(corpus, kind, i), kind.label()),
                    })
                })
                .collect();
            Err(ambiguous("records", typed, &candidates))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn library() -> Library {
        Library::new(crate::test_fixture::small())
    }

    #[test]
    fn each_facet_points_to_its_finder_prefix() {
        let prefixes: Vec<char> = Facet::ALL.into_iter().map(find_prefix).collect();
        assert_eq!(prefixes, ['#', '@', '~', '%']);
    }

    #[test]
    fn words_must_each_begin_a_word_of_the_name() {
        assert!(words_begin("commission", "european commission"));
        assert!(words_begin("eur comm", "european commission"));
        assert!(!words_begin("mission", "european commission"));
        assert!(!words_begin("", "european commission"));
    }

    #[test]
    fn an_id_in_another_case_and_a_name_find_the_record() {
        let library = library();
        let o = &library.loaded.corpus.organisations[0];
        let by_id = record(&library, &o.id.to_uppercase()).unwrap();
        let by_name = record(&library, &o.name.to_lowercase()).unwrap();
        assert_eq!(by_id, (RecordKind::Organisation, 0));
        assert_eq!(by_name, by_id);
    }

    #[test]
    fn a_typo_gets_did_you_mean_and_exit_1() {
        let library = library();
        let id = &library.loaded.corpus.meetings[0].id;
        let typo = format!("{}x", id);
        let e = record(&library, &typo).unwrap_err();
        assert!(e.downcast_ref::<NotFound>().is_some());
        assert!(
            e.to_string().contains(&format!("did you mean `{id}`")),
            "{e}"
        );
    }
}
