//! `entente import` and the user's corpus over the built-in one: detections on test texts
//! (a table of what each text must yield), what is written and where, drafts and `confirm`,
//! layering (a clash, an amendment, `--corpus` alone) and bad inputs. Every run points
//! ENTENTE_CORPUS_DIR at a temporary directory: the real user directory is never touched.
//!
//! Detection runs over the built-in corpus (import lays the user's corpus over it), so the
//! texts name meetings the built-in corpus will not hold (editions and years past its end),
//! except the one that must be recognised as another account of the 7th Cyber Dialogue.

use std::path::{Path, PathBuf};
use std::process::Stdio;

use entente::corpus::layers;
use entente::import::{Options, plan};

use crate::support::bin::{stderr as err, stdout as out, with_user_corpus as entente};

fn text(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

fn files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|d| {
            d.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

/// What a text must yield.
struct Expected {
    file: &'static str,
    /// `Some(id)`: another account of this existing meeting.
    attached_to: Option<&'static str>,
    date: &'static str,
    /// Words the date's `how` must hold (empty: the date is stated).
    how: &'static [&'static str],
    edition: Option<u32>,
    series: &'static str,
    place: Option<&'static str>,
    /// Person ids of heads (the corpus's, found through a romanisation variant, or new).
    heads: &'static [&'static str],
    /// Ids the names detector must find.
    named: &'static [&'static str],
}

const TABLE: &[Expected] = &[
    // A new meeting; an ordinal in words; a romanisation variant (Yoon Jong-kwon).
    Expected {
        file: "cyber-ninth.txt",
        attached_to: None,
        date: "2027-06-03",
        how: &[],
        edition: Some(9),
        series: "eu-rok-cyber-dialogue",
        place: Some("Brussels"),
        heads: &["maciej-stadejek", "youn-jong-kwon"],
        named: &["cri"],
    },
    // Another account of an existing meeting (HTML).
    Expected {
        file: "cyber-seventh-account.html",
        attached_to: Some("eu-rok-cyber-7"),
        date: "2025-05-20",
        how: &[],
        edition: Some(7),
        series: "eu-rok-cyber-dialogue",
        place: None,
        heads: &[],
        named: &[],
    },
    // A weekday only, resolved against the publication date line.
    Expected {
        file: "security-defence-weekday.txt",
        attached_to: None,
        date: "2027-03-10",
        how: &[
            "Wednesday",
            "Thursday 11 March 2027",
            "Wednesday 10 March 2027",
        ],
        edition: Some(2),
        series: "security-defence-dialogue",
        place: Some("Brussels"),
        heads: &["youn-jong-kwon"],
        named: &[],
    },
    // Another partner: the EU–Japan Cyber Dialogue.
    Expected {
        file: "japan.txt",
        attached_to: None,
        date: "2027-03-10",
        how: &[],
        edition: Some(4),
        series: "eu-japan-cyber-dialogue",
        place: Some("Tokyo"),
        heads: &[],
        named: &[],
    },
    // HTML, an ordinal in figures, "Month D, YYYY", co-chairs without titles.
    Expected {
        file: "council-fifth.html",
        attached_to: None,
        date: "2027-09-14",
        how: &[],
        edition: Some(5),
        series: "eu-rok-digital-partnership-council",
        place: Some("Seoul"),
        heads: &["henna-virkkunen", "bae-kyung-hoon"],
        named: &[],
    },
    // A day and weekday without a year; numbered paragraphs; the ROK's name of the series.
    Expected {
        file: "no-year.txt",
        attached_to: None,
        date: "2026-06-02",
        how: &["June 2", "2026", "Friday 5 June 2026"],
        edition: Some(10),
        series: "eu-rok-cyber-dialogue",
        place: Some("Seoul"),
        heads: &[],
        named: &["kisa", "eeas"],
    },
];

