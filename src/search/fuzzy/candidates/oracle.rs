//! The candidate builder as it was before its fast paths and its split across cores, the
//! oracle that `candidates_from` must equal exactly: the same candidates in the same order.
//! Kept verbatim but for these lines and the names; the helpers the fast paths left unchanged
//! (places, name texts, date labels, the clause limits) are the live ones.

use std::collections::HashMap;

use unicode_normalization::UnicodeNormalization;

use super::super::{Candidate, Kind, MATCHED_KEY_CHARS};
use super::{CLAUSE_CHARS, CLAUSES_MAX, date_label, name_texts, places};
use crate::corpus::names::side_label;
use crate::corpus::{Corpus, Meeting, MeetingFormat, Name, OrgKind, Source};
use crate::search::fold::fold;
use crate::text::sanitize_line;

/// The finder's candidates for a corpus: topics (label, aliases, names), organisations (name,
/// acronym, aliases, names), people (name, aliases, names), meetings (title, short title, each
/// side's name, the title with its year, and what the corpus says about why it was held as it
/// was), events (title, the title with its year) and places (the distinct cities of meetings
/// and events). Names in other languages (`names`) come after the English keys.
pub fn old_candidates_from(corpus: &Corpus) -> Vec<Candidate> {
    let mut out = Vec::new();
    let topic_labels: HashMap<&str, &str> = corpus
        .topics
        .iter()
        .map(|t| (t.id.as_str(), t.label.as_str()))
        .collect();
    for t in &corpus.topics {
        let parent = t.parent.as_deref().and_then(|p| topic_labels.get(p));
        out.push(candidate(
            Kind::Topic,
            &t.id,
            &t.label,
            t.aliases
                .iter()
                .map(crate::corpus::Text::as_str)
                .chain(name_texts(&t.names)),
            parent.map(|p| format!("in {p}")).unwrap_or_default(),
        ));
    }
    for o in &corpus.organisations {
        out.push(candidate(
            Kind::Organisation,
            &o.id,
            &o.name,
            o.acronym
                .iter()
                .chain(&o.aliases)
                .map(crate::corpus::Text::as_str)
                .chain(name_texts(&o.names)),
            match o.kind {
                // "other" says nothing.
                OrgKind::Other => side_label(corpus, &o.side).to_owned(),
                kind => format!("{} {}", side_label(corpus, &o.side), kind.label()),
            },
        ));
    }
    let meeting_dates: HashMap<&str, &str> = corpus
        .meetings
        .iter()
        .map(|m| (m.id.as_str(), m.date.value.as_str()))
        .collect();
    for p in &corpus.people {
        // The latest role is the one at the latest meeting; undated roles count as oldest,
        // and among equals the one listed last wins.
        let latest = p
            .roles
            .iter()
            .enumerate()
            .max_by_key(|(i, r)| {
                let date = r.meeting.as_deref().and_then(|m| meeting_dates.get(m));
                (date.copied(), *i)
            })
            .map(|(_, r)| r.title.clone())
            .unwrap_or_default();
        out.push(candidate(
            Kind::Person,
            &p.id,
            &p.name,
            p.aliases
                .iter()
                .map(crate::corpus::Text::as_str)
                .chain(name_texts(&p.names)),
            latest.to_string(),
        ));
    }
    // Sources by id, for the meetings' cited format text (a search of the list per citation
    // was quadratic: minutes at 30,000 meetings).
    let mut sources: HashMap<&str, &Source> = HashMap::new();
    for source in &corpus.sources {
        // The first of a repeated id, as a search of the list found it.
        sources.entry(source.id.as_str()).or_insert(source);
    }
    // A series' names are keys of each of its meetings: no series is a candidate of its own.
    let series_names: HashMap<&str, &[Name]> = corpus
        .series
        .iter()
        .map(|s| (s.id.as_str(), s.names.as_slice()))
        .collect();
    for m in &corpus.meetings {
        let in_series = series_names
            .get(m.series.as_str())
            .copied()
            .unwrap_or_default();
        // The title with its year as one key, so "2019" or "cyber 2019" finds the meeting (all
        // words of a query must match one key).
        let year = m.date.value.get(..4).unwrap_or_default();
        let dated = format!("{} {year}", m.title);
        let why = format_clauses(&sources, m);
        let others = std::iter::once(m.short_title.as_str())
            .chain(m.names.iter().map(|n| n.name.as_str()))
            .chain(std::iter::once(dated.as_str()))
            .chain(why.iter().map(String::as_str))
            .chain(name_texts(in_series));
        out.push(candidate(
            Kind::Meeting,
            &m.id,
            &m.title,
            others,
            date_label(&m.date),
        ));
    }
    for e in &corpus.events {
        let year = e
            .date
            .as_ref()
            .and_then(|d| d.value.get(..4))
            .map(|y| format!("{} {y}", e.title));
        let detail = match &e.date {
            Some(d) => format!("{} · {}", e.kind.label(), date_label(d)),
            None => e.kind.label().to_owned(),
        };
        out.push(candidate(
            Kind::Meeting,
            &e.id,
            &e.title,
            year.iter().map(String::as_str),
            detail,
        ));
    }
    // Names by place key, looked up once per place (not the whole table per place).
    let mut place_names: HashMap<&str, Vec<&Name>> = HashMap::new();
    for p in &corpus.place_names {
        place_names
            .entry(p.key.as_str())
            .or_default()
            .extend(&p.names);
    }
    for place in places(corpus) {
        let names = place_names
            .get(place.key.as_str())
            .into_iter()
            .flatten()
            .map(|n| n.text.as_str());
        out.push(candidate(
            Kind::Place,
            &place.key,
            place.city,
            names,
            place.country.unwrap_or_default().to_owned(),
        ));
    }
    out
}

