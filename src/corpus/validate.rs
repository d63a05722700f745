//! Semantic checks serde cannot make: unique slug ids, references of the right kind, citations
//! to existing paragraphs, real dates of the stated precision, provenance, non-empty text, no
//! cycles among parents.
//!
//! Checks run over the parsed files before they are merged, so each problem names the file its
//! record is in, and a duplicate id names both files. Every problem is a
//! [`Problem::in_field`]: record like `meeting eu-rok-cyber-7`, field like
//! `delegations[0].heads[1].person`, and a message saying what is wrong and what was expected.

mod at;
mod cycles;
mod dates;
mod parties;
mod records;
mod side;
pub(crate) mod suggest;

pub mod lints;

use rustc_hash::FxHashMap;

use super::kind::{RecordKind, RecordRef};
use super::model::{Citation, Corpus, DateFact, FORMAT, Provenance, Source, Text};
use super::problem::Problem;
use at::At;

/// Whether the files given are the whole corpus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// All files parsed: a reference to an id defined nowhere is an error.
    Complete,
    /// Some files failed to parse: a reference to an unknown id may point into one of them, so
    /// it is not reported (references to ids of the wrong kind, and citations to paragraphs
    /// that do not exist, still are).
    Partial,
}

/// Where an id was first defined.
#[derive(Debug, Clone, Copy)]
struct Entry {
    kind: RecordKind,
    file: usize,
    pos: usize,
}

/// The record a check is looking at.
#[derive(Clone, Copy)]
struct Rec<'a> {
    file: &'a str,
    kind: RecordKind,
    id: &'a str,
    pos: usize,
    /// For an entry of a side table (series, places), which is not a record: its table's label.
    side: Option<&'static str>,
}

impl Rec<'_> {
    fn label(&self) -> String {
        if let Some(table) = self.side {
            return format!("{table} {}", self.id);
        }
        if self.id.trim().is_empty() {
            format!(
                "{} at {}[{}]",
                self.kind.label(),
                self.kind.list(),
                self.pos
            )
        } else {
            format!("{} {}", self.kind.label(), self.id)
        }
    }
}

/// How many candidate ids the "did you mean" suggestions may compare in one validation.
const SUGGESTION_BUDGET: usize = 2_000_000;

/// A file with at least this many records has them checked on every core first.
const PARALLEL_RECORDS: usize = 4096;

/// How many records one parallel task checks.
const RECORDS_PER_TASK: usize = 1024;

/// Every semantic problem of a corpus given as parsed files (name, corpus), in file order.
///
/// The records of a big file are checked on every core first (see `records_pass`); only a
/// file whose records have a problem is checked again, in order, for the report. So the
/// problems, their order and their words are the same as from one ordered pass.
pub fn validate(files: &[(String, Corpus)], scope: Scope) -> Vec<Problem> {
    let ids = Ids::new(files);
    let parties = parties::declared(files);
    let mut checker = Checker::new(files, scope, &ids, &parties);
    for (f, (file, corpus)) in files.iter().enumerate() {
        checker.corpus_header(file, corpus);
        checker.ids(f);
        if !records_pass(&checker, file, corpus) {
            for r in corpus.records() {
                checker.record(file, corpus, r);
            }
        }
        checker.side_tables(file, corpus);
        checker.parties(f, corpus);
    }
    checker.cycles(RecordKind::Organisation);
    checker.cycles(RecordKind::Topic);
    checker.problems
}

/// Whether the records of a big file have no problem, checked in parallel by checkers that
/// share `ordered`'s tables and whose findings are dropped; `false` for a file too small to be
/// worth it, or with a problem (the caller then checks its records in order, for the report).
/// A record's checks only add problems (and spend the suggestion budget, on a problem), so
/// whether a chunk of records has a problem does not depend on the order of the chunks.
fn records_pass(ordered: &Checker<'_>, file: &str, corpus: &Corpus) -> bool {
    use rayon::prelude::*;
    let records: Vec<RecordRef<'_>> = corpus.records().collect();
    if records.len() < PARALLEL_RECORDS {
        return false;
    }
    records.par_chunks(RECORDS_PER_TASK).all(|chunk| {
        let mut checker = Checker::new(ordered.files, ordered.scope, ordered.ids, ordered.parties);
        for r in chunk {
            checker.record(file, corpus, *r);
        }
        checker.problems.is_empty()
    })
}

