//! Transitions of `App::update` on the small fixture corpus of the integration tests
//! (`tests/fixtures/small/`, embedded), driven through the key map as a user would drive them.
//! The fixture, not the built-in record, so that adding to the record breaks none of them.

use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

use crate::app::action::{Action, Tab};
use crate::app::doc::Target;
use crate::app::layout::Focus;
use crate::app::{App, AppOptions, Mode};
use crate::corpus::Facet;
use crate::corpus::LoadedCorpus;
use crate::index::{EntryRef, Index};

fn app_sized(w: u16, h: u16) -> App {
    let loaded = crate::test_fixture::small();
    let index = Index::build(&loaded.corpus);
    let options = AppOptions {
        size: (w, h),
        mouse: true,
        ..AppOptions::default()
    };
    App::new(loaded, index, options)
}

fn app() -> App {
    app_sized(120, 40)
}

fn key(app: &mut App, code: KeyCode, modifiers: KeyModifiers) {
    let event = KeyEvent::new(code, modifiers);
    if let Some(action) = crate::app::keymap::action_for(&event, app.contexts()) {
        app.update(action);
    }
    app.check_invariants().unwrap();
}

/// Types each character as a key press (Shift for capitals), through the key map.
fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        let m = if c.is_uppercase() {
            KeyModifiers::SHIFT
        } else {
            KeyModifiers::NONE
        };
        key(app, KeyCode::Char(c), m);
    }
}

fn press(app: &mut App, code: KeyCode) {
    key(app, code, KeyModifiers::NONE);
}

fn meeting(app: &App, id: &str) -> EntryRef {
    match app.index().entry(id) {
        Some(EntryRef::Meeting(i)) => EntryRef::Meeting(i),
        other => panic!("{id} is not a meeting: {other:?}"),
    }
}

#[test]
fn starts_on_the_latest_meeting_with_everything_shown() {
    let a = app();
    assert_eq!(a.selected(), Some(meeting(&a, "data-dialogue-3")));
    let (shown, total) = a.counts();
    assert_eq!(shown, total);
    assert_eq!(total, a.corpus().meetings.len() + a.corpus().events.len());
}

#[test]
fn a_topic_pick_filters_the_timeline_and_esc_clears_it() {
    let mut a = app();
    typed(&mut a, "f");
    assert_eq!(a.mode(), Mode::Finder);
    typed(&mut a, "#resilience");
    let first = a.finder().rows.first().expect("a result").candidate;
    assert_eq!(a.finder_candidate(first).unwrap().id, "cyber-resilience");
    press(&mut a, KeyCode::Enter);
    assert_eq!(a.mode(), Mode::Normal);
    assert_eq!(a.filter().facet(Facet::Topic), Some("cyber-resilience"));
    let (shown, total) = a.counts();
    assert!(shown > 0 && shown < total, "{shown} of {total}");
    assert!(matches!(a.selected(), Some(EntryRef::Meeting(_))));
    assert_eq!(a.focus(), Focus::Timeline);
    press(&mut a, KeyCode::Esc);
    assert!(a.filter().is_empty());
    assert_eq!(a.counts().0, total);
}

#[test]
fn a_meeting_pick_jumps_and_clears_a_filter_that_hides_it() {
    let mut a = app();
    a.update(Action::OpenFinder);
    typed(&mut a, "@kdsa");
    press(&mut a, KeyCode::Enter);
    assert_eq!(a.filter().facet(Facet::Organisation), Some("kdsa"));
    assert!(!a.filtered().contains(&meeting(&a, "data-dialogue-1")));
    a.update(Action::OpenFinder);
    typed(&mut a, ":1st data dialogue");
    press(&mut a, KeyCode::Enter);
    assert_eq!(a.selected(), Some(meeting(&a, "data-dialogue-1")));
    assert!(a.filter().is_empty());
    assert_eq!((a.tab(), a.focus()), (Tab::Overview, Focus::Detail));
}

