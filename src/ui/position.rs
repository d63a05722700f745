//! Where the reader is in a scrolled pane: a scrollbar over the pane's right border while the
//! rows overflow it, and on the bottom border the position ("7/11") and, while rows follow
//! below the view, "more below ↓", so a reader knows there is more without scrolling to find
//! out.

use crate::tui::Canvas;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState};

use super::theme::Theme;

/// What a pane shows of its rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Extent {
    /// The first row shown.
    pub scroll: usize,
    /// Rows the pane shows at once.
    pub height: usize,
    /// Rows in all.
    pub total: usize,
}

impl Extent {
    pub fn overflows(&self) -> bool {
        self.total > self.height
    }

    pub fn more_below(&self) -> bool {
        self.total > self.scroll.saturating_add(self.height)
    }
}

/// The bottom-border label: "more below ↓ 7/11", or the position alone.
pub fn label(position: &str, extent: Extent, more_below: &str) -> String {
    if extent.more_below() {
        format!(" {more_below} ↓ {position} ")
    } else {
        format!(" {position} ")
    }
}

/// Draws the scrollbar and the label on the border of `pane` (the pane's whole rect, border
/// included).
pub fn draw(pane: Rect, extent: Extent, label: String, theme: &Theme, canvas: &mut Canvas) {
    if pane.width < 4 || pane.height < 3 {
        return;
    }
    if extent.overflows() {
        let track = Rect::new(
            pane.right().saturating_sub(1),
            pane.y.saturating_add(1),
            1,
            pane.height.saturating_sub(2),
        );
        let mut state = ScrollbarState::new(extent.total.saturating_sub(extent.height) + 1)
            .position(extent.scroll)
            .viewport_content_length(extent.height);
        let bar = Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .symbols(ratatui::symbols::scrollbar::VERTICAL)
            .begin_symbol(None)
            .end_symbol(None)
            .track_symbol(None)
            .thumb_style(theme.dim());
        canvas.render_stateful_widget(bar, track, &mut state);
    }
    let bottom = Rect::new(
        pane.x.saturating_add(1),
        pane.bottom().saturating_sub(1),
        pane.width.saturating_sub(3),
        1,
    );
    let line = Line::from(Span::styled(label, theme.dim()));
    canvas.render_widget(Paragraph::new(line).alignment(Alignment::Right), bottom);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_label_says_when_there_is_more_below() {
        let top = Extent {
            scroll: 0,
            height: 20,
            total: 45,
        };
        assert_eq!(label("1/9", top, "more below"), " more below ↓ 1/9 ");
        let end = Extent { scroll: 25, ..top };
        assert!(!end.more_below() && end.overflows());
        assert_eq!(label("9/9", end, "more below"), " 9/9 ");
        let short = Extent {
            scroll: 0,
            height: 20,
            total: 5,
        };
        assert!(!short.overflows() && !short.more_below());
    }
}
