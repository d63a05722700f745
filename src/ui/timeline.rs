//! The timeline pane: entries in date order under year headings; each row shows the date (as
//! precise as known), the short title, place and format. Events that were only mentioned or
//! planned are dimmed and carry their computed status in words (upcoming, superseded, …), so
//! they stand apart without colour too; an announced meeting says "announced". The year of
//! the top row stays in view (a sticky heading), and the borders say where the selection is
//! and whether more rows follow below ([`super::position`]).

use crate::tui::Canvas;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::app::layout::{Focus, Geometry, inner};
use crate::app::strings::Strings;
use crate::app::timeline::TimelineRow;
use crate::app::{App, format};
use crate::corpus::Corpus;
use crate::index::EntryRef;
use crate::index::status::{self, Day};
use crate::text::{display_width, sanitize_line_cow};

use super::position::{Extent, label};
use super::theme::Theme;
use super::{clean, fit};

/// Columns of the date column ("28 Jun").
const DATE_W: usize = 6;

/// The spans of one entry row, before fitting. The corpus's text is borrowed when it is
/// clean already (nearly always), not copied for each row of each frame.
pub fn entry_spans<'a>(
    corpus: &'a Corpus,
    entry: EntryRef,
    today: Day,
    t: &Strings,
    theme: &Theme,
) -> Vec<Span<'a>> {
    let marker = status::of_entry(corpus, entry, today).and_then(|s| format::status_marker(t, s));
    let date = format::short_date(format::entry_date(corpus, entry));
    let mut spans = Vec::with_capacity(4);
    spans.push(Span::styled(date_cell(&date), theme.date()));
    let place = format::entry_place(corpus, entry).map(|p| sanitize_line_cow(&p.city));
    let title = sanitize_line_cow(format::entry_short_title(corpus, entry));
    match entry {
        EntryRef::Meeting(i) => {
            let m = corpus.meetings.get(i);
            if let Some(marker) = marker {
                spans.push(Span::styled(with_gap(marker), theme.dim()));
            }
            spans.push(Span::raw(title));
            let mut rest = String::new();
            if let Some(p) = place {
                rest.push_str(" · ");
                rest.push_str(&p);
            }
            if let Some(f) = m.and_then(|m| m.format.as_ref()) {
                rest.push_str(" · ");
                rest.push_str(f.value.label());
            }
            spans.push(Span::styled(rest, theme.dim()));
        }
        EntryRef::Event(_) => {
            let style = theme.event_row();
            if let Some(marker) = marker {
                spans.push(Span::styled(with_gap(marker), style));
            }
            spans.push(Span::styled(title, style));
            if let Some(p) = place {
                let mut text = String::with_capacity(p.len() + 4);
                text.push_str(" · ");
                text.push_str(&p);
                spans.push(Span::styled(text, style));
            }
        }
    }
    spans
}

/// The date column: " {date:>DATE_W$}  " (right-aligned by characters, as `format!` pads),
/// made without the formatting machinery, once per row.
fn date_cell(date: &str) -> String {
    let pad = DATE_W.saturating_sub(date.chars().count());
    let mut cell = String::with_capacity(1 + pad + date.len() + 2);
    cell.push(' ');
    cell.extend(std::iter::repeat_n(' ', pad));
    cell.push_str(date);
    cell.push_str("  ");
    cell
}

/// A status marker and the two spaces after it.
fn with_gap(marker: &str) -> String {
    let mut text = String::with_capacity(marker.len() + 2);
    text.push_str(marker);
    text.push_str("  ");
    text
}

pub fn draw(app: &App, g: &Geometry, theme: &Theme, canvas: &mut Canvas) {
    let focused = app.focus() == Focus::Timeline;
    let title = Span::styled(format!(" {} ", app.text().timeline), theme.title(focused));
    super::pane::draw(
        canvas.buffer_mut(),
        g.timeline,
        theme,
        focused,
        Line::from(title),
    );
    let area = inner(g.timeline);
    let width = usize::from(area.width);
    let view = app.timeline();
    let filtered = app.filtered();
    let year = |y: &str| {
        Line::from(fit(
            vec![Span::styled(format!(" {}", clean(y)), theme.year())],
            width,
        ))
    };
    let sticky = view.sticky_year();
    let rows = view
        .rows
        .get(view.visible())
        .unwrap_or(&[])
        .iter()
        .take(usize::from(area.height).saturating_sub(usize::from(sticky.is_some())));
    let lines: Vec<Line> = sticky
        .map(year)
        .into_iter()
        .chain(rows.map(|row| match row {
            TimelineRow::Year(y) => year(y),
            TimelineRow::Entry(i) => {
                let Some(entry) = filtered.get(*i) else {
                    return Line::default();
                };
                let spans = fit(
                    entry_spans(app.corpus(), *entry, app.today(), app.text(), theme),
                    width,
                );
                if *i == view.selected {
                    selected(spans, width, theme.selected(focused))
                } else {
                    Line::from(spans)
                }
            }
        }))
        .collect();
    super::lines::put_lines(canvas.buffer_mut(), area, lines);
    let extent = Extent {
        scroll: view.scroll,
        height: view.height.min(usize::from(area.height)),
        total: view.rows.len(),
    };
    if !filtered.is_empty() {
        let at = format!("{}/{}", view.selected + 1, filtered.len());
        let text = label(&at, extent, app.text().more_below);
        super::position::draw(g.timeline, extent, text, theme, canvas);
    }
}

/// A row drawn as selected: reverse across the whole width.
fn selected(spans: Vec<Span<'_>>, width: usize, style: Style) -> Line<'_> {
    let used: usize = spans.iter().map(|s| display_width(&s.content)).sum();
    let mut out: Vec<Span> = spans.into_iter().map(|s| s.patch_style(style)).collect();
    out.push(Span::styled(" ".repeat(width.saturating_sub(used)), style));
    Line::from(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_date_column_is_padded_as_format_pads_it() {
        for date in ["28 Nov", "Apr", "—", "1 May", "", "toolongdate"] {
            assert_eq!(date_cell(date), format!(" {date:>DATE_W$}  "));
        }
    }
}
