//! Parties are data, and amendments say where they come from.
//!
//! A user's corpus (`tests/fixtures/third-party/`) declares a third party, Japan (`jp`, "JP",
//! 일본), and holds an invented EU–Japan Cyber Dialogue with its source: laid over the built-in
//! corpus it checks clean, and `list`, `show`, `search` and the browser label its sides "JP"
//! with no code that knows of Japan. Sides naming no declared party are errors that list the
//! declared ones. A user's record that amends a built-in meeting is shown with the file it is
//! in (relative to the user's corpus directory) and the account it adds. `import` puts the
//! partner's head of delegation on the party the user's corpus declares for the partner.

use std::path::{Path, PathBuf};

use entente::app::strings::Lang;
use entente::corpus::load::merge_and_validate;
use entente::corpus::{LoadedCorpus, layers};
use entente::facts::{self, Heading};

use crate::support::bin::{stderr as err, stdout as out, with_user_corpus as entente};
use crate::support::screen::{app_in, keys, screen};

/// The user corpus with the third party.
fn third_party() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/third-party")
}

#[test]
fn a_third_party_in_a_user_corpus_checks_clean_and_is_labelled_by_its_short_name() {
    let dir = third_party();
    let check = entente(&dir, &["check", "--strict"]);
    assert_eq!(
        check.status.code(),
        Some(0),
        "{}{}",
        out(&check),
        err(&check)
    );
    let list = entente(&dir, &["list"]);
    assert!(out(&list).contains("eu-jp-cyber-10"), "{}", out(&list));
    let show = out(&entente(&dir, &["show", "eu-jp-cyber-10"]));
    for expected in [
        "JP name     Japan–EU Cyber Dialogue",
        "\n  JP\n    SATO Kenji — head; Ambassador",
        "\n  EU\n    Ilse Vogt — head; Director",
        "JP: Fixture Ministry of Foreign Affairs",
        "JP 2026 (JP account)",
    ] {
        assert!(show.contains(expected), "{expected:?} in:\n{show}");
    }
    let search = out(&entente(&dir, &["search", "Tokyo"]));
    assert!(
        search.contains("10th EU–Japan Cyber Dialogue — JP account, JP 2026 ¶1"),
        "{search}"
    );
    let person = out(&entente(&dir, &["show", "sato-kenji"]));
    assert!(person.contains("Ambassador (JP)"), "{person}");
    let org = out(&entente(&dir, &["show", "jp-fixture-mofa"]));
    assert!(org.contains("Side        JP"), "{org}");
}

#[test]
fn the_json_outputs_keep_the_side_as_its_party_id() {
    let show = out(&entente(
        &third_party(),
        &["show", "eu-jp-cyber-10", "--json"],
    ));
    let value: serde_json::Value = serde_json::from_str(&show).expect("JSON");
    let text = value.to_string();
    assert!(text.contains("\"side\":\"jp\""), "{text}");
}

/// The third party's corpus over the built-in parties only (not the built-in records), so the
/// screen does not change when the built-in record grows.
fn third_party_over_builtin_parties() -> LoadedCorpus {
    let mut files: Vec<_> = layers::builtin_files()
        .expect("built-in parses")
        .into_iter()
        .filter(|(name, _)| name.ends_with("/parties.json"))
        .collect();
    files.extend(layers::user_files(&third_party()).expect("the fixture parses"));
    merge_and_validate(files).unwrap_or_else(|p| panic!("valid: {p:?}"))
}

#[test]
fn the_browser_labels_the_third_party_from_its_record() {
    for (lang, name) in [
        (Lang::En, "third_party_overview"),
        (Lang::Ko, "ko_third_party"),
    ] {
        let mut app = app_in(third_party_over_builtin_parties(), 80, 24, false, lang);
        keys(&mut app, "l");
        app.check_invariants().unwrap();
        let shown = screen(&app, 80, 24);
        let label = if lang == Lang::Ko { "일본" } else { "JP" };
        assert!(
            shown.contains(&format!("{label}: Japan–EU Cyber Dialogue")),
            "{shown}"
        );
        insta::assert_snapshot!(format!("{name}_80x24"), shown);
    }
}

#[test]
fn a_side_naming_no_declared_party_is_an_error_listing_the_declared_ones() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let text = std::fs::read_to_string(third_party().join("eu-japan-cyber.json")).unwrap();
    std::fs::write(
        tmp.path().join("eu-japan-cyber.json"),
        text.replacen(
            "\"side\": \"jp\",\n      \"kind\"",
            "\"side\": \"jpn\",\n      \"kind\"",
            1,
        ),
    )
    .unwrap();
    std::fs::copy(
        third_party().join("parties.json"),
        tmp.path().join("parties.json"),
    )
    .unwrap();
    let check = entente(tmp.path(), &["check"]);
    assert_eq!(check.status.code(), Some(2), "{}", out(&check));
    let report = out(&check) + &err(&check);
    assert!(
        report.contains(
            "eu-japan-cyber.json: organisation jp-fixture-mofa, field `side`: unknown party \
             `jpn`; expected the id of a party in `parties`, or `multilateral` or `other` \
             (declared parties: `eu`, `rok`, `jp`)"
        ),
        "{report}"
    );
}

