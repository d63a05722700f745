//! The footer: the search prompt while typing one, else the status message and the key hints
//! that fit the width (keys looked up in the key map, so hints cannot go stale).

use ratatui::Frame;
use ratatui::layout::Position;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::action::Action;
use crate::app::keymap::{Context, key_for};
use crate::app::layout::Geometry;
use crate::app::strings::{self, hint};
use crate::app::{App, Mode};
use crate::text::display_width;

use super::fit;
use super::theme::Theme;

/// The hints of a mode, most useful first; the footer shows those that fit.
fn hints(mode: Mode) -> &'static [(Action, Context, &'static str)] {
    match mode {
        Mode::Normal => &[
            (Action::Quit, Context::Browse, hint::QUIT),
            (Action::OpenHelp, Context::Browse, hint::HELP),
            (Action::OpenFinder, Context::Browse, hint::FIND),
            (Action::SwitchPane, Context::Browse, hint::PANE),
            (Action::StartSearch, Context::Detail, hint::SEARCH),
            (Action::Activate, Context::Browse, hint::OPEN),
            (Action::ClearFilter, Context::Browse, hint::CLEAR),
            (Action::Copy, Context::Detail, hint::COPY),
            (Action::SwitchAccount, Context::Detail, hint::ACCOUNT),
            (Action::ToggleCompare, Context::Detail, hint::COMPARE),
        ],
        Mode::Finder => &[
            (Action::Accept, Context::Finder, hint::PICK),
            (Action::Close, Context::Finder, hint::CLOSE),
            (Action::NextKind, Context::Finder, hint::KIND),
            (Action::Down, Context::Finder, hint::NEXT),
            (Action::Up, Context::Finder, hint::PREVIOUS),
        ],
        Mode::Search => &[
            (Action::Accept, Context::Search, hint::KEEP),
            (Action::Close, Context::Search, hint::CANCEL),
            (Action::NextMatch, Context::Search, hint::NEXT),
            (Action::PrevMatch, Context::Search, hint::PREVIOUS),
        ],
        Mode::Help => &[
            (Action::Close, Context::Help, hint::CLOSE),
            (Action::Down, Context::Help, hint::SCROLL),
        ],
    }
}

fn hint_spans(mode: Mode, theme: &Theme) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    for (action, context, text) in hints(mode) {
        if let Some(key) = key_for(action, *context) {
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
    line.extend(whole_hints(
        hint_spans(app.mode(), theme),
        width.saturating_sub(used),
    ));
    frame.render_widget(
        Paragraph::new(Line::from(line)).style(theme.footer()),
        g.footer,
    );
}
