//! The topic matrix view (`m`), drawn over the whole screen: a title line with the cursor's
//! position, the meeting labels (frozen), a row per topic whose name stays in place while the
//! cells scroll on both axes, the cursor cell's accounts and citations, and the legend.

use crate::tui::Canvas;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use crate::app::App;
use crate::app::action::Action;
use crate::app::cite::CiteLabels;
use crate::app::keymap::{Context, key_for};
use crate::app::matrix::{GAP, MatrixLayout, ROWS_BELOW};
use crate::index::EntryRef;
use crate::matrix::{Accounts, Cell, Pair, row_label};
use crate::text::{display_width, pad, truncate};

use super::theme::Theme;
use super::{clean, fit};

pub fn draw(app: &App, theme: &Theme, canvas: &mut Canvas) {
    let area = canvas.area();
    canvas.render_widget(Clear, area);
    let layout = app.matrix_layout();
    let width = usize::from(area.width);
    let view = app.matrix();
    let words = &app.text().matrix;
    let mut lines: Vec<Line> = Vec::new();
    let position = if view.model.rows.is_empty() {
        String::new()
    } else {
        format!("{}/{}", view.row + 1, view.model.rows.len())
    };
    // The title, then the timeline's filters (which choose the meetings), then the position.
    let mut spans = vec![Span::styled(format!(" {} ", words.title), theme.header())];
    for part in super::header::filter_parts(app) {
        spans.push(Span::styled(format!(" {part} "), theme.header_filter()));
        spans.push(Span::styled(" ", theme.header()));
    }
    let right = format!(" {position} ");
    let mut spans = fit(spans, width.saturating_sub(display_width(&right)));
    let used: usize = spans.iter().map(|s| display_width(&s.content)).sum();
    let gap = width.saturating_sub(used + display_width(&right));
    spans.push(Span::styled(" ".repeat(gap), theme.header()));
    spans.push(Span::styled(right, theme.header()));
    lines.push(Line::from(fit(spans, width)));
    if view.model.is_empty() {
        lines.push(Line::default());
        lines.push(Line::from(Span::styled(
            format!(" {}", words.empty),
            theme.dim(),
        )));
    } else {
        lines.push(column_headers(app, &layout, theme, width));
        for r in view.top..(view.top + layout.rows).min(view.model.rows.len()) {
            lines.push(topic_row(app, &layout, r, theme, width));
        }
    }
    // The title and column headers are the ROWS_ABOVE, the cell detail and legend the
    // ROWS_BELOW of the layout.
    let below = u16::try_from(ROWS_BELOW).unwrap_or(u16::MAX);
    let body = Rect::new(
        area.x,
        area.y,
        area.width,
        area.height.saturating_sub(below),
    );
    canvas.render_widget(Paragraph::new(lines), body);
    if area.height >= 2 {
        let info = Rect::new(area.x, area.bottom() - 2, area.width, 1);
        canvas.render_widget(
            Paragraph::new(Line::from(cell_info(app, theme, width))),
            info,
        );
        let legend = Rect::new(area.x, area.bottom() - 1, area.width, 1);
        canvas.render_widget(
            Paragraph::new(Line::from(legend_spans(app, theme, width))).style(theme.footer()),
            legend,
        );
    }
}

/// The meeting labels over their columns, the cursor's in the selection style; "‹" and "›"
/// say that more meetings lie to the left or right.
fn column_headers(app: &App, layout: &MatrixLayout, theme: &Theme, width: usize) -> Line<'static> {
    let view = app.matrix();
    let columns = &view.model.columns;
    let shown = view.left..(view.left + layout.columns).min(columns.len());
    let more_left = if view.left > 0 { "‹" } else { " " };
    let mut spans = vec![Span::styled(
        pad(
            &format!(" {}", app.text().matrix.topics),
            layout.topic_w.saturating_sub(1),
        ),
        theme.dim(),
    )];
    spans.push(Span::styled(more_left.to_string(), theme.dim()));
    for c in shown.clone() {
        let label = pad(&clean(&columns[c].label), layout.column_w - GAP);
        let style = if c == view.column {
            theme.selected(true)
        } else {
            theme.heading()
        };
        spans.push(Span::raw(" ".repeat(GAP)));
        spans.push(Span::styled(label, style));
    }
    if shown.end < columns.len() {
        spans.push(Span::styled(" ›", theme.dim()));
    }
    Line::from(fit(spans, width))
}

