//! Validation problems: each at a record and a field path, saying what is wrong and what was
//! expected. Each test breaks the valid fixture corpus in one way (or several, at the end).

use super::fixture::{at_field, file_name, list, problems, read_valid, says, variant, write_dir};

const MEETING: &str = "meeting eu-rok-cyber-7";

#[test]
fn an_unknown_reference_suggests_the_closest_id() {
    let dir = variant(
        "records.json",
        &[(r#"{"person": "kim-gunn""#, r#"{"person": "kim-gun""#)],
    );
    let ps = problems(dir.path());
    assert_eq!(ps.len(), 1, "{}", list(&ps));
    let p = at_field(&ps, MEETING, "delegations[1].heads[0].person");
    assert_eq!(file_name(p), "records.json");
    assert_eq!(
        p.message,
        "unknown person `kim-gun`; expected the id of a record in `people` — did you mean \
         `kim-gunn`?"
    );
}

#[test]
fn a_side_that_names_no_declared_party_lists_the_declared_ones() {
    // The valid fixture declares no parties, so it has the built-in EU and ROK.
    let dir = variant(
        "records.json",
        &[(
            r#""organisation": "mofa", "side": "rok""#,
            r#""organisation": "mofa", "side": "korea""#,
        )],
    );
    let ps = problems(dir.path());
    assert_eq!(ps.len(), 1, "{}", list(&ps));
    let p = at_field(&ps, "person kim-gunn", "roles[0].side");
    assert_eq!(file_name(p), "records.json");
    assert_eq!(
        p.message,
        "unknown party `korea`; expected the id of a party in `parties`, or `multilateral` or \
         `other` (declared parties: `eu`, `rok`)"
    );
}

#[test]
fn a_reference_to_a_record_of_the_wrong_kind_is_an_error() {
    let dir = variant(
        "records.json",
        &[(
            r#""organisation": "mofa", "side": "rok""#,
            r#""organisation": "kim-gunn", "side": "rok""#,
        )],
    );
    let ps = problems(dir.path());
    assert_eq!(ps.len(), 1, "{}", list(&ps));
    let p = at_field(&ps, "person kim-gunn", "roles[0].organisation");
    says(
        p,
        &[
            "`kim-gunn` is a person, not an organisation",
            "`organisations`",
        ],
    );
}

#[test]
fn a_citation_to_a_missing_paragraph_gives_the_valid_range() {
    let dir = variant(
        "records.json",
        &[(
            r#"{"topic": "un-oewg", "cite": [{"source": "eeas-7th", "paragraph": 4}]}"#,
            r#"{"topic": "un-oewg", "cite": [{"source": "eeas-7th", "paragraph": 9}]}"#,
        )],
    );
    let ps = problems(dir.path());
    assert_eq!(ps.len(), 1, "{}", list(&ps));
    let p = at_field(&ps, MEETING, "topics[1].cite[0].paragraph");
    assert_eq!(
        p.message,
        "paragraph 9 does not exist: source `eeas-7th` has 4 paragraph(s); expected a number in \
         1..=4"
    );
}

#[test]
fn paragraph_zero_is_out_of_range() {
    let dir = variant(
        "records.json",
        &[(
            r#""kind": "agency", "parent": "nis", "cite": [{"source": "mofa-7th", "paragraph": 2}]"#,
            r#""kind": "agency", "parent": "nis", "cite": [{"source": "mofa-7th", "paragraph": 0}]"#,
        )],
    );
    let ps = problems(dir.path());
    assert_eq!(ps.len(), 1, "{}", list(&ps));
    let p = at_field(&ps, "organisation ncsc", "cite[0].paragraph");
    says(
        p,
        &[
            "paragraphs are numbered from 1",
            "expected a number in 1..=2",
        ],
    );
}

#[test]
fn a_citation_to_a_missing_source_is_an_error() {
    let dir = variant(
        "records.json",
        &[(
            r#"{"text": "Agreed to meet next year.", "cite": [{"source": "eeas-7th""#,
            r#"{"text": "Agreed to meet next year.", "cite": [{"source": "eeas-8th""#,
        )],
    );
    let ps = problems(dir.path());
    assert_eq!(ps.len(), 1, "{}", list(&ps));
    let p = at_field(&ps, MEETING, "outcomes[0].cite[0].source");
    says(
        p,
        &[
            "unknown source `eeas-8th`",
            "expected the id of a record in `sources`",
            "`eeas-7th`",
        ],
    );
}

#[test]
fn a_duplicate_id_across_two_files_names_both_files_and_kinds() {
    let sources = read_valid("sources.json");
    let records = read_valid("records.json");
    let extra = r#"{"format": "entente-corpus/1", "topics": [{"id": "eeas", "label": "EEAS"}]}"#;
    let dir = write_dir(&[
        ("sources.json", &sources),
        ("records.json", &records),
        ("zz-extra.json", extra),
    ]);
    let ps = problems(dir.path());
    assert_eq!(ps.len(), 1, "{}", list(&ps));
    let p = at_field(&ps, "topic eeas", "id");
    assert_eq!(file_name(p), "zz-extra.json");
    says(
        p,
        &[
            "duplicate id `eeas`",
            "this topic in",
            "zz-extra.json",
            "an organisation defined in",
            "records.json",
            "(organisations[0])",
        ],
    );
}

#[test]
fn a_duplicate_id_in_one_file_points_at_the_second() {
    let dir = variant(
        "records.json",
        &[(
            r#"{"id": "un-oewg", "label""#,
            r#"{"id": "ransomware", "label""#,
        )],
    );
    let ps = problems(dir.path());
    // The second `ransomware` is reported, and the meeting's reference to `un-oewg`, now gone.
    assert_eq!(ps.len(), 2, "{}", list(&ps));
    let p = at_field(&ps, "topic ransomware", "id");
    assert_eq!(file_name(p), "records.json");
    says(
        p,
        &[
            "duplicate id `ransomware`",
            "a topic defined earlier in this file (topics[1])",
        ],
    );
    says(
        at_field(&ps, MEETING, "topics[1].topic"),
        &["unknown topic `un-oewg`"],
    );
}

#[test]
fn an_impossible_date_is_an_error() {
    let dir = variant(
        "records.json",
        &[(r#""value": "2025-05-20","#, r#""value": "2019-02-30","#)],
    );
    let ps = problems(dir.path());
    // The end (2025-05-21) is after 2019, so only the impossible date is reported.
    assert_eq!(ps.len(), 1, "{}", list(&ps));
    let p = at_field(&ps, MEETING, "date.value");
    assert_eq!(
        p.message,
        "`2019-02-30` is not a calendar date: February 2019 has 28 days; expected a real date in \
         YYYY-MM-DD"
    );
}

#[test]
fn a_date_that_does_not_match_its_precision_is_an_error() {
    let dir = variant(
        "records.json",
        &[(
            r#"{"value": "2025-05", "precision": "month""#,
            r#"{"value": "2025-05", "precision": "day""#,
        )],
    );
    let ps = problems(dir.path());
    assert_eq!(ps.len(), 1, "{}", list(&ps));
    let p = at_field(&ps, "event ct-working-group-2", "date.value");
    assert_eq!(
        p.message,
        "`2025-05` does not match precision `day`; expected YYYY-MM-DD"
    );
}

#[test]
fn an_end_before_the_start_is_an_error() {
    let dir = variant(
        "records.json",
        &[(r#""end": "2025-05-21""#, r#""end": "2025-05-19""#)],
    );
    let ps = problems(dir.path());
    assert_eq!(ps.len(), 1, "{}", list(&ps));
    let p = at_field(&ps, MEETING, "date.end");
    says(
        p,
        &[
            "the end `2025-05-19` is before the start `2025-05-20`",
            "on or after",
        ],
    );
}

#[test]
fn an_inferred_date_without_how_is_an_error() {
    let dir = variant(
        "records.json",
        &[(r#""how": "\"next year\" in a 2025 account.", "#, "")],
    );
    let ps = problems(dir.path());
    assert_eq!(ps.len(), 1, "{}", list(&ps));
    let p = at_field(&ps, "event eu-rok-cyber-8", "date.how");
    says(
        p,
        &[
            "`inferred` but `how` is missing or empty",
            "expected a sentence",
        ],
    );
}

#[test]
fn an_inferred_format_with_blank_how_is_an_error() {
    let dir = variant(
        "records.json",
        &[(
            r#""how": "Both accounts name a host city.""#,
            r#""how": "  ""#,
        )],
    );
    let ps = problems(dir.path());
    assert_eq!(ps.len(), 1, "{}", list(&ps));
    let p = at_field(&ps, MEETING, "format.how");
    says(p, &["`inferred` but `how` is missing or empty"]);
}

#[test]
fn a_parent_cycle_is_reported_once_with_its_chain() {
    let dir = variant(
        "records.json",
        &[(
            r#""side": "rok", "kind": "agency", "cite": [{"source": "mofa-7th", "paragraph": 2}]"#,
            r#""side": "rok", "kind": "agency", "parent": "ncsc", "cite": [{"source": "mofa-7th", "paragraph": 2}]"#,
        )],
    );
    let ps = problems(dir.path());
    assert_eq!(ps.len(), 1, "{}", list(&ps));
    let p = at_field(&ps, "organisation ncsc", "parent");
    says(
        p,
        &[
            "the parents of organisations form a cycle: `nis` → `ncsc` → `nis`",
            "expected a tree",
        ],
    );
}

#[test]
fn a_topic_that_is_its_own_parent_is_a_cycle() {
    let dir = variant(
        "records.json",
        &[(
            r#"{"id": "cyber-threats", "label": "Cyber threats"}"#,
            r#"{"id": "cyber-threats", "label": "Cyber threats", "parent": "cyber-threats"}"#,
        )],
    );
    let ps = problems(dir.path());
    assert_eq!(ps.len(), 1, "{}", list(&ps));
    let p = at_field(&ps, "topic cyber-threats", "parent");
    says(p, &["`cyber-threats` → `cyber-threats`"]);
}

#[test]
fn required_lists_and_numbers_are_checked() {
    let dir = variant(
        "records.json",
        &[
            (r#""edition": 7,"#, r#""edition": 0,"#),
            (
                r#"{"text": "Officials of several services.", "cite": [{"source": "eeas-7th", "paragraph": 3}]}"#,
                r#"{"text": "Officials of several services.", "cite": []}"#,
            ),
            (
                r#"{"source": "eeas-7th", "side": "eu"},
        {"source": "mofa-7th", "side": "rok"}"#,
                "",
            ),
        ],
    );
    let ps = problems(dir.path());
    assert_eq!(ps.len(), 3, "{}", list(&ps));
    says(
        at_field(&ps, MEETING, "edition"),
        &["edition 0", "expected 1 or more"],
    );
    says(
        at_field(&ps, MEETING, "delegations[0].notes[0].cite"),
        &["no citation", "every fact is cited"],
    );
    says(
        at_field(&ps, MEETING, "accounts"),
        &["no accounts", "expected at least one"],
    );
}

#[test]
fn a_source_without_paragraphs_and_a_blank_title_are_errors() {
    let dir = variant(
        "sources.json",
        &[
            (
                r#""title": "제7차 한-EU 사이버정책협의회","#,
                r#""title": " ","#,
            ),
            (
                r#""paragraphs": [
        "제7차 한-EU 사이버정책협의회가 브뤼셀에서 개최되었다.",
        "국가정보원 국가사이버안보센터가 참석하였다."
      ]"#,
                r#""paragraphs": []"#,
            ),
        ],
    );
    let ps = problems(dir.path());
    // Without paragraphs `mofa-7th` would be a reference source: it has a raw text and no url,
    // and every citation of one of its paragraphs is wrong.
    let title = at_field(&ps, "source mofa-7th", "title");
    says(title, &["empty text", "expected the document's headline"]);
    let paragraphs = at_field(&ps, "source mofa-7th", "paragraphs");
    says(
        paragraphs,
        &["a raw text but no paragraphs", "expected the cleaned text"],
    );
    let cite = at_field(&ps, "organisation nis", "cite[0].paragraph");
    says(cite, &["paragraph 2 of `mofa-7th`", "a reference source"]);
}

#[test]
fn ids_must_be_slugs() {
    let dir = variant(
        "records.json",
        &[
            (r#"{"id": "un", "name""#, r#"{"id": "UN", "name""#),
            (
                r#""observers": [
        {"organisation": "un""#,
                r#""observers": [
        {"organisation": "UN""#,
            ),
        ],
    );
    let ps = problems(dir.path());
    assert_eq!(ps.len(), 1, "{}", list(&ps));
    let p = at_field(&ps, "organisation UN", "id");
    assert_eq!(
        p.message,
        "id `UN` is not a slug; expected lowercase ASCII letters, digits and `-`, starting with \
         a letter or digit — e.g. `un`"
    );
}

#[test]
fn several_problems_are_all_reported() {
    let dir = variant(
        "records.json",
        &[
            (r#"{"person": "joanna-smith""#, r#"{"person": "joanna""#),
            (r#""value": "2025-05-20","#, r#""value": "2025-13-20","#),
            (
                r#""parent": "cyber-threats""#,
                r#""parent": "cyber-threat""#,
            ),
            (
                r#""meeting": "eu-rok-cyber-7", "cite": [{"source": "eeas-7th", "paragraph": 3}]}
      ]
    },
    {"#,
                r#""meeting": "ransomware", "cite": [{"source": "eeas-7th", "paragraph": 3}]}
      ]
    },
    {"#,
            ),
        ],
    );
    let ps = problems(dir.path());
    assert_eq!(ps.len(), 4, "{}", list(&ps));
    says(
        at_field(&ps, MEETING, "delegations[0].heads[0].person"),
        &[
            "unknown person `joanna`",
            "expected the id of a record in `people`",
        ],
    );
    says(
        at_field(&ps, MEETING, "date.value"),
        &[
            "`2025-13-20` has month 13",
            "expected a month from 01 to 12",
        ],
    );
    says(
        at_field(&ps, "topic ransomware", "parent"),
        &[
            "unknown topic `cyber-threat`",
            "did you mean `cyber-threats`?",
        ],
    );
    says(
        at_field(&ps, "person joanna-smith", "roles[0].meeting"),
        &["`ransomware` is a topic, not a meeting", "`meetings`"],
    );
}
