//! `entente check [--strict] PATH`: validate a corpus and report every problem with its
//! location; with `--strict`, also the lint warnings of a corpus that is valid.

use std::io::Write;
use std::path::Path;

use anyhow::Result;
use serde_json::json;

use super::Outcome;
use super::output::write_json;
use crate::corpus::problem::{Location, Problem};
use crate::corpus::validate::lints;
use crate::corpus::{Corpus, LoadedCorpus, Problems, layers, load_path};

/// Checks the corpus at `path`, or (no path) the built-in corpus with the user's corpus over it.
pub fn run(path: Option<&Path>, strict: bool, json: bool, out: &mut dyn Write) -> Result<Outcome> {
    match path {
        Some(path) => report(
            &path.display().to_string(),
            load_path(path),
            strict,
            json,
            out,
        ),
        None => {
            let dir = layers::user_dir();
            let name = match &dir {
                Some(dir) => format!("built-in + {}", dir.display()),
                None => "built-in".to_string(),
            };
            report(
                &name,
                layers::load_layered(dir.as_deref()),
                strict,
                json,
                out,
            )
        }
    }
}

fn report(
    name: &str,
    loaded: Result<LoadedCorpus, Problems>,
    strict: bool,
    json: bool,
    out: &mut dyn Write,
) -> Result<Outcome> {
    match loaded {
        Ok(loaded) => {
            let counts = counts(&loaded.corpus);
            let warnings = if strict {
                let mut warnings = lints::lint(&loaded.corpus, &loaded.origins);
                warnings.extend(crate::import::draft_warnings(
                    &loaded.corpus,
                    &loaded.origins,
                ));
                warnings
            } else {
                Vec::new()
            };
            if json {
                let mut v = json!({
                    "format": "entente-check/1",
                    "ok": true,
                    "problems": [],
                    "counts": counts,
                });
                if strict {
                    v["warnings"] = warnings.iter().map(problem_json).collect();
                }
                write_json(out, &v)?;
            } else {
                writeln!(
                    out,
                    "{}: ok — {} sources, {} meetings, {} events, {} organisations, {} people, {} topics",
                    crate::text::escape_controls(name),
                    counts["sources"],
                    counts["meetings"],
                    counts["events"],
                    counts["organisations"],
                    counts["people"],
                    counts["topics"],
                )?;
                if strict {
                    write_warnings(&warnings, out)?;
                }
            }
            Ok(if warnings.is_empty() {
                Outcome::Found
            } else {
                Outcome::Unclean
            })
        }
        Err(problems) => {
            if json {
                let list: Vec<_> = problems.0.iter().map(problem_json).collect();
                write_json(
                    out,
                    &json!({ "format": "entente-check/1", "ok": false, "problems": list }),
                )?;
            } else {
                // The problems name files and record ids from the user's corpus: sanitise.
                write!(
                    out,
                    "{}",
                    crate::text::sanitize_block(&problems.to_string())
                )?;
            }
            Ok(Outcome::Invalid)
        }
    }
}

fn write_warnings(warnings: &[Problem], out: &mut dyn Write) -> Result<()> {
    let n = warnings.len();
    if n == 0 {
        writeln!(out, "no warnings (--strict)")?;
        return Ok(());
    }
    let plural = if n == 1 { "" } else { "s" };
    let mut text = format!("{n} warning{plural} (--strict):\n");
    for w in warnings {
        text.push_str(&format!("  {w}\n"));
    }
    // Warnings quote the user's corpus (ids, titles, names): sanitise.
    write!(out, "{}", crate::text::sanitize_block(&text))?;
    Ok(())
}

/// A problem or warning as JSON: `file`, `message`, and `line`/`column` or `record`/`field`.
pub(super) fn problem_json(p: &Problem) -> serde_json::Value {
    let mut v = json!({ "file": p.file, "message": p.message });
    match &p.location {
        Location::Position { line, column } => {
            v["line"] = json!(line);
            v["column"] = json!(column);
        }
        Location::Field { record, field } => {
            v["record"] = json!(record);
            v["field"] = json!(field);
        }
        Location::File => {}
    }
    v
}

fn counts(c: &Corpus) -> serde_json::Value {
    json!({
        "sources": c.sources.len(),
        "meetings": c.meetings.len(),
        "events": c.events.len(),
        "organisations": c.organisations.len(),
        "people": c.people.len(),
        "topics": c.topics.len(),
    })
}
