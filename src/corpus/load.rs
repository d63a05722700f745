//! Reading corpus JSON from strings, files and directories, and merging several files.
//!
//! Every problem is reported, not only the first: each file of a directory is read and parsed
//! on its own, so a syntax error in one file does not hide the problems of the others. Syntax
//! and type errors come as file:line:column (columns count characters) with the JSON path of the
//! value when serde knows it. After parsing, every string is brought to NFC (the `nfc` module)
//! and the files go through [`super::validate`], so a [`LoadedCorpus`] is always a valid one.
//!
//! Memory: a regular file is parsed record by record as it is read, from a window of a few MiB
//! of its bytes (the `stream` module), so its bytes and its parsed records are never held
//! together; a file with a problem, and a pipe, is read once into one buffer (its size known
//! up front, so no regrowth) and parsed from that, the buffer dropped before the next file is
//! read. A load for the browser drops each source's received text while parsing
//! ([`ReceivedText`]), so the text is held once (as paragraphs), not twice. (Parsing from a
//! buffered reader instead took 2.4 s instead of 1.0 s on a 126 MiB corpus: serde_json's
//! reader goes byte by byte.)
//!
//! The browser keeps what it loaded from a file in the user's cache (the `cache` module): a
//! later start on the same, unchanged corpus decodes that entry instead of parsing, normalising
//! and validating the JSON again.

pub mod cache;
mod nfc;
mod number;
mod origins;
mod progress;
pub(crate) mod received;
mod stream;
mod strict;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::model::{Corpus, FORMAT};
use super::problem::{Problem, Problems};
use super::validate::{self, Scope};
use nfc::Normalise;
use number::number_as_written;
pub use origins::Origins;
pub use progress::{DELAY as PROGRESS_DELAY, LoadProgress, LoadStep};
pub use received::{DROPPED as DROPPED_RECEIVED_TEXT, ReceivedText};
use serde::Deserialize;
use strict::Strict;

/// The largest corpus file read, in bytes (256 MiB). Larger corpora can be split across the
/// files of a directory.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// How much of a file is read between two updates of a load's progress (4 MiB).
const READ_CHUNK: u64 = 4 * 1024 * 1024;

/// Said after a syntax or type error: parsing stops at the first one in a file.
const ONE_ERROR_PER_FILE: &str =
    "further errors in this file are not checked until this one is fixed";

/// A corpus that parsed and validated, with the file each record came from.
#[derive(Debug, Clone, Default)]
pub struct LoadedCorpus {
    pub corpus: Corpus,
    /// Record id → the file that defined it (for messages that name files).
    pub origins: Origins,
}

/// Parses one corpus file's text. `file` names it in messages. A leading byte-order mark is
/// accepted; every string of the result is in NFC. Only syntax and type errors are found here:
/// semantic checks are [`merge_and_validate`]'s.
pub fn parse_str(text: &str, file: &str) -> Result<Corpus, Problem> {
    let (text, bom) = match text.strip_prefix('\u{feff}') {
        Some(rest) => (rest, true),
        None => (text, false),
    };
    if text.is_empty() {
        return Err(Problem::in_file(
            file,
            format!(
                "the file is empty; expected a JSON object such as {{\"format\": \"{FORMAT}\"}}"
            ),
        ));
    }
    if text.trim().is_empty() {
        return Err(Problem::in_file(
            file,
            format!(
                "the file holds only whitespace; expected a JSON object such as \
                 {{\"format\": \"{FORMAT}\"}}"
            ),
        ));
    }
    // The happy path parses without tracking the JSON path (tracking copies every field name
    // as it goes); only a file that fails is parsed again, with tracking, for the message.
    let mut de = serde_json::Deserializer::from_str(text);
    if let Ok(mut corpus) =
        Corpus::deserialize(Strict(&mut de)).and_then(|corpus| de.end().map(|()| corpus))
    {
        normalise(&mut corpus);
        return Ok(corpus);
    }
    let mut de = serde_json::Deserializer::from_str(text);
    let mut track = serde_path_to_error::Track::new();
    let parsed = Corpus::deserialize(Strict(serde_path_to_error::Deserializer::new(
        &mut de, &mut track,
    )));
    let parsed = match parsed {
        Ok(corpus) => de.end().map(|()| corpus).map_err(|e| (String::new(), e)),
        Err(e) => Err((json_path(&track.path()), e)),
    };
    match parsed {
        Ok(mut corpus) => {
            normalise(&mut corpus);
            Ok(corpus)
        }
        Err((path, e)) => Err(json_problem(text, file, bom, &path, &e)),
    }
}

