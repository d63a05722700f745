//! Property tests: arbitrary bytes, and arbitrary mutations of a valid corpus file, never panic
//! the loader; they load or give problems that each name a file.

use entente::corpus::load::{merge_and_validate, parse_bytes};
use entente::corpus::{load_path, parse_str};
use proptest::prelude::*;

use super::fixture::read_valid;

/// Parses and validates one file's bytes as the loader does, checking the problems' shape.
fn load_bytes(bytes: &[u8]) -> Result<(), TestCaseError> {
    match parse_bytes(bytes, "fuzz.json") {
        Err(problem) => {
            prop_assert_eq!(problem.file.as_deref(), Some("fuzz.json"));
            prop_assert!(!problem.message.is_empty());
        }
        Ok(corpus) => {
            if let Err(problems) = merge_and_validate(vec![("fuzz.json".into(), corpus)]) {
                prop_assert!(!problems.0.is_empty());
                for p in &problems.0 {
                    prop_assert!(!p.message.is_empty());
                }
            }
        }
    }
    Ok(())
}

#[derive(Debug, Clone)]
enum Mutation {
    Delete { at: usize, len: usize },
    Insert { at: usize, text: String },
    Replace { at: usize, byte: u8 },
}

fn apply(base: &[u8], mutations: &[Mutation]) -> Vec<u8> {
    let mut bytes = base.to_vec();
    for m in mutations {
        let n = bytes.len().max(1);
        match m {
            Mutation::Delete { at, len } => {
                let start = at % n;
                let end = (start + len).min(bytes.len());
                bytes.drain(start.min(bytes.len())..end);
            }
            Mutation::Insert { at, text } => {
                let at = (at % n).min(bytes.len());
                bytes.splice(at..at, text.bytes());
            }
            Mutation::Replace { at, byte } => {
                if !bytes.is_empty() {
                    let at = at % bytes.len();
                    bytes[at] = *byte;
                }
            }
        }
    }
    bytes
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), 1usize..40).prop_map(|(at, len)| Mutation::Delete { at, len }),
        (
            any::<usize>(),
            prop_oneof![
                Just("\"".to_string()),
                Just(",".to_string()),
                Just("[".to_string()),
                Just("{}".to_string()),
                Just("null".to_string()),
                Just("\"paragraph\": 0".to_string()),
                Just("한".to_string()),
                "[ -~]{0,8}",
            ]
        )
            .prop_map(|(at, text)| Mutation::Insert { at, text }),
        (any::<usize>(), any::<u8>()).prop_map(|(at, byte)| Mutation::Replace { at, byte }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        load_bytes(&bytes)?;
        let _ = parse_str(&String::from_utf8_lossy(&bytes), "lossy.json");
    }

    #[test]
    fn mutations_of_a_valid_file_never_panic(
        mutations in proptest::collection::vec(mutation(), 1..6),
        which in 0usize..2,
    ) {
        let name = ["records.json", "sources.json"][which];
        let bytes = apply(read_valid(name).as_bytes(), &mutations);
        load_bytes(&bytes)?;
    }
}

proptest! {
    // Through the file system too, a few cases (each writes a directory).
    #![proptest_config(ProptestConfig { cases: 40, ..ProptestConfig::default() })]

    #[test]
    fn mutated_directories_load_or_report_problems_naming_files(
        mutations in proptest::collection::vec(mutation(), 1..4),
    ) {
        let dir = tempfile::tempdir().expect("tempdir");
        let bytes = apply(read_valid("records.json").as_bytes(), &mutations);
        std::fs::write(dir.path().join("records.json"), &bytes).expect("write");
        std::fs::write(dir.path().join("sources.json"), read_valid("sources.json")).expect("write");
        if let Err(problems) = load_path(dir.path()) {
            prop_assert!(!problems.0.is_empty());
            for p in &problems.0 {
                prop_assert!(p.file.is_some(), "{}", p);
            }
        }
    }
}
