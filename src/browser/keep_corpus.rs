//! Keeping the loaded corpus in the cache: once the first frame of a corpus that was parsed
//! (not read from its cache entry) is drawn, its entry is written on a thread of its own, at
//! a lower priority (`corpus::load::cache`), so the next start on the same corpus decodes it
//! instead of parsing JSON.
//!
//! The thread is never waited for: quitting ends it with the process, and a write cut short
//! leaves only a temporary file, which the next write of the entry removes (`cache`); the entry is then
//! written by a later session that lasts long enough (a quarter of a second of one core on a
//! 100k corpus).

use std::sync::Arc;

use crate::corpus::Corpus;
use crate::corpus::load::Origins;
use crate::corpus::load::cache::CorpusEntry;

use super::finder_worker::{BUILD_NICENESS, lower_this_threads_priority};

/// A corpus's cache entry to write, and what it needs beside the app's corpus.
pub struct KeepCorpus {
    pub entry: CorpusEntry,
    /// The file of each record (the app keeps none).
    pub origins: Origins,
}

impl KeepCorpus {
    /// Writes the entry of `corpus` on a thread of lower priority, not waited for. A cache
    /// that cannot be written (read-only home, full disk), or no thread, only costs time.
    pub fn start(self, corpus: Arc<Corpus>) {
        let _ = std::thread::Builder::new()
            .name("keep-corpus".into())
            .spawn(move || {
                lower_this_threads_priority(BUILD_NICENESS);
                let _ = self.entry.write(&corpus, &self.origins);
            });
    }
}
