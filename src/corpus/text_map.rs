//! A map from texts (ids, folded names) to values that is built once and then only read: a
//! list sorted by text, looked up by binary search.
//!
//! A hash map of ~100,000 short keys holds twice as many slots as keys (its table doubles, and
//! keeps an eighth free); the origins of a 100k corpus (record id → file) hold 100,000 such
//! keys, and a sorted list holds exactly its entries. Lookups take a few more comparisons;
//! the map is built at every start, and looked up per screen, not per byte. (The index packs
//! its own tables tighter still: `index::packed`, whose tests hold it to this map.)

use rayon::slice::ParallelSliceMut;

use super::model::Text;

/// From this many entries a map is sorted on all cores.
const PARALLEL_FROM: usize = 10_000;

/// Text → value, sorted by text; for a text given more than once, its first value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextMap<V> {
    entries: Vec<(Text, V)>,
}

impl<V> Default for TextMap<V> {
    fn default() -> Self {
        TextMap {
            entries: Vec::new(),
        }
    }
}

impl<V: Send> TextMap<V> {
    /// The map of `entries`, in the order given: where a text repeats, its first entry is
    /// kept (as `entry(key).or_insert(value)` over them would).
    pub fn first_of(mut entries: Vec<(Text, V)>) -> TextMap<V> {
        // Stable, so that among equal texts the first given stays first. Small maps (the
        // built-in corpus's, made before the first frame) are sorted on this thread: rayon's
        // merge sort costs more than the standard one below a few thousand entries.
        if entries.len() < PARALLEL_FROM {
            entries.sort_by(|a, b| a.0.cmp(&b.0));
        } else {
            entries.par_sort_by(|a, b| a.0.cmp(&b.0));
        }
        entries.dedup_by(|later, first| later.0 == first.0);
        entries.shrink_to_fit();
        TextMap { entries }
    }
}

impl<V> TextMap<V> {
    /// The value of `text`.
    pub fn get(&self, text: &str) -> Option<&V> {
        let at = self
            .entries
            .binary_search_by(|(key, _)| key.as_str().cmp(text))
            .ok()?;
        Some(&self.entries[at].1)
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_value_of_a_repeated_text_is_kept() {
        let entries: Vec<(Text, u32)> = ["b", "a", "c", "a", "b", "é", ""]
            .into_iter()
            .enumerate()
            .map(|(i, t)| (Text::from(t), i as u32))
            .collect();
        let map = TextMap::first_of(entries);
        assert_eq!(map.len(), 5);
        assert_eq!(map.get("a"), Some(&1));
        assert_eq!(map.get("b"), Some(&0));
        assert_eq!(map.get("c"), Some(&2));
        assert_eq!(map.get("é"), Some(&5));
        assert_eq!(map.get(""), Some(&6));
        assert_eq!(map.get("d"), None);
        assert!(TextMap::<u32>::default().get("a").is_none());
    }

    /// Many entries (the sort runs on both cores), each text given three times: the first
    /// value of each wins, as with a hash map's `or_insert`.
    #[test]
    fn a_long_list_keeps_the_first_values_as_a_hash_map_would() {
        let mut entries = Vec::new();
        let mut expected = std::collections::HashMap::new();
        for round in 0..3u32 {
            for i in (0..20_000u32).rev() {
                let text = Text::from(format!("key-{}", i * 7919 % 20_000));
                expected.entry(text.clone()).or_insert(round * 100_000 + i);
                entries.push((text, round * 100_000 + i));
            }
        }
        let map = TextMap::first_of(entries);
        assert_eq!(map.len(), expected.len());
        for (text, value) in &expected {
            assert_eq!(map.get(text), Some(value), "{text}");
        }
    }
}