/// What the corpus says about how a meeting was held, as keys: the clauses of its format fact's
/// cited paragraphs, and of its notes, that name its format ("held virtually during the
/// COVID-19 pandemic in 2020"), so "covid" finds the meeting that was virtual because of it.
/// Only the corpus's own text: nothing is added where it says nothing.
fn format_clauses(sources: &HashMap<&str, &Source>, m: &Meeting) -> Vec<String> {
    let Some(format) = &m.format else {
        return Vec::new();
    };
    let words: &[&str] = match format.value {
        MeetingFormat::Virtual => &["virtual", "online", "video"],
        MeetingFormat::InPerson => &["in-person", "in person", "face-to-face"],
    };
    let cited = format.cite.iter().filter_map(|c| {
        let source = sources.get(c.source.as_str())?;
        let n = usize::try_from(c.paragraph?).ok()?;
        source
            .paragraphs
            .get(n.checked_sub(1)?)
            .map(crate::corpus::Text::as_str)
    });
    let texts = cited.chain(m.notes.iter().map(|n| n.text.as_str()));
    let mut out: Vec<String> = Vec::new();
    for text in texts {
        for clause in text.split(['.', ',', ';', ':', '(', ')']) {
            let clause = clause.trim();
            let lower = clause.to_lowercase();
            if words.iter().any(|w| lower.contains(w))
                && clause.chars().count() <= CLAUSE_CHARS
                && !out.iter().any(|o| o == clause)
                && out.len() < CLAUSES_MAX
            {
                out.push(clause.to_owned());
            }
        }
    }
    out
}

fn candidate<'a>(
    kind: Kind,
    id: &str,
    label: &str,
    other_keys: impl Iterator<Item = &'a str>,
    detail: String,
) -> Candidate {
    let clean = |text: &str| -> String { sanitize_line(text.trim()).nfc().collect() };
    let label = clean(label);
    let mut keys: Vec<String> = Vec::new();
    // A key that folds like an earlier one can never match differently: it would only cost.
    // Only the matched part is compared: beyond it keys cannot match differently either.
    let mut folded: Vec<String> = Vec::new();
    let mut add = |key: String| {
        let f = fold(matched_part(&key));
        if !key.is_empty() && !folded.contains(&f) {
            keys.push(key);
            folded.push(f);
        }
    };
    add(label.clone());
    for key in other_keys {
        add(clean(key));
    }
    Candidate {
        kind,
        id: id.to_owned(),
        label,
        keys,
        detail: sanitize_line(&detail).nfc().collect(),
    }
}

fn matched_part(key: &str) -> &str {
    match key.char_indices().nth(MATCHED_KEY_CHARS) {
        Some((end, _)) => &key[..end],
        None => key,
    }
}
