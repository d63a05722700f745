//! `entente fmt` and `entente check --strict`, through the real binary: the canonical layout is
//! checked and restored byte for byte, data is never changed, a bad file is left alone, and
//! lint warnings change the exit code only under `--strict`.

use std::path::{Path, PathBuf};
use std::process::{Output, Stdio};

use serde_json::Value;

fn entente(args: &[&str]) -> Output {
    crate::support::bin::command()
        .args(args)
        .env("ENTENTE_NO_CACHE", "1")
        .stdin(Stdio::null())
        .output()
        .expect("the entente binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

fn assets_corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/corpus")
}

fn arg(path: &Path) -> &str {
    path.to_str().expect("a UTF-8 temporary path")
}

/// JSON text without the white space between tokens, members in the order written.
fn minify(text: &str) -> String {
    let mut out = String::new();
    let (mut in_string, mut escaped) = (false, false);
    for c in text.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !c.is_whitespace() {
            out.push(c);
        }
    }
    out
}

#[test]
fn the_built_in_corpus_is_in_the_canonical_layout() {
    let o = entente(&["fmt", "--check", arg(&assets_corpus())]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(
        stdout(&o).contains(&format!(
            "{} files read: all in the canonical layout",
            entente::corpus::builtin::FILES.len()
        )),
        "{}",
        stdout(&o)
    );
}

#[test]
fn fmt_check_fails_on_a_minified_file_and_fmt_restores_it_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let original = std::fs::read_to_string(assets_corpus().join("meetings.json")).unwrap();
    let file = dir.path().join("meetings.json");
    let minified = minify(&original);
    assert!(!minified.contains('\n') && minified.len() < original.len());
    std::fs::write(&file, &minified).unwrap();

    let o = entente(&["fmt", "--check", arg(&file)]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    assert!(
        stdout(&o).contains("not in the canonical layout (from line 1)"),
        "{}",
        stdout(&o)
    );
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        minified,
        "--check writes nothing"
    );

    let o = entente(&["fmt", arg(&file)]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).contains("1 reformatted"), "{}", stdout(&o));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), original);

    let o = entente(&["fmt", "--check", arg(&file)]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
}

#[test]
fn fmt_keeps_the_data_and_the_member_order_of_any_layout() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("c.json");
    // Members out of the model's order, odd spacing, escapes, Korean, a citation with its
    // members swapped: the data must come back exactly.
    let text = "{\"topics\":[ {\"label\":\"외교 \\\"quoted\\\"\\ttab\",   \"id\":\"t\"}],\n\n\
        \"format\"  :  \"entente-corpus/1\", \"sources\": [{\"id\": \"s\", \"title\": \"T\", \
        \"language\": \"ko\", \"kind\": \"news-item\", \"raw\": \"\", \"paragraphs\": [\"P.\"]}],\
        \"events\": [{\"id\": \"e\", \"kind\": \"mentioned\", \"title\": \"E\", \"description\": \"D.\", \
        \"topics\": [\"t\"], \"cite\": [{\"paragraph\": 1, \"source\": \"s\"}]}]}";
    std::fs::write(&file, text).unwrap();
    let o = entente(&["fmt", arg(&file)]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let after = std::fs::read_to_string(&file).unwrap();
    let before: Value = serde_json::from_str(text).unwrap();
    assert_eq!(serde_json::from_str::<Value>(&after).unwrap(), before);
    let keys_at =
        |s: &str| ["\"topics\"", "\"format\"", "\"sources\"", "\"events\""].map(|k| s.find(k));
    let at = keys_at(&after);
    assert!(
        at.windows(2).all(|w| w[0] < w[1]),
        "member order kept: {after}"
    );
    assert!(after.contains("외교 \\\"quoted\\\"\\ttab"), "{after}");
    assert!(
        after.contains("{\"paragraph\": 1, \"source\": \"s\"}"),
        "{after}"
    );
    assert!(after.contains("\"topics\": [\"t\"]"), "{after}");
    assert_eq!(entente(&["check", arg(&file)]).status.code(), Some(0));
}

