//! The canonical layout of corpus JSON, the one `entente fmt` writes and checks.
//!
//! The layout keeps a reviewer's diff short: two-space indentation, one member or item per
//! line, but each citation (`{"source": …, "paragraph": …}` or `{"source": …}`) on one line, and a list of
//! strings and whole numbers on one line when its items are short (under
//! [`INLINE_LIST_CHARS`] characters in all). Non-ASCII text is written as is, and the file ends
//! with a newline.
//!
//! Formatting changes the layout only: members keep the order they have in the file (the JSON
//! is read into an order-keeping tree, not into a map or the typed model), and the result is
//! parsed back and compared with the input before it is returned.

use std::fmt::Write as _;

use serde::Serialize;
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

use super::model::FORMAT;
use super::problem::Problem;

/// A list of strings and numbers goes on one line when their texts total fewer characters.
pub const INLINE_LIST_CHARS: usize = 60;

const INDENT: &str = "  ";

/// A JSON value that keeps its object members in file order (duplicates included), so that
/// formatting never reorders or drops anything.
#[derive(Debug, Clone, PartialEq)]
enum Node {
    Null,
    Bool(bool),
    Number(serde_json::Number),
    String(String),
    Array(Vec<Node>),
    Object(Vec<(String, Node)>),
}

/// The canonical text of one corpus file. `file` names it in errors. Fails, changing nothing,
/// when the text is not JSON or not a corpus file (an object whose `format` is
/// `entente-corpus/1`), so that `fmt` never rewrites an unrelated JSON file.
pub fn canonical(text: &str, file: &str) -> Result<String, Problem> {
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    let node = parse(body, file)?;
    if !is_corpus_file(&node) {
        return Err(Problem::in_file(
            file,
            format!("not a corpus file: expected a JSON object with \"format\": \"{FORMAT}\""),
        ));
    }
    render_checked(&node, file)
}

/// The canonical text of any serialisable value (a corpus, or a document an importer builds),
/// members in the order serde writes them: for the model's types, their declared field order.
pub fn to_canonical<T: Serialize>(value: &T) -> Result<String, Problem> {
    const NAME: &str = "<value>";
    let text = serde_json::to_string(value)
        .map_err(|e| Problem::in_file(NAME, format!("cannot serialise: {e}")))?;
    render_checked(&parse(&text, NAME)?, NAME)
}

fn parse(text: &str, file: &str) -> Result<Node, Problem> {
    serde_json::from_str::<Node>(text).map_err(|e| syntax_problem(text, file, &e))
}

/// Renders, then proves the layout kept the data: the output parses back to the same tree.
fn render_checked(node: &Node, file: &str) -> Result<String, Problem> {
    let mut out = String::new();
    write_pretty(&mut out, node, 0);
    out.push('\n');
    match serde_json::from_str::<Node>(&out) {
        Ok(back) if back == *node => Ok(out),
        _ => Err(Problem::in_file(
            file,
            "internal: the canonical layout would change the data, so nothing was written \
             (a bug: please report it)",
        )),
    }
}

fn is_corpus_file(node: &Node) -> bool {
    let Node::Object(members) = node else {
        return false;
    };
    members
        .iter()
        .any(|(key, value)| key == "format" && *value == Node::String(FORMAT.to_string()))
}

/// A syntax error at its line and column, the column counted in characters as the loader's
/// messages count it (serde_json counts bytes).
fn syntax_problem(text: &str, file: &str, e: &serde_json::Error) -> Problem {
    let message = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    let message = message.strip_suffix(&suffix).unwrap_or(&message);
    let line_text = text
        .split('\n')
        .nth(e.line().saturating_sub(1))
        .unwrap_or("");
    let byte_column = e.column().min(line_text.len());
    let column = line_text
        .get(..byte_column)
        .map_or(byte_column, |prefix| prefix.chars().count());
    Problem::at_position(
        file,
        e.line(),
        column.max(1),
        format!("not valid JSON: {message}; `entente check` explains more"),
    )
}