#[test]
fn recent_picks_come_first_when_the_finder_reopens() {
    let mut a = app();
    a.update(Action::OpenFinder);
    typed(&mut a, "geneva");
    let picked = a.finder().rows[0].candidate;
    press(&mut a, KeyCode::Enter);
    a.update(Action::OpenFinder);
    assert_eq!(a.finder().rows[0].candidate, picked);
    assert!(a.finder().rows[0].recent);
}

#[test]
fn tab_cycles_the_finder_kind_and_esc_closes() {
    let mut a = app();
    a.update(Action::OpenFinder);
    press(&mut a, KeyCode::Tab);
    press(&mut a, KeyCode::Tab);
    assert_eq!(a.finder().input.text(), "@");
    let cands = a.finder_candidates();
    assert!(
        a.finder()
            .rows
            .iter()
            .all(|r| cands.get(r.candidate).unwrap().kind
                == crate::search::fuzzy::Kind::Organisation)
    );
    key(&mut a, KeyCode::BackTab, KeyModifiers::SHIFT);
    assert_eq!(a.finder().input.text(), "#");
    press(&mut a, KeyCode::Esc);
    assert_eq!(a.mode(), Mode::Normal);
    assert!(a.filter().is_empty());
}

#[test]
fn number_keys_and_brackets_switch_tabs() {
    let mut a = app();
    typed(&mut a, "2");
    assert_eq!((a.tab(), a.focus()), (Tab::Text, Focus::Detail));
    typed(&mut a, "]");
    assert_eq!(a.tab(), Tab::Related);
    typed(&mut a, "]");
    assert_eq!(a.tab(), Tab::Overview);
    typed(&mut a, "[");
    assert_eq!(a.tab(), Tab::Related);
    typed(&mut a, "1");
    assert_eq!(a.tab(), Tab::Overview);
}

/// The 1-based position and total in "match 3 of 7".
fn match_position(a: &App) -> (usize, usize) {
    let status = a.search_status().expect("a search is active");
    let numbers: Vec<usize> = status.split(' ').filter_map(|w| w.parse().ok()).collect();
    match numbers[..] {
        [position, total] => (position, total),
        _ => panic!("not a match position: {status:?}"),
    }
}

#[test]
fn search_steps_wrap_around_both_ways_across_accounts() {
    let mut a = app();
    typed(&mut a, "l/resilience");
    assert_eq!((a.mode(), a.tab()), (Mode::Search, Tab::Text));
    press(&mut a, KeyCode::Enter);
    let counts = a.search().counts.clone();
    assert_eq!(counts.len(), 2, "the 3rd has two accounts: {counts:?}");
    assert!(
        counts.iter().all(|&c| c > 0),
        "both mention resilience: {counts:?}"
    );
    let n: usize = counts.iter().sum();
    let (start, total) = match_position(&a);
    assert_eq!(total, n);
    let mut accounts = std::collections::BTreeSet::new();
    for step in 1..=n {
        typed(&mut a, "n");
        accounts.insert(a.account());
        assert_eq!(
            match_position(&a).0,
            (start - 1 + step) % n + 1,
            "after {step} n"
        );
        assert_eq!(a.search().matches.len(), counts[a.account()]);
    }
    assert_eq!(accounts.len(), 2, "n visits both accounts");
    typed(&mut a, "gN");
    assert_eq!(match_position(&a).0, (start + n - 2) % n + 1);
    // The current match is on screen.
    let m = &a.search().matches[a.search().current];
    let rows = &a.detail().wrapped.line_rows[m.line];
    let view = a.detail().scroll..a.detail().scroll + a.detail().height;
    assert!(rows.clone().any(|r| view.contains(&r)));
    press(&mut a, KeyCode::Esc);
    assert!(!a.search().active());
}

