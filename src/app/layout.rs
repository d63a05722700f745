//! Screen geometry as a pure function of the terminal size: where the header, panes, footer
//! and overlays go. `update` uses it to wrap and scroll, the renderer to draw, and the mouse
//! handler to hit-test, so all three agree. Saturating arithmetic throughout: any size works.

use std::ops::Range;

use ratatui::layout::Rect;

use super::action::Tab;
use crate::text::display_width;

/// Below this many columns or rows the browser shows only a "too small" message.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 8;
/// From this many columns on, the timeline and the detail are side by side.
pub const WIDE_FROM: u16 = 100;
/// Overlays narrower than this hide the finder's preview panel.
pub const PREVIEW_FROM: u16 = 90;

/// Which pane has the focus (in a narrow terminal: which pane is shown).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Timeline,
    Detail,
}

/// Where everything goes for one terminal size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Geometry {
    pub area: Rect,
    pub too_small: bool,
    /// Both panes side by side.
    pub wide: bool,
    pub header: Rect,
    pub footer: Rect,
    /// The timeline pane as drawn when shown (with its border).
    pub timeline: Rect,
    /// The detail pane as drawn when shown (with its border).
    pub detail: Rect,
    pub show_timeline: bool,
    pub show_detail: bool,
}

impl Geometry {
    pub fn new(width: u16, height: u16, focus: Focus) -> Geometry {
        let area = Rect::new(0, 0, width, height);
        let too_small = width < MIN_WIDTH || height < MIN_HEIGHT;
        let wide = width >= WIDE_FROM;
        let header = Rect::new(0, 0, width, height.min(1));
        let footer = Rect::new(0, height.saturating_sub(1), width, height.min(1));
        let body = Rect::new(0, 1, width, height.saturating_sub(2));
        let (timeline, detail) = if wide {
            let left = width.saturating_mul(2) / 5;
            (
                Rect::new(0, body.y, left, body.height),
                Rect::new(left, body.y, width.saturating_sub(left), body.height),
            )
        } else {
            (body, body)
        };
        Geometry {
            area,
            too_small,
            wide,
            header,
            footer,
            timeline,
            detail,
            show_timeline: !too_small && (wide || focus == Focus::Timeline),
            show_detail: !too_small && (wide || focus == Focus::Detail),
        }
    }

    /// Rows of timeline entries that fit.
    pub fn timeline_rows(&self) -> usize {
        usize::from(inner(self.timeline).height)
    }

    /// The text area of the detail pane: inside the border, right of the one-column gutter
    /// that marks the cursor line.
    pub fn detail_text(&self) -> Rect {
        let i = inner(self.detail);
        Rect::new(
            i.x.saturating_add(1),
            i.y,
            i.width.saturating_sub(1),
            i.height,
        )
    }

    /// The finder overlay.
    pub fn finder(&self) -> FinderGeometry {
        let popup = centred(self.area, 110, 30);
        let inside = inner(popup);
        let input = Rect::new(inside.x, inside.y, inside.width, inside.height.min(1));
        // Row 2 is the kind bar; the list and preview share the rest.
        let rest_y = inside.y.saturating_add(2);
        let rest_h = inside.height.saturating_sub(2);
        let (list, preview) = if popup.width >= PREVIEW_FROM {
            let left = inside.width / 2;
            (
                Rect::new(inside.x, rest_y, left, rest_h),
                Some(Rect::new(
                    inside.x.saturating_add(left),
                    rest_y,
                    inside.width.saturating_sub(left),
                    rest_h,
                )),
            )
        } else {
            (Rect::new(inside.x, rest_y, inside.width, rest_h), None)
        };
        FinderGeometry {
            popup,
            input,
            kinds: Rect::new(
                inside.x,
                inside.y.saturating_add(1),
                inside.width,
                inside.height.saturating_sub(1).min(1),
            ),
            list,
            preview,
        }
    }

