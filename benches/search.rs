//! Search costs that grow with the corpus or with one long text: `entente search --limit 0`
//! over 10k, 50k and 100k synthetic meetings (every hit printed, so a per-hit scan would
//! show as quadratic growth), the finder on a key of 1 MB with a 64-character query, and `/`
//! search typed into one 10 MB paragraph.
//!
//! Run: `cargo bench --bench search`; the figures are in BENCHMARKS.md.

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use entente::cli::{self, Command, Library};
use entente::corpus::LoadedCorpus;
use entente::search::fulltext::{TextSearch, find_in};
use entente::search::fuzzy::{Candidate, FinderIndex, Kind, Query};
use entente::synth::{Spec, generate};

fn bench_search_all_hits(c: &mut Criterion) {
    let mut group = c.benchmark_group("search_limit_0");
    for meetings in [10_000, 50_000, 100_000] {
        // About 30% of synthetic candidates are meetings.
        let corpus = generate(Spec::with_candidates(meetings * 10 / 3));
        let library = Library::new(LoadedCorpus {
            corpus,
            origins: Default::default(),
        });
        let command = Command::Search {
            text: "cyber".into(),
            limit: 0,
        };
        group.bench_with_input(BenchmarkId::from_parameter(meetings), &library, |b, lib| {
            b.iter(|| {
                cli::run(&command, false, lib, &mut std::io::sink()).expect("search runs");
            });
        });
    }
    group.finish();
}

fn bench_long_key(c: &mut Criterion) {
    let unit = "cyber dialogue policy council ";
    let alias = unit.repeat(1024 * 1024 / unit.len());
    let finder = FinderIndex::build(&[Candidate {
        kind: Kind::Organisation,
        id: "long".into(),
        label: "Long".into(),
        keys: vec!["Long".into(), alias],
        detail: String::new(),
    }]);
    let typed: String = "cyberdialoguepolicycouncil"
        .repeat(3)
        .chars()
        .take(64)
        .collect();
    let query = Query::parse(&typed);
    c.bench_function("finder_1mb_key_64_char_query", |b| {
        b.iter(|| black_box(finder.search(&query, 50)));
    });
}

fn bench_big_paragraph(c: &mut Criterion) {
    let unit = "The delegations discussed cyber policy and capacity building. ";
    let paragraph = unit.repeat(10 * 1024 * 1024 / unit.len());
    // Typing "capacity" after `/`: the whole text searched afresh at every key, as the Text
    // tab did, against one prepared text refined key by key (its first key is a full scan).
    let typed = "capacity";
    let mut group = c.benchmark_group("slash_search_10mb_paragraph_typing_8_keys");
    group.bench_function("find_in_per_key", |b| {
        b.iter(|| {
            for end in 1..=typed.len() {
                black_box(find_in(&paragraph, &typed[..end]));
            }
        });
    });
    // Folding the text happens once, at the first key on a source.
    group.bench_function("text_search_prepare", |b| {
        b.iter(|| black_box(TextSearch::new(&paragraph)));
    });
    let mut prepared = TextSearch::new(&paragraph);
    group.bench_function("text_search_refined", |b| {
        b.iter(|| {
            // An empty query forgets the previous one: each iteration types from scratch.
            prepared.find("");
            for end in 1..=typed.len() {
                black_box(prepared.find(&typed[..end]));
            }
        });
    });
    group.finish();
}

fn config() -> Criterion {
    // 2 cores shared with other work: short, repeated samples rather than long runs.
    Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(2))
}

criterion_group! {
    name = benches;
    config = config();
    targets = bench_search_all_hits, bench_long_key, bench_big_paragraph
}
criterion_main!(benches);