#[test]
fn a_search_finds_what_only_the_other_account_says() {
    let mut a = app();
    typed(&mut a, "2");
    assert_eq!(a.account(), 0, "starts on the EU account");
    typed(&mut a, "/Aurora");
    assert_eq!(a.account(), 1, "the ROK account holds the match");
    assert_eq!(a.search_status().as_deref(), Some("match 1 of 1"));
    assert_eq!(a.search().counts, vec![0, 1]);
    press(&mut a, KeyCode::Enter);
    typed(&mut a, "n");
    assert_eq!((a.account(), match_position(&a)), (1, (1, 1)));
    typed(&mut a, "N");
    assert_eq!((a.account(), match_position(&a)), (1, (1, 1)));
    // Shown on another account, the status says where the matches are.
    typed(&mut a, "a");
    assert_eq!(a.account(), 0);
    assert_eq!(
        a.search_status(),
        Some((crate::app::strings::Lang::En.strings().matches_elsewhere)(
            1
        ))
    );
    typed(&mut a, "n");
    assert_eq!((a.account(), match_position(&a)), (1, (1, 1)));
    // From another tab, n comes back to the Text tab on the account holding the match.
    typed(&mut a, "a1");
    assert_eq!((a.account(), a.tab()), (0, Tab::Overview));
    typed(&mut a, "n");
    assert_eq!((a.tab(), a.account()), (Tab::Text, 1));
    assert_eq!(match_position(&a), (1, 1));
}

#[test]
fn a_search_started_at_the_end_of_a_comparison_keeps_the_cursor_in_the_text() {
    // Found by the property tests at 1x1: the view saved at `/` came from the (longer)
    // comparison, and a query matching nothing put the cursor back past the text's end.
    let mut a = app_sized(1, 1);
    a.update(Action::ToggleCompare);
    a.update(Action::Bottom);
    a.update(Action::StartSearch);
    a.check_invariants().unwrap();
    a.update(Action::Insert('#'));
    a.check_invariants().unwrap();
    a.update(Action::Close);
    a.check_invariants().unwrap();
}

#[test]
fn cancelling_a_search_returns_to_the_account_it_started_in() {
    let mut a = app();
    typed(&mut a, "2/Aurora");
    assert_eq!(a.account(), 1);
    press(&mut a, KeyCode::Esc);
    assert_eq!((a.mode(), a.account()), (Mode::Normal, 0));
    // Editing the query searches from the first account again.
    typed(&mut a, "/Aurora");
    assert_eq!(a.account(), 1);
    for _ in 0.."Aurora".len() {
        press(&mut a, KeyCode::Backspace);
    }
    typed(&mut a, "cyber");
    assert_eq!(
        a.account(),
        0,
        "cyber is in the account the search started in"
    );
    assert_eq!(
        match_position(&a).1,
        a.search().counts.iter().sum::<usize>()
    );
}

#[test]
fn cancelling_a_search_restores_the_view() {
    let mut a = app();
    typed(&mut a, "2jjj");
    let before = (a.detail().cursor, a.detail().scroll);
    typed(&mut a, "/aurora");
    press(&mut a, KeyCode::Esc);
    assert_eq!(a.mode(), Mode::Normal);
    assert!(!a.search().active());
    assert_eq!((a.detail().cursor, a.detail().scroll), before);
}

#[test]
fn enter_on_a_citation_opens_the_cited_paragraph_in_the_right_account() {
    let mut a = app();
    typed(&mut a, "l");
    let rok = "rok-data-dialogue-3";
    let (line, cite) = a
        .detail()
        .doc
        .lines
        .iter()
        .enumerate()
        .find_map(|(i, l)| match &l.target {
            Some(Target::Cite(c)) if c.source == rok => Some((i, c.clone())),
            _ => None,
        })
        .expect("a line cites the ROK account");
    a.detail.cursor = line;
    press(&mut a, KeyCode::Enter);
    assert_eq!(a.tab(), Tab::Text);
    assert_eq!(a.account(), 1);
    assert_eq!(a.highlight(), Some(&cite));
    let para_line = a.paragraph_lines[cite.paragraph.expect("a paragraph") as usize - 1];
    assert_eq!(a.detail().cursor, para_line);
}

