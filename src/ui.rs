//! Rendering: [`draw`] paints the whole screen from an [`App`] and never changes it.
//!
//! One widget per file: [`header`], [`timeline`], [`detail`], [`footer`], and the overlays
//! [`finder`], [`corpus_search`] and [`help`], and the full-screen [`matrix`]; [`position`] draws
//! the scrollbar and "more below" on a pane's border; [`theme`] holds every style; [`lines`]
//! paints rows already cut to width and [`pane`] a pane's frame (cheaper than ratatui's
//! `Paragraph` and `Block`, the same cells). Geometry comes from
//! [`crate::app::layout`], computed from the frame's own size so that drawing can never step
//! outside the buffer, whatever size the app last heard of.

pub mod corpus_search;
pub mod detail;
pub mod finder;
pub mod footer;
pub mod header;
pub mod help;
pub mod lines;
pub mod matrix;
pub mod pane;
pub mod position;
pub mod theme;
pub mod timeline;

use std::borrow::Cow;

use crate::tui::Canvas;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::doc::Seg;
use crate::app::layout::{Geometry, MIN_HEIGHT, MIN_WIDTH};
use crate::app::{App, Mode};
use crate::text::{display_width, sanitize_line, truncate, wrap};

use theme::Theme;

/// Draws the whole screen.
pub fn draw(app: &App, canvas: &mut Canvas) {
    let area = canvas.area();
    let g = Geometry::new(area.width, area.height, app.focus());
    let theme = Theme::new(app.options().monochrome);
    if g.too_small {
        too_small(app, canvas, area);
        return;
    }
    if app.mode() == Mode::Matrix {
        // The matrix covers the whole screen: nothing of the panes shows through.
        matrix::draw(app, &theme, canvas);
        if app.options().ascii {
            to_ascii(canvas.buffer_mut());
        }
        return;
    }
    header::draw(app, &g, &theme, canvas);
    if g.show_timeline {
        timeline::draw(app, &g, &theme, canvas);
    }
    if g.show_detail {
        detail::draw(app, &g, &theme, canvas);
    }
    footer::draw(app, &g, &theme, canvas);
    match app.mode() {
        Mode::Finder => finder::draw(app, &g, &theme, canvas),
        Mode::Help => help::draw(app, &g, &theme, canvas),
        Mode::CorpusSearch => corpus_search::draw(app, &g, &theme, canvas),
        Mode::Normal | Mode::Search | Mode::Matrix => {}
    }
    if app.options().ascii {
        to_ascii(canvas.buffer_mut());
    }
}

/// Replaces every non-ASCII cell with its one-cell ASCII stand-in (a wide character's
/// second cell, drawn empty, becomes a space), so the frame holds no byte above 0x7F.
fn to_ascii(buffer: &mut ratatui::buffer::Buffer) {
    for cell in buffer.content.iter_mut() {
        let symbol = cell.symbol();
        if !symbol.is_ascii() {
            let stand_in = symbol.chars().next().map_or(' ', crate::text::glyphs::cell);
            cell.set_char(stand_in);
        }
    }
}

/// "terminal too small: need at least 40x8, have 30x5", wrapped, centred and cut to fit.
fn too_small(app: &App, canvas: &mut Canvas, area: Rect) {
    let msg = (app.text().too_small)(MIN_WIDTH, MIN_HEIGHT, area.width, area.height);
    let width = usize::from(area.width);
    let lines: Vec<Line> = wrap(&msg, width)
        .into_iter()
        .filter_map(|r| msg.get(r))
        .take(usize::from(area.height))
        .map(|s| Line::from(s.to_string()))
        .collect();
    let n = u16::try_from(lines.len()).unwrap_or(u16::MAX);
    let top = area.height.saturating_sub(n) / 2;
    let rect = Rect::new(
        area.x,
        area.y.saturating_add(top),
        area.width,
        n.min(area.height),
    );
    canvas.render_widget(Paragraph::new(lines).alignment(Alignment::Center), rect);
}

/// Spans of document segments, styled by the theme.
pub fn seg_spans<'a>(segs: &'a [Seg], theme: &Theme) -> Vec<Span<'a>> {
    segs.iter()
        .map(|s| Span::styled(s.text.as_str(), theme.tone(s.tone)))
        .collect()
}

/// Cuts a row of spans to `width` display columns (the span that overflows is truncated with
/// an ellipsis; the rest are dropped), in place: the row's vector is kept, not copied.
pub fn fit<'a>(mut spans: Vec<Span<'a>>, width: usize) -> Vec<Span<'a>> {
    let mut used = 0;
    for i in 0..spans.len() {
        let w = display_width(&spans[i].content);
        if used + w <= width {
            used += w;
            continue;
        }
        let room = width.saturating_sub(used);
        if room > 0 {
            spans[i].content = Cow::Owned(truncate(&spans[i].content, room));
            spans.truncate(i + 1);
        } else {
            spans.truncate(i);
        }
        break;
    }
    spans
}

/// Corpus text made safe for a span (escape sequences and controls removed).
pub fn clean(s: &str) -> String {
    sanitize_line(s)
}
