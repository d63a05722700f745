//! The footer: the search prompt while typing one, else the status message and the key hints
//! that fit the width (keys looked up in the key map, so hints cannot go stale).

use ratatui::Frame;
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

fn hint_spans(mode: Mode, hint: &Hints, theme: &Theme) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    for (action, context, text) in hints(mode, hint) {
        if let Some(key) = key_for(&action, context) {
            spans.push(Span::styled(format!(" {key}"), theme.hint_key()));
            spans.push(Span::styled(format!(" {text} "), theme.hint_text()));
        }
    }
    spans
}

/// Hints that fit whole (a cut hint helps no one).
fn whole_hints(spans: Vec<Span<'static>>, width: usize) -> Vec<Span<'static>> {
    let mut out = Vec::new();
    let mut used = 0;
    for pair in spans.chunks(2) {
        let w: usize = pair.iter().map(|s| display_width(&s.content)).sum();
        if used + w > width {
            break;
        }
        used += w;
        out.extend(pair.iter().cloned());
    }
    out
}

pub fn draw(app: &App, g: &Geometry, theme: &Theme, frame: &mut Frame) {
    let width = usize::from(g.footer.width);
    if app.mode() == Mode::Search {
        let input = &app.search().input;
        let mut spans = vec![
            Span::styled(strings::SEARCH_PROMPT, theme.hint_key()),
            Span::raw(super::clean(input.text())),
        ];
        if let Some(status) = app.search_status() {
            spans.push(Span::styled(format!("   {status}"), theme.status()));
        }
        frame.render_widget(Paragraph::new(Line::from(fit(spans, width))), g.footer);
        let column = display_width(strings::SEARCH_PROMPT) + input.cursor_column();
        let x = g
            .footer
            .x
            .saturating_add(u16::try_from(column).unwrap_or(u16::MAX))
            .min(g.footer.right().saturating_sub(1));
        frame.set_cursor_position(Position::new(x, g.footer.y));
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
    }
    let used: usize = spans.iter().map(|s| display_width(&s.content)).sum();
    let mut line = fit(spans, width);
    let mut hints = hint_spans(app.mode(), &app.text().hint, theme);
    // The topic matrix's key, last: shown where the width has room for it.
    if app.mode() == Mode::Normal
        && let Some(key) = key_for(&Action::OpenMatrix, Context::Browse)
    {
        hints.push(Span::styled(format!(" {key}"), theme.hint_key()));
        hints.push(Span::styled(
            format!(" {} ", app.text().matrix.hint),
            theme.hint_text(),
        ));
    }
    line.extend(whole_hints(hints, width.saturating_sub(used)));
    frame.render_widget(
        Paragraph::new(Line::from(line)).style(theme.footer()),
        g.footer,
    );
}
