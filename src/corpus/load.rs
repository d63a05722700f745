//! Reading corpus JSON from strings, files and directories, and merging several files.
//!
//! Parsing reports syntax and type errors as file:line:column. After parsing, the merged corpus
//! goes through [`super::validate`], so a loaded corpus is always a valid one.

use std::collections::HashMap;
use std::path::Path;

use super::model::Corpus;
use super::problem::{Problem, Problems};
use super::validate;

/// A corpus that parsed and validated, with the file each record came from.
#[derive(Debug, Clone, Default)]
pub struct LoadedCorpus {
    pub corpus: Corpus,
    /// Record id → the file that defined it (for messages that name files).
    pub origins: HashMap<String, String>,
}

/// Parses one corpus file's text. `file` names it in messages.
pub fn parse_str(text: &str, file: &str) -> Result<Corpus, Problem> {
    if text.trim().is_empty() {
        return Err(Problem::in_file(
            file,
            "the file is empty; expected a JSON object with \"format\": \"entente-corpus/1\"",
        ));
    }
    serde_json::from_str::<Corpus>(text)
        .map_err(|e| Problem::at_position(file, e.line(), e.column(), e.to_string()))
}

/// Merges parsed files (name, corpus) into one, validates it, and records origins.
pub fn merge_and_validate(files: Vec<(String, Corpus)>) -> Result<LoadedCorpus, Problems> {
    let mut merged = Corpus {
        format: super::model::FORMAT.to_string(),
        ..Corpus::default()
    };
    let mut origins = HashMap::new();
    let mut problems = Vec::new();
    for (file, corpus) in files {
        if corpus.format != super::model::FORMAT {
            problems.push(Problem::in_field(
                Some(&file),
                "corpus",
                "format",
                format!(
                    "unknown format {:?}; expected {:?}",
                    corpus.format,
                    super::model::FORMAT
                ),
            ));
        }
        if merged.title.is_none() {
            merged.title = corpus.title;
        }
        let ids = corpus
            .sources
            .iter()
            .map(|r| &r.id)
            .chain(corpus.meetings.iter().map(|r| &r.id))
            .chain(corpus.events.iter().map(|r| &r.id))
            .chain(corpus.organisations.iter().map(|r| &r.id))
            .chain(corpus.people.iter().map(|r| &r.id))
            .chain(corpus.topics.iter().map(|r| &r.id));
        for id in ids {
            origins.entry(id.clone()).or_insert_with(|| file.clone());
        }
        merged.sources.extend(corpus.sources);
        merged.meetings.extend(corpus.meetings);
        merged.events.extend(corpus.events);
        merged.organisations.extend(corpus.organisations);
        merged.people.extend(corpus.people);
        merged.topics.extend(corpus.topics);
    }
    problems.extend(validate::validate(&merged, &origins));
    if problems.is_empty() {
        Ok(LoadedCorpus {
            corpus: merged,
            origins,
        })
    } else {
        Err(Problems(problems))
    }
}

/// Loads a corpus from a JSON file, or from every `*.json` file in a directory (merged).
pub fn load_path(path: &Path) -> Result<LoadedCorpus, Problems> {
    let display = path.display().to_string();
    let mut names = Vec::new();
    if path.is_dir() {
        let entries = std::fs::read_dir(path).map_err(|e| {
            Problems(vec![Problem::in_file(
                &display,
                format!("cannot read the directory: {e}"),
            )])
        })?;
        for entry in entries.flatten() {
            let p = entry.path();
            if p.extension().is_some_and(|x| x == "json") {
                names.push(p);
            }
        }
        names.sort();
        if names.is_empty() {
            return Err(Problems(vec![Problem::in_file(
                &display,
                "the directory holds no *.json corpus file",
            )]));
        }
    } else {
        names.push(path.to_path_buf());
    }
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for p in names {
        let name = p.display().to_string();
        match std::fs::read(&p) {
            Err(e) => problems.push(Problem::in_file(
                &name,
                format!("cannot read the file: {e}"),
            )),
            Ok(bytes) => match String::from_utf8(bytes) {
                Err(e) => problems.push(Problem::in_file(
                    &name,
                    format!(
                        "the file is not valid UTF-8 (first bad byte at offset {})",
                        e.utf8_error().valid_up_to()
                    ),
                )),
                Ok(text) => match parse_str(&text, &name) {
                    Ok(c) => files.push((name, c)),
                    Err(problem) => problems.push(problem),
                },
            },
        }
    }
    if !problems.is_empty() {
        return Err(Problems(problems));
    }
    merge_and_validate(files)
}
