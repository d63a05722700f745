//! Display names of records looked up by id: the one place the CLI, the briefing note and the
//! browser turn an organisation, person or topic id into what a reader sees. Pure; callers
//! sanitise the result before it reaches a terminal.

use super::model::Corpus;

/// A person's name as the sources write it (the id when unknown).
pub fn person_name<'a>(corpus: &'a Corpus, id: &'a str) -> &'a str {
    corpus
        .people
        .iter()
        .find(|p| p.id == id)
        .map_or(id, |p| p.name.as_str())
}

/// "European External Action Service (EEAS)" (the id when unknown).
pub fn org_name(corpus: &Corpus, id: &str) -> String {
    match corpus.organisations.iter().find(|o| o.id == id) {
        Some(o) => match &o.acronym {
            Some(a) if a != &o.name => format!("{} ({a})", o.name),
            _ => o.name.clone(),
        },
        None => id.to_string(),
    }
}

/// The acronym if there is one, else the name (for tight spaces).
pub fn org_short(corpus: &Corpus, id: &str) -> String {
    match corpus.organisations.iter().find(|o| o.id == id) {
        Some(o) => o.acronym.clone().unwrap_or_else(|| o.name.clone()),
        None => id.to_string(),
    }
}

/// A topic's label (the id when unknown).
pub fn topic_label<'a>(corpus: &'a Corpus, id: &'a str) -> &'a str {
    corpus
        .topics
        .iter()
        .find(|t| t.id == id)
        .map_or(id, |t| t.label.as_str())
}