    /// The help overlay.
    pub fn help(&self) -> Rect {
        centred(self.area, 76, 40)
    }

    /// Rows of help text that fit.
    pub fn help_rows(&self) -> usize {
        usize::from(inner(self.help()).height)
    }
}

/// The parts of the finder overlay.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FinderGeometry {
    pub popup: Rect,
    pub input: Rect,
    pub kinds: Rect,
    pub list: Rect,
    pub preview: Option<Rect>,
}

/// The tab titles drawn on the detail pane's top border, from the tabs' `names`, and the
/// columns each takes (cut at the border's end).
pub fn tab_titles(detail: Rect, names: [&str; 3]) -> Vec<(Tab, String, Range<u16>)> {
    let end = detail.x.saturating_add(detail.width.saturating_sub(1));
    let mut x = detail.x.saturating_add(1);
    let mut out = Vec::new();
    for (tab, name) in Tab::ALL.iter().zip(names) {
        let title = format!(" {} {name} ", tab.position() + 1);
        let w = u16::try_from(display_width(&title)).unwrap_or(u16::MAX);
        let stop = x.saturating_add(w).min(end);
        if stop <= x {
            break;
        }
        out.push((*tab, title, x..stop));
        x = stop;
    }
    out
}

/// The tab under a column of the detail pane's top border.
pub fn tab_at(detail: Rect, names: [&str; 3], column: u16) -> Option<Tab> {
    tab_titles(detail, names)
        .into_iter()
        .find(|(_, _, r)| r.contains(&column))
        .map(|(t, _, _)| t)
}

/// A rect shrunk by a one-cell border on every side.
/// The first row to show of a list scrolled to `scroll` so that row `selected` is among the
/// `height` shown (at least one), moving as little as it can.
pub fn reveal(selected: usize, scroll: usize, height: usize) -> usize {
    let height = height.max(1);
    if selected < scroll {
        selected
    } else if selected >= scroll.saturating_add(height) {
        selected.saturating_add(1).saturating_sub(height)
    } else {
        scroll
    }
}

pub fn inner(r: Rect) -> Rect {
    Rect::new(
        r.x.saturating_add(1),
        r.y.saturating_add(1),
        r.width.saturating_sub(2),
        r.height.saturating_sub(2),
    )
}

/// Narrower side margins than this many columns are not left: the overlay takes the whole
/// width instead, so no sliver of the pane below shows beside it (`│l┃`).
const MIN_MARGIN: u16 = 4;

/// A rect at most `max_w`×`max_h`, centred in `area`, leaving a margin where there is room
/// for a clear one.
pub fn centred(area: Rect, max_w: u16, max_h: u16) -> Rect {
    let w = area
        .width
        .saturating_sub(4)
        .min(max_w)
        .max(area.width.min(20));
    let w = if area.width.saturating_sub(w) / 2 < MIN_MARGIN {
        area.width
    } else {
        w
    };
    let h = area
        .height
        .saturating_sub(2)
        .min(max_h)
        .max(area.height.min(5));
    Rect::new(
        area.x.saturating_add(area.width.saturating_sub(w) / 2),
        area.y.saturating_add(area.height.saturating_sub(h) / 2),
        w,
        h,
    )
}