/// A list with at least this many items is brought to NFC on every core, and a corpus with at
/// least this many records has its origins mapped while it is validated: below, the threads
/// cost more than they save.
const PARALLEL_ITEMS: usize = 4096;

/// Brings every string of `corpus` to NFC (see `nfc`), the items of its long lists on every
/// core, and gives back the spare room of its record lists. (The fields are named one by one,
/// so a field added to the model is a compile error here until it is normalised.)
fn normalise(corpus: &mut Corpus) {
    use rayon::prelude::*;
    fn each<T: Normalise + Send>(list: &mut Vec<T>) {
        if list.len() < PARALLEL_ITEMS {
            list.normalise();
        } else {
            list.par_iter_mut()
                .with_min_len(PARALLEL_ITEMS / 4)
                .for_each(Normalise::normalise);
        }
        // A long list grew by doubling as it was read: give back the rest (one big block,
        // resized where it is).
        list.shrink_to_fit();
    }
    let Corpus {
        format,
        title,
        sources,
        meetings,
        events,
        organisations,
        people,
        topics,
        series,
        place_names,
        parties,
        // Not read from JSON: set by the layered load.
        amendments: _,
    } = corpus;
    format.normalise();
    title.normalise();
    each(sources);
    each(meetings);
    each(events);
    each(organisations);
    each(people);
    each(topics);
    each(series);
    each(place_names);
    each(parties);
}

/// Parses one corpus file's bytes: checks the size cap and UTF-8 (naming the byte offset and
/// line:column of the first bad byte), then [`parse_str`].
pub fn parse_bytes(bytes: &[u8], file: &str) -> Result<Corpus, Problem> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(file, bytes.len() as u64));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => parse_str(text, file),
        Err(e) => {
            let offset = e.valid_up_to();
            // The prefix up to the bad byte is valid UTF-8 by definition.
            let valid = std::str::from_utf8(&bytes[..offset]).unwrap_or_default();
            let line = valid.matches('\n').count() + 1;
            let column = valid.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            Err(Problem::at_position(
                file,
                line,
                column,
                format!(
                    "the file is not valid UTF-8: bad byte 0x{:02x} at byte offset {offset}; \
                     expected UTF-8 text (re-save the file as UTF-8); {ONE_ERROR_PER_FILE}",
                    bytes[offset]
                ),
            ))
        }
    }
}

/// Validates parsed files (name, corpus) and merges them into one corpus, recording the file
/// each record came from. Every problem of every file is reported.
///
/// Files that declare no parties at all get the built-in corpus's (see [`with_default_parties`]).
pub fn merge_and_validate(files: Vec<(String, Corpus)>) -> Result<LoadedCorpus, Problems> {
    let files = with_default_parties(files);
    let records: usize = files.iter().map(|(_, c)| c.records().count()).sum();
    // On a big corpus the map of origins is built on the other core while validation runs.
    let (problems, origins) = if records >= PARALLEL_ITEMS {
        rayon::join(
            || validate::validate(&files, Scope::Complete),
            || Origins::of_files(&files),
        )
    } else {
        (
            validate::validate(&files, Scope::Complete),
            Origins::of_files(&files),
        )
    };
    if !problems.is_empty() {
        return Err(Problems(problems));
    }
    Ok(merge(files, origins))
}

/// The built-in corpus's files merged without validation: their validity is established by
/// the built-in corpus's tests (`the_built_in_corpus_is_valid`), not at every start.
pub(crate) fn merge_unchecked(files: Vec<(String, Corpus)>) -> LoadedCorpus {
    let files = with_default_parties(files);
    let origins = Origins::of_files(&files);
    merge(files, origins)
}

