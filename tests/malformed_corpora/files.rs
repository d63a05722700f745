//! Whole-file problems: missing paths, empty directories and files, bad encodings, the size cap;
//! and the valid fixture itself, which must load.

use entente::corpus::load::MAX_FILE_BYTES;
use entente::corpus::problem::Location;
use entente::corpus::{load_path, parse_str};

use super::fixture::{file_name, malformed, position, problems, says, valid_dir, write_dir};

#[test]
fn the_valid_fixture_loads_with_every_record_and_its_origin() {
    let loaded = load_path(&valid_dir()).expect("valid fixture loads");
    let c = &loaded.corpus;
    assert_eq!(c.sources.len(), 2);
    assert_eq!(c.meetings.len(), 1);
    assert_eq!(c.events.len(), 2);
    assert_eq!(c.organisations.len(), 5);
    assert_eq!(c.people.len(), 2);
    assert_eq!(c.topics.len(), 3);
    assert_eq!(c.title.as_deref(), Some("Test corpus"));
    let origin = loaded.origins.get("ncsc").unwrap_or("");
    assert!(origin.ends_with("records.json"), "{origin}");
    let origin = loaded.origins.get("mofa-7th").unwrap_or("");
    assert!(origin.ends_with("sources.json"), "{origin}");
}

#[test]
fn a_path_that_does_not_exist_says_so_and_what_to_pass() {
    let dir = tempfile::tempdir().expect("tempdir");
    let missing = dir.path().join("nowhere.json");
    let ps = problems(&missing);
    assert_eq!(ps.len(), 1);
    assert_eq!(ps[0].location, Location::File);
    assert_eq!(file_name(&ps[0]), "nowhere.json");
    says(
        &ps[0],
        &[
            "no such file or directory",
            "expected a corpus file (*.json)",
        ],
    );
}

#[test]
fn a_directory_without_json_files_is_an_error() {
    let dir = write_dir(&[("notes.txt", "not a corpus")]);
    let ps = problems(dir.path());
    assert_eq!(ps.len(), 1);
    assert_eq!(ps[0].location, Location::File);
    assert_eq!(
        ps[0].file.as_deref(),
        Some(&*dir.path().display().to_string())
    );
    says(
        &ps[0],
        &["holds no *.json file", "expected one or more corpus files"],
    );
}

#[test]
fn an_empty_file_is_an_error_naming_the_file() {
    let ps = problems(&malformed("empty.json"));
    assert_eq!(ps.len(), 1);
    assert_eq!(ps[0].location, Location::File);
    assert_eq!(file_name(&ps[0]), "empty.json");
    says(&ps[0], &["the file is empty", "expected a JSON object"]);
}

#[test]
fn a_whitespace_only_file_is_an_error() {
    let ps = problems(&malformed("whitespace.json"));
    assert_eq!(ps.len(), 1);
    assert_eq!(file_name(&ps[0]), "whitespace.json");
    says(&ps[0], &["only whitespace", "expected a JSON object"]);
}

#[test]
fn invalid_utf8_gives_the_byte_offset_and_line_column() {
    let ps = problems(&malformed("invalid_utf8.json"));
    assert_eq!(ps.len(), 1);
    // Line 3 is `  "title": "caf\xe9"`: the bad byte follows `caf`, the 16th character.
    assert_eq!(position(&ps[0]), ("invalid_utf8.json".into(), 3, 16));
    let bytes = std::fs::read(malformed("invalid_utf8.json")).expect("fixture");
    let offset = bytes.iter().position(|b| *b == 0xe9).expect("bad byte");
    says(
        &ps[0],
        &["not valid UTF-8", &format!("byte offset {offset}"), "0xe9"],
    );
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let loaded = load_path(&malformed("bom.json")).expect("BOM accepted");
    assert_eq!(loaded.corpus.title.as_deref(), Some("With a BOM"));
}

#[test]
fn a_file_over_the_size_cap_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("huge.json");
    let file = std::fs::File::create(&path).expect("create");
    // A sparse file: as large as the cap says, without writing 256 MiB.
    file.set_len(MAX_FILE_BYTES + 1).expect("set_len");
    let ps = problems(&path);
    assert_eq!(ps.len(), 1);
    assert_eq!(ps[0].location, Location::File);
    assert_eq!(file_name(&ps[0]), "huge.json");
    says(&ps[0], &["over the limit of 256 MiB", "split the corpus"]);
}

#[test]
fn text_is_nfc_normalised_on_load() {
    // "한국" written as decomposed jamo (NFD) must come out composed (NFC).
    let nfd = "\u{1112}\u{1161}\u{11ab}\u{1100}\u{116e}\u{11a8}";
    let text = format!(r#"{{"format": "entente-corpus/1", "title": "{nfd}"}}"#);
    let corpus = parse_str(&text, "nfd.json").expect("parses");
    assert_eq!(corpus.title.as_deref(), Some("한국"));
    assert_ne!(nfd, "한국");
}

#[test]
fn a_wrong_format_tag_is_reported() {
    let dir = write_dir(&[("a.json", r#"{"format": "entente-corpus/2"}"#)]);
    let ps = problems(dir.path());
    assert_eq!(ps.len(), 1);
    assert_eq!(
        ps[0].location,
        Location::Field {
            record: "corpus".into(),
            field: "format".into()
        }
    );
    says(
        &ps[0],
        &[
            "unknown format `entente-corpus/2`",
            "expected `entente-corpus/1`",
        ],
    );
}