#[test]
fn each_text_yields_the_expected_detections() {
    let corpus = layers::load_layered(None).expect("built-in loads").corpus;
    for e in TABLE {
        let bytes = std::fs::read(text(e.file)).expect("fixture");
        let p = plan(&bytes, &Options::default(), &corpus)
            .unwrap_or_else(|error| panic!("{}: {error}", e.file));
        let m = &p.meeting;
        let context = format!("{}: {:#?}", e.file, p.detections);
        assert_eq!(p.attached_to.as_deref(), e.attached_to, "{context}");
        assert_eq!(m.date.value, e.date, "{context}");
        let how = m.date.how.clone().unwrap_or_default();
        if e.attached_to.is_none() {
            assert_eq!(e.how.is_empty(), m.date.how.is_none(), "{context}");
        }
        for word in e.how {
            assert!(how.contains(word), "{context}\nhow: {how}");
        }
        assert_eq!(m.edition, e.edition, "{context}");
        assert!(m.series.contains(e.series), "{}: {context}", m.series);
        assert!(m.draft, "{context}");
        if e.attached_to.is_none() {
            assert_eq!(
                m.place.as_ref().map(|p| p.city.as_str()),
                e.place,
                "{context}"
            );
            let heads: Vec<&str> = m
                .delegations
                .iter()
                .flat_map(|d| d.heads.iter().map(|h| h.person.as_str()))
                .collect();
            assert_eq!(heads, e.heads, "{context}");
            // Every detected fact cites a paragraph of the new source.
            for c in &m.date.cite {
                assert_eq!(c.source, p.source.id);
                assert!(
                    c.paragraph
                        .is_some_and(|n| n as usize <= p.source.paragraphs.len())
                );
            }
        } else {
            assert!(
                m.accounts.iter().any(|a| a.source == p.source.id),
                "{context}"
            );
        }
        for id in e.named {
            assert!(
                p.detections
                    .iter()
                    .any(|d| d.value.starts_with(&format!("{id} "))),
                "{id} not found: {context}"
            );
        }
    }
}

#[test]
fn each_text_of_the_table_imports_into_a_valid_corpus() {
    let tmp = tempfile::tempdir().expect("tempdir");
    for e in TABLE {
        let o = entente(
            tmp.path(),
            &["import", text(e.file).to_str().unwrap(), "--dry-run"],
        );
        assert_eq!(o.status.code(), Some(0), "{}: {}", e.file, err(&o));
    }
    assert!(files(tmp.path()).is_empty());
}

