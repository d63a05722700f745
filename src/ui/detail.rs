//! The detail pane: the tab titles on its top border, the wrapped document of the current tab
//! with the search matches in view painted over it, and a gutter mark on the rows of the
//! cursor line.

use crate::tui::Canvas;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use crate::app::App;
use crate::app::layout::{Focus, Geometry, inner, tab_titles};

use super::seg_spans;
use super::theme::Theme;

/// The gutter mark of the cursor line (a glyph, so it shows without colour).
const CURSOR_MARK: &str = "▌";

pub fn draw(app: &App, g: &Geometry, theme: &Theme, canvas: &mut Canvas) {
    let focused = app.focus() == Focus::Detail;
    let tabs: Vec<Span> = tab_titles(g.detail, app.text().tab_names)
        .into_iter()
        .map(|(tab, title, _)| Span::styled(title, theme.tab(tab == app.tab())))
        .collect();
    super::pane::draw(
        canvas.buffer_mut(),
        g.detail,
        theme,
        focused,
        Line::from(tabs),
    );
    let area = g.detail_text();
    let gutter = inner(g.detail);
    let view = app.detail();
    let rows = view.visible_rows();
    let height = usize::from(area.height);
    let painted: Vec<_> = rows
        .iter()
        .take(height)
        .map(|r| app.search().marked(r))
        .collect();
    let lines: Vec<Line> = painted
        .iter()
        .map(|segs| Line::from(seg_spans(segs, theme)))
        .collect();
    super::lines::put_lines(canvas.buffer_mut(), area, lines);
    if focused && gutter.width > 0 {
        let marks: Vec<Line> = rows
            .iter()
            .take(height)
            .map(|r| {
                if r.line == view.cursor {
                    Line::from(Span::styled(CURSOR_MARK, theme.cursor_mark()))
                } else {
                    Line::default()
                }
            })
            .collect();
        let col = Rect::new(gutter.x, gutter.y, 1, gutter.height);
        super::lines::put_lines(canvas.buffer_mut(), col, marks);
    }
    position(app, g, theme, canvas);
}

/// The scrollbar and "more below ↓ 1-20/45" (rows shown, of all) on the pane's border.
fn position(app: &App, g: &Geometry, theme: &Theme, canvas: &mut Canvas) {
    let view = app.detail();
    let extent = super::position::Extent {
        scroll: view.scroll,
        height: view.height.min(usize::from(g.detail_text().height)),
        total: view.rows(),
    };
    if extent.total == 0 {
        return;
    }
    let last = extent
        .total
        .min(extent.scroll.saturating_add(extent.height));
    let at = format!("{}-{last}/{}", extent.scroll + 1, extent.total);
    let text = super::position::label(&at, extent, app.text().more_below);
    super::position::draw(g.detail, extent, text, theme, canvas);
}
