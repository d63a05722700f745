//! The second core of a streamed load: the records of a list are gathered in batches (their
//! bytes copied out of the window), and each batch is parsed either by one helper thread or,
//! when the helper already has one waiting, on the reading thread; the records are put back
//! in the file's order.
//!
//! A batch is a few hundred records, so the channel, the thread hand-over and the copies cost
//! little against the parse; only one batch waits for the helper, so at most about three
//! batches' bytes (one waiting, one being parsed, one being gathered) are held beside the
//! window. The helper parses as the reading thread would: the same received-text setting and
//! the same count of records for the progress report (both are set per thread).

use std::collections::VecDeque;
use std::sync::mpsc::{self, Receiver, SyncSender, TryRecvError, TrySendError};
use std::thread::{Scope, ScopedJoinHandle};

use serde::de::DeserializeOwned;

use super::super::progress;
use super::super::received::{self, Dropping};

/// A batch is handed on once it holds this many records…
const BATCH_RECORDS: usize = 256;
/// …or this many bytes (a record longer than this is a batch of its own).
const BATCH_BYTES: usize = 256 * 1024;

/// The bytes of some records, one after another.
#[derive(Default)]
pub(super) struct Batch {
    bytes: Vec<u8>,
    /// Where each record ends in `bytes`.
    ends: Vec<usize>,
}

impl Batch {
    pub(super) fn push(&mut self, record: &[u8]) {
        self.bytes.extend_from_slice(record);
        self.ends.push(self.bytes.len());
    }

    pub(super) fn is_full(&self) -> bool {
        self.ends.len() >= BATCH_RECORDS || self.bytes.len() >= BATCH_BYTES
    }

    /// Each record parsed as serde_json parses it in a whole file; `None` if one is not.
    fn parse<T: DeserializeOwned>(&self) -> Option<Vec<T>> {
        let mut start = 0;
        let mut records = Vec::with_capacity(self.ends.len());
        for &end in &self.ends {
            records.push(super::parse_value(&self.bytes[start..end])?);
            start = end;
        }
        Some(records)
    }
}

/// A batch's records, parsed here, or still with the helper (which answers in order).
enum Slot<T> {
    Here(Vec<T>),
    WithHelper,
}

struct Helper<'scope, T> {
    batches: SyncSender<Batch>,
    parsed: Receiver<Option<Vec<T>>>,
    _thread: ScopedJoinHandle<'scope, ()>,
}

/// The records of one list, parsed on two threads and put in order into `items`.
pub(super) struct Parallel<'scope, 'env, 'items, T> {
    scope: &'scope Scope<'scope, 'env>,
    helper: Option<Helper<'scope, T>>,
    /// Batches handed on, in the file's order, not yet in `items`.
    pending: VecDeque<Slot<T>>,
    items: &'items mut Vec<T>,
}

impl<'scope, 'env, 'items, T: DeserializeOwned + Send + 'scope> Parallel<'scope, 'env, 'items, T> {
    pub(super) fn new(scope: &'scope Scope<'scope, 'env>, items: &'items mut Vec<T>) -> Self {
        Parallel {
            scope,
            helper: None,
            pending: VecDeque::new(),
            items,
        }
    }

    /// Parses `batch`: by the helper if it has none waiting, else here. `last` says no
    /// batch follows (a list of one batch is parsed here, with no thread). `None` when a
    /// record is not what the whole-file parse accepts.
    pub(super) fn hand_on(&mut self, batch: Batch, last: bool) -> Option<()> {
        if self.helper.is_none() && !last {
            // No thread to be had (the system's limit): every batch is parsed here.
            self.helper = self.start_helper();
        }
        let batch = match &self.helper {
            Some(helper) => match helper.batches.try_send(batch) {
                Ok(()) => {
                    self.pending.push_back(Slot::WithHelper);
                    None
                }
                Err(TrySendError::Full(batch)) => Some(batch),
                Err(TrySendError::Disconnected(_)) => return None,
            },
            None => Some(batch),
        };
        if let Some(batch) = batch {
            self.pending.push_back(Slot::Here(batch.parse()?));
        }
        self.collect(false)
    }

    /// Moves the parsed batches at the front of the queue into `items`; with `wait`, all of
    /// them, waiting for the helper.
    pub(super) fn collect(&mut self, wait: bool) -> Option<()> {
        while let Some(slot) = self.pending.pop_front() {
            match slot {
                Slot::Here(records) => self.items.extend(records),
                Slot::WithHelper => {
                    let parsed = &self.helper.as_ref()?.parsed;
                    let answer = if wait {
                        parsed.recv().ok()
                    } else {
                        match parsed.try_recv() {
                            Ok(answer) => Some(answer),
                            Err(TryRecvError::Empty) => {
                                self.pending.push_front(Slot::WithHelper);
                                return Some(());
                            }
                            Err(TryRecvError::Disconnected) => None,
                        }
                    };
                    self.items.extend(answer??);
                }
            }
        }
        Some(())
    }

    fn start_helper(&self) -> Option<Helper<'scope, T>> {
        let (batches, to_parse) = mpsc::sync_channel::<Batch>(1);
        let (answer, parsed) = mpsc::channel();
        let keeping = received::on_this_thread();
        let counting = progress::counted_into();
        let thread = std::thread::Builder::new()
            .name("load-helper".to_string())
            .spawn_scoped(self.scope, move || {
                let _dropping = Dropping::start(keeping);
                progress::count_into(counting);
                // Ends when the reading thread lets go of its sender (done, or given up).
                for batch in to_parse {
                    if answer.send(batch.parse::<T>()).is_err() {
                        break;
                    }
                }
            })
            .ok()?;
        Some(Helper {
            batches,
            parsed,
            _thread: thread,
        })
    }
}
