//! Loading at scale: parse + validate, the index, the finder's candidates and the candidates
//! cache, and full-text search, on synthetic corpora of 1k, 10k and 100k finder candidates
//! (`entente::synth`, deterministic), plus the built-in corpus.
//!
//! `entente find` on 100k candidates must take at most half of `fzf --filter`'s wall time
//! (issue 5); these parts show where its time goes. `scripts/compare-fzf.sh` measures the
//! whole command beside fzf.

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use entente::corpus::builtin;
use entente::corpus::load::{merge_and_validate, parse_str};
use entente::index::Index;
use entente::search::fulltext::TextIndex;
use entente::search::fuzzy::{FinderIndex, Store, candidates_from};
use entente::synth::{Spec, generate};

const SIZES: [usize; 3] = [1_000, 10_000, 100_000];

fn bench_load(c: &mut Criterion) {
    let mut group = c.benchmark_group("load");
    // What a start on the built-in corpus alone does (decode and merge, no validation) beside
    // what it did before (decode, validate, merge).
    group.bench_function("builtin/load", |b| {
        b.iter(|| black_box(builtin::load().expect("built-in")))
    });
    group.bench_function("builtin/load+validate", |b| {
        b.iter(|| black_box(merge_and_validate(builtin::files().expect("decodes")).expect("valid")))
    });
    // What a start on the built-in corpus does (decode the form build.rs embeds) beside what
    // it did before (parse the JSON of every file, NFC included).
    group.bench_function("builtin/decode", |b| {
        b.iter(|| black_box(builtin::files().expect("decodes")))
    });
    group.bench_function("builtin/parse-json", |b| {
        b.iter(|| {
            for (name, text) in builtin::FILES {
                black_box(parse_str(text, name).expect("parses"));
            }
        })
    });
    for n in SIZES {
        let corpus = generate(Spec::with_candidates(n));
        let json = serde_json::to_string(&corpus).expect("serialise");
        group.bench_function(BenchmarkId::new("parse", n), |b| {
            b.iter(|| black_box(parse_str(&json, "synth.json").expect("parses")))
        });
        group.bench_function(BenchmarkId::new("validate", n), |b| {
            b.iter_batched(
                || vec![("synth.json".to_string(), corpus.clone())],
                |files| black_box(merge_and_validate(files).expect("valid")),
                criterion::BatchSize::LargeInput,
            )
        });
        group.bench_function(BenchmarkId::new("index", n), |b| {
            b.iter(|| black_box(Index::build(&corpus)))
        });
        group.bench_function(BenchmarkId::new("candidates", n), |b| {
            b.iter(|| black_box(candidates_from(&corpus)))
        });
        let candidates = candidates_from(&corpus);
        // What a cache hit costs beyond reading the file: opening the index (header checks).
        let cached = FinderIndex::build_keyed(&candidates, b"key");
        group.bench_function(BenchmarkId::new("cache-open", n), |b| {
            b.iter(|| {
                let store = Store::from_bytes(cached.bytes());
                black_box(FinderIndex::open(store, b"key").expect("opens"))
            })
        });
        group.bench_function(BenchmarkId::new("finder-build", n), |b| {
            b.iter_batched(
                || candidates.clone(),
                |c| black_box(FinderIndex::build(&c)),
                criterion::BatchSize::LargeInput,
            )
        });
        let text = TextIndex::new(&corpus);
        group.bench_function(BenchmarkId::new("fulltext-search", n), |b| {
            b.iter(|| black_box(text.search("ransomware")))
        });
    }
    group.finish();
}

fn config() -> Criterion {
    // 2 cores shared with other work: few, short samples; the 100k parts take seconds.
    Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(100))
        .measurement_time(Duration::from_secs(2))
}

criterion_group! {
    name = benches;
    config = config();
    targets = bench_load
}
criterion_main!(benches);
