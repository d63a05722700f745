//! Tests of full-text search: terms, phrases, order, and ranges that slice the original text
//! even where folding changes byte lengths.

use super::*;
use crate::corpus::{FORMAT, Source, SourceKind, Text};
use proptest::prelude::*;

fn source(id: &str, paragraphs: &[&str]) -> Source {
    Source {
        kind: SourceKind::NewsItem,
        raw: paragraphs.join("\n\n").into(),
        paragraphs: paragraphs.iter().map(|p| Text::from(*p)).collect(),
        ..crate::test_fixture::source(id)
    }
}

fn index() -> TextIndex {
    TextIndex::new(&Corpus {
        format: FORMAT.into(),
        sources: vec![
            source(
                "eeas",
                &[
                    "The EU and the Republic of Korea held the Cyber Dialogue in Seoul.",
                    "They discussed ransomware and the UN cybercrime convention.",
                    "Capacity building in the Indo-Pacific was addressed.",
                ],
            ),
            source(
                "mofa",
                &[
                    "외교부 사이버 정책 협의회 (Cyber Policy Consultation) in SEOUL",
                    "İSTANBUL and STRAẞE are not in the corpus; ransomware is.",
                ],
            ),
        ],
        ..Corpus::default()
    })
}

fn slices(index: &TextIndex, hit: &Hit) -> Vec<String> {
    let text = index.text(&hit.source, hit.paragraph).unwrap_or_default();
    hit.ranges
        .iter()
        .map(|r| text[r.clone()].to_owned())
        .collect()
}

#[test]
fn all_words_must_appear_in_source_then_paragraph_order() {
    let idx = index();
    let hits = idx.search("seoul cyber");
    let at: Vec<(&str, u32)> = hits
        .iter()
        .map(|h| (h.source.as_str(), h.paragraph))
        .collect();
    assert_eq!(at, vec![("eeas", 1), ("mofa", 1)]);
    assert_eq!(slices(&idx, &hits[0]), vec!["Cyber", "Seoul"]);
    assert_eq!(slices(&idx, &hits[1]), vec!["Cyber", "SEOUL"]);
    let ransom: Vec<(String, u32)> = idx
        .search("RANSOMWARE")
        .into_iter()
        .map(|h| (h.source, h.paragraph))
        .collect();
    assert_eq!(ransom, vec![("eeas".into(), 2), ("mofa".into(), 2)]);
    assert!(idx.search("seoul ransomware").is_empty());
    assert!(idx.search("").is_empty());
    assert!(idx.search("  \"\" ").is_empty());
}

#[test]
fn every_occurrence_is_highlighted() {
    let idx = index();
    let hits = idx.search("the");
    assert_eq!(slices(&idx, &hits[0]), vec!["The", "the", "the"]);
    // A word also matches inside a longer one.
    let hits = idx.search("cyber");
    assert_eq!(slices(&idx, &hits[1]), vec!["cyber"]);
}

#[test]
fn quoted_phrases_match_exactly() {
    let idx = index();
    let hits = idx.search("\"capacity building\"");
    assert_eq!(hits.len(), 1);
    assert_eq!(slices(&idx, &hits[0]), vec!["Capacity building"]);
    assert!(idx.search("\"building capacity\"").is_empty());
    // A word and a phrase together; an unclosed quote runs to the end.
    let hits = idx.search("un \"cybercrime conv");
    assert_eq!(slices(&idx, &hits[0]), vec!["UN", "cybercrime conv"]);
}

#[test]
fn ranges_slice_the_original_when_folding_changes_lengths() {
    let idx = index();
    let hits = idx.search("istanbul strasse");
    assert_eq!(hits.len(), 1);
    assert_eq!(slices(&idx, &hits[0]), vec!["İSTANBUL", "STRAẞE"]);
    let hits = idx.search("사이버");
    assert_eq!(slices(&idx, &hits[0]), vec!["사이버"]);
    // After the length-changing characters, later ranges are still right.
    let hits = idx.search("ransomware strasse");
    assert_eq!(slices(&idx, &hits[0]), vec!["STRAẞE", "ransomware"]);
}

