//! `entente check PATH`: validate a corpus and report every problem with its location.

use std::io::Write;
use std::path::Path;

use anyhow::Result;
use serde_json::json;

use super::Outcome;
use super::output::write_json;
use crate::corpus::problem::Location;
use crate::corpus::{Corpus, load_path};

pub fn run(path: &Path, json: bool, out: &mut dyn Write) -> Result<Outcome> {
    match load_path(path) {
        Ok(loaded) => {
            let counts = counts(&loaded.corpus);
            if json {
                write_json(
                    out,
                    &json!({ "ok": true, "problems": [], "counts": counts }),
                )?;
            } else {
                writeln!(
                    out,
                    "{}: ok — {} sources, {} meetings, {} events, {} organisations, {} people, {} topics",
                    crate::text::escape_controls(&path.display().to_string()),
                    counts["sources"],
                    counts["meetings"],
                    counts["events"],
                    counts["organisations"],
                    counts["people"],
                    counts["topics"],
                )?;
            }
            Ok(Outcome::Found)
        }
        Err(problems) => {
            if json {
                let list: Vec<_> = problems
                    .0
                    .iter()
                    .map(|p| {
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
                    })
                    .collect();
                write_json(out, &json!({ "ok": false, "problems": list }))?;
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