/// Whether a cell is inside a rect.
pub fn contains(r: Rect, column: u16, row: u16) -> bool {
    column >= r.x
        && row >= r.y
        && u32::from(column) < u32::from(r.x) + u32::from(r.width)
        && u32::from(row) < u32::from(r.y) + u32::from(r.height)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reveal_scrolls_as_little_as_it_can() {
        assert_eq!(reveal(5, 0, 10), 0, "already shown");
        assert_eq!(reveal(12, 0, 10), 3, "below: the last row shown");
        assert_eq!(reveal(2, 6, 10), 2, "above: the first row shown");
        assert_eq!(reveal(4, 0, 0), 4, "at least one row");
    }
    use crate::app::strings::Lang;

    #[test]
    fn wide_terminals_show_both_panes() {
        let g = Geometry::new(120, 40, Focus::Timeline);
        assert!(g.wide && g.show_timeline && g.show_detail);
        assert_eq!(g.timeline.width + g.detail.width, 120);
        assert_eq!(g.timeline.width, 48);
    }

    #[test]
    fn narrow_terminals_show_the_focused_pane() {
        let g = Geometry::new(80, 24, Focus::Detail);
        assert!(!g.wide && !g.show_timeline && g.show_detail);
        assert_eq!(g.detail, Rect::new(0, 1, 80, 22));
    }

    #[test]
    fn tiny_terminals_are_too_small_and_do_not_overflow() {
        for (w, h) in [(0, 0), (1, 1), (39, 30), (200, 7), (u16::MAX, u16::MAX)] {
            let g = Geometry::new(w, h, Focus::Timeline);
            assert_eq!(g.too_small, w < MIN_WIDTH || h < MIN_HEIGHT);
            let f = g.finder();
            assert!(f.popup.width <= w && f.popup.height <= h);
            assert!(g.help().width <= w);
        }
    }

    #[test]
    fn the_finder_preview_needs_room() {
        assert!(
            Geometry::new(80, 24, Focus::Timeline)
                .finder()
                .preview
                .is_none()
        );
        assert!(
            Geometry::new(120, 40, Focus::Timeline)
                .finder()
                .preview
                .is_some()
        );
    }

    #[test]
    fn tabs_sit_on_the_top_border() {
        let d = Rect::new(48, 1, 72, 38);
        let names = Lang::En.strings().tab_names;
        let titles = tab_titles(d, names);
        assert_eq!(titles.len(), 3);
        assert_eq!(titles[0].1, " 1 Overview ");
        assert_eq!(titles[0].2.start, 49);
        assert_eq!(tab_at(d, names, 50), Some(Tab::Overview));
        assert_eq!(tab_at(d, names, titles[2].2.start), Some(Tab::Related));
        assert_eq!(tab_at(d, names, 119), None);
        assert!(tab_titles(Rect::new(0, 0, 1, 1), names).is_empty());
    }

    /// Korean tab names take two columns a syllable: the click areas follow the drawn width,
    /// not the count of chars.
    #[test]
    fn korean_tabs_span_their_display_columns() {
        let d = Rect::new(48, 1, 72, 38);
        let names = Lang::Ko.strings().tab_names;
        let titles = tab_titles(d, names);
        assert_eq!(titles[0].1, " 1 개요 ");
        // " 1 개요 " is 8 columns (4 chars of width 1 and 2 syllables of width 2).
        assert_eq!(titles[0].2, 49..57);
        assert_eq!(titles[1].2.start, 57);
        assert_eq!(tab_at(d, names, 56), Some(Tab::Overview));
        assert_eq!(tab_at(d, names, 57), Some(Tab::Text));
    }

    #[test]
    fn overlays_take_the_whole_width_rather_than_leave_a_sliver() {
        for focus in [Focus::Timeline, Focus::Detail] {
            let g = Geometry::new(80, 24, focus);
            assert_eq!((g.finder().popup.x, g.finder().popup.width), (0, 80));
            assert_eq!((g.help().x, g.help().width), (0, 80));
        }
        // Wide terminals keep a real margin around the overlay.
        let g = Geometry::new(200, 50, Focus::Timeline);
        assert!(g.finder().popup.x >= MIN_MARGIN && g.finder().popup.width == 110);
        assert!(g.help().x >= MIN_MARGIN);
    }

    #[test]
    fn hit_testing() {
        let r = Rect::new(2, 3, 4, 5);
        assert!(contains(r, 2, 3) && contains(r, 5, 7));
        assert!(!contains(r, 6, 3) && !contains(r, 2, 8) && !contains(r, 1, 3));
    }
}