#[test]
fn enter_on_a_related_meeting_jumps_there() {
    let mut a = app();
    typed(&mut a, "3");
    let target = a.detail().cursor_line().and_then(|l| l.target.clone());
    let Some(Target::Entry(entry)) = target else {
        panic!("the first related line targets a meeting: {target:?}");
    };
    press(&mut a, KeyCode::Enter);
    assert_eq!(a.selected(), Some(entry));
    assert_eq!(a.tab(), Tab::Overview);
}

#[test]
fn accounts_switch_and_compare_marks_what_one_account_alone_says() {
    let mut a = app_sized(80, 24);
    typed(&mut a, "a");
    assert_eq!((a.tab(), a.account()), (Tab::Text, 1));
    assert_eq!(a.status(), Some("showing ROK account"));
    typed(&mut a, "c");
    assert!(a.comparing());
    let text: Vec<String> = a
        .detail()
        .doc
        .lines
        .iter()
        .map(|l| l.plain_text())
        .collect();
    let all = text.join("\n");
    assert!(
        all.contains("[only in ROK] 4. They also discussed the Aurora Protocol"),
        "{all}"
    );
    assert!(all.contains("only in EU account"), "{all}");
    // Wide enough: side by side, each account's only-here sentences marked.
    a.update(Action::Resize(120, 40));
    let all: String = a
        .detail()
        .doc
        .lines
        .iter()
        .map(|l| l.plain_text() + "\n")
        .collect();
    assert!(all.contains("ROK account") && all.contains(" │ "), "{all}");
    assert!(
        all.contains("[only in ROK]") && all.contains("[only in EU]"),
        "{all}"
    );
    typed(&mut a, "c");
    assert!(!a.comparing());
    // A meeting with one account has nothing to compare.
    a.update(Action::OpenFinder);
    typed(&mut a, ":2nd data dialogue");
    press(&mut a, KeyCode::Enter);
    typed(&mut a, "c");
    assert!(!a.comparing());
    assert_eq!(a.status(), Some("only one account of this entry"));
}

#[test]
fn y_copies_the_fact_with_its_full_citation() {
    let mut a = app();
    typed(&mut a, "ly");
    let copy = a.pending_copy.take().expect("y copies the fact");
    assert!(!copy.to_file);
    assert!(
        copy.text
            .starts_with("Date: 11–12 June 2024 — Office for Digital Affairs, “"),
        "{}",
        copy.text
    );
    assert!(!copy.text.contains('['), "{}", copy.text);
    a.update(Action::Copied(crate::app::action::CopyDestination::Osc52));
    assert_eq!(
        a.status(),
        Some("copied to clipboard (OSC 52): “Date: 11–12 June 2024 — Office…”")
    );
}

#[test]
fn narrow_terminals_switch_panes_with_tab() {
    let mut a = app_sized(80, 24);
    assert!(a.geometry().show_timeline && !a.geometry().show_detail);
    press(&mut a, KeyCode::Tab);
    assert!(!a.geometry().show_timeline && a.geometry().show_detail);
    press(&mut a, KeyCode::Tab);
    assert_eq!(a.focus(), Focus::Timeline);
}