/// [`merge_unchecked`] without the origins (left empty).
pub(crate) fn merge_unchecked_without_origins(files: Vec<(String, Corpus)>) -> LoadedCorpus {
    merge(with_default_parties(files), Origins::default())
}

/// Loads a corpus from a JSON file, or from every `*.json` file in a directory (merged, in
/// file-name order; subdirectories are not searched).
///
/// A load that takes longer than a moment says so on stderr when stderr is a terminal (see
/// `progress`).
pub fn load_path(path: &Path) -> Result<LoadedCorpus, Problems> {
    load_reporting(path, progress::Progress::start(path), ReceivedText::Keep)
}

/// [`load_path`], telling `progress` how far it has got instead of writing to stderr (the
/// browser shows it on its loading screen), and keeping of each source's received text what
/// `received` says. The problems found are the same either way.
pub fn load_path_observed(
    path: &Path,
    progress: Arc<LoadProgress>,
    received: ReceivedText,
) -> Result<LoadedCorpus, Problems> {
    load_reporting(path, progress::Progress::observed(progress), received)
}

fn load_reporting(
    path: &Path,
    progress: progress::Progress,
    received: ReceivedText,
) -> Result<LoadedCorpus, Problems> {
    let (names, mut problems) = corpus_files(path).map_err(|p| Problems(vec![p]))?;
    let (files, unparsed) = parse_files(names, &progress, received);
    problems.extend(unparsed);
    if problems.is_empty() {
        return merge_and_validate(files);
    }
    // Some files did not parse: still check the others, leaving out the dangling references
    // that could point into the files that failed.
    let files = with_default_parties(files);
    problems.extend(validate::validate(&files, Scope::Partial));
    Err(Problems(problems))
}

/// Reads and parses each of `paths`, telling `progress` which file is read, the bytes read and
/// the records parsed, then that checking begins: the files that parsed, and a problem for
/// each that did not. Received text is kept as `received` says.
fn parse_files(
    paths: Vec<PathBuf>,
    progress: &progress::Progress,
    received: ReceivedText,
) -> (Vec<(String, Corpus)>, Vec<Problem>) {
    let _dropping = received::Dropping::start(received);
    for p in &paths {
        progress
            .shared()
            .add_total(std::fs::metadata(p).map_or(0, |m| m.len()));
    }
    let mut files = Vec::new();
    let mut problems = Vec::new();
    let count = paths.len();
    for (n, p) in paths.into_iter().enumerate() {
        let name = p.display().to_string();
        progress.file(n + 1, count);
        match parse_file(&p, &name, progress.shared()) {
            Ok(corpus) => files.push((name, corpus)),
            Err(problem) => problems.push(problem),
        }
    }
    progress.checking();
    (files, problems)
}

/// Reads and parses one corpus file, telling `progress` of the bytes read. A regular file is
/// parsed record by record as it is read (`stream`), so it is never held whole; one that this
/// refuses (it has a problem), and anything else (a pipe), is read whole and parsed by
/// [`parse_bytes`], which words the problem.
fn parse_file(path: &Path, name: &str, progress: &LoadProgress) -> Result<Corpus, Problem> {
    let file = std::fs::File::open(path)
        .and_then(|file| Ok((file.metadata()?, file)))
        .ok()
        .filter(|(meta, _)| meta.is_file() && meta.len() <= MAX_FILE_BYTES);
    if let Some((_, file)) = file {
        if let Some(mut corpus) = stream::parse(file, Some(progress)) {
            normalise(&mut corpus);
            return Ok(corpus);
        }
        // Read again whole, for the message; its bytes were counted once already.
        return read_counted(path, name, None).and_then(|bytes| parse_bytes(&bytes, name));
    }
    read_counted(path, name, Some(progress)).and_then(|bytes| parse_bytes(&bytes, name))
}

