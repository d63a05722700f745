//! Cycles among `parent` links (organisations, topics): each reported once, with its chain.

use rustc_hash::FxHashMap;

use super::at::At;
use super::{Checker, Entry, Rec, RecordKind};

impl<'a> Checker<'a> {
    /// The parent of the record an entry points at, if it has one (organisations and topics).
    pub(super) fn parent_of(&self, entry: Entry) -> Option<&'a str> {
        let corpus = &self.files[entry.file].1;
        match entry.kind {
            RecordKind::Organisation => corpus.organisations[entry.pos].parent.as_deref(),
            RecordKind::Topic => corpus.topics[entry.pos].parent.as_deref(),
            _ => None,
        }
    }

    /// Reports each cycle among the `parent` links of one kind once, at the record where the
    /// walk closes it. Links to missing or wrong-kind ids were reported already; they end a walk.
    pub(super) fn cycles(&mut self, kind: RecordKind) {
        #[derive(Clone, Copy, PartialEq)]
        enum State {
            OnPath,
            Done,
        }
        let mut state: FxHashMap<&'a str, State> = FxHashMap::default();
        let ids = self.ids_by_kind[kind.slot()].clone();
        for start in ids {
            let mut path: Vec<&'a str> = Vec::new();
            let mut current = Some(start);
            while let Some(id) = current {
                match state.get(id) {
                    Some(State::Done) => break,
                    Some(State::OnPath) => {
                        let from = path.iter().position(|p| *p == id).unwrap_or(0);
                        let mut chain: Vec<String> =
                            path[from..].iter().map(|p| format!("`{p}`")).collect();
                        chain.push(format!("`{id}`"));
                        let last = path.last().copied().unwrap_or(id);
                        if let Some(entry) = self.index.get(last).copied() {
                            let file = self.files[entry.file].0.as_str();
                            let rec = Rec::new(file, kind, last, entry.pos);
                            self.report(
                                rec,
                                &At::top("parent"),
                                format!(
                                    "the parents of {} form a cycle: {}; expected a tree (no {} \
                                     can be its own ancestor)",
                                    kind.list(),
                                    chain.join(" → "),
                                    kind.label()
                                ),
                            );
                        }
                        break;
                    }
                    None => {}
                }
                state.insert(id, State::OnPath);
                path.push(id);
                current = self
                    .index
                    .get(id)
                    .copied()
                    .filter(|e| e.kind == kind)
                    .and_then(|e| self.parent_of(e))
                    .filter(|p| self.index.get(p).is_some_and(|e| e.kind == kind));
            }
            for id in path {
                state.insert(id, State::Done);
            }
        }
    }
}
