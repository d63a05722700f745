//! The file each record of a loaded corpus came from, for messages that name files.
//!
//! A 100k corpus has some 130,000 records, and all of them usually come from one file: a map
//! of id → file name held a copy of the name per record (about 23 MB at 100k). Here each file
//! name is held once, and the records as a [`TextMap`] of id → file number.

use super::super::model::{Corpus, Text};
use super::super::text_map::TextMap;

/// Record id → the file that first defines it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Origins {
    /// The files, in load order.
    files: Vec<String>,
    /// Record id → its file's place in `files`.
    records: TextMap<u32>,
}

impl Origins {
    /// The origins of the records of `files` (name, corpus); an id defined in two files is
    /// given the first.
    pub fn of_files(files: &[(String, Corpus)]) -> Origins {
        let count = files.iter().map(|(_, c)| c.records().count()).sum();
        let mut records: Vec<(Text, u32)> = Vec::with_capacity(count);
        for (n, (_, corpus)) in files.iter().enumerate() {
            let n = u32::try_from(n).unwrap_or(u32::MAX);
            records.extend(corpus.records().map(|r| (Text::from(r.id), n)));
        }
        Origins {
            files: files.iter().map(|(name, _)| name.clone()).collect(),
            records: TextMap::first_of(records),
        }
    }

    /// The file that defines the record with this id.
    pub fn get(&self, id: &str) -> Option<&str> {
        let file = *self.records.get(id)?;
        self.files.get(file as usize).map(String::as_str)
    }

    /// The files, in load order.
    pub fn files(&self) -> &[String] {
        &self.files
    }

    /// The place in [`Origins::files`] of the file that defines the record with this id.
    pub fn file_number(&self, id: &str) -> Option<u32> {
        self.records.get(id).copied()
    }

    /// The origins of `corpus`'s records read from `files` and each record's file number
    /// (its place in `files`), given in the order of [`Corpus::records`]; `None` unless there
    /// is a number for each record, and each names one of `files`.
    pub fn of_numbers(
        files: Vec<String>,
        corpus: &Corpus,
        mut numbers: impl Iterator<Item = u32>,
    ) -> Option<Origins> {
        let count = corpus.records().count();
        let mut records: Vec<(Text, u32)> = Vec::with_capacity(count);
        for record in corpus.records() {
            let n = numbers.next().filter(|&n| (n as usize) < files.len())?;
            records.push((Text::from(record.id), n));
        }
        if numbers.next().is_some() {
            return None;
        }
        Some(Origins {
            files,
            records: TextMap::first_of(records),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus(topics: &[&str]) -> Corpus {
        let topics: Vec<serde_json::Value> = topics
            .iter()
            .map(|id| serde_json::json!({"id": id, "label": id}))
            .collect();
        serde_json::from_value(serde_json::json!({"format": "entente-corpus/1", "topics": topics}))
            .expect("the test corpus matches the model")
    }

    #[test]
    fn each_id_names_the_first_file_that_defines_it() {
        let files = vec![
            ("b.json".to_string(), corpus(&["t2", "t1"])),
            ("a.json".to_string(), corpus(&["t3", "t1"])),
        ];
        let origins = Origins::of_files(&files);
        assert_eq!(origins.get("t1"), Some("b.json"));
        assert_eq!(origins.get("t2"), Some("b.json"));
        assert_eq!(origins.get("t3"), Some("a.json"));
        assert_eq!(origins.get("t4"), None);
        assert_eq!(origins.get(""), None);
        assert_eq!(Origins::default().get("t1"), None);
    }

    #[test]
    fn origins_rebuilt_from_file_numbers_equal_those_of_the_files() {
        let files = vec![
            ("b.json".to_string(), corpus(&["t2"])),
            ("a.json".to_string(), corpus(&["t3", "t1"])),
        ];
        let origins = Origins::of_files(&files);
        let mut merged = files[0].1.clone();
        merged.topics.extend(files[1].1.topics.clone());
        let numbers: Vec<u32> = merged
            .records()
            .map(|r| origins.file_number(r.id).unwrap())
            .collect();
        assert_eq!(numbers, [0, 1, 1]);
        let names = origins.files().to_vec();
        let rebuilt = Origins::of_numbers(names.clone(), &merged, numbers.iter().copied());
        assert_eq!(rebuilt.as_ref(), Some(&origins));
        // A number short, one too many, or one naming no file: no origins.
        let short = Origins::of_numbers(names.clone(), &merged, [0, 1].into_iter());
        assert_eq!(short, None);
        let long = Origins::of_numbers(names.clone(), &merged, [0, 1, 1, 1].into_iter());
        assert_eq!(long, None);
        assert_eq!(
            Origins::of_numbers(names, &merged, [0, 1, 2].into_iter()),
            None
        );
    }
}