/// [`parse_files`] for a caller that shows `progress` itself (nothing on stderr).
pub(crate) fn parse_files_observed(
    paths: Vec<PathBuf>,
    progress: Arc<LoadProgress>,
    received: ReceivedText,
) -> (Vec<(String, Corpus)>, Vec<Problem>) {
    parse_files(paths, &progress::Progress::observed(progress), received)
}

/// Where the parties come from when no file declares any.
pub const DEFAULT_PARTIES_FILE: &str = "<built-in>/parties.json";

/// The files, with the built-in corpus's parties (EU, ROK) added as one more file when none of
/// them declares a party: a corpus written before parties were data names the sides `eu` and
/// `rok` without declaring them, and must load unchanged. A corpus that declares any party
/// declares all of its own.
pub fn with_default_parties(mut files: Vec<(String, Corpus)>) -> Vec<(String, Corpus)> {
    if files.iter().all(|(_, c)| c.parties.is_empty()) {
        let defaults = Corpus {
            format: FORMAT.into(),
            parties: super::builtin::parties(),
            ..Corpus::default()
        };
        files.push((DEFAULT_PARTIES_FILE.to_string(), defaults));
    }
    files
}

/// The files a path names: itself, or the `*.json` files of a directory, sorted; with a
/// problem for each `*.json` entry that cannot be followed (a dangling or looping symbolic
/// link), which would otherwise be left out unnoticed.
pub(crate) fn corpus_files(path: &Path) -> Result<(Vec<PathBuf>, Vec<Problem>), Problem> {
    let display = path.display().to_string();
    let meta = std::fs::metadata(path).map_err(|e| {
        let why = if e.kind() == std::io::ErrorKind::NotFound {
            "no such file or directory".to_string()
        } else {
            format!("cannot read it: {e}")
        };
        Problem::in_file(
            &display,
            format!(
                "{why}; expected a corpus file (*.json) or a directory of them — check the path"
            ),
        )
    })?;
    if !meta.is_dir() {
        return Ok((vec![path.to_path_buf()], Vec::new()));
    }
    let entries = std::fs::read_dir(path)
        .map_err(|e| Problem::in_file(&display, format!("cannot read the directory: {e}")))?;
    let mut names = Vec::new();
    let mut unfollowed = Vec::new();
    for entry in entries {
        let entry = entry
            .map_err(|e| Problem::in_file(&display, format!("cannot read the directory: {e}")))?;
        let p = entry.path();
        if p.extension().is_none_or(|x| x != "json") {
            continue;
        }
        match std::fs::metadata(&p) {
            Ok(meta) if meta.is_dir() => {}
            // Not only regular files: `read_capped` refuses devices with a message.
            Ok(_) => names.push(p),
            Err(_) => unfollowed.push(p.display().to_string()),
        }
    }
    names.sort();
    unfollowed.sort();
    let unfollowed: Vec<Problem> = unfollowed
        .iter()
        .map(|name| Problem::in_file(name, link_problem(Path::new(name))))
        .collect();
    if names.is_empty() && !unfollowed.is_empty() {
        return Ok((names, unfollowed));
    }
    if names.is_empty() {
        return Err(Problem::in_file(
            &display,
            "the directory holds no *.json file; expected one or more corpus files \
             (subdirectories are not searched)",
        ));
    }
    Ok((names, unfollowed))
}

/// Why a directory entry named `*.json` cannot be followed.
fn link_problem(path: &Path) -> String {
    let looping = std::fs::metadata(path)
        .err()
        .and_then(|e| e.raw_os_error())
        .is_some_and(|code| code == libc::ELOOP);
    let what = if looping {
        "a symbolic link that loops (it leads back to itself)".to_string()
    } else {
        match std::fs::read_link(path) {
            Ok(target) => format!(
                "a symbolic link to {}, which does not exist",
                target.display()
            ),
            Err(_) => "an entry that cannot be read".to_string(),
        }
    };
    format!("{what}; expected a corpus file — fix or remove the link")
}

/// Reads a file whole, refusing one over [`MAX_FILE_BYTES`] before reading it, and a device
/// (`/dev/zero` would read to the cap; a terminal or a tape would block).
pub(crate) fn read_capped(path: &Path, name: &str) -> Result<Vec<u8>, Problem> {
    read_counted(path, name, None)
}