fn write_pretty(out: &mut String, node: &Node, depth: usize) {
    match node {
        Node::Object(members) if members.is_empty() => out.push_str("{}"),
        Node::Object(members) if is_citation(members) => write_compact(out, node),
        Node::Object(members) => {
            out.push('{');
            for (i, (key, value)) in members.iter().enumerate() {
                out.push_str(if i == 0 { "\n" } else { ",\n" });
                push_indent(out, depth + 1);
                write_string(out, key);
                out.push_str(": ");
                write_pretty(out, value, depth + 1);
            }
            out.push('\n');
            push_indent(out, depth);
            out.push('}');
        }
        Node::Array(items) if items.is_empty() => out.push_str("[]"),
        Node::Array(items) if fits_on_one_line(items) => write_compact(out, node),
        Node::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                out.push_str(if i == 0 { "\n" } else { ",\n" });
                push_indent(out, depth + 1);
                write_pretty(out, item, depth + 1);
            }
            out.push('\n');
            push_indent(out, depth);
            out.push(']');
        }
        scalar => write_compact(out, scalar),
    }
}

/// One line, with `, ` and `: ` between members.
fn write_compact(out: &mut String, node: &Node) {
    match node {
        Node::Null => out.push_str("null"),
        Node::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Node::Number(n) => {
            let _ = write!(out, "{n}");
        }
        Node::String(s) => write_string(out, s),
        Node::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_compact(out, item);
            }
            out.push(']');
        }
        Node::Object(members) => {
            out.push('{');
            for (i, (key, value)) in members.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_string(out, key);
                out.push_str(": ");
                write_compact(out, value);
            }
            out.push('}');
        }
    }
}

/// A citation is an object with the member `source` and at most `paragraph` besides (a
/// reference source is cited as a whole, without one), in any order.
fn is_citation(members: &[(String, Node)]) -> bool {
    let has = |name: &str| members.iter().any(|(key, _)| key == name);
    has("source")
        && members
            .iter()
            .all(|(key, _)| key == "source" || key == "paragraph")
}

/// Strings, whole numbers and booleans, whose texts total under [`INLINE_LIST_CHARS`]
/// characters. (Booleans count as the words `True` / `False`, as in the layout's first
/// implementation, so files it wrote stay canonical.)
fn fits_on_one_line(items: &[Node]) -> bool {
    let mut total = 0;
    for item in items {
        total += match item {
            Node::String(s) => s.chars().count(),
            Node::Number(n) if n.is_i64() || n.is_u64() => n.to_string().len(),
            Node::Bool(true) => 4,
            Node::Bool(false) => 5,
            _ => return false,
        };
    }
    total < INLINE_LIST_CHARS
}

fn write_string(out: &mut String, s: &str) {
    // serde_json escapes exactly the quote, the backslash and control characters, and
    // writes everything else (non-ASCII included) as is.
    match serde_json::to_string(s) {
        Ok(quoted) => out.push_str(&quoted),
        Err(_) => out.push_str("\"\""),
    }
}

fn push_indent(out: &mut String, depth: usize) {
    for _ in 0..depth {
        out.push_str(INDENT);
    }
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Node, D::Error> {
        deserializer.deserialize_any(NodeVisitor)
    }
}

struct NodeVisitor;