/// The ids of every record, built once and shared by the checkers of one validation.
struct Ids<'a> {
    /// Id → its first definition, across every file and kind.
    index: FxHashMap<&'a str, Entry>,
    /// The ids of each kind, in `RecordKind::ALL` order, for suggestions.
    by_kind: [Vec<&'a str>; RecordKind::ALL.len()],
    /// Source label → the first source, in file order, that has it.
    labels: FxHashMap<&'a str, &'a Source>,
}

impl<'a> Ids<'a> {
    fn new(files: &'a [(String, Corpus)]) -> Self {
        let records: usize = files
            .iter()
            .map(|(_, c)| {
                c.sources.len()
                    + c.meetings.len()
                    + c.events.len()
                    + c.organisations.len()
                    + c.people.len()
                    + c.topics.len()
            })
            .sum();
        let mut index = FxHashMap::with_capacity_and_hasher(records, rustc_hash::FxBuildHasher);
        let mut by_kind: [Vec<&'a str>; RecordKind::ALL.len()] = Default::default();
        let mut labels = FxHashMap::default();
        for (f, (_, corpus)) in files.iter().enumerate() {
            for r in corpus.records() {
                if let std::collections::hash_map::Entry::Vacant(slot) = index.entry(r.id) {
                    let (kind, pos) = (r.kind, r.pos);
                    slot.insert(Entry { kind, file: f, pos });
                    by_kind[kind.slot()].push(r.id);
                }
            }
            for s in &corpus.sources {
                if let Some(label) = s.label.as_deref() {
                    labels.entry(label).or_insert(s);
                }
            }
        }
        Ids {
            index,
            by_kind,
            labels,
        }
    }
}

impl<'a> Rec<'a> {
    fn new(file: &'a str, kind: RecordKind, id: &'a str, pos: usize) -> Self {
        Rec {
            file,
            kind,
            id,
            pos,
            side: None,
        }
    }

    /// An entry of a side table; `kind` is only a placeholder no message shows.
    fn side(file: &'a str, table: &'static str, id: &'a str, pos: usize) -> Self {
        Rec {
            side: Some(table),
            ..Rec::new(file, RecordKind::Meeting, id, pos)
        }
    }
}

struct Checker<'a> {
    files: &'a [(String, Corpus)],
    scope: Scope,
    ids: &'a Ids<'a>,
    /// Id → its first definition, across every file and kind (`ids.index`).
    index: &'a FxHashMap<&'a str, Entry>,
    /// The ids of each kind, in `RecordKind::ALL` order, for suggestions (`ids.by_kind`).
    ids_by_kind: &'a [Vec<&'a str>; RecordKind::ALL.len()],
    budget: usize,
    problems: Vec<Problem>,
    /// The ids of the declared parties, which sides may name.
    parties: &'a [String],
}

