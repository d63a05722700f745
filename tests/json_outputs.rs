//! JSON output of every subcommand on the fixture corpus: each checked against its schema
//! (assets/schemas/, by a small checker of the keywords those schemas use) and against a golden
//! file (tests/golden/; `ENTENTE_UPDATE_GOLDEN=1` rewrites them); references named; offsets
//! sliced back to the matched text.

use std::process::Stdio;

use serde_json::Value;

use crate::support::fixture;

/// `entente ARGS --json` on the fixture corpus: the parsed output and the exit code.
pub(crate) fn json_of(args: &[&str]) -> (Value, i32) {
    let o = crate::support::bin::command()
        .args(["--corpus", fixture::DIR])
        .args(args)
        .arg("--json")
        .env("ENTENTE_NO_CACHE", "1")
        .stdin(Stdio::null())
        .output()
        .expect("the entente binary runs");
    let v = serde_json::from_slice(&o.stdout).unwrap_or_else(|e| {
        panic!(
            "{args:?} --json is not JSON ({e}): {}",
            String::from_utf8_lossy(&o.stdout)
        )
    });
    (v, o.status.code().unwrap_or(-1))
}

fn schema(name: &str) -> Value {
    let path = format!(
        "{}/assets/schemas/{name}.schema.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// Errors of `v` against `s` (keywords: type, const, enum, required, properties, items, $ref
/// to #/$defs/NAME), each with its JSON path.
fn check(root: &Value, s: &Value, v: &Value, path: &str, errors: &mut Vec<String>) {
    if let Some(r) = s.get("$ref").and_then(Value::as_str) {
        let name = r.strip_prefix("#/$defs/").expect("local $ref");
        return check(root, &root["$defs"][name], v, path, errors);
    }
    if let Some(t) = s.get("type") {
        let actual = type_name(v);
        let ok = |t: &Value| t == actual || (t == "number" && actual == "integer");
        let fits = match t {
            Value::Array(ts) => ts.iter().any(ok),
            t => ok(t),
        };
        if !fits {
            errors.push(format!("{path}: {actual}, expected {t}"));
            return;
        }
    }
    if let Some(c) = s.get("const")
        && c != v
    {
        errors.push(format!("{path}: {v}, expected {c}"));
    }
    if let Some(Value::Array(options)) = s.get("enum")
        && !options.contains(v)
    {
        errors.push(format!("{path}: {v}, expected one of {options:?}"));
    }
    if let Value::Object(map) = v {
        for key in s["required"].as_array().into_iter().flatten() {
            let key = key.as_str().expect("a key");
            if !map.contains_key(key) {
                errors.push(format!("{path}: no {key:?}"));
            }
        }
        if let Some(Value::Object(props)) = s.get("properties") {
            for (key, sub) in props {
                if let Some(x) = map.get(key) {
                    check(root, sub, x, &format!("{path}.{key}"), errors);
                }
            }
        }
    }
    if let (Value::Array(items), Some(sub)) = (v, s.get("items")) {
        for (i, x) in items.iter().enumerate() {
            check(root, sub, x, &format!("{path}[{i}]"), errors);
        }
    }
}

/// Asserts that `v` fits the schema of `name` and carries its format tag.
fn assert_fits(name: &str, v: &Value) {
    let root = schema(name);
    let mut errors = Vec::new();
    check(&root, &root, v, "$", &mut errors);
    assert!(errors.is_empty(), "{name}: {errors:#?}\n{v:#}");
    assert_eq!(v["format"], format!("entente-{name}/1"));
}

/// Compares `v` with tests/golden/NAME.json (rewritten when ENTENTE_UPDATE_GOLDEN=1).
fn assert_golden(name: &str, v: &Value) {
    let path = format!("{}/tests/golden/{name}.json", env!("CARGO_MANIFEST_DIR"));
    let text = format!("{}\n", serde_json::to_string_pretty(v).unwrap());
    if std::env::var_os("ENTENTE_UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, &text).unwrap();
    }
    let golden = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    assert_eq!(text, golden, "{name} differs from {path}");
}

#[test]
fn a_schema_violation_is_reported() {
    let root = schema("search");
    let mut errors = Vec::new();
    let bad = serde_json::json!({ "format": "entente-search/1", "query": 3, "hits": [{}] });
    check(&root, &root, &bad, "$", &mut errors);
    assert!(errors.iter().any(|e| e.contains("$.query")), "{errors:?}");
    assert!(
        errors.iter().any(|e| e.contains("no \"total\"")),
        "{errors:?}"
    );
    assert!(errors.iter().any(|e| e.contains("$.hits[0]")), "{errors:?}");
}

#[test]
fn every_subcommand_fits_its_schema_and_its_golden_file() {
    let cases: [(&str, &str, &[&str]); 7] = [
        ("list", "list", &["list", "--org", "kdsa"]),
        ("matrix", "matrix", &["matrix"]),
        ("show", "show-meeting", &["show", "data-dialogue-1"]),
        ("show", "show-person", &["show", "claire-moreau"]),
        ("find", "find", &["find", "data"]),
        ("search", "search", &["search", "aurora"]),
        ("check", "check", &["check", fixture::DIR]),
    ];
    for (schema_name, golden, args) in cases {
        // `check` takes its corpus as PATH, and refuses --corpus.
        let (v, code) = if schema_name == "check" {
            check_json(args)
        } else {
            json_of(args)
        };
        assert_eq!(code, 0, "{args:?}");
        assert_fits(schema_name, &v);
        assert_golden(golden, &v);
    }
}

fn check_json(args: &[&str]) -> (Value, i32) {
    let o = crate::support::bin::command()
        .args(args)
        .arg("--json")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    (
        serde_json::from_slice(&o.stdout).unwrap(),
        o.status.code().unwrap_or(-1),
    )
}

#[test]
fn a_meetings_heads_come_with_their_names_and_it_appears_in_their_roles() {
    let (v, _) = json_of(&["show", "data-dialogue-1"]);
    let names: Vec<&str> = v["record"]["delegations"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|d| d["heads"].as_array().unwrap())
        .map(|h| h["person"]["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Lukas Varga", "LEE Do-yun"]);
    let appears: Vec<&str> = v["appears_in"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    assert!(appears.contains(&"lukas-varga"), "{appears:?}");
    let related = v["related"].as_array().unwrap();
    assert!(!related.is_empty());
    assert!(related.iter().all(|r| r["shares"][0]["name"].is_string()));
}

#[test]
fn a_persons_role_at_a_meeting_is_the_word_the_meeting_uses() {
    let (v, _) = json_of(&["show", "claire-moreau"]);
    let roles: Vec<&str> = v["appears_in"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["id"] == "standards-council-1")
        .map(|a| a["role"].as_str().unwrap())
        .collect();
    assert_eq!(roles, ["co-chair"]);
}

/// The `[start, end)` chars of `text`.
fn slice(text: &str, [start, end]: [usize; 2]) -> String {
    text.chars().skip(start).take(end - start).collect()
}

#[test]
fn search_ranges_slice_back_to_the_matched_text_in_chars() {
    for query in ["aurora", "data", "\"security agency\"", "KDSA"] {
        let (v, _) = json_of(&["search", query]);
        let wanted = query.trim_matches('"').to_lowercase();
        for hit in v["hits"].as_array().unwrap() {
            let text = hit["text"].as_str().unwrap();
            for r in hit["ranges"].as_array().unwrap() {
                let pair = [
                    r[0].as_u64().unwrap() as usize,
                    r[1].as_u64().unwrap() as usize,
                ];
                assert_eq!(
                    slice(text, pair).to_lowercase(),
                    wanted,
                    "{query} in {text:?}"
                );
            }
        }
    }
}

#[test]
fn find_positions_index_the_matched_key_in_chars() {
    let (v, _) = json_of(&["find", "데이터"]);
    let matches = v["matches"].as_array().unwrap();
    assert!(!matches.is_empty());
    for m in matches {
        let key: Vec<char> = m["matched_key"].as_str().unwrap().chars().collect();
        let picked: String = m["positions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| key[p.as_u64().unwrap() as usize])
            .collect();
        assert_eq!(picked, "데이터");
    }
}
