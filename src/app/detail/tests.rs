//! Cursor and scroll of the detail view: fixed lines skipped, tall lines scrolled row by
//! row, pages and ends in range, empty views safe.

use super::*;
use crate::app::doc::{DocLine, Seg};

fn view(lines: &[(&str, bool)], width: usize, height: usize) -> DetailView {
    let mut doc = Doc::default();
    for (text, selectable) in lines {
        let segs = vec![Seg::plain(text)];
        doc.push(if *selectable {
            DocLine::item(segs)
        } else {
            DocLine::fixed(segs)
        });
    }
    let mut v = DetailView::default();
    v.set(doc, width, height);
    v.reset();
    v
}

#[test]
fn cursor_skips_fixed_lines_and_scroll_follows() {
    let mut v = view(
        &[
            ("H", false),
            ("a", true),
            ("", false),
            ("b", true),
            ("c", true),
        ],
        10,
        2,
    );
    assert_eq!(v.cursor, 1);
    v.down();
    assert_eq!(v.cursor, 3);
    assert!(v.scroll <= 3 && v.scroll + 2 > 3);
    v.down();
    v.down();
    assert_eq!(v.cursor, 4);
    assert_eq!(v.scroll, v.max_scroll());
    v.up();
    v.up();
    assert_eq!(v.cursor, 1);
    assert_eq!(v.scroll, 0, "the heading above the first line shows");
}

#[test]
fn a_tall_line_scrolls_row_by_row() {
    let long = "word ".repeat(40);
    let mut v = view(&[(&long, true), ("next", true)], 10, 3);
    let rows = v.line_rows(0).len();
    assert!(rows > 3);
    for _ in 0..rows - 3 {
        v.down();
        assert_eq!(v.cursor, 0);
    }
    v.down();
    assert_eq!(v.cursor, 1);
    v.check().unwrap();
}

#[test]
fn pages_and_ends_stay_in_range() {
    let lines: Vec<(String, bool)> = (0..50).map(|i| (format!("l{i}"), true)).collect();
    let refs: Vec<(&str, bool)> = lines.iter().map(|(s, b)| (s.as_str(), *b)).collect();
    let mut v = view(&refs, 10, 7);
    v.page_down();
    assert_eq!(v.scroll, 7);
    assert_eq!(v.cursor, 7);
    v.bottom();
    assert_eq!(v.cursor, 49);
    assert_eq!(v.scroll, 43);
    v.page_down();
    v.check().unwrap();
    v.top();
    assert_eq!((v.cursor, v.scroll), (0, 0));
    v.page_up();
    assert_eq!(v.scroll, 0);
}

#[test]
fn empty_and_zero_height_views_are_safe() {
    let mut v = DetailView::default();
    v.set(Doc::default(), 0, 0);
    v.down();
    v.up();
    v.page_down();
    v.bottom();
    v.check().unwrap();
    assert!(v.visible_rows().is_empty());
}

#[test]
fn the_text_tab_of_a_reference_source_says_where_its_text_is() {
    use crate::app::detail::text::{TextRequest, build};
    let corpus = crate::test_fixture::small().corpus;
    let i = corpus
        .meetings
        .iter()
        .position(|m| m.id == "data-dialogue-2")
        .expect("the fixture has the 2nd Data Dialogue");
    let entry = crate::index::EntryRef::Meeting(i);
    let sources = crate::accounts::text_sources(&corpus, entry);
    let news = sources
        .iter()
        .position(|s| s.id == "news-data-dialogue-2")
        .expect("the news reference cited by the date's alternative is a text source");
    let request = TextRequest {
        account: news,
        compare: false,
        highlight: None,
        width: 80,
        wide: false,
        text: crate::app::strings::Lang::En.strings(),
    };
    let doc = build(&corpus, entry, request);
    let text: Vec<String> = doc
        .doc
        .lines
        .iter()
        .map(|l| l.segs.iter().map(|s| s.text.as_str()).collect())
        .collect();
    assert!(
        text.iter().any(|l| l
            == "text not in the corpus — see https://news.example/2020/02/second-data-dialogue"),
        "{text:#?}"
    );
    assert!(doc.layout.paragraph_lines.is_empty());
}