#[test]
fn find_in_one_text() {
    let text = "İİ ẞ straße, Straße: STRASSE";
    let ranges = find_in(text, "strasse");
    let found: Vec<&str> = ranges.iter().map(|r| &text[r.clone()]).collect();
    assert_eq!(found, vec!["straße", "Straße", "STRASSE"]);
    let ranges = find_in(text, "i");
    assert_eq!(ranges, vec![0..2, 2..4]);
    // One "s" in ß, twice: a single, whole-character range.
    assert_eq!(find_in("ß", "s"), vec![0..2]);
    assert_eq!(find_in("aaaa", "aa"), vec![0..2, 2..4]);
    assert!(find_in(text, "").is_empty());
    assert_eq!(find_in("a cyber threat", "CYBER THREAT"), vec![2..14]);
}

#[test]
fn hostile_paragraphs_are_sanitised_before_indexing() {
    let idx = TextIndex::new(&Corpus {
        format: FORMAT.into(),
        sources: vec![source("x", &["bad\x1b]0;title\x07 word"])],
        ..Corpus::default()
    });
    let hits = idx.search("title");
    assert!(hits.is_empty());
    let hits = idx.search("word");
    assert_eq!(idx.text("x", 1), Some("bad word"));
    assert_eq!(slices(&idx, &hits[0]), vec!["word"]);
    assert_eq!(idx.text("x", 2), None);
    assert_eq!(idx.text("nope", 1), None);
}

proptest! {
    #[test]
    fn find_in_ranges_are_ordered_and_fold_to_the_query(
        text in "[aAsSßẞİiéÉ한 ]{0,24}",
        query in "[asßi한é]{1,3}",
    ) {
        let ranges = find_in(&text, &query);
        let mut last = 0;
        for r in &ranges {
            prop_assert!(r.start >= last && r.start < r.end);
            prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
            // The folded slice holds the folded query (a slice may be wider when one original
            // character folded to several).
            prop_assert!(fold_text(&text[r.clone()]).contains(&fold_text(&query)));
            last = r.end;
        }
    }
}

proptest! {
    #[test]
    fn text_search_typed_a_key_at_a_time_equals_find_in(
        text in "[aAsSßẞİiéÉ한 ]{0,40}",
        typed in "[asßi한é ]{1,6}",
    ) {
        let mut search = TextSearch::new(&text);
        let mut query = String::new();
        for c in typed.chars() {
            query.push(c);
            prop_assert_eq!(search.find(&query), find_in(&text, &query), "{:?}", query);
        }
        // Backspace: a shorter query is searched afresh.
        query.pop();
        prop_assert_eq!(search.find(&query), find_in(&text, &query));
    }
}

#[test]
fn text_search_overlapping_prefix_matches_are_kept() {
    // "aa" matches at 0 and 1 (overlapping); "aab" only at 1.
    let mut search = TextSearch::new("aaab");
    assert_eq!(search.find("aa"), vec![0..2]);
    assert_eq!(search.find("aab"), vec![1..4]);
}

#[test]
fn text_search_refines_on_the_previous_hits_not_the_whole_text() {
    // A long paragraph, as in a pasted report: ~10 MB with "capacity" every 60 bytes.
    let unit = "The delegations discussed cyber policy and capacity building. ";
    let text = unit.repeat(10 * 1024 * 1024 / unit.len());
    let mut search = TextSearch::new(&text);
    let first = search.find("c");
    assert!(!first.is_empty());
    let after_first = search.work();
    assert!(
        after_first >= text.len() as u64,
        "the first key scans the text"
    );
    for query in ["ca", "cap", "capa", "capac"] {
        let before = search.work();
        let found = search.find(query);
        assert!(!found.is_empty());
        let work = search.work() - before;
        // "c" starts 5 times in 63 bytes: the refinement re-checks those, not the text.
        assert!(
            work * 8 < text.len() as u64,
            "{query}: {work} units of work for {} bytes",
            text.len()
        );
    }
    assert_eq!(search.find("capac"), find_in(&text, "capac"));
}

/// The way back to the original bytes starts at the first character that folds to other bytes
/// ("é" to "e"): matches before and after it map to their own text.
#[test]
fn matches_before_and_after_the_first_refolded_character_map_back() {
    let text = "Cafe, then café, then CAFE";
    let found: Vec<&str> = find_in(text, "cafe")
        .into_iter()
        .map(|r| &text[r])
        .collect();
    assert_eq!(found, vec!["Cafe", "café", "CAFE"]);
    let mut search = TextSearch::new(text);
    assert_eq!(search.find("caf"), find_in(text, "caf"));
}