/// One topic: its name (indented under its parent) and a glyph per shown meeting.
fn topic_row(
    app: &App,
    layout: &MatrixLayout,
    r: usize,
    theme: &Theme,
    width: usize,
) -> Line<'static> {
    let view = app.matrix();
    let row = &view.model.rows[r];
    let name = format!(
        " {}{}",
        "  ".repeat(row.depth),
        clean(row_label(app.corpus(), row))
    );
    let name_style = if r == view.row {
        theme.selected(true)
    } else if row.depth == 0 {
        theme.heading()
    } else {
        Style::default()
    };
    let mut spans = vec![Span::styled(
        pad(&truncate(&name, layout.topic_w), layout.topic_w),
        name_style,
    )];
    let label_w = layout.column_w - GAP;
    let shown = view.left..(view.left + layout.columns).min(view.model.columns.len());
    let pair = Pair::of(app.corpus());
    for c in shown {
        let glyph = row.cell(c).map_or("·".to_string(), |cell| {
            cell.accounts(&pair)
                .glyph(app.options().ascii, pair.short_labels(app.corpus()))
        });
        let before = label_w.saturating_sub(1) / 2;
        let after = label_w.saturating_sub(1 + before);
        let style = if r == view.row && c == view.column {
            theme.selected(true)
        } else if row.cell(c).is_some() {
            Style::default()
        } else {
            theme.dim()
        };
        spans.push(Span::raw(" ".repeat(GAP + before)));
        spans.push(Span::styled(glyph.to_string(), style));
        spans.push(Span::raw(" ".repeat(after)));
    }
    Line::from(fit(spans, width))
}

/// "EU and ROK", "EU only", … with the side labels of the data.
fn accounts_words(app: &App, accounts: Accounts) -> String {
    let words = &app.text().matrix;
    let pair = Pair::of(app.corpus());
    let (eu, rok) = pair.labels(app.corpus(), app.text().code);
    match accounts {
        Accounts::Both => (words.both)(eu, rok),
        Accounts::First => (words.only)(eu),
        Accounts::Second => (words.only)(rok),
        Accounts::Other => words.other.to_string(),
    }
}

/// The cursor cell: topic, meeting, which accounts, the citations, and the sub-topics it
/// rolls up.
fn cell_info(app: &App, theme: &Theme, width: usize) -> Vec<Span<'static>> {
    let view = app.matrix();
    let (Some(row), Some(column)) = (
        view.model.rows.get(view.row),
        view.model.columns.get(view.column),
    ) else {
        return Vec::new();
    };
    let corpus = app.corpus();
    let mut spans = vec![Span::styled(
        format!(
            " {} · {} ",
            clean(&column.label),
            clean(row_label(corpus, row))
        ),
        theme.heading(),
    )];
    match row.cell(view.column) {
        None => spans.push(Span::styled(
            app.text().matrix.not_recorded.to_string(),
            theme.dim(),
        )),
        Some(cell) => spans.extend(cell_spans(app, column.meeting, cell, theme)),
    }
    fit(spans, width)
}

fn cell_spans(app: &App, meeting: usize, cell: &Cell, theme: &Theme) -> Vec<Span<'static>> {
    let corpus = app.corpus();
    let labels = CiteLabels::for_entry(corpus, EntryRef::Meeting(meeting));
    let mut spans = vec![
        Span::raw(format!(
            "{} ",
            accounts_words(app, cell.accounts(&Pair::of(corpus)))
        )),
        Span::styled(
            clean(&labels.list(&cell.cite)),
            theme.tone(crate::app::doc::Tone::Cite),
        ),
    ];
    if !cell.via.is_empty() {
        let names: Vec<String> = cell
            .via
            .iter()
            .map(|t| clean(crate::corpus::names::topic_label(corpus, t)))
            .collect();
        spans.push(Span::styled(
            format!(" {} {}", app.text().matrix.via, names.join(", ")),
            theme.dim(),
        ));
    }
    spans
}

/// The legend of the glyphs, then the keys to open and close.
fn legend_spans(app: &App, theme: &Theme, width: usize) -> Vec<Span<'static>> {
    let ascii = app.options().ascii;
    let mut spans = Vec::new();
    let pair = Pair::of(app.corpus());
    let labels = pair.short_labels(app.corpus());
    for a in Accounts::ALL {
        spans.push(Span::styled(
            format!(" {}", a.glyph(ascii, labels)),
            theme.hint_key(),
        ));
        spans.push(Span::styled(
            format!(" {} ", accounts_words(app, a)),
            theme.hint_text(),
        ));
    }
    let words = &app.text().matrix;
    for (action, text) in [(Action::Activate, words.open), (Action::Close, words.close)] {
        if let Some(key) = key_for(&action, Context::Matrix) {
            spans.push(Span::styled(format!(" {key}"), theme.hint_key()));
            spans.push(Span::styled(format!(" {text} "), theme.hint_text()));
        }
    }
    fit(spans, width)
}