fn is_slug(s: &str) -> bool {
    let mut bytes = s.bytes();
    bytes
        .next()
        .is_some_and(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        && bytes.all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// A slug made from any text, to suggest in place of a malformed id.
fn slugify(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// A BCP 47 tag, loosely: a 2–3 letter language, then subtags of 1–8 letters or digits.
fn is_language_tag(s: &str) -> bool {
    let mut parts = s.split('-');
    parts
        .next()
        .is_some_and(|p| (2..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphabetic()))
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

impl<'a> Checker<'a> {
    fn new(
        files: &'a [(String, Corpus)],
        scope: Scope,
        ids: &'a Ids<'a>,
        parties: &'a [String],
    ) -> Self {
        Checker {
            files,
            scope,
            ids,
            index: &ids.index,
            ids_by_kind: &ids.by_kind,
            budget: SUGGESTION_BUDGET,
            problems: Vec::new(),
            parties,
        }
    }

    /// Checks one record of `corpus`, read from `file`.
    fn record(&mut self, file: &str, corpus: &Corpus, r: RecordRef<'_>) {
        let rec = Rec::new(file, r.kind, r.id, r.pos);
        match r.kind {
            RecordKind::Source => self.source(rec, &corpus.sources[r.pos]),
            RecordKind::Meeting => self.meeting(rec, &corpus.meetings[r.pos]),
            RecordKind::Event => self.event(rec, &corpus.events[r.pos]),
            RecordKind::Organisation => self.organisation(rec, &corpus.organisations[r.pos]),
            RecordKind::Person => self.person(rec, &corpus.people[r.pos]),
            RecordKind::Topic => self.topic(rec, &corpus.topics[r.pos]),
        }
    }

    fn report(&mut self, rec: Rec<'_>, at: &At<'_>, message: impl Into<String>) {
        self.problems.push(Problem::in_field(
            Some(rec.file),
            rec.label(),
            at.render(),
            message,
        ));
    }

    fn corpus_header(&mut self, file: &str, corpus: &Corpus) {
        if corpus.format != FORMAT {
            self.problems.push(Problem::in_field(
                Some(file),
                "corpus",
                "format",
                format!("unknown format `{}`; expected `{FORMAT}`", corpus.format),
            ));
        }
        if corpus.title.as_deref().is_some_and(|t| t.trim().is_empty()) {
            self.problems.push(Problem::in_field(
                Some(file),
                "corpus",
                "title",
                "the title is empty; expected a name for the corpus, or no `title` field",
            ));
        }
    }

    /// Ids of one file: slug-shaped, and defined once across all files and kinds.
    fn ids(&mut self, f: usize) {
        let files = self.files;
        let (file, corpus) = &files[f];
        for record in corpus.records() {
            let (kind, id, pos) = (record.kind, record.id, record.pos);
            let rec = Rec::new(file, kind, id, pos);
            let at = At::top("id");
            if id.trim().is_empty() {
                self.report(
                    rec,
                    &at,
                    "the id is empty; expected a slug such as `eu-rok-cyber-7`",
                );
                continue;
            }
            if !is_slug(id) {
                let hint = slugify(id);
                let hint = if hint.is_empty() {
                    String::new()
                } else {
                    format!(" — e.g. `{hint}`")
                };
                self.report(
                    rec,
                    &at,
                    format!(
                        "id `{id}` is not a slug; expected lowercase ASCII letters, digits \
                             and `-`, starting with a letter or digit{hint}"
                    ),
                );
            }
            let Some(first) = self.index.get(id).copied() else {
                continue;
            };
            if first.file == f && first.kind == kind && first.pos == pos {
                continue;
            }
            let first_file = &files[first.file].0;
            let place = if first.file == f {
                "earlier in this file".to_string()
            } else {
                format!("in {first_file}")
            };
            self.report(
                rec,
                &at,
                format!(
                    "duplicate id `{id}`: this {} in {file} reuses the id of {} {} defined \
                         {place} ({}[{}]); expected ids unique across all records",
                    kind.label(),
                    first.kind.article(),
                    first.kind.label(),
                    first.kind.list(),
                    first.pos
                ),
            );
        }
    }

    /// A required string: present and not blank.
    fn text(&mut self, rec: Rec<'_>, at: &At<'_>, value: &str, what: &str) {
        if value.trim().is_empty() {
            self.report(rec, at, format!("empty text; expected {what}"));
        }
    }

    /// An optional string: if present, not blank.
    fn opt_text(&mut self, rec: Rec<'_>, at: &At<'_>, value: Option<&str>, what: &str) {
        if let Some(v) = value {
            self.text(rec, at, v, &format!("{what}, or no such field"));
        }
    }

    fn texts(&mut self, rec: Rec<'_>, at: &At<'_>, values: &[Text], what: &str) {
        for (i, v) in values.iter().enumerate() {
            self.text(rec, &at.index(i), v, what);
        }
    }

    fn slug(&mut self, rec: Rec<'_>, at: &At<'_>, value: &str) {
        if !is_slug(value) {
            self.report(
                rec,
                at,
                format!(
                    "`{value}` is not a slug; expected lowercase ASCII letters, digits and `-` \
                     (e.g. `eu-rok-cyber-dialogue`)"
                ),
            );
        }
    }

    /// The record `id` refers to, if it exists and is of kind `want`; reports otherwise.
    fn reference(
        &mut self,
        rec: Rec<'_>,
        at: &At<'_>,
        id: &str,
        want: RecordKind,
    ) -> Option<Entry> {
        // Formatted only for a problem: most references are fine, and there are millions.
        let expected = || format!("expected the id of a record in `{}`", want.list());
        match self.index.get(id).copied() {
            Some(entry) if entry.kind == want => Some(entry),
            Some(entry) => {
                self.report(
                    rec,
                    at,
                    format!(
                        "`{id}` is {} {}, not {} {}; {}",
                        entry.kind.article(),
                        entry.kind.label(),
                        want.article(),
                        want.label(),
                        expected()
                    ),
                );
                None
            }
            None => {
                if self.scope == Scope::Complete {
                    let candidates = &self.ids_by_kind[want.slot()];
                    let hint = suggest::closest(id, candidates, &mut self.budget)
                        .map(|s| format!(" — did you mean `{s}`?"))
                        .unwrap_or_default();
                    self.report(
                        rec,
                        at,
                        format!("unknown {} `{id}`; {}{hint}", want.label(), expected()),
                    );
                }
                None
            }
        }
    }

    /// A list of citations: non-empty, each to an existing paragraph of an existing source.
    fn cites(&mut self, rec: Rec<'_>, at: &At<'_>, cites: &[Citation]) {
        if cites.is_empty() {
            self.report(
                rec,
                at,
                "no citation; expected at least one {\"source\": …, \"paragraph\": …} \
                 (every fact is cited)",
            );
        }
        for (i, c) in cites.iter().enumerate() {
            let at = at.index(i);
            let Some(entry) =
                self.reference(rec, &at.field("source"), &c.source, RecordKind::Source)
            else {
                continue;
            };
            let source = &self.files[entry.file].1.sources[entry.pos];
            let count = source.paragraphs.len();
            match (c.paragraph, source.is_reference()) {
                (Some(p), true) => self.report(
                    rec,
                    &at.field("paragraph"),
                    format!(
                        "paragraph {p} of `{}`: it is a reference source, whose text is not in \
                         the corpus; expected a citation of the source as a whole (no paragraph)",
                        c.source
                    ),
                ),
                (None, false) => self.report(
                    rec,
                    &at.field("paragraph"),
                    format!(
                        "missing: source `{}` has its text in the corpus; expected the number \
                         of the cited paragraph in 1..={count}",
                        c.source
                    ),
                ),
                (Some(p), false) if p == 0 || p as usize > count => {
                    let why = if p == 0 {
                        "paragraphs are numbered from 1".to_string()
                    } else {
                        format!("source `{}` has {count} paragraph(s)", c.source)
                    };
                    self.report(
                        rec,
                        &at.field("paragraph"),
                        format!(
                            "paragraph {p} does not exist: {why}; expected a number in 1..={count}"
                        ),
                    );
                }
                _ => {}
            }
        }
    }

    fn provenance(&mut self, rec: Rec<'_>, at: &At<'_>, prov: Provenance, how: Option<&str>) {
        if prov == Provenance::Inferred && how.is_none_or(|h| h.trim().is_empty()) {
            self.report(
                rec,
                &at.field("how"),
                "the provenance is `inferred` but `how` is missing or empty; expected a \
                 sentence saying how it was inferred",
            );
        } else if let Some(h) = how {
            self.text(
                rec,
                &at.field("how"),
                h,
                "how the fact is known, or no `how`",
            );
        }
    }

    fn date(&mut self, rec: Rec<'_>, at: &At<'_>, d: &DateFact) {
        let start = match dates::parse(&d.value, d.precision) {
            Ok(key) => Some(key),
            Err(message) => {
                self.report(rec, &at.field("value"), message);
                None
            }
        };
        if let Some(end) = &d.end {
            match dates::parse(end, d.precision) {
                Err(message) => self.report(rec, &at.field("end"), message),
                Ok(end_key) => {
                    if start.is_some_and(|s| end_key < s) {
                        self.report(
                            rec,
                            &at.field("end"),
                            format!(
                                "the end `{end}` is before the start `{}`; expected an end on \
                                 or after the start",
                                d.value
                            ),
                        );
                    }
                }
            }
        }
        self.provenance(rec, at, d.provenance, d.how.as_deref());
        self.cites(rec, &at.field("cite"), &d.cite);
        self.alternatives(rec, at, d);
    }

    /// Disagreeing sources: each alternative is a real date of its precision, cited, and
    /// differs from the preferred value; a rule says why the value above was preferred.
    fn alternatives(&mut self, rec: Rec<'_>, at: &At<'_>, d: &DateFact) {
        if d.alternatives.is_empty() {
            if d.rule.is_some() {
                self.report(
                    rec,
                    &at.field("rule"),
                    "a preference rule with no alternatives; expected `alternatives` the rule \
                     chose against, or no `rule`",
                );
            }
            return;
        }
        if d.rule.is_none() {
            self.report(
                rec,
                &at.field("rule"),
                format!(
                    "{} alternative value(s) and no preferred one; expected a `rule` \
                     (`official-over-news` or `later-correction`) saying why `{}` is preferred",
                    d.alternatives.len(),
                    d.value
                ),
            );
        }
        let list = at.field("alternatives");
        for (i, a) in d.alternatives.iter().enumerate() {
            let at = list.index(i);
            let start = match dates::parse(&a.value, a.precision) {
                Ok(key) => Some(key),
                Err(message) => {
                    self.report(rec, &at.field("value"), message);
                    None
                }
            };
            if let Some(end) = &a.end {
                match dates::parse(end, a.precision) {
                    Err(message) => self.report(rec, &at.field("end"), message),
                    Ok(end_key) if start.is_some_and(|s| end_key < s) => self.report(
                        rec,
                        &at.field("end"),
                        format!(
                            "the end `{end}` is before the start `{}`; expected an end on or \
                             after the start",
                            a.value
                        ),
                    ),
                    Ok(_) => {}
                }
            }
            if a.value == d.value && a.end == d.end && a.precision == d.precision {
                self.report(
                    rec,
                    &at.field("value"),
                    format!(
                        "the alternative `{}` is the preferred value itself; expected a value \
                         another source gives instead",
                        a.value
                    ),
                );
            }
            self.cites(rec, &at.field("cite"), &a.cite);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A corpus of `n` topics, each the child of the one before.
    fn topics(n: usize) -> Corpus {
        let topics = (0..n)
            .map(|i| crate::corpus::Topic {
                id: format!("t-{i}").into(),
                label: format!("Topic {i}").into(),
                aliases: vec![],
                names: vec![],
                parent: i.checked_sub(1).map(|p| format!("t-{p}").into()),
            })
            .collect();
        Corpus {
            format: FORMAT.into(),
            topics,
            ..Corpus::default()
        }
    }

    fn rendered(problems: &[Problem]) -> Vec<String> {
        problems.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn a_big_file_passes_in_parallel_only_without_problems() {
        let check = |corpus: Corpus| {
            let files = vec![("big.json".to_string(), corpus)];
            let ids = Ids::new(&files);
            let parties = vec!["eu".to_string()];
            let checker = Checker::new(&files, Scope::Complete, &ids, &parties);
            records_pass(&checker, &files[0].0, &files[0].1)
        };
        assert!(check(topics(PARALLEL_RECORDS)));
        let mut broken = topics(PARALLEL_RECORDS);
        broken.topics[PARALLEL_RECORDS - 1].label = " ".into();
        assert!(!check(broken), "a problem in the last chunk is found");
        assert!(
            !check(topics(PARALLEL_RECORDS - 1)),
            "a small file is left to the ordered pass"
        );
    }

    /// Problems in several chunks of a big file come out as one ordered pass gives them: in
    /// record order, with the same words (a suggestion included).
    #[test]
    fn a_big_file_with_problems_is_reported_in_record_order() {
        let n = 3 * PARALLEL_RECORDS;
        let mut corpus = topics(n);
        corpus.topics[n - 10].parent = Some("t-missing".into());
        corpus.topics[5].label = Default::default();
        corpus.topics[2 * RECORDS_PER_TASK + 3].parent = Some("t-99999".into());
        let problems = validate(&[("big.json".to_string(), corpus)], Scope::Complete);
        let found = rendered(&problems);
        assert_eq!(found.len(), 3, "{found:#?}");
        assert!(
            found[0].contains("topic t-5") && found[0].contains("label"),
            "{found:#?}"
        );
        assert!(
            found[1].contains(&format!("topic t-{}", 2 * RECORDS_PER_TASK + 3))
                && found[1].contains("unknown topic `t-99999`")
                && found[1].contains("did you mean"),
            "{found:#?}"
        );
        assert!(found[2].contains("unknown topic `t-missing`"), "{found:#?}");
    }

    #[test]
    fn slugs_are_lowercase_ascii_with_hyphens() {
        assert!(is_slug("eu-rok-cyber-7"));
        assert!(is_slug("7th"));
        assert!(!is_slug("-lead"));
        assert!(!is_slug("Kim"));
        assert!(!is_slug("kim_gunn"));
        assert!(!is_slug(""));
        assert_eq!(slugify("Kim Gunn"), "kim-gunn");
    }

    #[test]
    fn a_source_label_used_twice_is_reported_at_the_second_use() {
        let source = |id: &str, label: &str| crate::corpus::Source {
            id: id.into(),
            label: Some(label.into()),
            title: "t".into(),
            publisher: None,
            url: None,
            accessed: None,
            language: "en".into(),
            kind: crate::corpus::SourceKind::NewsItem,
            published: None,
            side: None,
            notes: vec![],
            raw: Default::default(),
            paragraphs: vec!["p".into()],
        };
        let file = |sources| Corpus {
            format: crate::corpus::FORMAT.into(),
            sources,
            ..Corpus::default()
        };
        let files = vec![
            ("a.json".to_string(), file(vec![source("a", "EU 2025")])),
            (
                "b.json".to_string(),
                file(vec![source("b", "EU 2025"), source("c", "ROK 2025")]),
            ),
        ];
        let problems = validate(&files, Scope::Complete);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].file.as_deref(), Some("b.json"));
        assert_eq!(
            problems[0].location,
            crate::corpus::problem::Location::Field {
                record: "source b".into(),
                field: "label".into()
            }
        );
        assert!(
            problems[0]
                .message
                .starts_with("label \"EU 2025\" is already the label of source `a`"),
            "{problems:?}"
        );
    }

    #[test]
    fn language_tags_are_checked_loosely() {
        assert!(is_language_tag("en"));
        assert!(is_language_tag("ko-KR"));
        assert!(!is_language_tag("english"));
        assert!(!is_language_tag(""));
    }

    /// The fixture with its 2nd Data Dialogue's date changed by `edit`, validated; the
    /// problems' messages with their fields.
    fn with_date(edit: impl Fn(&mut DateFact)) -> Vec<(String, String)> {
        let mut corpus = crate::test_fixture::small().corpus;
        let m = corpus
            .meetings
            .iter_mut()
            .find(|m| m.id == "data-dialogue-2")
            .expect("the fixture has the 2nd Data Dialogue");
        edit(&mut m.date);
        let problems = validate(&[("records.json".to_string(), corpus)], Scope::Complete);
        problems
            .into_iter()
            .map(|p| {
                let field = match p.location {
                    crate::corpus::problem::Location::Field { field, .. } => field,
                    other => format!("{other:?}"),
                };
                (field, p.message)
            })
            .collect()
    }

    /// One organisation with `names`, beside a reference source `r` and a text source `t`;
    /// the problems of validating it, as (field, message).
    fn problems_of_names(names: Vec<crate::corpus::Name>) -> Vec<(String, String)> {
        use crate::corpus::{Citation, OrgKind, Organisation, Side, Source, SourceKind};
        let source = |id: &str, paragraphs: Vec<String>| Source {
            id: id.into(),
            label: None,
            title: "t".into(),
            publisher: None,
            url: Some("https://example.org/".into()),
            accessed: None,
            language: "ko".into(),
            kind: SourceKind::NewsItem,
            published: None,
            side: None,
            notes: vec![],
            raw: Default::default(),
            paragraphs: paragraphs.into_iter().map(Into::into).collect(),
        };
        let corpus = Corpus {
            format: crate::corpus::FORMAT.into(),
            sources: vec![source("r", vec![]), source("t", vec!["p".into()])],
            organisations: vec![Organisation {
                id: "nis".into(),
                name: "National Intelligence Service".into(),
                acronym: None,
                aliases: vec![],
                names,
                side: Side::party("rok"),
                kind: OrgKind::Service,
                parent: None,
                cite: vec![Citation::whole("r")],
            }],
            ..Corpus::default()
        };
        validate(&[("a.json".to_string(), corpus)], Scope::Complete)
            .into_iter()
            .map(|p| match p.location {
                crate::corpus::problem::Location::Field { field, .. } => (field, p.message),
                other => (format!("{other:?}"), p.message),
            })
            .collect()
    }

    /// The fixture with one series entry and one place entry added, validated; the problems'
    /// records, fields and messages.
    fn with_side_tables(series: &str, place: &str, names: Vec<crate::corpus::Name>) -> Vec<String> {
        use crate::corpus::{PlaceNames, Series};
        let mut corpus = crate::test_fixture::small().corpus;
        corpus.series.push(Series {
            id: series.into(),
            name: "Data Dialogue".into(),
            names: names.clone(),
        });
        corpus.place_names.push(PlaceNames {
            key: place.into(),
            names,
        });
        validate(&[("side.json".to_string(), corpus)], Scope::Complete)
            .into_iter()
            .map(|p| match p.location {
                crate::corpus::problem::Location::Field { record, field } => {
                    format!("{record} · {field}: {}", p.message)
                }
                other => format!("{other:?}: {}", p.message),
            })
            .collect()
    }

    fn conventional(text: &str) -> crate::corpus::Name {
        crate::corpus::Name {
            text: text.into(),
            lang: "ko".into(),
            cite: vec![],
            conventional: true,
        }
    }

    #[test]
    fn series_and_places_of_meetings_take_names() {
        let problems = with_side_tables("data-dialogue", "seoul", vec![conventional("서울")]);
        assert_eq!(problems, Vec::<String>::new());
    }

    #[test]
    fn an_unknown_series_id_is_an_error() {
        let problems = with_side_tables("data-dialog", "seoul", vec![]);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0].starts_with("series data-dialog · id: no meeting or event is in series"),
            "{problems:?}"
        );
    }

    #[test]
    fn an_unknown_place_key_is_an_error() {
        // Keys are lower-cased cities: "Seoul" as written is not one.
        let problems = with_side_tables("data-dialogue", "Seoul", vec![]);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0].starts_with("place Seoul · key: no meeting or event takes place in"),
            "{problems:?}"
        );
    }

    #[test]
    fn side_table_names_are_checked_as_record_names_are() {
        let mut bad = conventional("서울");
        bad.lang = "korean".into();
        let problems = with_side_tables("data-dialogue", "seoul", vec![bad]);
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(
            problems[0].starts_with(
                "series data-dialogue · names[0].lang: `korean` is not a language tag"
            )
        );
        assert!(
            problems[1].starts_with("place seoul · names[0].lang: `korean` is not a language tag")
        );
        let mut uncited = conventional("서울");
        uncited.conventional = false;
        let problems = with_side_tables("data-dialogue", "seoul", vec![uncited]);
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(
            problems.iter().all(|p| p.contains("names[0].cite")),
            "{problems:?}"
        );
    }

    #[test]
    fn the_fixture_disagreement_is_valid() {
        assert_eq!(with_date(|_| {}), vec![]);
    }

    #[test]
    fn alternatives_with_no_preferred_one_are_an_error() {
        let problems = with_date(|d| d.rule = None);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].0, "date.rule");
        assert!(
            problems[0]
                .1
                .contains("no preferred one; expected a `rule`"),
            "{problems:?}"
        );
    }

    #[test]
    fn an_alternative_must_be_a_real_date_of_its_precision_and_cited() {
        let problems = with_date(|d| {
            d.alternatives[0].value = "2020-02-30".into();
            d.alternatives[0].precision = crate::corpus::Precision::Day;
            d.alternatives[0].cite.clear();
        });
        let fields: Vec<&str> = problems.iter().map(|(f, _)| f.as_str()).collect();
        assert_eq!(
            fields,
            ["date.alternatives[0].value", "date.alternatives[0].cite"],
            "{problems:?}"
        );
        assert!(
            problems[0].1.contains("not a calendar date"),
            "{problems:?}"
        );
        let problems = with_date(|d| d.alternatives[0].value = "2020".into());
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].1.contains("does not match precision `month`"));
    }

    #[test]
    fn an_alternative_equal_to_the_preferred_value_or_a_lone_rule_is_an_error() {
        let problems = with_date(|d| d.alternatives[0].value = "2020-03".into());
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].1.contains("is the preferred value itself"));
        let problems = with_date(|d| d.alternatives.clear());
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].0, "date.rule");
    }

    #[test]
    fn a_reference_source_cited_with_a_paragraph_is_an_error() {
        let problems = with_date(|d| {
            d.alternatives[0].cite = vec![Citation::at("news-data-dialogue-2", 1)];
        });
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].0, "date.alternatives[0].cite[0].paragraph");
        assert!(
            problems[0].1.contains("news-data-dialogue-2"),
            "{problems:?}"
        );
    }

    fn name(text: &str, lang: &str, cite: &[&str], conventional: bool) -> crate::corpus::Name {
        crate::corpus::Name {
            text: text.into(),
            lang: lang.into(),
            cite: cite
                .iter()
                .map(|s| crate::corpus::Citation::whole(*s))
                .collect(),
            conventional,
        }
    }

    #[test]
    fn a_cited_name_and_a_conventional_name_without_citations_pass() {
        let problems = problems_of_names(vec![
            name("국가정보원", "ko", &["r"], false),
            name("NIS", "en", &[], true),
        ]);
        assert_eq!(problems, vec![]);
    }

    #[test]
    fn a_name_must_have_text_a_language_tag_and_nfc() {
        let nfd: String = unicode_normalization::UnicodeNormalization::nfd("국정원").collect();
        let problems = problems_of_names(vec![
            name(" ", "ko", &["r"], false),
            name("국정원", "korean", &["r"], false),
            name(&nfd, "ko", &["r"], false),
        ]);
        let fields: Vec<&str> = problems.iter().map(|(f, _)| f.as_str()).collect();
        assert_eq!(
            fields,
            ["names[0].text", "names[1].lang", "names[2].text"],
            "{problems:?}"
        );
        assert!(problems[0].1.starts_with("empty text"), "{problems:?}");
        assert!(problems[1].1.contains("`korean` is not a language tag"));
        assert!(problems[2].1.starts_with("not in Unicode NFC"));
    }

    #[test]
    fn a_name_is_cited_unless_conventional_and_a_conventional_name_cites_nothing() {
        let problems = problems_of_names(vec![
            name("국정원", "ko", &[], false),
            name("NIS", "en", &["r"], true),
            name("국가사이버안보센터", "ko", &["missing"], false),
            name("대검찰청", "ko", &["t"], false),
        ]);
        let fields: Vec<&str> = problems.iter().map(|(f, _)| f.as_str()).collect();
        assert_eq!(
            fields,
            [
                "names[0].cite",
                "names[1].cite",
                "names[2].cite[0].source",
                "names[3].cite[0].paragraph"
            ],
            "{problems:?}"
        );
        assert!(problems[0].1.starts_with("no citation"));
        assert!(
            problems[1]
                .1
                .starts_with("a conventional name with citations")
        );
        assert!(problems[2].1.contains("unknown source `missing`"));
    }
}