#[test]
fn the_built_in_corpus_directory_is_never_written() {
    let assets = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/corpus");
    let tmp = tempfile::tempdir().expect("tempdir");
    let o = entente(
        tmp.path(),
        &[
            "import",
            text("japan.txt").to_str().unwrap(),
            "--into",
            assets.to_str().unwrap(),
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("built-in corpus"), "{}", err(&o));
    assert!(!files(&assets).iter().any(|f| f.starts_with("source-")));
}

#[test]
fn a_head_found_through_a_romanisation_variant_keeps_the_corpus_id_and_the_text_title() {
    let corpus = layers::load_layered(None).expect("built-in loads").corpus;
    let bytes = std::fs::read(text("cyber-ninth.txt")).expect("fixture");
    let p = plan(&bytes, &Options::default(), &corpus).expect("plans");
    let heads: Vec<_> = p
        .meeting
        .delegations
        .iter()
        .flat_map(|d| &d.heads)
        .collect();
    let youn = heads
        .iter()
        .find(|h| h.person == "youn-jong-kwon")
        .expect("Yoon Jong-kwon is Youn Jong Kwon");
    assert!(
        youn.title
            .starts_with("Director-General for International Security")
    );
    assert_eq!(youn.role, "co-chair");
    // The known person is not added again; the unknown one is.
    assert!(!p.new_people.iter().any(|x| x.id == "youn-jong-kwon"));
}

#[test]
fn import_writes_a_source_and_a_draft_meeting_then_confirm_and_the_merged_corpus_see_it() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("corpus");
    let file = text("cyber-ninth.txt");
    let dry = entente(&dir, &["import", file.to_str().unwrap(), "--dry-run"]);
    assert_eq!(dry.status.code(), Some(0), "{}", err(&dry));
    assert!(
        out(&dry).contains("dry run, nothing written"),
        "{}",
        out(&dry)
    );
    assert!(files(&dir).is_empty(), "a dry run writes nothing");

    let run = entente(
        &dir,
        &[
            "import",
            file.to_str().unwrap(),
            "--url",
            "https://example.org/9",
        ],
    );
    assert_eq!(run.status.code(), Some(0), "{}", err(&run));
    let summary = out(&run);
    assert!(
        summary.contains("¶1") && summary.contains("eu-rok-cyber-9"),
        "{summary}"
    );
    let written = files(&dir);
    assert_eq!(written.len(), 2, "{written:?}");
    assert!(
        written.iter().any(|f| f == "meeting-eu-rok-cyber-9.json"),
        "{written:?}"
    );
    // Canonical layout: `fmt --check` finds nothing to change.
    let fmt = entente(&dir, &["fmt", "--check", dir.to_str().unwrap()]);
    assert_eq!(fmt.status.code(), Some(0), "{}{}", out(&fmt), err(&fmt));

    // The merged corpus holds it, as a draft, listed by check --strict.
    let show = entente(&dir, &["show", "eu-rok-cyber-9"]);
    assert_eq!(show.status.code(), Some(0), "{}", err(&show));
    assert!(out(&show).contains("Draft: detected by"), "{}", out(&show));
    let strict = entente(&dir, &["check", "--strict"]);
    assert!(
        out(&strict).contains("eu-rok-cyber-9` is a draft"),
        "{}",
        out(&strict)
    );

    let confirm = entente(&dir, &["confirm", "eu-rok-cyber-9"]);
    assert_eq!(confirm.status.code(), Some(0), "{}", err(&confirm));
    let strict = entente(&dir, &["check", "--strict"]);
    assert!(!out(&strict).contains("is a draft"), "{}", out(&strict));
    let show = entente(&dir, &["show", "eu-rok-cyber-9"]);
    assert!(!out(&show).contains("Draft: detected by"), "{}", out(&show));

    // A re-import is refused, naming the existing source; nothing more is written.
    let again = entente(
        &dir,
        &["import", file.to_str().unwrap(), "--id", "other-id"],
    );
    assert_eq!(again.status.code(), Some(2));
    assert!(
        err(&again).contains("already imported as source"),
        "{}",
        err(&again)
    );
    assert_eq!(files(&dir), written);
    // An id in use is refused, naming the record that has it.
    let japan = text("japan.txt");
    let taken = entente(
        &dir,
        &["import", japan.to_str().unwrap(), "--id", "eu-rok-cyber-7"],
    );
    assert_eq!(taken.status.code(), Some(2));
    assert!(
        err(&taken).contains("`eu-rok-cyber-7` is already used by the meeting"),
        "{}",
        err(&taken)
    );
    assert_eq!(files(&dir), written);
}

#[test]
fn another_account_of_a_meeting_in_the_user_corpus_is_added_to_its_file() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().to_path_buf();
    let first = entente(&dir, &["import", text("cyber-ninth.txt").to_str().unwrap()]);
    assert_eq!(first.status.code(), Some(0), "{}", err(&first));
    assert_eq!(
        entente(&dir, &["confirm", "eu-rok-cyber-9"]).status.code(),
        Some(0)
    );
    let second = entente(
        &dir,
        &["import", text("cyber-ninth-rok.txt").to_str().unwrap()],
    );
    assert_eq!(second.status.code(), Some(0), "{}", err(&second));
    assert!(
        out(&second).contains("existing meeting eu-rok-cyber-9"),
        "{}",
        out(&second)
    );
    // Two sources, one meeting file holding both accounts, a draft again (a new account).
    assert_eq!(files(&dir).len(), 3, "{:?}", files(&dir));
    let meeting = std::fs::read_to_string(dir.join("meeting-eu-rok-cyber-9.json")).unwrap();
    assert!(meeting.matches("\"source\": \"").count() >= 2, "{meeting}");
    assert!(
        meeting.contains("9th-republic-of-korea-european-union"),
        "{meeting}"
    );
    assert!(
        meeting.contains("\"draft\": true") && !meeting.contains("amends"),
        "{meeting}"
    );
}

