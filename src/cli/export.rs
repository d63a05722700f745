//! `entente export ID` and `entente export --topic TOPIC`: a Markdown briefing note (see
//! [`crate::briefing`]) of a meeting or of a topic across all meetings, to stdout or to a file
//! with `--output`.
//!
//! An existing file is never replaced unless `--force` says so; with it, the file is replaced
//! atomically and keeps its permissions ([`crate::atomic::write_atomic`], which also handles
//! FIFOs, devices and links). Without it, a new file is linked into place, so a file created
//! meanwhile is not replaced either ([`crate::atomic::write_new`]).

use std::io::Write;
use std::path::Path;

use anyhow::Result;

use super::{Library, NotFound, Outcome};
use crate::briefing::{meeting_note, topic_note};
use crate::corpus::{Facet, RecordKind};
use crate::index::status::today_utc;
use crate::text::{escape_controls, sanitize_line};

/// What the note is about, as the user typed it.
#[derive(Debug, Clone, Copy)]
pub enum Subject<'a> {
    Meeting(&'a str),
    /// A topic, with or without its sub-topics.
    Topic(&'a str, crate::index::TopicScope),
}

pub fn run(
    library: &Library,
    subject: Subject,
    output: Option<&Path>,
    force: bool,
    out: &mut dyn Write,
) -> Result<Outcome> {
    let corpus = &library.loaded.corpus;
    let note = match subject {
        Subject::Meeting(id) => {
            meeting_note(corpus, &library.index, meeting(library, id)?, today_utc())
        }
        Subject::Topic(typed, scope) => {
            // As `list --topic`: an unknown name gets "did you mean", an ambiguous one the
            // candidates.
            let key = super::resolve::facet_key(library, Facet::Topic, typed)?;
            topic_note(corpus, &library.index, &key, scope, today_utc()).ok_or_else(|| {
                NotFound(format!(
                    "{:?} is not a topic; `entente find '#{}'` lists topics",
                    sanitize_line(typed),
                    sanitize_line(typed)
                ))
            })?
        }
    };
    match output {
        Some(path) => {
            write(path, note.as_bytes(), force)?;
            // Written through to a stream (`-o /dev/stdout`, a FIFO), the note is all there is.
            if std::fs::metadata(path).is_ok_and(|m| m.is_file()) {
                writeln!(
                    out,
                    "wrote {}",
                    escape_controls(&path.display().to_string())
                )?;
            }
        }
        None => out.write_all(note.as_bytes())?,
    }
    Ok(Outcome::Found)
}

/// Any record name resolves as for `show` (a typo gets "did you mean"); only a meeting has a
/// briefing note.
fn meeting(library: &Library, id: &str) -> Result<usize> {
    match super::resolve::record(library, id)? {
        (RecordKind::Meeting, i) => Ok(i),
        (kind, _) => Err(NotFound(format!(
            "{:?} is {} {}, not a meeting; `entente list --kind meeting` prints their ids, and \
             `entente export --topic TOPIC` writes the note of a topic",
            sanitize_line(id),
            if kind.label().starts_with(['a', 'e', 'i', 'o', 'u']) {
                "an"
            } else {
                "a"
            },
            kind.label(),
        ))
        .into()),
    }
}

/// A regular file at `path` is replaced only with `force`; a new name is created without
/// replacing anything; a stream or anything else goes to [`crate::atomic::write_atomic`].
fn write(path: &Path, bytes: &[u8], force: bool) -> Result<()> {
    let exists = std::fs::symlink_metadata(path);
    if force || exists.as_ref().is_ok_and(|m| !m.is_file()) {
        return crate::atomic::write_atomic(path, bytes);
    }
    match crate::atomic::write_new(path, bytes) {
        Err(e) if e.downcast_ref::<crate::atomic::Taken>().is_some() => anyhow::bail!(
            "{} already exists and was left as it is; add --force to replace it (its \
             permissions are kept), or write to another name",
            escape_controls(&path.display().to_string())
        ),
        other => other,
    }
}