/// [`read_capped`], adding the bytes read to `progress` as they come (in [`READ_CHUNK`]s).
fn read_counted(
    path: &Path,
    name: &str,
    progress: Option<&LoadProgress>,
) -> Result<Vec<u8>, Problem> {
    let cannot = |e: std::io::Error| Problem::in_file(name, format!("cannot read the file: {e}"));
    let file = std::fs::File::open(path).map_err(cannot)?;
    let meta = file.metadata().map_err(cannot)?;
    if let Some(kind) = device_kind(&meta.file_type()) {
        return Err(Problem::in_file(
            name,
            format!("this is {kind}, not a file; expected a corpus file (*.json)"),
        ));
    }
    let len = meta.len();
    if len > MAX_FILE_BYTES {
        return Err(too_large(name, len));
    }
    // Sized up front so the buffer is allocated once; `take` guards a file that grows meanwhile.
    let mut bytes = Vec::with_capacity(usize::try_from(len).unwrap_or(0).saturating_add(1));
    let mut reader = file.take(MAX_FILE_BYTES + 1);
    loop {
        let read = (&mut reader)
            .take(READ_CHUNK)
            .read_to_end(&mut bytes)
            .map_err(cannot)?;
        if read == 0 {
            break;
        }
        if let Some(progress) = progress {
            progress.add_read(read as u64);
        }
    }
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(name, bytes.len() as u64));
    }
    Ok(bytes)
}

/// What a device or socket is, in words; `None` for files, directories and pipes (a pipe is
/// how `<(command)` hands over a corpus, and its size is capped as it is read).
fn device_kind(kind: &std::fs::FileType) -> Option<&'static str> {
    use std::os::unix::fs::FileTypeExt;
    if kind.is_char_device() {
        Some("a character device")
    } else if kind.is_block_device() {
        Some("a block device")
    } else if kind.is_socket() {
        Some("a socket")
    } else {
        None
    }
}

fn too_large(file: &str, len: u64) -> Problem {
    const MIB: f64 = 1024.0 * 1024.0;
    Problem::in_file(
        file,
        format!(
            "the file is {:.1} MiB, over the limit of {} MiB; split the corpus across several \
             *.json files in a directory",
            len as f64 / MIB,
            MAX_FILE_BYTES / (1024 * 1024)
        ),
    )
}

/// Moves the records of every file into one corpus.
fn merge(files: Vec<(String, Corpus)>, origins: Origins) -> LoadedCorpus {
    let mut merged = Corpus {
        format: FORMAT.into(),
        ..Corpus::default()
    };
    for (_, corpus) in files {
        if merged.title.is_none() {
            merged.title = corpus.title;
        }
        append(&mut merged.sources, corpus.sources);
        append(&mut merged.meetings, corpus.meetings);
        append(&mut merged.events, corpus.events);
        append(&mut merged.organisations, corpus.organisations);
        append(&mut merged.people, corpus.people);
        append(&mut merged.topics, corpus.topics);
        append(&mut merged.series, corpus.series);
        append(&mut merged.place_names, corpus.place_names);
        // A party declared the same in two files (a team corpus that also loads on its own)
        // is one party; a different declaration is the validator's error.
        for party in corpus.parties {
            if !merged.parties.contains(&party) {
                merged.parties.push(party);
            }
        }
    }
    LoadedCorpus {
        corpus: merged,
        origins,
    }
}

/// Moves the items of `from` to the end of `to`; when `to` is empty, takes `from`'s list
/// whole, so a corpus in one big file is not copied (nor held twice) on merging.
fn append<T>(to: &mut Vec<T>, from: Vec<T>) {
    if to.is_empty() {
        *to = from;
    } else {
        to.extend(from);
    }
}

