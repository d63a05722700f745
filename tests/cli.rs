//! The real binary, run for every subcommand in text and JSON: content and exit codes.
//!
//! Content is checked on the small fixture corpus (`--corpus tests/fixtures/small`), whose every
//! record a test may name. The built-in corpus gets one smoke test per subcommand, asserting only
//! what stays true when a meeting is added to it (counts and ids taken from the corpus itself).

use std::process::{Output, Stdio};

use entente::corpus::{LoadedCorpus, builtin};
use serde_json::{Value, json};
use unicode_width::UnicodeWidthStr;

use crate::support::fixture;

fn entente(args: &[&str]) -> Output {
    crate::support::bin::command()
        .args(args)
        .env_remove("NO_COLOR")
        // A test never writes to the user's cache directory.
        .env("ENTENTE_NO_CACHE", "1")
        .stdin(Stdio::null())
        .output()
        .expect("the entente binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("stderr is UTF-8")
}

/// Runs the binary on the fixture corpus.
fn on_fixture(args: &[&str]) -> Output {
    let mut all = vec!["--corpus", fixture::DIR];
    all.extend_from_slice(args);
    entente(&all)
}

/// Runs `args --json` and parses stdout; returns it with the exit code.
fn json(args: &[&str]) -> (Value, i32) {
    let mut all = args.to_vec();
    all.push("--json");
    let o = entente(&all);
    let v = serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("{args:?} --json is not JSON ({e}): {}", stdout(&o)));
    (v, o.status.code().unwrap_or(-1))
}

/// [`json`] on the fixture corpus.
fn fixture_json(args: &[&str]) -> (Value, i32) {
    let mut all = vec!["--corpus", fixture::DIR];
    all.extend_from_slice(args);
    json(&all)
}

/// Runs `args` on the fixture corpus; returns stdout and the exit code.
fn fixture_text(args: &[&str]) -> (String, i32) {
    let o = on_fixture(args);
    (stdout(&o), o.status.code().unwrap_or(-1))
}

fn ids_of(items: &Value) -> Vec<&str> {
    items
        .as_array()
        .expect("a list")
        .iter()
        .map(|i| i["id"].as_str().expect("an id"))
        .collect()
}

/// Every line within 80 terminal columns (display width: Hangul takes two).
fn assert_within_80_columns(text: &str) {
    for line in text.lines() {
        assert!(line.width() <= 80, "too wide: {line:?}");
    }
}

fn builtin() -> LoadedCorpus {
    builtin::load().expect("the built-in corpus loads")
}

