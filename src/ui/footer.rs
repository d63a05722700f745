//! The footer: the search prompt while typing one, else the status message and the key hints
//! that fit the width (keys looked up in the key map, so hints cannot go stale). When some
//! hints do not fit, the last place goes to "? more", so a narrow terminal still says where
//! the other keys are.

use crate::tui::Canvas;
use ratatui::layout::Position;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::action::Action;
use crate::app::keymap::{Context, key_for};
use crate::app::layout::Geometry;
use crate::app::strings::{self, Hints};
use crate::app::{App, Mode};
use crate::text::display_width;

use super::fit;
use super::theme::Theme;

/// The hints of a mode, most useful first, in the words of `hint`; the footer shows those
/// that fit.
fn hints(mode: Mode, hint: &Hints) -> Vec<(Action, Context, &'static str)> {
    match mode {
        Mode::Normal => vec![
            (Action::Quit, Context::Browse, hint.quit),
            (Action::OpenHelp, Context::Browse, hint.help),
            (Action::OpenFinder, Context::Browse, hint.find),
            (Action::SwitchPane, Context::Browse, hint.pane),
            (Action::StartSearch, Context::Detail, hint.search),
            (Action::Activate, Context::Browse, hint.open),
            (Action::ClearFilter, Context::Browse, hint.clear),
            (Action::Copy, Context::Detail, hint.copy),
            (Action::SwitchAccount, Context::Detail, hint.account),
            (Action::ToggleCompare, Context::Detail, hint.compare),
        ],
        Mode::Finder => vec![
            (Action::Accept, Context::Finder, hint.pick),
            (Action::Close, Context::Finder, hint.close),
            (Action::NextKind, Context::Finder, hint.kind),
            (Action::Down, Context::Finder, hint.next),
            (Action::Up, Context::Finder, hint.previous),
        ],
        Mode::Search => vec![
            (Action::Accept, Context::Search, hint.keep),
            (Action::Close, Context::Search, hint.cancel),
            (Action::NextMatch, Context::Search, hint.next),
            (Action::PrevMatch, Context::Search, hint.previous),
        ],
        Mode::CorpusSearch => vec![
            (Action::Accept, Context::CorpusSearch, hint.open),
            (Action::Close, Context::CorpusSearch, hint.close),
            (Action::Down, Context::CorpusSearch, hint.next),
            (Action::Up, Context::CorpusSearch, hint.previous),
        ],
        Mode::Help => vec![
            (Action::Close, Context::Help, hint.close),
            (Action::Down, Context::Help, hint.scroll),
        ],
        // The matrix draws its own legend and keys; these serve any other caller.
        Mode::Matrix => vec![
            (Action::Activate, Context::Matrix, hint.open),
            (Action::Close, Context::Matrix, hint.close),
        ],
    }
}

/// The hints' spans, two a hint; without the help key's when `more` will stand for it.
fn hint_spans(mode: Mode, hint: &Hints, theme: &Theme, more: bool) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    for (action, context, text) in hints(mode, hint) {
        if more && action == Action::OpenHelp {
            continue;
        }
        if let Some(key) = key_for(&action, context) {
            spans.push(Span::styled(format!(" {key}"), theme.hint_key()));
            spans.push(Span::styled(format!(" {text} "), theme.hint_text()));
        }
    }
    spans
}

/// Hints that fit whole (a cut hint helps no one), and after them `more` (the help key's
/// hint, saying where the rest are) when it fits at all.
fn whole_hints(
    spans: Vec<Span<'static>>,
    more: Vec<Span<'static>>,
    width: usize,
) -> Vec<Span<'static>> {
    let span_width = |s: &[Span]| -> usize { s.iter().map(|s| display_width(&s.content)).sum() };
    let room = width.saturating_sub(span_width(&more));
    let mut out = Vec::new();
    let mut used = 0;
    for pair in spans.chunks(2) {
        let w = span_width(pair);
        if used + w > room {
            break;
        }
        used += w;
        out.extend(pair.iter().cloned());
    }
    if used + span_width(&more) <= width {
        out.extend(more);
    }
    out
}