#[test]
fn a_party_is_declared_once_and_a_corpus_that_declares_parties_declares_all_it_names() {
    // The user's corpus declares the EU again: its label would be ambiguous.
    let tmp = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        tmp.path().join("parties.json"),
        r#"{"format": "entente-corpus/1", "parties": [{"id": "eu", "name": "Union", "short": "U"}]}"#,
    )
    .unwrap();
    let run = entente(tmp.path(), &["check"]);
    let check = out(&run) + &err(&run);
    assert!(
        check.contains(
            "party eu, field `id`: party `eu` is already declared in <built-in>/parties.json"
        ),
        "{check}"
    );
    // Alone (as `--corpus` loads it), the fixture declares Japan only, so its `eu` sides are
    // unknown.
    let alone = entente(
        &crate::support::bin::no_user_corpus(),
        &["check", third_party().to_str().unwrap()],
    );
    assert_eq!(alone.status.code(), Some(2));
    assert!(
        out(&alone).contains("unknown party `eu`")
            && out(&alone).contains("(declared parties: `jp`)"),
        "{}",
        out(&alone)
    );
}

/// A user's corpus that amends the built-in 7th Cyber Dialogue with one more account, in
/// `seventh.json` in a temporary directory.
fn amending_corpus() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("tempdir");
    let builtin: serde_json::Value = serde_json::from_str(include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/corpus/meetings.json"
    )))
    .unwrap();
    let mut meeting = builtin["meetings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["id"] == "eu-rok-cyber-7")
        .expect("the built-in 7th")
        .clone();
    meeting["amends"] = serde_json::Value::Bool(true);
    meeting["accounts"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!({"source": "team-note-7th"}));
    let file = serde_json::json!({
        "format": "entente-corpus/1",
        "sources": [{
            "id": "team-note-7th",
            "label": "Team 2025",
            "title": "Our note on the 7th dialogue",
            "language": "en",
            "kind": "news-item",
            "raw": "",
            "paragraphs": ["The 7th EU–ROK Cyber Dialogue was held in Seoul."]
        }],
        "meetings": [meeting]
    });
    std::fs::write(
        tmp.path().join("seventh.json"),
        serde_json::to_string_pretty(&file).unwrap(),
    )
    .unwrap();
    tmp
}

const AMENDED: &str = "Amended in your corpus (seventh.json, adds the account Team 2025 \
                       [team-note-7th]): this record replaces the built-in one.";

#[test]
fn an_amendment_names_its_file_and_the_account_it_adds() {
    let tmp = amending_corpus();
    let show = entente(tmp.path(), &["show", "eu-rok-cyber-7"]);
    assert_eq!(show.status.code(), Some(0), "{}", err(&show));
    // `show` wraps lines: compare with the white space run together.
    let flat = out(&show).split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains(AMENDED), "{}", out(&show));
    // The browser's Overview shows the same note: the facts both surfaces render.
    let loaded = layers::load_layered(Some(tmp.path())).expect("layered");
    let corpus = &loaded.corpus;
    let at = corpus
        .meetings
        .iter()
        .position(|m| m.id == "eu-rok-cyber-7")
        .unwrap();
    let notes = facts::of_meeting(corpus, &corpus.meetings[at]);
    let texts: Vec<&str> = notes
        .section(Heading::Notes)
        .map(|s| s.facts.iter().map(|f| f.text.as_str()).collect())
        .unwrap_or_default();
    assert_eq!(texts.first().copied(), Some(AMENDED), "{texts:?}");
}

/// A text of the EU–Japan Cyber Dialogue with a head on each side.
const JAPAN_TEXT: &str = "On 2 June 2027 the fifth EU-Japan Cyber Dialogue was held in Tokyo. \
    Ms. Tanaka Yumi, Director for Cyber Policy, led the Japanese delegation. Ms. Ilse Vogt, \
    Director at the EEAS, led the EU delegation.";

/// The import plan of [`JAPAN_TEXT`] over `corpus`: the heads' detections and the sides of
/// the meeting's delegations.
fn japan_heads(corpus: &entente::corpus::Corpus) -> (Vec<String>, Vec<String>) {
    let plan = entente::import::plan(
        JAPAN_TEXT.as_bytes(),
        &entente::import::Options::default(),
        corpus,
    )
    .expect("plans");
    let heads = plan
        .detections
        .iter()
        .filter(|d| d.what == "head")
        .map(|d| d.value.clone())
        .collect();
    let sides = plan
        .meeting
        .delegations
        .iter()
        .map(|d| d.side.as_str().to_string())
        .collect();
    (heads, sides)
}

#[test]
fn import_puts_the_partners_head_on_the_party_the_user_corpus_declares() {
    let with_japan = layers::validate_layered(layers::user_files(&third_party()).unwrap())
        .expect("layered")
        .corpus;
    let (heads, sides) = japan_heads(&with_japan);
    assert_eq!(
        heads,
        [
            "Tanaka Yumi — Director for Cyber Policy (JP)",
            "Ilse Vogt — Director at the EEAS (EU)"
        ]
    );
    assert_eq!(sides, ["jp", "eu"]);
    // Without Japan declared, the partner's head has no party.
    let builtin = layers::validate_layered(Vec::new())
        .expect("built-in")
        .corpus;
    let (heads, sides) = japan_heads(&builtin);
    assert_eq!(heads[0], "Tanaka Yumi — Director for Cyber Policy (Other)");
    assert_eq!(sides, ["other", "eu"]);
}
