//! Full-text search.
// TEMP STAND-IN: take branch `search`'s version.

use std::ops::Range;

/// Byte ranges of case-insensitive (ASCII) occurrences of `query` in `text`.
pub fn find_in(text: &str, query: &str) -> Vec<Range<usize>> {
    let q = query.trim();
    if q.is_empty() {
        return Vec::new();
    }
    let hay = text.to_ascii_lowercase();
    let needle = q.to_ascii_lowercase();
    hay.match_indices(&needle)
        .map(|(i, m)| i..i + m.len())
        .collect()
}