/// "? more": where the hints that do not fit are.
fn more_hint(mode: Mode, hint: &Hints, theme: &Theme) -> Vec<Span<'static>> {
    let context = match mode {
        Mode::Normal => Context::Browse,
        // Only browsing opens help; in an overlay, there is nothing more to point at.
        Mode::Finder | Mode::Search | Mode::CorpusSearch | Mode::Help | Mode::Matrix => {
            return Vec::new();
        }
    };
    key_for(&Action::OpenHelp, context)
        .map(|key| {
            vec![
                Span::styled(format!(" {key}"), theme.hint_key()),
                Span::styled(format!(" {} ", hint.more), theme.hint_text()),
            ]
        })
        .unwrap_or_default()
}

pub fn draw(app: &App, g: &Geometry, theme: &Theme, canvas: &mut Canvas) {
    let width = usize::from(g.footer.width);
    if app.mode() == Mode::Search {
        let input = &app.search().input;
        let status = app
            .search_status()
            .map(|s| format!("   {s}"))
            .unwrap_or_default();
        // The query gets what the prompt and the status leave, at least half the line; a
        // longer query scrolls sideways to keep the cursor in view.
        let field = width
            .saturating_sub(display_width(strings::SEARCH_PROMPT))
            .saturating_sub(display_width(&status))
            .max(width / 2);
        let (shown, cursor) = input.view(field);
        let mut spans = vec![
            Span::styled(strings::SEARCH_PROMPT, theme.hint_key()),
            Span::raw(super::clean(shown)),
        ];
        if !status.is_empty() {
            spans.push(Span::styled(status, theme.status()));
        }
        canvas.render_widget(Paragraph::new(Line::from(fit(spans, width))), g.footer);
        let column = display_width(strings::SEARCH_PROMPT) + cursor;
        let x = g
            .footer
            .x
            .saturating_add(u16::try_from(column).unwrap_or(u16::MAX))
            .min(g.footer.right().saturating_sub(1));
        canvas.set_cursor_position(Position::new(x, g.footer.y));
        return;
    }
    let mut spans = Vec::new();
    if let Some(status) = app.status() {
        spans.push(Span::styled(
            format!(" {} ", super::clean(status)),
            theme.status(),
        ));
    } else if let Some(s) = app.search_status() {
        spans.push(Span::styled(
            format!(" /{} {s} ", super::clean(app.search().query())),
            theme.status(),
        ));
    } else if app.indexing() {
        spans.push(Span::styled(
            format!(" {} ", app.text().finder_indexing),
            theme.status(),
        ));
    }
    let used: usize = spans.iter().map(|s| display_width(&s.content)).sum();
    let mut line = fit(spans, width);
    let hint = &app.text().hint;
    // The topic matrix's key, after the others: shown where the width has room for it.
    let with_matrix = |mut spans: Vec<Span<'static>>| {
        if app.mode() == Mode::Normal
            && let Some(key) = key_for(&Action::OpenMatrix, Context::Browse)
        {
            spans.push(Span::styled(format!(" {key}"), theme.hint_key()));
            spans.push(Span::styled(
                format!(" {} ", app.text().matrix.hint),
                theme.hint_text(),
            ));
        }
        spans
    };
    let all = with_matrix(hint_spans(app.mode(), hint, theme, false));
    let room = width.saturating_sub(used);
    let more = more_hint(app.mode(), hint, theme);
    line.extend(
        if more.is_empty() || all.iter().map(|s| display_width(&s.content)).sum::<usize>() <= room {
            whole_hints(all, Vec::new(), room)
        } else {
            whole_hints(
                with_matrix(hint_spans(app.mode(), hint, theme, true)),
                more,
                room,
            )
        },
    );
    super::lines::put_styled_lines(
        canvas.buffer_mut(),
        g.footer,
        theme.footer(),
        vec![Line::from(line)],
    );
}