#[test]
fn every_action_is_safe_on_an_empty_corpus_and_a_tiny_terminal() {
    let loaded = LoadedCorpus::default();
    let index = Index::build(&loaded.corpus);
    let mut a = App::new(loaded, index, AppOptions::default());
    let actions = [
        Action::Resize(1, 1),
        Action::Down,
        Action::PageDown,
        Action::Bottom,
        Action::Activate,
        Action::Copy,
        Action::SwitchAccount,
        Action::ToggleCompare,
        Action::StartSearch,
        Action::NextMatch,
        Action::OpenFinder,
        Action::Insert('x'),
        Action::Accept,
        Action::OpenHelp,
        Action::PageDown,
        Action::Close,
        Action::Click { column: 0, row: 0 },
        Action::Wheel {
            column: 0,
            row: 0,
            down: true,
        },
        Action::Resize(0, 0),
        Action::ClearFilter,
    ];
    for action in actions {
        a.update(action.clone());
        a.check_invariants()
            .unwrap_or_else(|e| panic!("after {action:?}: {e}"));
    }
    assert_eq!(a.counts(), (0, 0));
    assert!(a.selected().is_none());
}

fn mouse(app: &mut App, kind: ratatui::crossterm::event::MouseEventKind, column: u16, row: u16) {
    use ratatui::crossterm::event::MouseEvent;
    let event = Event::Mouse(MouseEvent {
        kind,
        column,
        row,
        modifiers: KeyModifiers::NONE,
    });
    if let Some(action) = crate::browser::action_for(app, &event) {
        app.update(action);
    }
    app.check_invariants().unwrap();
}

#[test]
fn clicks_select_rows_and_tabs_and_the_wheel_scrolls_the_pane_under_it() {
    use ratatui::crossterm::event::{MouseButton, MouseEventKind};
    // Short enough that the fixture's timeline (14 rows) scrolls.
    let mut a = app_sized(120, 12);
    typed(&mut a, "gj");
    assert_eq!(a.timeline().scroll, 0);
    let g = a.geometry();
    // Row 2 of the timeline's inside is the first entry under the first year heading.
    let first_entry_row = g.timeline.y + 2;
    mouse(
        &mut a,
        MouseEventKind::Down(MouseButton::Left),
        5,
        first_entry_row,
    );
    assert_eq!(a.focus(), Focus::Timeline);
    assert_eq!(a.selected(), a.filtered().first().copied());
    // The "3 Related" title on the detail's top border.
    let related =
        crate::app::layout::tab_titles(g.detail, crate::app::strings::Lang::En.strings().tab_names)
            [2]
        .2
        .start;
    mouse(
        &mut a,
        MouseEventKind::Down(MouseButton::Left),
        related + 1,
        g.detail.y,
    );
    assert_eq!((a.tab(), a.focus()), (Tab::Related, Focus::Detail));
    typed(&mut a, "1");
    let before = a.detail().scroll;
    mouse(
        &mut a,
        MouseEventKind::ScrollDown,
        g.detail.x + 5,
        g.detail.y + 5,
    );
    assert!(a.detail().scroll > before || a.detail().cursor > 0);
    let selected = a.selected();
    mouse(&mut a, MouseEventKind::ScrollDown, 5, g.timeline.y + 5);
    assert_eq!(a.timeline().scroll, 3);
    assert!(a.selected().is_some() && a.selected() != selected);
}

#[test]
fn e_prepares_the_briefing_note_of_the_selected_meeting() {
    let mut app = app();
    // The browser opens on the latest reported meeting, the 3rd Data Dialogue.
    key(&mut app, KeyCode::Char('e'), KeyModifiers::NONE);
    let (file, note) = app.pending_export.take().expect("a note to write");
    assert_eq!(file, "entente-data-dialogue-3.md");
    assert!(note.starts_with("# 3rd EU–ROK Data Dialogue"), "{note}");
    assert!(note.contains("## Sources"));
    app.update(Action::Exported(file));
    assert!(
        app.status
            .as_deref()
            .is_some_and(|s| s.contains("entente-data-dialogue-3.md"))
    );
    app.update(Action::ExportFailed("disk full".into()));
    assert!(
        app.status
            .as_deref()
            .is_some_and(|s| s.contains("disk full"))
    );
}

