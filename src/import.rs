//! `entente import`: a press release (plain text or saved HTML) read into a source record and
//! a draft meeting, or into another account of a meeting already in the corpus.
//!
//! Pure: [`plan`] takes bytes and a corpus and returns the records to write with what was
//! detected; the command line (`cli::import`) reads and writes the files. Every detected fact
//! cites the paragraph it came from, and the meeting is marked `"draft": true` until a person
//! confirms it.

pub mod dates;
pub mod heads;
pub mod input;
pub mod names;
mod plan;
pub mod series;

pub use plan::{Detection, Options, Plan, plan};

use crate::corpus::Problem;
use crate::corpus::model::Corpus;

/// The meetings still marked draft, one warning each, for `entente check --strict`.
pub fn draft_warnings(corpus: &Corpus, origins: &crate::corpus::load::Origins) -> Vec<Problem> {
    corpus
        .meetings
        .iter()
        .filter(|m| m.draft)
        .map(|m| {
            Problem::in_field(
                origins.get(&m.id),
                &*m.id,
                "draft",
                format!(
                    "meeting `{}` is a draft: its facts were detected by `entente import`; check \
                     them against the source, then `entente confirm {}`",
                    m.id, m.id
                ),
            )
        })
        .collect()
}
