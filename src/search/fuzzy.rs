//! Fuzzy finder over named records.
// TEMP STAND-IN: take branch `search`'s version.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use crate::corpus::Corpus;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Topic,
    Organisation,
    Person,
    Meeting,
    Place,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub kind: Kind,
    pub id: String,
    pub label: String,
    pub keys: Vec<String>,
    pub detail: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Query {
    pub kind: Option<Kind>,
    pub text: String,
}

impl Query {
    pub fn parse(s: &str) -> Query {
        let kind = match s.chars().next() {
            Some('#') => Some(Kind::Topic),
            Some('@') => Some(Kind::Organisation),
            Some('~') => Some(Kind::Person),
            Some(':') => Some(Kind::Meeting),
            Some('%') => Some(Kind::Place),
            _ => None,
        };
        let text = if kind.is_some() { &s[1..] } else { s };
        Query {
            kind,
            text: text.trim().to_string(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Match {
    pub candidate: usize,
    pub score: i64,
    pub key: usize,
    pub positions: Vec<usize>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Results {
    pub matches: Vec<Match>,
    pub total: usize,
}

pub struct Finder {
    candidates: Vec<Candidate>,
}

impl Finder {
    pub fn new(candidates: Vec<Candidate>) -> Finder {
        Finder { candidates }
    }

    pub fn candidates(&self) -> &[Candidate] {
        &self.candidates
    }

    pub fn search(&self, query: &Query, limit: usize) -> Results {
        let matcher = SkimMatcherV2::default();
        let mut matches = Vec::new();
        for (i, c) in self.candidates.iter().enumerate() {
            if query.kind.is_some_and(|k| k != c.kind) {
                continue;
            }
            if query.text.is_empty() {
                matches.push(Match {
                    candidate: i,
                    score: 0,
                    key: 0,
                    positions: Vec::new(),
                });
                continue;
            }
            let best = c
                .keys
                .iter()
                .enumerate()
                .filter_map(|(k, key)| {
                    matcher
                        .fuzzy_indices(&key.to_lowercase(), &query.text.to_lowercase())
                        .map(|(s, p)| (s, k, p))
                })
                .max_by_key(|(s, _, _)| *s);
            if let Some((score, key, positions)) = best {
                matches.push(Match {
                    candidate: i,
                    score,
                    key,
                    positions,
                });
            }
        }
        matches.sort_by(|a, b| b.score.cmp(&a.score).then(a.candidate.cmp(&b.candidate)));
        let total = matches.len();
        matches.truncate(limit);
        Results { matches, total }
    }
}

pub fn candidates_from(corpus: &Corpus) -> Vec<Candidate> {
    let mut out = Vec::new();
    for t in &corpus.topics {
        let mut keys = vec![t.label.clone()];
        keys.extend(t.aliases.iter().cloned());
        out.push(Candidate {
            kind: Kind::Topic,
            id: t.id.clone(),
            label: t.label.clone(),
            keys,
            detail: String::new(),
        });
    }
    for o in &corpus.organisations {
        let mut keys = vec![o.name.clone()];
        keys.extend(o.acronym.iter().cloned());
        keys.extend(o.aliases.iter().cloned());
        out.push(Candidate {
            kind: Kind::Organisation,
            id: o.id.clone(),
            label: o.name.clone(),
            keys,
            detail: o.side.label().to_string(),
        });
    }
    for p in &corpus.people {
        let mut keys = vec![p.name.clone()];
        keys.extend(p.aliases.iter().cloned());
        let detail = p.roles.first().map(|r| r.title.clone()).unwrap_or_default();
        out.push(Candidate {
            kind: Kind::Person,
            id: p.id.clone(),
            label: p.name.clone(),
            keys,
            detail,
        });
    }
    for m in &corpus.meetings {
        out.push(Candidate {
            kind: Kind::Meeting,
            id: m.id.clone(),
            label: m.title.clone(),
            keys: vec![m.title.clone(), m.short_title.clone()],
            detail: m.date.value.clone(),
        });
    }
    let mut places: Vec<String> = corpus
        .meetings
        .iter()
        .filter_map(|m| m.place.as_ref().map(|p| p.city.clone()))
        .collect();
    places.sort();
    places.dedup();
    for p in places {
        out.push(Candidate {
            kind: Kind::Place,
            id: p.clone(),
            label: p.clone(),
            keys: vec![p],
            detail: String::new(),
        });
    }
    out
}