/// Typing the query and stepping between matches leave the Text tab's document as built and
/// wrapped: matches are painted when drawn (re-wrapping a 10 MB paragraph took most of a
/// second per key).
#[test]
fn searching_and_stepping_between_matches_do_not_rewrap_the_text() {
    let mut a = app();
    typed(&mut a, "2");
    assert_eq!((a.tab(), a.account()), (Tab::Text, 0));
    let wraps = a.detail().wraps;
    typed(&mut a, "/resilience");
    assert_eq!(a.account(), 0, "the EU account holds matches");
    let here = a.search().matches.len();
    assert!(here >= 2, "{here} matches in the EU account");
    assert_eq!(
        a.detail().wraps,
        wraps,
        "typing the query re-wrapped the text"
    );
    press(&mut a, KeyCode::Enter);
    for _ in 1..here {
        typed(&mut a, "n");
    }
    typed(&mut a, "N");
    assert_eq!(a.account(), 0);
    assert_eq!(match_position(&a).0, here - 1);
    assert_eq!(a.detail().wraps, wraps, "n and N re-wrapped the text");
    // Another account is another document: it is wrapped once.
    typed(&mut a, "nn");
    assert_eq!(a.account(), 1);
    assert_eq!(a.detail().wraps, wraps + 1);
}

// Navigation habits: history, tab views, half pages.

fn ctrl(app: &mut App, c: char) {
    key(app, KeyCode::Char(c), KeyModifiers::CONTROL);
}

/// The Overview line citing the ROK account of the selected meeting, and its citation.
fn rok_citation_line(a: &App) -> (usize, crate::corpus::Citation) {
    a.detail()
        .doc
        .lines
        .iter()
        .enumerate()
        .find_map(|(i, l)| match &l.target {
            Some(Target::Cite(c)) if c.source == "rok-data-dialogue-3" => Some((i, c.clone())),
            _ => None,
        })
        .expect("a line cites the ROK account")
}

#[test]
fn backspace_returns_from_a_citation_jump_and_ctrl_bracket_goes_forward() {
    let mut a = app();
    typed(&mut a, "l");
    let (line, cite) = rok_citation_line(&a);
    a.detail.cursor = line;
    let before = (a.tab(), a.account(), a.detail().cursor, a.detail().scroll);
    press(&mut a, KeyCode::Enter);
    let jumped = (a.tab(), a.account(), a.detail().cursor, a.detail().scroll);
    assert_eq!((jumped.0, jumped.1), (Tab::Text, 1));
    press(&mut a, KeyCode::Backspace);
    assert_eq!(
        (a.tab(), a.account(), a.detail().cursor, a.detail().scroll),
        before
    );
    assert_eq!(a.highlight(), None);
    // Ctrl-] arrives as Ctrl-5 from terminals without keyboard enhancement.
    ctrl(&mut a, '5');
    assert_eq!(
        (a.tab(), a.account(), a.detail().cursor, a.detail().scroll),
        jumped
    );
    assert_eq!(a.highlight(), Some(&cite));
    // Ctrl-O is back too; with nothing further back, the status says so.
    ctrl(&mut a, 'o');
    ctrl(&mut a, 'o');
    assert_eq!(a.tab(), Tab::Overview);
    assert_eq!(a.status(), Some(a.text().status_history_start));
    ctrl(&mut a, ']');
    ctrl(&mut a, ']');
    assert_eq!(a.tab(), Tab::Text);
    assert_eq!(a.status(), Some(a.text().status_history_end));
}

#[test]
fn pressing_1_after_a_citation_jump_keeps_the_place() {
    let mut a = app();
    typed(&mut a, "l");
    let (line, _) = rok_citation_line(&a);
    a.detail.cursor = line;
    press(&mut a, KeyCode::Enter);
    let jumped = (a.account(), a.detail().cursor, a.detail().scroll);
    typed(&mut a, "1");
    assert_eq!(a.tab(), Tab::Overview);
    // The Overview is where it was left, on the citation.
    assert_eq!(a.detail().cursor, line);
    // Backspace returns to the cited paragraph; so would 2.
    press(&mut a, KeyCode::Backspace);
    assert_eq!(a.tab(), Tab::Text);
    assert_eq!((a.account(), a.detail().cursor, a.detail().scroll), jumped);
    typed(&mut a, "1");
    typed(&mut a, "2");
    assert_eq!((a.account(), a.detail().cursor, a.detail().scroll), jumped);
}

