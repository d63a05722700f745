//! The measure of short symbols, remembered across a frame.
//!
//! A frame repeats the same few non-ASCII symbols hundreds of times (the pane borders `━ ┃ │
//! ─`, the separators `·` and `—`), and measuring one with `unicode-width` costs about a
//! hundred instructions; at 200x50 the first frame measured 686 such cells twice each (once
//! to find the cells to send, once to know where the cursor went). The memo is a small table
//! with one place for each symbol, chosen from its bytes, so a look-up compares one number;
//! a symbol whose place another took is measured again.

/// How many symbols the memo holds at most.
const SLOTS: usize = 32;

/// Symbols of up to four bytes, each with what `measure` gave for it.
pub(super) struct SymbolMemo<T> {
    /// Each symbol's bytes and length packed into one number ([`key`]); `u64::MAX` when free.
    keys: [u64; SLOTS],
    values: [T; SLOTS],
}

impl<T: Copy + Default> SymbolMemo<T> {
    pub(super) fn new() -> SymbolMemo<T> {
        SymbolMemo {
            keys: [u64::MAX; SLOTS],
            values: [T::default(); SLOTS],
        }
    }

    /// `measure(symbol)`, taken from the memo when `symbol` was measured before.
    pub(super) fn get(&mut self, symbol: &str, measure: impl FnOnce(&str) -> T) -> T {
        let Some(key) = key(symbol) else {
            return measure(symbol);
        };
        let slot = slot(key);
        if self.keys[slot] == key {
            return self.values[slot];
        }
        let value = measure(symbol);
        self.keys[slot] = key;
        self.values[slot] = value;
        value
    }
}

/// The place of a key in the memo: the top bits of the key times 2^64 / φ (Fibonacci
/// hashing), which spreads keys that differ in one byte.
fn slot(key: u64) -> usize {
    usize::try_from(key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 59).unwrap_or(0) % SLOTS
}

/// A symbol of up to four bytes as one number: its bytes, then its length (so no two
/// symbols share a key); `None` for a longer one.
fn key(symbol: &str) -> Option<u64> {
    let bytes = symbol.as_bytes();
    let len = u64::try_from(bytes.len()).ok().filter(|&len| len <= 4)?;
    Some(
        bytes
            .iter()
            .fold(0, |key, &byte| key << 8 | u64::from(byte))
            << 8
            | len,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_remembered_measure_is_the_measure_and_is_not_taken_again() {
        let mut memo = SymbolMemo::new();
        let borders = ["━", "┃", "│", "─", "·", "—", "가", "a", ""];
        let mut taken = 0;
        for _ in 0..3 {
            for symbol in borders.iter().chain(["👩\u{200d}💻"].iter()) {
                let measured = memo.get(symbol, |s| {
                    taken += 1;
                    s.len()
                });
                assert_eq!(measured, symbol.len(), "{symbol:?}");
            }
        }
        // Each short symbol is measured once (none takes another's place); the emoji, too
        // long to be remembered, every time.
        assert_eq!(taken, borders.len() + 3);
        // "a\0" and "┃" share a place: each is measured again, never given the other's.
        assert_eq!(slot(key("a\0").unwrap()), slot(key("┃").unwrap()));
        for symbol in ["a\0", "┃", "a\0", "┃"] {
            assert_eq!(memo.get(symbol, str::len), symbol.len());
        }
    }
}