#[test]
fn list_prints_the_four_meetings_in_date_order_within_80_columns() {
    let o = on_fixture(&["list", "--kind", "meeting"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    let ids: Vec<&str> = text
        .lines()
        .filter_map(|l| l.split_whitespace().last())
        .collect();
    assert_eq!(
        ids,
        [
            "data-dialogue-1",
            "data-dialogue-2",
            "standards-council-1",
            "data-dialogue-3"
        ]
    );
    assert_within_80_columns(&text);
    // Dates as precise as the record: a year, a month, a day.
    for line in ["2018 ", "2020-03 ", "2024-06-11 "] {
        assert!(
            text.lines().any(|l| l.starts_with(line)),
            "{line:?}: {text}"
        );
    }
    assert!(
        text.contains("2022-10-04*"),
        "inferred year is marked: {text}"
    );
}

/// Korean titles are cut and padded by display columns: no line of `list` passes 80 columns,
/// every row is cut or padded to the same width, and the ids stay whole at the end.
#[test]
fn list_with_korean_titles_stays_within_80_columns() {
    let dir = fixture::korean_titles();
    let corpus = dir.path().to_str().expect("a UTF-8 path");
    let o = entente(&["--corpus", corpus, "list"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    assert_within_80_columns(&text);
    let rows: Vec<&str> = text.lines().collect();
    assert_eq!(rows.len(), 8, "{text}");
    assert!(text.contains("제2차 한-EU 데이터 대화 — virtual"), "{text}");
    assert!(text.contains('…'), "long titles are cut: {text}");
    let ids: Vec<&str> = rows
        .iter()
        .filter_map(|l| l.split_whitespace().last())
        .collect();
    assert!(ids.contains(&"data-dialogue-3") && ids.contains(&"standards-council-2"));
    // The ids form one column: each starts where the longest one makes a row 80 wide.
    let id_column = 80 - ids.iter().map(|id| id.len()).max().unwrap_or(0);
    for (row, id) in rows.iter().zip(&ids) {
        assert_eq!(row.width() - id.len(), id_column, "{row:?}");
    }
}

#[test]
fn list_json_has_every_entry_with_dates_and_kinds() {
    let (v, code) = fixture_json(&["list"]);
    assert_eq!(code, 0);
    let items = v["items"].as_array().expect("items");
    assert_eq!(v["count"].as_u64(), Some(items.len() as u64));
    assert_eq!(v["total"], v["count"]);
    assert_eq!(items.len(), 8, "four meetings and four events");
    let third = items
        .iter()
        .find(|i| i["id"] == "data-dialogue-3")
        .expect("the 3rd");
    assert_eq!(third["date"], "2024-06-11");
    assert_eq!(third["kind"], "meeting");
    assert_eq!(third["place"], "Seoul");
    assert_eq!(third["format"], "in person");
    let kinds = |kind: &str| -> Vec<&str> {
        items
            .iter()
            .filter(|i| i["kind"] == kind)
            .map(|i| i["id"].as_str().unwrap())
            .collect()
    };
    assert_eq!(
        kinds("planned"),
        [
            "data-dialogue-brussels-2021",
            "data-dialogue-4",
            "standards-council-2"
        ]
    );
    assert_eq!(kinds("mentioned"), ["resilience-workshop-2023"]);
    // The status is computed: the 2021 plan for Brussels was superseded by the 3rd, held in
    // Seoul in 2024; the undated plan stays upcoming; held meetings say so.
    let status_of = |id: &str| {
        items
            .iter()
            .find(|i| i["id"] == id)
            .map(|i| i["status"].clone())
    };
    assert_eq!(
        status_of("data-dialogue-brussels-2021"),
        Some(json!("superseded"))
    );
    assert_eq!(status_of("standards-council-2"), Some(json!("upcoming")));
    assert_eq!(status_of("data-dialogue-3"), Some(json!("held")));
    assert_eq!(
        status_of("resilience-workshop-2023"),
        Some(json!("mentioned"))
    );
}

#[test]
fn list_and_show_mark_a_superseded_plan_as_superseded_never_upcoming() {
    let (text, code) = fixture_text(&["list"]);
    assert_eq!(code, 0);
    let row = text
        .lines()
        .find(|l| l.contains("data-dialogue-brussels-2021"))
        .unwrap_or_else(|| panic!("the 2021 plan is listed: {text}"));
    assert!(row.contains("(superseded) "), "{row}");
    assert!(!row.contains("upcoming"), "{row}");
    let (text, code) = fixture_text(&["show", "data-dialogue-brussels-2021"]);
    assert_eq!(code, 0);
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("superseded by 3rd EU–ROK Data Dialogue (11–12 June 2024, Seoul)"),
        "{text}"
    );
}

#[test]
fn show_gives_a_disagreement_and_a_reference_source_plainly() {
    let (text, code) = fixture_text(&["show", "data-dialogue-2"]);
    assert_eq!(code, 0);
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("March 2020 (News 2020: February 2020) (preferred: official text over news)"),
        "{text}"
    );
    assert!(
        flat.contains(
            "text not in the corpus — see https://news.example/2020/02/second-data-dialogue"
        ),
        "{text}"
    );
    let (text, code) = fixture_text(&["show", "news-data-dialogue-2"]);
    assert_eq!(code, 0);
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains(
            "text not in the corpus — see https://news.example/2020/02/second-data-dialogue"
        ),
        "{text}"
    );
    assert!(flat.contains("Accessed 1 November 2026"), "{text}");
}

#[test]
fn list_filters_by_topic_organisation_year_and_series() {
    let (v, code) = fixture_json(&["list", "--org", "kdsa", "--kind", "meeting"]);
    assert_eq!(code, 0);
    assert_eq!(
        ids_of(&v["items"]),
        ["data-dialogue-2", "data-dialogue-3"],
        "the KDSA took part in the 2nd and 3rd only"
    );

    let (v, _) = fixture_json(&["list", "--topic", "resilience of data centres"]);
    assert_eq!(
        ids_of(&v["items"]),
        [
            "data-dialogue-2",
            "resilience-workshop-2023",
            "data-dialogue-3"
        ],
        "a topic by its alias, events included"
    );

    let (v, _) = fixture_json(&["list", "--year", "2024", "--kind", "meeting"]);
    assert_eq!(v["count"], 1);
    assert_eq!(v["items"][0]["id"], "data-dialogue-3");

    let (v, _) = fixture_json(&["list", "--series", "standards-council", "--kind", "meeting"]);
    assert_eq!(ids_of(&v["items"]), ["standards-council-1"]);
    assert_eq!(v["count"], 1);
}

#[test]
fn list_with_an_unknown_name_says_what_to_try_and_exits_1() {
    let o = on_fixture(&["list", "--topic", "no-such-topic"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("entente find '#no-such-topic'"),
        "{}",
        stderr(&o)
    );
    let (v, code) = fixture_json(&["list", "--year", "1990"]);
    assert_eq!(code, 1, "nothing found");
    assert_eq!(v["count"], 0);
}

#[test]
fn list_takes_a_year_range_in_either_form() {
    let (dots, code) = json(&["list", "--year", "2019..2021"]);
    assert_eq!(code, 0);
    let (dash, _) = json(&["list", "--year", "2019-2021"]);
    assert_eq!(dots["items"], dash["items"]);
    assert_eq!(dots["filter"]["year"], "2019..2021");
    let items = dots["items"].as_array().expect("items");
    assert!(!items.is_empty());
    for item in items {
        let year: u32 = item["date"].as_str().expect("dated")[..4]
            .parse()
            .expect("a year");
        assert!((2019..=2021).contains(&year), "{item}");
    }
}

#[test]
fn a_bad_year_or_an_unknown_series_is_a_usage_error() {
    let o = entente(&["list", "--year", "abc"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("'abc'") && err.contains("2019..2021"), "{err}");

    let o = entente(&["list", "--series", "no-such-series"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("no-such-series") && err.contains("eu-rok-cyber-dialogue"),
        "{err}"
    );
}

#[test]
fn show_a_meeting_gives_heads_with_titles_and_citations() {
    let o = on_fixture(&["show", "data-dialogue-1"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    for expected in [
        "Lukas Varga",
        "Head of the Data Policy Division",
        "LEE Do-yun",
        "Brussels",
        "eu-data-dialogue-1",
        "¶",
    ] {
        assert!(text.contains(expected), "{expected:?}: {text}");
    }
    assert_within_80_columns(&text);
}

#[test]
fn show_explains_an_inferred_year() {
    let text = stdout(&on_fixture(&["show", "standards-council-1"]));
    assert!(text.contains("4 October 2022 (inferred"), "{text}");
    assert!(text.contains("its dateline is 5 October 2022"), "{text}");
    assert!(text.contains("CHOI Ha-eun"), "{text}");
}

#[test]
fn show_json_gives_the_record_and_where_an_organisation_appears() {
    let (v, code) = fixture_json(&["show", "data-dialogue-3"]);
    assert_eq!(code, 0);
    assert_eq!(v["kind"], "meeting");
    assert_eq!(v["record"]["accounts"].as_array().map(Vec::len), Some(2));
    let (found, _) = fixture_json(&["find", "kdsa"]);
    let kdsa = found["matches"][0]["id"].as_str().expect("kdsa id");
    assert_eq!(kdsa, "kdsa");
    let (v, _) = fixture_json(&["show", kdsa]);
    assert_eq!(v["kind"], "organisation");
    assert_eq!(
        ids_of(&v["appears_in"]),
        ["data-dialogue-2", "data-dialogue-3"]
    );
}

#[test]
fn show_an_unknown_id_exits_1_with_a_hint() {
    let o = on_fixture(&["show", "nope"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("entente find"), "{}", stderr(&o));
    assert!(o.stdout.is_empty());
}

#[test]
fn find_lands_on_an_acronym_and_a_topic() {
    let o = on_fixture(&["find", "kdsa"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let first = stdout(&o).lines().next().unwrap_or_default().to_string();
    assert!(first.contains("Korea Data Security Agency"), "{first}");

    let (v, code) = fixture_json(&["find", "cyber resilience"]);
    assert_eq!(code, 0);
    assert_eq!(v["matches"][0]["id"], "cyber-resilience");
    assert_eq!(v["matches"][0]["label"], "Cyber resilience");
}

#[test]
fn find_narrows_by_kind_and_reports_nothing_found() {
    let (v, code) = fixture_json(&["find", "data", "--kind", "org"]);
    assert_eq!(code, 0);
    let matches = v["matches"].as_array().unwrap();
    assert!(!matches.is_empty());
    assert!(matches.iter().all(|m| m["kind"] == "organisation"), "{v}");
    let (v, code) = fixture_json(&["find", "zzzzqqq"]);
    assert_eq!(code, 1);
    assert_eq!(v["matches"].as_array().map(Vec::len), Some(0));
}

#[test]
fn search_finds_what_only_one_account_says_with_its_citation() {
    let o = on_fixture(&["search", "Aurora Protocol"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(
        text.contains("3rd Data Dialogue — ROK account, ROK DD3 ¶4  [rok-data-dialogue-3]"),
        "{text}"
    );
    let (v, code) = fixture_json(&["search", "aurora"]);
    assert_eq!(code, 0);
    assert_eq!(v["total"], 1);
    assert_eq!(v["hits"][0]["source"]["id"], "rok-data-dialogue-3");
    assert_eq!(v["hits"][0]["paragraph"], 4);
    let (_, code) = fixture_json(&["search", "zzzzqqq"]);
    assert_eq!(code, 1);
}

#[test]
fn export_writes_a_cited_markdown_briefing_note_atomically() {
    let o = on_fixture(&["export", "data-dialogue-3"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let note = stdout(&o);
    assert!(note.starts_with("# 3rd EU–ROK Data Dialogue"), "{note}");
    for expected in [
        "Anna Berg",
        "PARK Min-seo",
        "## Sources",
        "Cyber resilience",
    ] {
        assert!(note.contains(expected), "{expected:?}: {note}");
    }
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("note.md");
    let o = on_fixture(&["export", "data-dialogue-3", "-o", file.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), note);
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no temporary left"
    );
    assert_eq!(
        on_fixture(&["export", "kdsa"]).status.code(),
        Some(1),
        "not a meeting"
    );
}

#[test]
fn export_topic_writes_one_topic_across_every_meeting_in_date_order() {
    let o = on_fixture(&["export", "--topic", "cyber resilience"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let note = stdout(&o);
    assert!(
        note.starts_with(
            "# Topic: Cyber resilience\n\n## Summary\n\n- Discussed at 3 meetings or events"
        ),
        "{note}"
    );
    let order: Vec<usize> = [
        "## 2nd EU–ROK Data Dialogue — March 2020\n\n- The two sides discussed cyber \
         resilience of data centres. [rok-data-dialogue-2 ¶3]",
        "## Joint workshop on data centre resilience — May 2023",
        "## 3rd EU–ROK Data Dialogue — 11–12 June 2024\n\n- Both sides discussed cyber \
         resilience and the security of data centres. [EU DD3 ¶3; ROK DD3 ¶3]",
        "## Sources",
        "Prepared on ",
    ]
    .iter()
    .map(|s| note.find(s).unwrap_or_else(|| panic!("{s:?} in {note}")))
    .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
    // A typo gets "did you mean"-style help and exit 1; an id and --topic together, exit 2.
    let o = on_fixture(&["export", "--topic", "resilence"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("no topic is called"), "{}", stderr(&o));
    let o = on_fixture(&["export", "data-dialogue-3", "--topic", "cyber-resilience"]);
    assert_eq!(o.status.code(), Some(2));
}

// The built-in corpus: one smoke test per subcommand, true whatever meetings it holds.

#[test]
fn builtin_list_lists_every_meeting_and_event_within_80_columns() {
    let corpus = builtin().corpus;
    let (v, code) = json(&["list"]);
    assert_eq!(code, 0);
    let mut listed: Vec<&str> = ids_of(&v["items"]);
    let mut expected: Vec<&str> = corpus
        .meetings
        .iter()
        .map(|m| m.id.as_str())
        .chain(corpus.events.iter().map(|e| e.id.as_str()))
        .collect();
    listed.sort_unstable();
    expected.sort_unstable();
    assert_eq!(listed, expected);
    assert_eq!(v["total"], v["count"]);
    let o = entente(&["list"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_within_80_columns(&stdout(&o));
}

#[test]
fn builtin_show_prints_each_meeting_with_citations() {
    for meeting in &builtin().corpus.meetings {
        let o = entente(&["show", &meeting.id]);
        assert_eq!(o.status.code(), Some(0), "{}: {}", meeting.id, stderr(&o));
        let text = stdout(&o);
        assert!(text.contains(&*meeting.title), "{}: {text}", meeting.id);
        assert!(text.contains('¶'), "{}: {text}", meeting.id);
        assert_within_80_columns(&text);
    }
}

#[test]
fn builtin_find_finds_each_organisation_by_its_acronym() {
    let corpus = builtin().corpus;
    let with_acronym: Vec<_> = corpus
        .organisations
        .iter()
        .filter_map(|o| Some((o.id.as_str(), o.acronym.as_deref()?)))
        .collect();
    assert!(!with_acronym.is_empty());
    for (id, acronym) in with_acronym {
        let (v, code) = json(&["find", acronym, "--kind", "org", "--limit", "0"]);
        assert_eq!(code, 0, "{acronym}");
        assert!(ids_of(&v["matches"]).contains(&id), "{acronym}: {v}");
    }
}

#[test]
fn builtin_search_finds_the_first_paragraph_of_each_source() {
    // Reference sources have no paragraphs: their text is not in the corpus.
    for source in builtin()
        .corpus
        .sources
        .iter()
        .filter(|s| !s.is_reference())
    {
        // The paragraph's longest word: rare enough to be a real query, found by any search.
        let word = source.paragraphs[0]
            .split(|c: char| !c.is_alphanumeric())
            .max_by_key(|w| w.chars().count())
            .expect("a word");
        let (v, code) = json(&["search", word]);
        assert_eq!(code, 0, "{word}");
        let hit = v["hits"]
            .as_array()
            .unwrap()
            .iter()
            .any(|h| h["source"]["id"] == source.id.as_str() && h["paragraph"] == 1);
        assert!(hit, "{word:?} in {} ¶1: {v}", source.id);
    }
}

#[test]
fn builtin_export_writes_a_note_of_each_meeting() {
    for meeting in &builtin().corpus.meetings {
        let o = entente(&["export", &meeting.id]);
        assert_eq!(o.status.code(), Some(0), "{}: {}", meeting.id, stderr(&o));
        let note = stdout(&o);
        assert!(note.starts_with(&format!("# {}", meeting.title)), "{note}");
        assert!(note.contains("## Sources"), "{note}");
    }
}

#[test]
fn check_accepts_the_shipped_corpus_and_the_fixture_and_rejects_a_broken_one() {
    let dir = tempfile::tempdir().unwrap();
    let shipped = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/corpus");
    for good in [shipped, fixture::DIR] {
        let o = entente(&["check", good]);
        assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
        assert!(stdout(&o).contains("ok"), "{}", stdout(&o));
    }

    let bad = dir.path().join("bad.json");
    std::fs::write(
        &bad,
        "{\n  \"format\": \"entente-corpus/1\",\n  \"meetings\": [,]\n}\n",
    )
    .unwrap();
    let o = entente(&["check", bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stdout(&o).contains("bad.json:3:"), "{}", stdout(&o));
    let (v, code) = json(&["check", bad.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert_eq!(v["ok"], false);
    assert_eq!(v["problems"][0]["line"], 3);
}

#[test]
fn a_broken_corpus_given_to_list_exits_2_and_points_to_check() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, "not json").unwrap();
    let o = entente(&["--corpus", bad.to_str().unwrap(), "list"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("entente check"), "{}", stderr(&o));
}

#[test]
fn bad_usage_exits_2() {
    assert_eq!(entente(&["list", "--no-such-flag"]).status.code(), Some(2));
    assert_eq!(entente(&["find"]).status.code(), Some(2));
    let help = entente(&["--help"]);
    assert_eq!(help.status.code(), Some(0));
    assert!(stdout(&help).contains("Examples:"));
    assert!(stdout(&entente(&["--version"])).starts_with("entente "));
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    use std::io::Read;
    // Far more output than a pipe buffers (64 KiB), so the writer really meets EPIPE.
    let dir = tempfile::tempdir().unwrap();
    let corpus = entente::synth::generate(entente::synth::Spec::with_candidates(8_000));
    let path = dir.path().join("big.json");
    std::fs::write(&path, serde_json::to_string(&corpus).unwrap()).unwrap();
    let mut child = crate::support::bin::command()
        .args(["--corpus", path.to_str().unwrap(), "list"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Read one line, then close our end, as `| head -1` would.
    let mut first = [0u8; 64];
    child
        .stdout
        .as_mut()
        .unwrap()
        .read_exact(&mut first)
        .unwrap();
    drop(child.stdout.take());
    let status = child.wait().unwrap();
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    assert!(status.success(), "exit {status:?}, stderr {err}");
    assert!(err.is_empty(), "no message on a closed pipe: {err}");
}

#[test]
fn without_a_terminal_the_browser_points_to_list() {
    let o = entente(&[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("entente list"), "{}", stderr(&o));
}