impl<'de> Visitor<'de> for NodeVisitor {
    type Value = Node;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_unit<E: de::Error>(self) -> Result<Node, E> {
        Ok(Node::Null)
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Node, E> {
        Ok(Node::Bool(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Node, E> {
        Ok(Node::Number(v.into()))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Node, E> {
        Ok(Node::Number(v.into()))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Node, E> {
        serde_json::Number::from_f64(v)
            .map(Node::Number)
            .ok_or_else(|| E::custom("a number that is not finite"))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Node, E> {
        Ok(Node::String(v.to_string()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Node, E> {
        Ok(Node::String(v))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Node::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
        let mut members = Vec::new();
        while let Some((key, value)) = map.next_entry::<String, Node>()? {
            members.push((key, value));
        }
        Ok(Node::Object(members))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fmt(text: &str) -> String {
        canonical(text, "t.json").unwrap_or_else(|p| panic!("{p}"))
    }

    #[test]
    fn indents_by_two_and_ends_with_a_newline() {
        let out = fmt(r#"{"format":"entente-corpus/1","topics":[{"id":"a","label":"A"}]}"#);
        assert_eq!(
            out,
            "{\n  \"format\": \"entente-corpus/1\",\n  \"topics\": [\n    {\n      \"id\": \"a\",\n      \"label\": \"A\"\n    }\n  ]\n}\n"
        );
    }

    #[test]
    fn a_citation_stays_on_one_line_in_its_own_member_order() {
        let out = fmt(
            r#"{"format":"entente-corpus/1","cite":[{"paragraph":2,"source":"s"},{"source":"t","paragraph":1}]}"#,
        );
        assert!(
            out.contains("\"cite\": [\n    {\"paragraph\": 2, \"source\": \"s\"},\n    {\"source\": \"t\", \"paragraph\": 1}\n  ]"),
            "{out}"
        );
    }

    #[test]
    fn short_scalar_lists_go_inline_and_long_ones_do_not() {
        let short = fmt(r#"{"format":"entente-corpus/1","a":["x","y",3]}"#);
        assert!(short.contains("\"a\": [\"x\", \"y\", 3]"), "{short}");
        let long_item = "z".repeat(INLINE_LIST_CHARS);
        let long = fmt(&format!(
            r#"{{"format":"entente-corpus/1","a":["{long_item}"]}}"#
        ));
        assert!(long.contains("\"a\": [\n    \"zzz"), "{long}");
        // Just under the limit stays inline: 59 characters in all.
        let edge = "z".repeat(INLINE_LIST_CHARS - 2);
        let under = fmt(&format!(
            r#"{{"format":"entente-corpus/1","a":["{edge}","z"]}}"#
        ));
        assert!(
            under.contains(&format!("\"a\": [\"{edge}\", \"z\"]")),
            "{under}"
        );
        // A list holding an object or null is never inline.
        let mixed = fmt(r#"{"format":"entente-corpus/1","a":[null]}"#);
        assert!(mixed.contains("\"a\": [\n    null\n  ]"), "{mixed}");
    }

    #[test]
    fn non_ascii_is_kept_and_control_characters_are_escaped() {
        let out = fmt("{\"format\":\"entente-corpus/1\",\"t\":\"외교부 – \\u001b[31m\\n\"}");
        assert!(out.contains("\"t\": \"외교부 – \\u001b[31m\\n\""), "{out}");
    }

    #[test]
    fn member_order_duplicates_and_numbers_are_kept() {
        let text = r#"{"z":1,"format":"entente-corpus/1","a":-2,"a":1.5,"e":{},"l":[]}"#;
        let out = fmt(text);
        assert_eq!(
            out,
            "{\n  \"z\": 1,\n  \"format\": \"entente-corpus/1\",\n  \"a\": -2,\n  \"a\": 1.5,\n  \"e\": {},\n  \"l\": []\n}\n"
        );
        assert_eq!(parse(&out, "x"), parse(text, "x"));
    }

    #[test]
    fn the_canonical_text_is_a_fixed_point() {
        let once =
            fmt(r#"{"format":"entente-corpus/1","b":[{"source":"s","paragraph":1}],"c":true}"#);
        assert_eq!(fmt(&once), once);
    }

    #[test]
    fn a_byte_order_mark_is_dropped() {
        let out = fmt("\u{feff}{\"format\":\"entente-corpus/1\"}");
        assert_eq!(out, "{\n  \"format\": \"entente-corpus/1\"\n}\n");
    }

    #[test]
    fn syntax_errors_name_line_and_character_column() {
        let err = canonical("{\n  \"é\": 1,,\n}", "bad.json").expect_err("invalid");
        assert_eq!(
            err.location,
            crate::corpus::problem::Location::Position {
                line: 2,
                column: 10
            }
        );
        assert!(
            err.message.starts_with("not valid JSON: "),
            "{}",
            err.message
        );
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_stack_overflow() {
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        let err = canonical(&deep, "deep.json").expect_err("too deep");
        assert!(err.message.contains("recursion limit"), "{}", err.message);
    }

    #[test]
    fn a_json_file_that_is_not_a_corpus_is_refused() {
        for text in [r#"{"name":"x"}"#, "[1, 2]", r#"{"format":"other/1"}"#] {
            let err = canonical(text, "package.json").expect_err(text);
            assert!(
                err.message.starts_with("not a corpus file"),
                "{}",
                err.message
            );
        }
    }

    #[test]
    fn typed_values_come_out_in_declared_field_order() {
        let corpus = crate::corpus::Corpus {
            format: FORMAT.into(),
            title: Some("T".into()),
            ..Default::default()
        };
        let out = to_canonical(&corpus).expect("serialises");
        assert_eq!(
            out,
            "{\n  \"format\": \"entente-corpus/1\",\n  \"title\": \"T\"\n}\n"
        );
    }

    #[test]
    fn the_built_in_files_are_canonical() {
        for (name, text) in crate::corpus::builtin::FILES {
            assert!(fmt(text) == *text, "{name} is not in the canonical layout");
        }
    }
}
