//! The built-in corpus, embedded in the binary so `entente` needs no files at run time.
//!
//! `build.rs` parses `assets/corpus/*.json` into the model at build time (a file that does not
//! parse fails the build), brings its strings to NFC, and embeds the result packed: a
//! structure, and one table of its strings that the compiler checks as UTF-8 (`unpack`
//! describes the format). A start decodes it ([`files`]) instead of parsing JSON, with no
//! string to check and field names borrowed from the table. [`FILES`] keeps the JSON text for
//! what works on the files themselves (`fmt`, import, tests); `decoded_files_equal_the_parsed_json`
//! checks that the two agree.
//!
//! What is checked when: the checks across records (ids, references, citations: the
//! validator's) run on the built-in corpus in its test `the_built_in_corpus_is_valid` (so
//! `cargo test` fails on an invalid one), and whenever it loads together with a user's corpus
//! ([`super::layers`]) or is checked (`entente check`). A start on the built-in corpus alone
//! ([`load`]) does not repeat them: the embedded data cannot change after the build. (The build
//! script cannot run the validator itself, which needs most of the crate.)

use super::load::{LoadedCorpus, merge_unchecked, merge_unchecked_without_origins};
use super::model::{Corpus, Party};
use super::problem::{Problem, Problems};

// The encoder, which build.rs includes: here for the tags and the packed form the decoder
// shares with it (the loaded corpus's cache entry, `load::cache`, is made of packed frames of
// records, written by a packer of its own), and for the decoder's tests.
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) mod pack;
pub(crate) mod unpack;

include!(concat!(env!("OUT_DIR"), "/builtin-files.rs"));

/// The built-in files as parsed at build time, (name, corpus) pairs: the structure…
static STRUCTURE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/builtin-corpus.bin"));
/// …and the strings it points into.
static STRINGS: &str = include_str!(concat!(env!("OUT_DIR"), "/builtin-strings.txt"));

/// The built-in corpus's files, parsed (at build time) and decoded.
pub fn files() -> Result<Vec<(String, Corpus)>, Problems> {
    unpack::from_parts(STRUCTURE, STRINGS).map_err(|e| {
        Problems(vec![Problem::in_file(
            "<built-in>",
            format!("the embedded built-in corpus does not decode: {e} (a bug: please report it)"),
        )])
    })
}

/// The parties the built-in corpus declares (EU, ROK), for corpora built in code (synthetic
/// corpora, tests) that name the same sides. Empty only if the embedded file failed to parse,
/// which the built-in corpus's own tests rule out.
pub fn parties() -> Vec<Party> {
    files()
        .unwrap_or_default()
        .into_iter()
        .flat_map(|(_, c)| c.parties)
        .collect()
}

/// Loads the built-in corpus, without validating it again (see the module doc: its tests
/// do). Fails only if the embedded data does not decode.
pub fn load() -> Result<LoadedCorpus, Problems> {
    Ok(merge_unchecked(files()?))
}

/// [`load`] without the map of the file each record comes from (empty `origins`), which only
/// messages about files use: for the browser, which names no file. The map is a twentieth of
/// a start's work before its first frame.
pub fn load_without_origins() -> Result<LoadedCorpus, Problems> {
    Ok(merge_unchecked_without_origins(files()?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::load::merge_and_validate;
    use crate::corpus::parse_str;

    /// The guarantee [`load`] relies on instead of validating at each start.
    #[test]
    fn the_built_in_corpus_is_valid() {
        let checked = merge_and_validate(files().expect("the embedded corpus decodes"))
            .unwrap_or_else(|problems| panic!("the built-in corpus is invalid:\n{problems}"));
        let loaded = load().expect("the built-in corpus loads");
        assert_eq!(checked.corpus, loaded.corpus);
        assert_eq!(checked.origins, loaded.origins);
        let without = load_without_origins().expect("the built-in corpus loads");
        assert_eq!(without.corpus, loaded.corpus);
        assert!(without.origins.files().is_empty());
        assert!(!loaded.origins.files().is_empty());
        assert!(loaded.corpus.meetings.len() > 5);
    }

    #[test]
    fn decoded_files_equal_the_parsed_json() {
        let decoded = files().expect("the embedded corpus decodes");
        let parsed: Vec<(String, Corpus)> = FILES
            .iter()
            .map(|(name, text)| (name.to_string(), parse_str(text, name).expect("it parses")))
            .collect();
        assert_eq!(decoded.len(), FILES.len());
        assert!(decoded.iter().any(|(_, c)| !c.meetings.is_empty()));
        assert!(decoded.iter().any(|(_, c)| !c.sources.is_empty()));
        assert_eq!(decoded, parsed);
    }
}
