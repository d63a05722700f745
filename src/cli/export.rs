//! `entente export ID`: the Markdown briefing note of a meeting, to stdout or to a file with
//! `--output` (atomically; see [`crate::atomic::write_atomic`] for FIFOs, devices and links).

use std::io::Write;
use std::path::Path;

use anyhow::Result;

use super::{Library, NotFound, Outcome};
use crate::briefing::meeting_note;
use crate::corpus::RecordKind;
use crate::text::sanitize_line;

pub fn run(
    library: &Library,
    id: &str,
    output: Option<&Path>,
    out: &mut dyn Write,
) -> Result<Outcome> {
    // Any record name resolves as for `show` (a typo gets "did you mean"); only a meeting has
    // a briefing note.
    let meeting = match super::resolve::record(library, id)? {
        (RecordKind::Meeting, i) => i,
        (kind, _) => {
            return Err(NotFound(format!(
                "{:?} is {} {}, not a meeting; `entente list --kind meeting` prints their ids",
                sanitize_line(id),
                if kind.label().starts_with(['a', 'e', 'i', 'o', 'u']) {
                    "an"
                } else {
                    "a"
                },
                kind.label(),
            ))
            .into());
        }
    };
    let note = meeting_note(&library.loaded.corpus, &library.index, meeting);
    match output {
        Some(path) => {
            crate::atomic::write_atomic(path, note.as_bytes())?;
            // Written through to a stream (`-o /dev/stdout`, a FIFO), the note is all there is.
            if std::fs::metadata(path).is_ok_and(|m| m.is_file()) {
                writeln!(
                    out,
                    "wrote {}",
                    crate::text::escape_controls(&path.display().to_string())
                )?;
            }
        }
        None => out.write_all(note.as_bytes())?,
    }
    Ok(Outcome::Found)
}
