//! The small fixture corpus (`tests/fixtures/small/`): invented records that tests can pin down
//! exactly, so that the built-in record can grow without breaking them. Its shape: four
//! meetings in two series (dates of year, month and day precision, one inferred), one meeting
//! reported by two accounts that differ, mentioned and planned events, organisations with
//! acronyms, aliases and parents, people with roles, topics with parents.

#![allow(dead_code)] // Helpers serve several suites; each suite uses a subset.

use std::path::Path;

use entente::corpus::{LoadedCorpus, load_path};

/// The fixture directory, as the binary's `--corpus` takes it.
pub const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/small");

/// The meeting the browser opens on: the latest reported one, with an EU and a ROK account.
pub const LATEST: &str = "data-dialogue-3";

/// The fixture, loaded and validated as `--corpus` would load it.
pub fn load() -> LoadedCorpus {
    load_path(Path::new(DIR)).unwrap_or_else(|p| panic!("the fixture corpus loads: {p:?}"))
}

/// The fixture with Korean titles and places: a copy in a temporary directory in which every
/// meeting's short title and every event's title is a long Korean one and every Brussels is
/// 브뤼셀, for tests of widths (Hangul takes two columns). Dropping the directory removes it.
pub fn korean_titles() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let records = std::fs::read_to_string(Path::new(DIR).join("records.json"))
        .expect("the fixture's records");
    let mut v: serde_json::Value = serde_json::from_str(&records).expect("the records parse");
    let korean = [
        "제1차 한-EU 데이터 대화: 데이터 거버넌스와 국경 간 데이터 이전 협의",
        "제2차 한-EU 데이터 대화",
        "제1차 한-EU 표준 협의회 (디지털 파트너십 협의회와 함께 개최)",
        "제3차 한-EU 데이터 대화: 사이버 복원력과 인공지능 신뢰성 논의",
    ];
    let meetings = v["meetings"].as_array_mut().expect("meetings");
    for (m, title) in meetings.iter_mut().zip(korean.iter().cycle()) {
        m["short_title"] = (*title).into();
    }
    let events = v["events"].as_array_mut().expect("events");
    for e in events.iter_mut() {
        e["title"] = "데이터센터 복원력에 관한 공동 워크숍 및 후속 실무 회의 계획".into();
    }
    let text = serde_json::to_string_pretty(&v)
        .expect("the records serialise")
        .replace("\"Brussels\"", "\"브뤼셀\"");
    std::fs::write(dir.path().join("records.json"), text).expect("records written");
    std::fs::copy(
        Path::new(DIR).join("sources.json"),
        dir.path().join("sources.json"),
    )
    .expect("sources copied");
    dir
}