#[test]
fn another_account_of_a_built_in_meeting_amends_it_in_the_user_corpus() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().to_path_buf();
    let html = text("cyber-seventh-account.html");
    let run = entente(&dir, &["import", html.to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(0), "{}", err(&run));
    assert!(
        out(&run).contains("existing meeting eu-rok-cyber-7"),
        "{}",
        out(&run)
    );
    let meeting =
        std::fs::read_to_string(dir.join("meeting-eu-rok-cyber-7.json")).expect("written");
    assert!(meeting.contains("\"amends\": true"), "{meeting}");
    // One 7th dialogue, with one more account, marked as amended.
    let list = entente(&dir, &["list", "--json"]);
    let count = out(&list).matches("\"eu-rok-cyber-7\"").count();
    assert_eq!(count, 1, "{}", out(&list));
    let show = entente(&dir, &["show", "eu-rok-cyber-7"]);
    assert!(
        out(&show).contains("Amended in your corpus"),
        "{}",
        out(&show)
    );
    assert!(
        out(&show).contains("seventh-eu-rok-cyber-dialogue-a-summary"),
        "{}",
        out(&show)
    );
}

#[test]
fn layering_a_clash_names_both_files_and_corpus_alone_ignores_the_user_dir() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().to_path_buf();
    let html = text("cyber-seventh-account.html");
    assert_eq!(
        entente(&dir, &["import", html.to_str().unwrap()])
            .status
            .code(),
        Some(0)
    );
    let path = dir.join("meeting-eu-rok-cyber-7.json");
    let clash = std::fs::read_to_string(&path)
        .unwrap()
        .replace("  \"amends\": true,\n", "")
        .replace(",\n      \"amends\": true", "");
    assert!(!clash.contains("amends"), "{clash}");
    std::fs::write(&path, clash).unwrap();
    let check = entente(&dir, &["check"]);
    assert_eq!(check.status.code(), Some(2));
    let report = out(&check);
    assert!(
        report.contains("duplicate id `eu-rok-cyber-7`")
            && report.contains("<built-in>/meetings.json")
            && report.contains("meeting-eu-rok-cyber-7.json"),
        "{report}"
    );
    let list = entente(&dir, &["list"]);
    assert_eq!(list.status.code(), Some(2), "a clash stops every start");
    // `--corpus PATH` loads exactly PATH: the user directory's clash does not matter.
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/small");
    let alone = entente(&dir, &["--corpus", fixture.to_str().unwrap(), "list"]);
    assert_eq!(alone.status.code(), Some(0), "{}", err(&alone));
    assert!(!out(&alone).contains("eu-rok-cyber-7 "), "{}", out(&alone));
}

#[test]
fn an_absent_user_dir_is_the_built_in_corpus_and_xdg_data_home_is_followed() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let absent = tmp.path().join("absent");
    let check = entente(&absent, &["check"]);
    assert_eq!(
        check.status.code(),
        Some(0),
        "{}{}",
        out(&check),
        err(&check)
    );
    assert!(!absent.exists(), "reading never creates the directory");
    // Without ENTENTE_CORPUS_DIR, import writes under $XDG_DATA_HOME/entente/corpus.
    let xdg = tmp.path().join("xdg");
    let run = crate::support::bin::command()
        .args(["import", text("japan.txt").to_str().unwrap()])
        .env_remove("ENTENTE_CORPUS_DIR")
        .env("XDG_DATA_HOME", &xdg)
        .env("HOME", tmp.path().join("home"))
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(0), "{}", err(&run));
    assert_eq!(files(&xdg.join("entente/corpus")).len(), 2);
    assert!(!tmp.path().join("home").exists());
}

#[test]
fn bad_inputs_exit_2_and_write_nothing() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("corpus");
    let empty = tmp.path().join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let binary = tmp.path().join("binary.bin");
    std::fs::write(&binary, b"\x7fELF\0\0\x01binary").unwrap();
    let huge = tmp.path().join("huge.txt");
    // Sparse: over the cap without using the disk; refused from its size, unread.
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(entente::corpus::load::MAX_FILE_BYTES + 1)
        .unwrap();
    for (input, says) in [
        (empty, "empty"),
        (binary, "binary"),
        (huge, "over the corpus limit"),
        (text("latin1.txt"), "not valid UTF-8"),
        (text("no-text.html"), "no paragraph"),
    ] {
        let o = entente(&dir, &["import", input.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(2), "{}", input.display());
        assert!(err(&o).contains(says), "{}: {}", input.display(), err(&o));
        assert!(files(&dir).is_empty(), "{}", input.display());
    }
}
