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
///
/// The files are decoded in two halves of about equal size, the second on a thread of its
/// own: the decode is a third of the work before a start's first frame, and the machine has a
/// second core idle then. If no thread can be started, both halves are decoded here.
pub fn files() -> Result<Vec<(String, Corpus)>, Problems> {
    let parts = parts(STRUCTURE, PART_STARTS).ok_or_else(|| undecodable("its parts overlap"))?;
    let split = halfway(&parts);
    let (mine, theirs) = parts.split_at(split);
    let (first, second) = std::thread::scope(|scope| {
        let helper = std::thread::Builder::new()
            .name("decode-corpus".into())
            .stack_size(DECODE_STACK)
            .spawn_scoped(scope, || decode(theirs))
            .ok();
        let first = decode(mine);
        let second = match helper {
            Some(helper) => helper.join().unwrap_or_else(|_| decode(theirs)),
            None => decode(theirs),
        };
        (first, second)
    });
    let mut files = first.map_err(|e| undecodable(&e.to_string()))?;
    files.extend(second.map_err(|e| undecodable(&e.to_string()))?);
    Ok(files)
}

/// The decoding thread's stack: the decoder recurses at most `unpack::MAX_DEPTH` levels of a
/// few hundred bytes each.
const DECODE_STACK: usize = 256 * 1024;

/// Each file's part of `structure`, given where each starts; `None` if the starts are not in
/// order inside it.
fn parts<'a>(structure: &'a [u8], starts: &[usize]) -> Option<Vec<&'a [u8]>> {
    let ends = starts.iter().skip(1).copied().chain([structure.len()]);
    starts
        .iter()
        .zip(ends)
        .map(|(&start, end)| structure.get(start..end))
        .collect()
}

/// How many of `parts`, from the first, hold the nearest to half of their bytes.
fn halfway(parts: &[&[u8]]) -> usize {
    let total: usize = parts.iter().map(|p| p.len()).sum();
    let mut before = 0;
    let distance_from_half = |bytes: usize| (bytes * 2).abs_diff(total);
    (0..=parts.len())
        .map(|count| {
            if count > 0 {
                before += parts[count - 1].len();
            }
            (distance_from_half(before), count)
        })
        .min()
        .map_or(0, |(_, count)| count)
}

/// Decodes each part as a (file name, corpus) pair, in order.
fn decode(parts: &[&[u8]]) -> Result<Vec<(String, Corpus)>, unpack::UnpackError> {
    parts
        .iter()
        .map(|part| unpack::from_parts(part, STRINGS))
        .collect()
}

fn undecodable(why: &str) -> Problems {
    Problems(vec![Problem::in_file(
        "<built-in>",
        format!("the embedded built-in corpus does not decode: {why} (a bug: please report it)"),
    )])
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
    fn parts_are_cut_where_each_starts() {
        let structure = b"aabbbc";
        let parts = parts(structure, &[0, 2, 5]).expect("the starts are in order");
        assert_eq!(parts, vec![&b"aa"[..], &b"bbb"[..], &b"c"[..]]);
        assert_eq!(super::parts(structure, &[0, 4, 2]), None);
        assert_eq!(super::parts(structure, &[0, 7]), None);
    }

    #[test]
    fn halfway_is_the_cut_nearest_to_half_the_bytes() {
        let sized =
            |sizes: &[usize]| -> Vec<Vec<u8>> { sizes.iter().map(|&n| vec![0; n]).collect() };
        let cut = |sizes: &[usize]| {
            let parts = sized(sizes);
            halfway(&parts.iter().map(Vec::as_slice).collect::<Vec<_>>())
        };
        assert_eq!(cut(&[1, 1, 1, 1]), 2);
        assert_eq!(cut(&[10, 1, 1, 1]), 1);
        assert_eq!(cut(&[1, 1, 1, 10]), 3);
        assert_eq!(cut(&[3, 4, 3]), 1);
        assert_eq!(cut(&[]), 0);
        // The built-in corpus's own parts: neither half is empty.
        let built_in = super::parts(STRUCTURE, PART_STARTS).expect("the parts are in order");
        let at = halfway(&built_in);
        assert!(at > 0 && at < built_in.len(), "{at} of {}", built_in.len());
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
