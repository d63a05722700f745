//! Finder latency per keystroke: typing "european cyber" one character at a time over 1k, 10k
//! and 100k synthetic candidates, with a fresh search per keystroke and with a `Session`.
//! Also the finder index at 100k: building it (from candidates, and from a corpus as the
//! browser does, `build/`), opening a cache file of it by reading it into
//! one buffer or by mapping it (`index/open-*`), and selective queries that the `memchr`
//! prefilter answers without looking at most keys (`index/search`).
//!
//! The target (DESIGN.md): every keystroke within one 16 ms frame at 100k candidates.
//! Candidates come from `entente::synth::finder_candidates` (deterministic), shaped like the
//! real ones: organisation names with acronyms and aliases, people (some with Korean names),
//! meetings, topics, places; about three keys each, 10–60 characters.

use std::hint::black_box;
use std::time::Duration;

use criterion::{BatchSize, BenchmarkId, Criterion, criterion_group, criterion_main};
use entente::search::fuzzy::{FinderIndex, Query, Session, Store, candidates_from};
use entente::synth::finder_candidates;

const TYPED: &str = "european cyber";
const SIZES: [usize; 3] = [1_000, 10_000, 100_000];
const LIMIT: usize = 50;

/// "e", "eu", "eur", … "european cyber".
fn keystrokes() -> Vec<String> {
    TYPED
        .char_indices()
        .map(|(i, c)| TYPED[..i + c.len_utf8()].to_owned())
        .collect()
}

fn bench_keystrokes(c: &mut Criterion) {
    for n in SIZES {
        let finder = FinderIndex::build(&finder_candidates(n));
        let typed = keystrokes();

        let mut fresh = c.benchmark_group(format!("fresh/{n}"));
        for text in &typed {
            let q = Query::parse(text);
            fresh.bench_with_input(BenchmarkId::from_parameter(text), &q, |b, q| {
                b.iter(|| black_box(finder.search(q, LIMIT)))
            });
        }
        fresh.finish();

        let mut session = c.benchmark_group(format!("session/{n}"));
        for (k, text) in typed.iter().enumerate() {
            let q = Query::parse(text);
            let before = k.checked_sub(1).map(|p| Query::parse(&typed[p]));
            session.bench_with_input(BenchmarkId::from_parameter(text), &q, |b, q| {
                b.iter_batched(
                    || {
                        // Untimed: the session as it stands after the previous keystroke.
                        let mut s = Session::new();
                        if let Some(prev) = &before {
                            s.search(&finder, prev, LIMIT);
                        }
                        s
                    },
                    |mut s| black_box(s.search(&finder, q, LIMIT)),
                    BatchSize::SmallInput,
                )
            });
        }
        session.finish();
    }
}

fn bench_typing(c: &mut Criterion) {
    let mut group = c.benchmark_group("type-all-14-keys");
    for n in SIZES {
        let finder = FinderIndex::build(&finder_candidates(n));
        let queries: Vec<Query> = keystrokes().iter().map(|t| Query::parse(t)).collect();
        group.bench_function(BenchmarkId::new("fresh", n), |b| {
            b.iter(|| {
                for q in &queries {
                    black_box(finder.search(q, LIMIT));
                }
            })
        });
        group.bench_function(BenchmarkId::new("session", n), |b| {
            b.iter(|| {
                let mut s = Session::new();
                for q in &queries {
                    black_box(s.search(&finder, q, LIMIT));
                }
            })
        });
    }
    group.finish();
}

/// The browser's finder made from a 100k corpus: the candidates listed, then indexed (as
/// `find` does), beside the same index made a part at a time (`build_from_corpus`, which
/// never holds every candidate).
fn bench_build(c: &mut Criterion) {
    let corpus = entente::synth::generate(entente::synth::Spec::with_candidates(100_000));
    let mut group = c.benchmark_group("build");
    group.bench_function("candidates-then-index/100000", |b| {
        b.iter(|| black_box(FinderIndex::build(&candidates_from(&corpus))))
    });
    group.bench_function("from-corpus/100000", |b| {
        b.iter(|| black_box(FinderIndex::build_from_corpus(&corpus, b"")))
    });
    group.finish();
}

fn bench_index(c: &mut Criterion) {
    let candidates = finder_candidates(100_000);
    let mut group = c.benchmark_group("index");
    group.bench_function("build/100000", |b| {
        b.iter(|| black_box(FinderIndex::build(&candidates)))
    });
    let index = FinderIndex::build_keyed(&candidates, b"key");
    let dir = tempfile::tempdir().expect("a temporary directory");
    let file = dir.path().join("index.bin");
    std::fs::write(&file, index.bytes()).expect("written");
    let len = index.bytes().len();
    println!("index of 100000 candidates: {len} bytes");
    group.bench_function("open-read/100000", |b| {
        b.iter(|| {
            let mut f = std::fs::File::open(&file).expect("opens");
            let store = Store::read(&mut f, len).expect("reads");
            black_box(FinderIndex::open(store, b"key").expect("an index"))
        })
    });
    group.bench_function("open-map/100000", |b| {
        b.iter(|| {
            let f = std::fs::File::open(&file).expect("opens");
            let store = Store::map(&f).expect("maps");
            black_box(FinderIndex::open(store, b"key").expect("an index"))
        })
    });
    for text in [
        "zzqxj",
        "national cyber security agency",
        "cyber european",
        "eu",
    ] {
        let q = Query::parse(text);
        group.bench_with_input(BenchmarkId::new("search/100000", text), &q, |b, q| {
            b.iter(|| black_box(index.search_unhighlighted(q, usize::MAX)))
        });
    }
    group.finish();
}

fn config() -> Criterion {
    // 2 cores shared with other work: short, repeated samples rather than long runs.
    Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(1))
}

criterion_group! {
    name = benches;
    config = config();
    targets = bench_keystrokes, bench_typing, bench_build, bench_index
}
criterion_main!(benches);