/// Turns a serde_json error into a problem at file:line:column, with the JSON path (if any)
/// before a message reworded for people who do not read serde's internals.
fn json_problem(text: &str, file: &str, bom: bool, path: &str, e: &serde_json::Error) -> Problem {
    let (line, byte_column) = (e.line(), e.column());
    let raw = e.to_string();
    let at_string = [
        "unknown field",
        "unknown variant",
        "invalid type: string",
        "invalid value: string",
    ]
    .iter()
    .any(|m| raw.starts_with(m));
    let mut column = if at_string {
        char_column(text, line, string_start(text, line, byte_column))
    } else {
        char_column(text, line, byte_column)
    };
    if bom && line == 1 {
        column += 1;
    }
    let suffix = format!(" at line {line} column {byte_column}");
    let bare = raw.strip_suffix(&suffix).unwrap_or(&raw);
    let message = format!(
        "{}; {ONE_ERROR_PER_FILE}",
        expected_part(&readable(bare, path))
            .and_then(|expected| number_as_written(text, line, byte_column, bare, expected))
            .unwrap_or_else(|| readable(bare, path))
    );
    if path.is_empty() || path == "." {
        Problem::at_position(file, line, column, message)
    } else {
        Problem::at_position(file, line, column, format!("{path}: {message}"))
    }
}

/// What a reworded type error says was expected ("a whole number from 0 to …").
fn expected_part(message: &str) -> Option<&str> {
    message
        .split_once(", expected ")
        .map(|(_, expected)| expected)
}

/// The JSON path of a value as `meetings[2].date`, leaving out the segments serde could not name.
fn json_path(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::new();
    for segment in path.iter() {
        match segment {
            Segment::Seq { index } => out.push_str(&format!("[{index}]")),
            Segment::Map { key } | Segment::Enum { variant: key } => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Segment::Unknown => {}
        }
    }
    out
}

/// serde_json reports a string it rejects (an unknown field or variant, a string of the wrong
/// type) at the string's closing quote; point at its opening quote instead, where a reader's
/// eye and an editor's cursor want to be. `byte_column` is serde's 1-based byte column.
fn string_start(text: &str, line: usize, byte_column: usize) -> usize {
    let Some(line_text) = text.split('\n').nth(line.saturating_sub(1)) else {
        return byte_column;
    };
    let bytes = line_text.as_bytes();
    if byte_column == 0 || bytes.get(byte_column - 1) != Some(&b'"') {
        return byte_column;
    }
    let mut i = byte_column - 1;
    while i > 0 {
        i -= 1;
        if bytes[i] == b'"' {
            let backslashes = bytes[..i].iter().rev().take_while(|b| **b == b'\\').count();
            if backslashes % 2 == 0 {
                return i + 1;
            }
        }
    }
    byte_column
}

/// serde_json counts columns in bytes; people and editors count characters.
fn char_column(text: &str, line: usize, byte_column: usize) -> usize {
    let Some(line_text) = text.split('\n').nth(line.saturating_sub(1)) else {
        return byte_column;
    };
    let mut end = byte_column.min(line_text.len());
    while !line_text.is_char_boundary(end) {
        end -= 1;
    }
    let chars = line_text[..end].chars().count();
    // serde_json's column points at the byte it stopped on; keep it 1-based.
    if end < byte_column { chars + 1 } else { chars }.max(1)
}

