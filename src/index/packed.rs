//! The index's tables keyed by text, packed for a corpus of 100,000 records: the keys sorted
//! and laid end to end in one string, found by binary search.
//!
//! A key held as a [`Text`](crate::corpus::Text) costs 24 bytes beside its entry (and a heap block when longer than
//! 24 bytes); the index's ids (one per record), folded names (several per record) and facet
//! keys (one per appearance list) were over 400,000 of them at 100k records, with ids of ten
//! bytes or so. Packed, a key costs its bytes and a 4-byte end. [`PackedMap`] gives each key a
//! value; [`Lists`] gives each a slice of one shared list (the appearances: one list per facet
//! instead of a `Vec` and its heap block per key, with a hash table over them).
//!
//! Both are built once from what the index gathered and then only read (the first frame's
//! index keeps its appearance lists as gathered, and `Index::finish` packs them after that
//! frame: packing a 100k corpus's takes tens of milliseconds). Keys are compared as
//! bytes, as `str`'s `Ord` does, so the order of [`Lists::iter`] is the order a sorted list
//! of the keys has.

use std::ops::Range;

use rayon::slice::ParallelSliceMut;

/// Sorted, distinct keys end to end: key `i` is `text[ends[i - 1]..ends[i]]`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct PackedKeys {
    text: Box<str>,
    ends: Box<[u32]>,
}

impl PackedKeys {
    /// Packs `keys`, which must be sorted and distinct. `None` if their bytes together pass
    /// `u32::MAX` (4 GiB of keys: a corpus far beyond what memory holds).
    fn of<'k>(keys: impl ExactSizeIterator<Item = &'k str> + Clone) -> Option<PackedKeys> {
        let total: usize = keys.clone().map(str::len).sum();
        u32::try_from(total).ok()?;
        let mut text = String::with_capacity(total);
        let mut ends = Vec::with_capacity(keys.len());
        for key in keys {
            text.push_str(key);
            // Fits: the total does.
            ends.push(text.len() as u32);
        }
        Some(PackedKeys {
            text: text.into_boxed_str(),
            ends: ends.into_boxed_slice(),
        })
    }

    fn len(&self) -> usize {
        self.ends.len()
    }

    fn key(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.text[start..self.ends[i] as usize]
    }

    /// The position of `key`, if held.
    fn position(&self, key: &str) -> Option<usize> {
        let (mut low, mut high) = (0, self.len());
        while low < high {
            let middle = low + (high - low) / 2;
            match self.key(middle).cmp(key) {
                std::cmp::Ordering::Less => low = middle + 1,
                std::cmp::Ordering::Greater => high = middle,
                std::cmp::Ordering::Equal => return Some(middle),
            }
        }
        None
    }
}

/// Text → value, built once and then only read (see the module documentation); for a text
/// given more than once, its first value (as [`crate::corpus::TextMap::first_of`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct PackedMap<V> {
    keys: PackedKeys,
    values: Box<[V]>,
}

impl<V: Copy + Send> PackedMap<V> {
    /// The map of `entries`, in the order given: where a text repeats, its first entry is
    /// kept. Empty if the keys' bytes pass 4 GiB (see [`PackedKeys::of`]).
    pub(super) fn first_of<K: AsRef<str> + Send>(mut entries: Vec<(K, V)>) -> PackedMap<V> {
        // Stable, so that among equal texts the first given stays first.
        entries.par_sort_by(|a, b| a.0.as_ref().cmp(b.0.as_ref()));
        entries.dedup_by(|later, first| later.0.as_ref() == first.0.as_ref());
        let Some(keys) = PackedKeys::of(entries.iter().map(|(key, _)| key.as_ref())) else {
            return PackedMap::default();
        };
        let values = entries.iter().map(|&(_, value)| value).collect();
        PackedMap { keys, values }
    }

    /// The value of `key`.
    pub(super) fn get(&self, key: &str) -> Option<V> {
        self.keys.position(key).map(|at| self.values[at])
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        self.keys.len()
    }
}

impl<V> Default for PackedMap<V> {
    fn default() -> Self {
        PackedMap {
            keys: PackedKeys::default(),
            values: Box::default(),
        }
    }
}

/// Text → a list of `T`, all lists in one (see the module documentation).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Lists<T> {
    keys: PackedKeys,
    /// List `i` is `items[starts[i]..starts[i + 1]]`.
    starts: Box<[u32]>,
    items: Vec<T>,
}

