//! Synthetic corpora through the real binary: `entente check` accepts the generated 1k corpus,
//! and `entente find --corpus` answers the same from its candidates cache as from the corpus,
//! rebuilding the cache when it is stale or damaged.

use std::path::Path;
use std::process::{Output, Stdio};

use entente::synth::{Spec, candidate_lines, generate};

fn entente(args: &[&str], cache: &Path) -> Output {
    crate::support::bin::command()
        .args(args)
        .env("XDG_CACHE_HOME", cache)
        .env_remove("ENTENTE_NO_CACHE")
        .stdin(Stdio::null())
        .output()
        .expect("the entente binary runs")
}

fn text(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn cache_files(cache: &Path) -> Vec<std::path::PathBuf> {
    std::fs::read_dir(cache.join("entente"))
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default()
}

#[test]
fn check_accepts_the_synthetic_1k_corpus() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = generate(Spec::with_candidates(1_000));
    assert!((950..=1_050).contains(&candidate_lines(&corpus).len()));
    let path = dir.path().join("corpus.json");
    std::fs::write(&path, serde_json::to_string(&corpus).unwrap()).unwrap();
    let o = entente(&["check", path.to_str().unwrap()], dir.path());
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}{}",
        text(&o),
        String::from_utf8_lossy(&o.stderr)
    );
}

#[test]
fn find_answers_alike_from_the_cache_and_rebuilds_a_stale_or_damaged_one() {
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache");
    let mut corpus = generate(Spec::with_candidates(300));
    let path = dir.path().join("corpus.json");
    std::fs::write(&path, serde_json::to_string(&corpus).unwrap()).unwrap();
    let p = path.to_str().unwrap();
    let args = ["--corpus", p, "find", "--limit", "0", "cyber"];

    let cold = entente(&args, &cache);
    assert_eq!(cold.status.code(), Some(0));
    assert!(text(&cold).lines().count() > 3, "{}", text(&cold));
    let files = cache_files(&cache);
    assert_eq!(files.len(), 1, "one cache entry: {files:?}");
    let warm = entente(&args, &cache);
    assert_eq!(
        text(&warm),
        text(&cold),
        "the cache answers as the corpus does"
    );

    // Damaged: the answer is the same, and the entry is rewritten.
    let mut bytes = std::fs::read(&files[0]).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x20;
    std::fs::write(&files[0], &bytes).unwrap();
    assert_eq!(text(&entente(&args, &cache)), text(&cold));
    assert_ne!(std::fs::read(&files[0]).unwrap(), bytes, "rebuilt");

    // Stale: a renamed organisation is found under its new name (the size changes too).
    corpus.organisations[0].name = "Zyxwv Cyber Quango".into();
    std::fs::write(&path, serde_json::to_string(&corpus).unwrap()).unwrap();
    let renamed = entente(&["--corpus", p, "find", "zyxwv"], &cache);
    assert_eq!(renamed.status.code(), Some(0), "{}", text(&renamed));
    assert!(
        text(&renamed).contains("Zyxwv Cyber Quango"),
        "{}",
        text(&renamed)
    );

    // Invalid now: the error is reported, not hidden by the old cache entry.
    std::fs::write(&path, "{\"format\": 1}").unwrap();
    let broken = entente(&args, &cache);
    assert_eq!(broken.status.code(), Some(2), "{}", text(&broken));
}