/// Rewords serde_json's terse messages into what is wrong and what was expected.
fn readable(message: &str, path: &str) -> String {
    let fixed: Option<&str> = match message {
        "EOF while parsing a value" => {
            Some("the file ends where a value was expected; is it cut short?")
        }
        "EOF while parsing an object" => {
            Some("the file ends inside an object; expected more fields or a closing `}`")
        }
        "EOF while parsing a list" => {
            Some("the file ends inside a list; expected more items or a closing `]`")
        }
        "EOF while parsing a string" => {
            Some("the file ends inside a string; expected a closing `\"`")
        }
        "trailing comma" => Some(
            "trailing comma: JSON allows no comma after the last item of a list or object; \
             expected a value after it, or remove it",
        ),
        "trailing characters" => {
            Some("unexpected text after the end of the corpus object; expected the end of the file")
        }
        "recursion limit exceeded" => Some(
            "the JSON nests too deeply (over 128 levels); expected a corpus object, which nests \
             only a few levels",
        ),
        "expected value" => {
            Some("expected a JSON value (a string, number, object, list, true, false or null)")
        }
        "key must be a string" => Some("expected a field name in double quotes"),
        _ => None,
    };
    if let Some(fixed) = fixed {
        return fixed.to_string();
    }
    let mut out = message
        .replace("invalid type: map", "invalid type: object")
        .replace("invalid type: sequence", "invalid type: list")
        .replace("expected a sequence", "expected a list")
        .replace(
            "expected u32",
            "expected a whole number from 0 to 4294967295",
        )
        .replace("invalid value: integer", "invalid value: number");
    if let Some(at) = out.find("expected struct ") {
        let name = &out[at + "expected struct ".len()..];
        let noun = match name {
            "Corpus" => format!("a corpus object {{\"format\": \"{FORMAT}\", …}}"),
            other => format!("an object ({other})"),
        };
        out = format!("{}expected {noun}", &out[..at]);
    }
    if (path.is_empty() || path == ".") && out.starts_with("invalid type") {
        out.push_str(" at the top level of the file");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::problem::Location;

    /// A corpus with more topics than [`PARALLEL_ITEMS`], some written decomposed: the
    /// parallel normalisation leaves every string as the one-by-one one does.
    #[test]
    fn a_long_list_is_normalised_in_parallel_as_one_by_one() {
        use unicode_normalization::UnicodeNormalization;
        let topics: Vec<String> = (0..PARALLEL_ITEMS + 10)
            .map(|i| {
                let label = if i % 3 == 0 {
                    format!("Cafe\u{301} {i} \u{1100}\u{1161}")
                } else {
                    format!("Topic {i} 사이버")
                };
                serde_json::json!({"id": format!("t-{i}"), "label": label}).to_string()
            })
            .collect();
        let text = format!(
            "{{\"format\": \"{FORMAT}\", \"topics\": [{}]}}",
            topics.join(",")
        );
        let corpus = parse_str(&text, "t.json").expect("parses");
        assert_eq!(corpus.topics.len(), PARALLEL_ITEMS + 10);
        for (i, t) in corpus.topics.iter().enumerate() {
            let written = if i % 3 == 0 {
                format!("Cafe\u{301} {i} \u{1100}\u{1161}")
            } else {
                format!("Topic {i} 사이버")
            };
            assert_eq!(t.label, written.nfc().collect::<String>(), "topic {i}");
        }
        assert_eq!(corpus.topics[0].label, "Café 0 가");
    }

    /// A parsed list of one item holds room for one (serde alone gives it room for four: see
    /// `strict`), and the record lists hold no spare room.
    #[test]
    fn parsed_lists_hold_no_spare_room() {
        fn one_item<T>(list: &[T], capacity: usize, found: &mut usize) {
            if list.len() == 1 {
                assert_eq!(capacity, 1);
                *found += 1;
            }
        }
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/small/records.json"
        );
        let text = std::fs::read_to_string(path).expect("the fixture reads");
        let corpus = parse_str(&text, "records.json").expect("it parses");
        let mut found = 0;
        for m in &corpus.meetings {
            one_item(&m.date.cite, m.date.cite.capacity(), &mut found);
            one_item(&m.accounts, m.accounts.capacity(), &mut found);
            for t in &m.topics {
                one_item(&t.cite, t.cite.capacity(), &mut found);
            }
        }
        assert!(found > 4, "the fixture has lists of one item: {found}");
        assert_eq!(corpus.meetings.capacity(), corpus.meetings.len());
        assert_eq!(corpus.people.capacity(), corpus.people.len());
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        // `x` is the 16th character of the line but its 20th byte.
        let p = parse_str("{\"title\": \"한국\" x}", "f.json").unwrap_err();
        assert_eq!(
            p.location,
            Location::Position {
                line: 1,
                column: 16
            },
            "{p}"
        );
    }

    #[test]
    fn top_level_list_says_what_was_expected() {
        let p = parse_str("42", "f.json").unwrap_err();
        assert!(p.message.contains("expected a corpus object"), "{p}");
        assert!(p.message.contains("top level"), "{p}");
    }
}
