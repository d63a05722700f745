//! Syntax and type errors: reported at file:line:column (columns in characters) with the JSON
//! path of the value and a readable message.

use super::fixture::{malformed, position, problems, says};

#[test]
fn a_syntax_error_points_at_the_offending_character() {
    let ps = problems(&malformed("syntax_error.json"));
    assert_eq!(ps.len(), 1);
    // Line 4: `    {"id": "ransomware" "label": …}`: the comma is missing before col 25.
    assert_eq!(position(&ps[0]), ("syntax_error.json".into(), 4, 25));
    says(&ps[0], &["topics[0]", "expected `,` or `}`"]);
}

#[test]
fn a_trailing_comma_is_named_as_such() {
    let ps = problems(&malformed("trailing_comma.json"));
    assert_eq!(ps.len(), 1);
    assert_eq!(position(&ps[0]), ("trailing_comma.json".into(), 5, 3));
    says(&ps[0], &["trailing comma", "no comma after the last item"]);
}

#[test]
fn a_missing_field_names_its_json_path() {
    let ps = problems(&malformed("missing_field.json"));
    assert_eq!(ps.len(), 1);
    // Reported at the `}` that closes the date object (line 9, column 67).
    assert_eq!(position(&ps[0]), ("missing_field.json".into(), 9, 67));
    assert_eq!(
        ps[0].message,
        "meetings[0].date: missing field `precision`; further errors in this file are not \
         checked until this one is fixed"
    );
}

#[test]
fn a_wrong_type_says_what_was_expected() {
    let ps = problems(&malformed("wrong_type.json"));
    assert_eq!(ps.len(), 1);
    // `      "edition": "seventh",`: the string opens at column 18.
    assert_eq!(position(&ps[0]), ("wrong_type.json".into(), 8, 18));
    says(
        &ps[0],
        &[
            "events[0].edition",
            "invalid type: string \"seventh\"",
            "expected a whole number",
        ],
    );
}

#[test]
fn an_unknown_field_lists_the_fields_expected() {
    let ps = problems(&malformed("unknown_field.json"));
    assert_eq!(ps.len(), 1);
    assert_eq!(position(&ps[0]), ("unknown_field.json".into(), 4, 26));
    says(
        &ps[0],
        &[
            "topics[0].lable",
            "unknown field `lable`",
            "expected one of",
            "`label`",
        ],
    );
}

#[test]
fn an_unknown_enum_value_lists_the_values_expected() {
    let ps = problems(&malformed("unknown_enum.json"));
    assert_eq!(ps.len(), 1);
    assert_eq!(position(&ps[0]), ("unknown_enum.json".into(), 4, 58));
    says(
        &ps[0],
        &[
            "organisations[0].kind",
            "unknown variant `directorate`",
            "`ministry`",
            "`agency`",
        ],
    );
}

#[test]
fn columns_count_korean_characters_not_bytes() {
    let ps = problems(&malformed("korean_column.json"));
    assert_eq!(ps.len(), 1);
    // `    {"id": "cyber", "label": "사이버 안보", "aliases": 7}`: `7` is the 51st character
    // (but the 61st byte).
    assert_eq!(position(&ps[0]), ("korean_column.json".into(), 4, 51));
    says(&ps[0], &["topics[0].aliases", "expected a list"]);
}

#[test]
fn a_syntax_error_in_one_file_does_not_hide_problems_in_another() {
    let broken = std::fs::read_to_string(malformed("syntax_error.json")).expect("fixture");
    let other = r#"{"format": "entente-corpus/1", "topics": [{"id": "Bad Id", "label": ""}]}"#;
    let dir = super::fixture::write_dir(&[("a.json", &broken), ("b.json", other)]);
    let ps = problems(dir.path());
    assert_eq!(ps.len(), 3, "{}", super::fixture::list(&ps));
    assert_eq!(position(&ps[0]), ("a.json".into(), 4, 25));
    let id = super::fixture::at_field(&ps, "topic Bad Id", "id");
    assert_eq!(super::fixture::file_name(id), "b.json");
    says(id, &["not a slug", "e.g. `bad-id`"]);
    let label = super::fixture::at_field(&ps, "topic Bad Id", "label");
    says(label, &["empty text", "expected a label"]);
}
