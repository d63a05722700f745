//! Fuzz target `load`: the parse + validate path of the corpus loader, over one to three files.
//!
//! The input is split at NUL bytes (which valid JSON never contains) into up to three files, so
//! the fuzzer also reaches merging: ids duplicated across files, references between files, and
//! the partial validation that runs when some files fail to parse. Any panic is a bug.

#![no_main]

use entente::corpus::load::{merge_and_validate, parse_bytes};
use entente::corpus::validate::{Scope, validate};

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let mut files = Vec::new();
    let mut failed = 0;
    for (i, part) in data.splitn(3, |b| *b == 0).enumerate() {
        let name = format!("fuzz-{i}.json");
        match parse_bytes(part, &name) {
            Ok(corpus) => files.push((name, corpus)),
            Err(problem) => {
                assert!(!problem.message.is_empty());
                failed += 1;
            }
        }
    }
    if failed == 0 {
        if let Err(problems) = merge_and_validate(files) {
            assert!(!problems.0.is_empty());
            let _ = problems.to_string();
        }
    } else {
        for problem in validate(&files, Scope::Partial) {
            let _ = problem.to_string();
        }
    }
});