impl<T> Default for Lists<T> {
    fn default() -> Self {
        Lists {
            keys: PackedKeys::default(),
            starts: vec![0].into_boxed_slice(),
            items: Vec::new(),
        }
    }
}

impl<T> Lists<T> {
    /// The lists of `map`, moved (each `Vec` is freed as its items move, so the two are never
    /// both whole). Empty if the keys' bytes or the items pass `u32::MAX`.
    pub(super) fn of<K: AsRef<str> + Send>(map: impl IntoIterator<Item = (K, Vec<T>)>) -> Lists<T>
    where
        T: Send,
    {
        let mut lists: Vec<(K, Vec<T>)> = map.into_iter().collect();
        // On both cores, as `PackedMap::first_of`: the index is built before the first frame.
        lists.par_sort_unstable_by(|a, b| a.0.as_ref().cmp(b.0.as_ref()));
        let total: usize = lists.iter().map(|(_, list)| list.len()).sum();
        let Some(keys) = PackedKeys::of(lists.iter().map(|(key, _)| key.as_ref())) else {
            return Lists::default();
        };
        if u32::try_from(total).is_err() {
            return Lists::default();
        }
        let mut starts = Vec::with_capacity(lists.len() + 1);
        starts.push(0);
        let mut items = Vec::with_capacity(total);
        for (_, list) in lists {
            items.extend(list);
            // Fits: the total does.
            starts.push(items.len() as u32);
        }
        Lists {
            keys,
            starts: starts.into_boxed_slice(),
            items,
        }
    }

    /// The list of `key`, if it has one.
    pub(super) fn get(&self, key: &str) -> Option<&[T]> {
        let at = self.keys.position(key)?;
        Some(&self.items[self.range(at)])
    }

    fn range(&self, at: usize) -> Range<usize> {
        self.starts[at] as usize..self.starts[at + 1] as usize
    }

    /// Every key and its list, keys in sorted order.
    pub(super) fn iter(&self) -> impl Iterator<Item = (&str, &[T])> {
        (0..self.keys.len()).map(|at| (self.keys.key(at), &self.items[self.range(at)]))
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        self.keys.len()
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;
    use crate::corpus::{Text, TextMap};

    /// Keys of several lengths and scripts, each given more than once with other values.
    fn entries() -> Vec<(Text, u32)> {
        let mut entries = Vec::new();
        for round in 0..3u32 {
            for i in (0..5_000u32).rev() {
                let key = match i % 4 {
                    0 => format!("org-{}", i * 7919 % 5_000),
                    1 => format!("한국 인터넷진흥원 {i}"),
                    2 => format!("a long name of more than twenty-four bytes {i}"),
                    _ => format!("{}", i % 50),
                };
                entries.push((Text::from(key), round * 100_000 + i));
            }
        }
        entries.push((Text::from(""), 7));
        entries
    }

    #[test]
    fn a_packed_map_answers_as_a_text_map_does() {
        let given = entries();
        let packed = PackedMap::first_of(given.clone());
        let reference = TextMap::first_of(given.clone());
        assert_eq!(packed.len(), reference.len());
        for (key, _) in &given {
            assert_eq!(packed.get(key), reference.get(key).copied(), "{key}");
        }
        for missing in ["org-", "org-50000", "한국", "zzz", "0 ", " "] {
            assert_eq!(packed.get(missing), None, "{missing}");
        }
        assert_eq!(PackedMap::<u32>::default().get(""), None);
    }

    #[test]
    fn lists_hold_each_keys_list_in_key_order() {
        let mut map: HashMap<Text, Vec<u32>> = HashMap::new();
        for (key, value) in entries() {
            map.entry(key).or_default().push(value);
        }
        map.insert(Text::from("empty"), Vec::new());
        let lists = Lists::of(map.clone());
        assert_eq!(lists.len(), map.len());
        for (key, list) in &map {
            assert_eq!(lists.get(key), Some(list.as_slice()), "{key}");
        }
        assert_eq!(lists.get("missing"), None);
        let mut sorted: Vec<(&Text, &Vec<u32>)> = map.iter().collect();
        sorted.sort();
        let iterated: Vec<(&str, &[u32])> = lists.iter().collect();
        let expected: Vec<(&str, &[u32])> = sorted
            .iter()
            .map(|(key, list)| (key.as_str(), list.as_slice()))
            .collect();
        assert_eq!(iterated, expected);
        let none: Lists<u32> = Lists::default();
        assert_eq!(none.get(""), None);
        assert_eq!(none.iter().count(), 0);
    }
}