#[test]
fn a_file_that_is_not_a_corpus_is_left_alone_and_the_others_are_formatted() {
    let dir = tempfile::tempdir().unwrap();
    let broken = "{\"format\": \"entente-corpus/1\",, }";
    let other = "{\"name\": \"not a corpus\"}";
    let ugly = "{\"format\":\"entente-corpus/1\",\"topics\":[{\"id\":\"t\",\"label\":\"T\"}]}";
    std::fs::write(dir.path().join("a-broken.json"), broken).unwrap();
    std::fs::write(dir.path().join("b-other.json"), other).unwrap();
    std::fs::write(dir.path().join("c-ugly.json"), ugly).unwrap();
    std::fs::write(dir.path().join("notes.txt"), "not JSON").unwrap();

    let o = entente(&["fmt", arg(dir.path())]);
    let text = stdout(&o);
    assert_eq!(o.status.code(), Some(2), "{text}");
    assert!(
        text.contains("a-broken.json:1:31: not valid JSON"),
        "{text}"
    );
    assert!(text.contains("b-other.json: not a corpus file"), "{text}");
    assert!(
        text.contains("3 files read: 1 reformatted, 2 not formatted"),
        "{text}"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("a-broken.json")).unwrap(),
        broken
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("b-other.json")).unwrap(),
        other
    );
    let formatted = std::fs::read_to_string(dir.path().join("c-ugly.json")).unwrap();
    assert!(
        formatted.starts_with("{\n  \"format\": \"entente-corpus/1\",\n"),
        "{formatted}"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("notes.txt")).unwrap(),
        "not JSON"
    );

    let (v, code) = json(&["fmt", "--check", arg(dir.path())]);
    assert_eq!(code, 2);
    assert_eq!(v["ok"], false);
    assert_eq!(v["files"], 3);
    assert_eq!(v["changed"].as_array().map(Vec::len), Some(0));
    assert_eq!(v["problems"][0]["line"], 1);
    assert_eq!(
        v["problems"][1]["message"]
            .as_str()
            .map(|m| m.starts_with("not a corpus")),
        Some(true)
    );
}

#[test]
fn fmt_needs_a_path_and_reports_a_missing_one() {
    assert_eq!(entente(&["fmt"]).status.code(), Some(2));
    let o = entente(&["fmt", "--check", "/no/such/corpus"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stdout(&o).contains("no such file or directory"),
        "{}",
        stdout(&o)
    );
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
fn the_built_in_corpus_passes_check_strict() {
    let o = entente(&["check", "--strict", arg(&assets_corpus())]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(
        stdout(&o).ends_with("no warnings (--strict)\n"),
        "{}",
        stdout(&o)
    );
    let (v, code) = json(&["check", "--strict", arg(&assets_corpus())]);
    assert_eq!(code, 0);
    assert_eq!(v["warnings"], serde_json::json!([]));
}

#[test]
fn strict_warnings_name_record_and_field_and_exit_1_only_under_strict() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("c.json");
    let corpus = serde_json::json!({
        "format": "entente-corpus/1",
        "sources": [{"id": "s", "title": "T", "language": "en", "kind": "news-item",
                     "raw": "On 3 May 2024 they met in Paris.",
                     "paragraphs": ["On 3 May 2024 they met in Paris."]}],
        "meetings": [{"id": "m", "series": "x", "title": "M", "short_title": "M",
            "date": {"value": "2024-06-03", "precision": "day", "provenance": "stated",
                     "cite": [{"source": "s", "paragraph": 1}]},
            "accounts": [{"source": "s"}]}]
    });
    std::fs::write(&file, corpus.to_string()).unwrap();

    let o = entente(&["check", arg(&file)]);
    assert_eq!(o.status.code(), Some(0), "without --strict: unchanged");
    assert!(!stdout(&o).contains("warning"), "{}", stdout(&o));
    let (v, _) = json(&["check", arg(&file)]);
    assert!(v.get("warnings").is_none(), "{v}");

    let o = entente(&["check", "--strict", arg(&file)]);
    let text = stdout(&o);
    assert_eq!(o.status.code(), Some(1), "{text}");
    assert!(text.contains("1 warning (--strict):"), "{text}");
    assert!(
        text.contains("c.json: meeting m, field `date.value`: the date `2024-06-03` is `stated`, but its cited paragraphs do not give its month"),
        "{text}"
    );

    let (v, code) = json(&["check", "--strict", arg(&file)]);
    assert_eq!(code, 1);
    assert_eq!(v["ok"], true, "the corpus is valid");
    assert_eq!(v["warnings"][0]["record"], "meeting m");
    assert_eq!(v["warnings"][0]["field"], "date.value");
    assert!(
        v["warnings"][0]["file"]
            .as_str()
            .is_some_and(|f| f.ends_with("c.json"))
    );
}
