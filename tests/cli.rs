//! The real binary, run for every subcommand in text and JSON: content and exit codes.

use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn entente(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_entente"))
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

fn json(args: &[&str]) -> (Value, i32) {
    let mut all = args.to_vec();
    all.push("--json");
    let o = entente(&all);
    let v = serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("{args:?} --json is not JSON ({e}): {}", stdout(&o)));
    (v, o.status.code().unwrap_or(-1))
}

#[test]
fn list_prints_the_four_meetings_in_date_order_within_80_columns() {
    let o = entente(&["list", "--kind", "meeting"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    let ids: Vec<&str> = text
        .lines()
        .filter_map(|l| l.split_whitespace().last())
        .collect();
    assert_eq!(
        ids,
        [
            "eu-rok-cyber-5",
            "eu-rok-cyber-6",
            "eu-rok-dpc-2",
            "eu-rok-cyber-7"
        ]
    );
    for line in text.lines() {
        assert!(line.chars().count() <= 80, "too wide: {line:?}");
    }
    assert!(text.contains("2019-06-28"), "{text}");
    assert!(
        text.contains("2020-11-24*"),
        "inferred year is marked: {text}"
    );
}

#[test]
fn list_json_has_every_entry_with_dates_and_kinds() {
    let (v, code) = json(&["list"]);
    assert_eq!(code, 0);
    let items = v["items"].as_array().expect("items");
    assert_eq!(v["count"].as_u64(), Some(items.len() as u64));
    assert_eq!(v["total"], v["count"]);
    assert!(items.len() > 4, "events are listed too");
    let seventh = items
        .iter()
        .find(|i| i["id"] == "eu-rok-cyber-7")
        .expect("7th");
    assert_eq!(seventh["date"], "2025-05-20");
    assert_eq!(seventh["kind"], "meeting");
    assert_eq!(seventh["place"], "Seoul");
    assert_eq!(seventh["format"], "in person");
    assert!(items.iter().any(|i| i["kind"] == "planned"));
    assert!(items.iter().any(|i| i["kind"] == "mentioned"));
}

#[test]
fn list_filters_by_topic_organisation_year_and_series() {
    let (v, code) = json(&["list", "--org", "eeas", "--kind", "meeting"]);
    assert_eq!(code, 0);
    let ids: Vec<&str> = v["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap())
        .collect();
    assert!(
        ids.contains(&"eu-rok-cyber-5") && ids.contains(&"eu-rok-cyber-7"),
        "{ids:?}"
    );
    assert!(
        !ids.contains(&"eu-rok-dpc-2"),
        "the EEAS is not named at the DPC: {ids:?}"
    );

    let (v, _) = json(&["list", "--year", "2025", "--kind", "meeting"]);
    assert_eq!(v["count"], 1);
    assert_eq!(v["items"][0]["id"], "eu-rok-cyber-7");

    let (v, _) = json(&[
        "list",
        "--series",
        "eu-rok-digital-partnership-council",
        "--kind",
        "meeting",
    ]);
    assert_eq!(v["items"][0]["id"], "eu-rok-dpc-2");
    assert_eq!(v["count"], 1);
}

#[test]
fn list_with_an_unknown_name_says_what_to_try_and_exits_1() {
    let o = entente(&["list", "--topic", "no-such-topic"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("entente find '#no-such-topic'"),
        "{}",
        stderr(&o)
    );
    let (v, code) = json(&["list", "--year", "1990"]);
    assert_eq!(code, 1, "nothing found");
    assert_eq!(v["count"], 0);
}

#[test]
fn show_a_meeting_gives_heads_with_titles_and_citations() {
    let o = entente(&["show", "eu-rok-cyber-5"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(text.contains("Kim Gunn"), "{text}");
    assert!(
        text.contains("Ambassador for International Security Affairs"),
        "{text}"
    );
    assert!(text.contains("Pawel Herczynski"), "{text}");
    assert!(text.contains("Brussels"), "{text}");
    assert!(
        text.contains("(rok-5th-cyber-policy-consultation)"),
        "legend: {text}"
    );
    assert!(text.contains("[ROK 2019 ¶"), "citations: {text}");
    for line in text.lines() {
        assert!(line.chars().count() <= 80, "too wide: {line:?}");
    }
}

#[test]
fn show_explains_an_inferred_year() {
    let text = stdout(&entente(&["show", "eu-rok-cyber-6"]));
    assert!(text.contains("24 November 2020 (inferred"), "{text}");
    assert!(text.contains("KANG Yoo-sik"), "{text}");
}

#[test]
fn show_json_gives_the_record_and_where_an_organisation_appears() {
    let (v, code) = json(&["show", "eu-rok-cyber-7"]);
    assert_eq!(code, 0);
    assert_eq!(v["kind"], "meeting");
    assert_eq!(v["record"]["accounts"].as_array().map(Vec::len), Some(2));
    let o = entente(&["find", "kisa", "--json"]);
    let found: Value = serde_json::from_slice(&o.stdout).unwrap();
    let kisa = found["matches"][0]["id"]
        .as_str()
        .expect("kisa id")
        .to_string();
    let (v, _) = json(&["show", &kisa]);
    assert_eq!(v["kind"], "organisation");
    let appears: Vec<&str> = v["appears_in"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    assert_eq!(appears, ["eu-rok-cyber-7"]);
}

#[test]
fn show_an_unknown_id_exits_1_with_a_hint() {
    let o = entente(&["show", "nope"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("entente find"), "{}", stderr(&o));
    assert!(o.stdout.is_empty());
}

#[test]
fn find_lands_on_kisa_and_the_counter_ransomware_initiative() {
    let o = entente(&["find", "kisa"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let first = stdout(&o).lines().next().unwrap_or_default().to_string();
    assert!(
        first.contains("Korea Internet & Security Agency"),
        "{first}"
    );

    let (v, code) = json(&["find", "counter ransomware"]);
    assert_eq!(code, 0);
    let labels: Vec<&str> = v["matches"]
        .as_array()
        .unwrap()
        .iter()
        .take(2)
        .map(|m| m["label"].as_str().unwrap())
        .collect();
    assert!(
        labels.iter().any(|l| l.contains("Counter Ransomware")),
        "{labels:?}"
    );
}

#[test]
fn find_narrows_by_kind_and_reports_nothing_found() {
    let (v, code) = json(&["find", "eeas", "--kind", "org"]);
    assert_eq!(code, 0);
    assert!(
        v["matches"]
            .as_array()
            .unwrap()
            .iter()
            .all(|m| m["kind"] == "organisation")
    );
    let (v, code) = json(&["find", "zzzzqqq"]);
    assert_eq!(code, 1);
    assert_eq!(v["matches"].as_array().map(Vec::len), Some(0));
}

#[test]
fn search_finds_budapest_with_its_citation() {
    let o = entente(&["search", "Budapest Convention"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(
        text.contains("rok-7th-cyber-policy-consultation ¶6"),
        "{text}"
    );
    let (v, code) = json(&["search", "budapest"]);
    assert_eq!(code, 0);
    assert_eq!(v["hits"][0]["source"], "rok-7th-cyber-policy-consultation");
    assert_eq!(v["hits"][0]["paragraph"], 6);
    let (_, code) = json(&["search", "zzzzqqq"]);
    assert_eq!(code, 1);
}

#[test]
fn check_accepts_the_shipped_corpus_and_rejects_a_broken_one() {
    let dir = tempfile::tempdir().unwrap();
    let good = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/corpus");
    let o = entente(&["check", good]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    assert!(stdout(&o).contains("ok"));

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
    let mut child = Command::new(env!("CARGO_BIN_EXE_entente"))
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
fn export_writes_a_cited_markdown_briefing_note_atomically() {
    let o = entente(&["export", "eu-rok-cyber-7"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let note = stdout(&o);
    assert!(note.starts_with("# 7th EU–ROK Cyber Dialogue"), "{note}");
    assert!(note.contains("Maciej Stadejek"), "{note}");
    assert!(note.contains("## Sources"), "{note}");
    assert!(note.contains("Counter ransomware"), "{note}");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("note.md");
    let o = entente(&["export", "eu-rok-cyber-7", "-o", file.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), note);
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no temporary left"
    );
    assert_eq!(
        entente(&["export", "kisa"]).status.code(),
        Some(1),
        "not a meeting"
    );
}

#[test]
fn without_a_terminal_the_browser_points_to_list() {
    let o = entente(&[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("entente list"), "{}", stderr(&o));
}