#[test]
fn back_after_a_related_jump_returns_to_the_meeting_and_tab_left() {
    let mut a = app();
    let start = a.selected();
    typed(&mut a, "3");
    let Some(Target::Entry(entry)) = a.detail().cursor_line().and_then(|l| l.target.clone()) else {
        panic!("the first related line targets a meeting");
    };
    press(&mut a, KeyCode::Enter);
    assert_eq!(a.selected(), Some(entry));
    press(&mut a, KeyCode::Backspace);
    assert_eq!((a.selected(), a.tab()), (start, Tab::Related));
    ctrl(&mut a, ']');
    assert_eq!((a.selected(), a.tab()), (Some(entry), Tab::Overview));
}

#[test]
fn back_after_a_finder_pick_restores_the_filter() {
    let mut a = app();
    let start = a.selected();
    typed(&mut a, "f#resilience");
    press(&mut a, KeyCode::Enter);
    assert!(!a.filter().is_empty());
    press(&mut a, KeyCode::Backspace);
    assert!(a.filter().is_empty());
    assert_eq!(a.selected(), start);
    ctrl(&mut a, ']');
    assert!(!a.filter().is_empty());
}

#[test]
fn a_new_jump_after_back_drops_the_places_ahead() {
    let mut a = app();
    typed(&mut a, "2");
    typed(&mut a, "3");
    press(&mut a, KeyCode::Backspace);
    assert_eq!((a.tab(), a.history().forward_len()), (Tab::Text, 1));
    typed(&mut a, "1");
    assert_eq!(a.history().forward_len(), 0);
    ctrl(&mut a, ']');
    assert_eq!(a.tab(), Tab::Overview);
}

#[test]
fn ctrl_d_and_ctrl_u_move_half_a_page_and_ctrl_f_a_whole_one() {
    let mut a = app_sized(80, 10);
    typed(&mut a, "g");
    let height = a.timeline().height;
    assert!(
        a.filtered().len() > height,
        "the timeline is longer than the pane"
    );
    ctrl(&mut a, 'd');
    assert_eq!(a.timeline().selected, height / 2);
    ctrl(&mut a, 'u');
    assert_eq!(a.timeline().selected, 0);
    ctrl(&mut a, 'f');
    assert_eq!(a.timeline().selected, height);
    ctrl(&mut a, 'b');
    assert_eq!(a.timeline().selected, 0);
    // In the detail pane, half a page of rows.
    typed(&mut a, "G2");
    typed(&mut a, "g");
    let rows = a.detail().height;
    assert!(a.detail().rows() > rows, "the text is longer than the pane");
    ctrl(&mut a, 'd');
    assert_eq!(a.detail().scroll, rows / 2);
    ctrl(&mut a, 'u');
    assert_eq!(a.detail().scroll, 0);
}

#[test]
fn ctrl_c_and_esc_close_help_and_the_finder() {
    let mut a = app();
    for close in [
        (KeyCode::Esc, KeyModifiers::NONE),
        (KeyCode::Char('c'), KeyModifiers::CONTROL),
    ] {
        typed(&mut a, "?");
        assert_eq!(a.mode(), Mode::Help);
        key(&mut a, close.0, close.1);
        assert_eq!(a.mode(), Mode::Normal);
        assert!(!a.quit);
        typed(&mut a, "f");
        assert_eq!(a.mode(), Mode::Finder);
        key(&mut a, close.0, close.1);
        assert_eq!(a.mode(), Mode::Normal);
        assert!(!a.quit);
    }
}

