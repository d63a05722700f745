//! A pane's frame (a border all round and a title at the top left) painted straight into the
//! buffer: the cells [`Theme::pane`]'s `Block` leaves, without its pass over every cell of
//! the pane to apply the block's own style, which a pane does not have (at 200x50 that pass
//! was most of the cost of drawing the two panes' frames).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{BorderType, Widget};

use super::theme::Theme;

/// Draws the frame of a pane over `area` with `title` at its top left, as
/// `theme.pane(focused).title(title)` would: the sides, then the corners, in the border's
/// style, then the title cut to the space between the corners.
pub fn draw(buffer: &mut Buffer, area: Rect, theme: &Theme, focused: bool, title: Line<'_>) {
    let area = area.intersection(buffer.area);
    if area.is_empty() {
        return;
    }
    let set = if focused {
        BorderType::Thick
    } else {
        BorderType::Plain
    }
    .to_border_set();
    let style = theme.border(focused);
    let (left, top) = (area.left(), area.top());
    let right = area.right().saturating_sub(1);
    let bottom = area.bottom().saturating_sub(1);
    // In the order the block draws them, so that where they meet the same one wins.
    for y in top..=bottom {
        buffer[(left, y)]
            .set_symbol(set.vertical_left)
            .set_style(style);
    }
    for x in left..=right {
        buffer[(x, top)]
            .set_symbol(set.horizontal_top)
            .set_style(style);
    }
    for y in top..=bottom {
        buffer[(right, y)]
            .set_symbol(set.vertical_right)
            .set_style(style);
    }
    for x in left..=right {
        buffer[(x, bottom)]
            .set_symbol(set.horizontal_bottom)
            .set_style(style);
    }
    for (x, y, corner) in [
        (right, bottom, set.bottom_right),
        (right, top, set.top_right),
        (left, bottom, set.bottom_left),
        (left, top, set.top_left),
    ] {
        buffer[(x, y)].set_symbol(corner).set_style(style);
    }
    let room = Rect {
        x: left.saturating_add(1),
        y: top,
        width: area.width.saturating_sub(2),
        height: 1,
    };
    if !room.is_empty() {
        let width = u16::try_from(title.width()).unwrap_or(u16::MAX);
        title.render(
            Rect {
                width: width.min(room.width),
                ..room
            },
            buffer,
        );
    }
}

#[cfg(test)]
mod tests {
    use ratatui::style::{Color, Style};
    use ratatui::text::Span;

    use super::*;

    /// The cells the theme's `Block` leaves and the ones [`draw`] leaves, over the same
    /// non-blank background.
    fn both(area: Rect, focused: bool, mono: bool, title: Line<'static>) -> (Buffer, Buffer) {
        let theme = Theme::new(mono);
        let mut background = Buffer::empty(Rect::new(0, 0, 12, 6));
        for (i, cell) in background.content.iter_mut().enumerate() {
            cell.set_symbol(if i % 2 == 0 { "x" } else { "가" });
            cell.set_bg(Color::Blue);
        }
        let mut block = background.clone();
        theme
            .pane(focused)
            .title(title.clone())
            .render(area, &mut block);
        let mut painted = background;
        draw(&mut painted, area, &theme, focused, title);
        (block, painted)
    }

    #[test]
    fn a_pane_is_the_cells_the_themes_block_leaves() {
        let titles = [
            Line::from(Span::styled(" Timeline ", Style::default().fg(Color::Cyan))),
            Line::from(vec![
                Span::raw(" Overview "),
                Span::styled(" 본문 ", Style::default().fg(Color::Yellow)),
            ]),
            Line::from(""),
            Line::from("a title longer than any pane here"),
        ];
        let areas = [
            Rect::new(0, 0, 12, 6),
            Rect::new(2, 1, 7, 4),
            Rect::new(3, 2, 1, 1),
            Rect::new(1, 1, 2, 5),
            Rect::new(5, 0, 9, 1),
            Rect::new(4, 3, 20, 20),
            Rect::new(0, 0, 0, 4),
        ];
        for title in titles {
            for area in areas {
                for (focused, mono) in [(true, false), (false, false), (true, true), (false, true)]
                {
                    let (block, painted) = both(area, focused, mono, title.clone());
                    assert_eq!(painted, block, "{area:?} focused {focused} mono {mono}");
                }
            }
        }
    }
}
