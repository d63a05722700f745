//! The help overlay: every key of the key map, grouped by context, scrollable.

use crate::tui::Canvas;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use crate::app::App;
use crate::app::help::{HelpLine, lines};
use crate::app::layout::{Geometry, inner};
use crate::text::display_width;

use super::fit;
use super::theme::Theme;

/// Columns of the keys column.
const KEYS_W: usize = 22;

pub fn draw(app: &App, g: &Geometry, theme: &Theme, canvas: &mut Canvas) {
    let area = g.help();
    canvas.render_widget(Clear, area);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border(true))
        .title(Span::styled(
            format!(" {} ", app.text().help_title),
            theme.title(true),
        ))
        .title_bottom(Span::styled(
            format!(" {} ", app.text().help_footer),
            theme.dim(),
        ));
    canvas.render_widget(block, area);
    let body = inner(area);
    let width = usize::from(body.width);
    let keys_w = KEYS_W.min(width / 2);
    let rows: Vec<Line> = lines(app.options().lang)
        .into_iter()
        .skip(app.help_scroll())
        .take(usize::from(body.height))
        .map(|l| match l {
            HelpLine::Heading(h) => Line::from(fit(vec![Span::styled(h, theme.heading())], width)),
            HelpLine::Blank => Line::default(),
            HelpLine::Binding { keys, text } => {
                let pad = keys_w.saturating_sub(display_width(&keys) + 2);
                Line::from(fit(
                    vec![
                        Span::styled(format!("  {keys}"), theme.hint_key()),
                        Span::raw(" ".repeat(pad.max(1))),
                        Span::raw(text),
                    ],
                    width,
                ))
            }
        })
        .collect();
    canvas.render_widget(Paragraph::new(rows), body);
}