#[test]
fn a_timeline_scrolled_past_a_year_heading_shows_the_year_sticky() {
    let mut a = app_sized(80, 12);
    typed(&mut a, "G");
    let view = a.timeline();
    assert!(view.scroll > 0);
    let top_is_entry = matches!(
        view.rows.get(view.scroll),
        Some(crate::app::timeline::TimelineRow::Entry(_))
    );
    assert_eq!(view.sticky_year().is_some(), top_is_entry);
    typed(&mut a, "g");
    assert_eq!(a.timeline().sticky_year(), None);
    // Walk down: whenever the top row is an entry, its year shows above it.
    for _ in 0..a.filtered().len() {
        typed(&mut a, "j");
        let view = a.timeline();
        if matches!(
            view.rows.get(view.scroll),
            Some(crate::app::timeline::TimelineRow::Entry(_))
        ) {
            assert!(view.sticky_year().is_some());
        }
    }
}

#[test]
fn back_after_keeping_a_search_returns_to_where_it_began() {
    let mut a = app();
    typed(&mut a, "2");
    let start = (a.account(), a.detail().cursor, a.detail().scroll);
    typed(&mut a, "/aurora");
    press(&mut a, KeyCode::Enter);
    // "Aurora" is only in the ROK account: the hit is there.
    assert_ne!(a.account(), start.0);
    press(&mut a, KeyCode::Backspace);
    assert_eq!((a.account(), a.detail().cursor, a.detail().scroll), start);
    assert_eq!(a.tab(), Tab::Text);
}

#[test]
fn back_after_opening_an_entry_returns_to_the_timeline() {
    let mut a = app_sized(80, 24);
    typed(&mut a, "k");
    let entry = a.selected();
    press(&mut a, KeyCode::Enter);
    assert_eq!(a.focus(), Focus::Detail);
    press(&mut a, KeyCode::Backspace);
    assert_eq!((a.focus(), a.selected()), (Focus::Timeline, entry));
}

#[test]
fn each_tab_keeps_its_scroll_and_a_new_entry_starts_at_the_top() {
    let mut a = app_sized(80, 24);
    typed(&mut a, "2");
    ctrl(&mut a, 'd');
    ctrl(&mut a, 'd');
    let text = (a.detail().cursor, a.detail().scroll);
    assert!(text.1 > 0);
    typed(&mut a, "1j");
    let overview = (a.detail().cursor, a.detail().scroll);
    typed(&mut a, "3");
    typed(&mut a, "2");
    assert_eq!((a.detail().cursor, a.detail().scroll), text);
    typed(&mut a, "]");
    typed(&mut a, "[");
    assert_eq!((a.detail().cursor, a.detail().scroll), text);
    typed(&mut a, "1");
    assert_eq!((a.detail().cursor, a.detail().scroll), overview);
    // Another entry: its tabs start at the top.
    typed(&mut a, "hkl2");
    assert_eq!(a.detail().scroll, 0);
}

/// At 80x24 the timeline shows alone at start, so the detail pane's document is left to the
/// first action; that action (here Tab, which shows the pane) finds it made as a wide start
/// makes it at once.
#[test]
fn a_narrow_start_makes_the_detail_document_before_its_first_action() {
    let mut narrow = app_sized(80, 24);
    assert!(!narrow.geometry().show_detail);
    assert!(
        narrow.detail().doc.lines.is_empty(),
        "not made before the first frame"
    );
    let mut wide = app_sized(120, 40);
    assert!(
        !wide.detail().doc.lines.is_empty(),
        "made at once when shown"
    );
    key(&mut narrow, KeyCode::Tab, KeyModifiers::NONE);
    assert!(narrow.geometry().show_detail);
    wide.update(Action::Resize(80, 24));
    key(&mut wide, KeyCode::Tab, KeyModifiers::NONE);
    assert_eq!(narrow.detail().doc, wide.detail().doc);
    assert_eq!(narrow.detail().visible_rows(), wide.detail().visible_rows());
}
