//! Incremental search: while the user refines a query, only the previous matches are
//! re-scored.
//!
//! Typing one more character (or another word) can only shrink the match set (see
//! [`Query::refines`]), so the scan shrinks with it; any other edit falls back to a full
//! scan. The results are exactly those of a fresh [`FinderIndex::search`].

use super::{Cancel, FinderIndex, Query, Results};

/// Remembers the last query and every candidate it matched.
#[derive(Debug, Default)]
pub struct Session {
    last: Option<Remembered>,
}

#[derive(Debug)]
struct Remembered {
    finder: u64,
    query: Query,
    /// Matching candidate indices, ascending.
    matches: Vec<u32>,
}

impl Session {
    pub fn new() -> Self {
        Self::default()
    }

    /// Searches like [`FinderIndex::search`], scanning only the last matches when `q` refines
    /// the last query on the same index.
    pub fn search(&mut self, finder: &FinderIndex, q: &Query, limit: usize) -> Results {
        self.search_unless(finder, q, limit, None)
            .unwrap_or_default()
    }

    /// As [`Session::search`], but gives up (`None`, remembering nothing new) as soon as
    /// `cancel` says a newer query was asked for.
    pub fn search_unless(
        &mut self,
        finder: &FinderIndex,
        q: &Query,
        limit: usize,
        cancel: Option<Cancel<'_>>,
    ) -> Option<Results> {
        let subset = match &self.last {
            Some(last) if last.finder == finder.id() && q.refines(&last.query) => {
                Some(last.matches.as_slice())
            }
            _ => None,
        };
        let scan = finder.scan(q, subset, limit, true, cancel)?;
        self.last = Some(Remembered {
            finder: finder.id(),
            query: q.clone(),
            matches: scan.matched,
        });
        Some(Results {
            matches: finder.best(q, scan.scored, limit, true),
            total: scan.total,
        })
    }

    /// Forgets the last query (the next search scans everything).
    pub fn reset(&mut self) {
        self.last = None;
    }
}
