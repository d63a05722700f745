//! What a screen is drawn on: an area of a ratatui `Buffer`, and where the terminal's cursor
//! goes.
//!
//! ratatui's `Frame` can only be had from a `Terminal`, whose two full-size buffers are made
//! together when it is made. On a large terminal those are the biggest allocation before the
//! first frame (two 10,000-cell buffers at 200x50, each page touched once), so the event loop
//! draws the first frame into one buffer of its own and makes the `Terminal` after that frame
//! has left. A `Canvas` is the one surface both kinds of frame are drawn on; it offers the
//! part of `Frame`'s interface that screens use.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::widgets::{StatefulWidget, Widget};

/// An area of a buffer to draw a whole screen on.
pub struct Canvas<'a> {
    area: Rect,
    buffer: &'a mut Buffer,
    cursor: Option<Position>,
}

impl<'a> Canvas<'a> {
    /// A canvas covering `area` of `buffer`.
    pub fn new(area: Rect, buffer: &'a mut Buffer) -> Canvas<'a> {
        Canvas {
            area,
            buffer,
            cursor: None,
        }
    }

    /// The area to draw on (the whole screen).
    pub fn area(&self) -> Rect {
        self.area
    }

    /// The buffer, for painting cells directly.
    pub fn buffer_mut(&mut self) -> &mut Buffer {
        self.buffer
    }

    /// Renders `widget` over `area`.
    pub fn render_widget<W: Widget>(&mut self, widget: W, area: Rect) {
        widget.render(area, self.buffer);
    }

    /// Renders `widget` over `area` with its state.
    pub fn render_stateful_widget<W: StatefulWidget>(
        &mut self,
        widget: W,
        area: Rect,
        state: &mut W::State,
    ) {
        widget.render(area, self.buffer, state);
    }

    /// Shows the terminal's cursor at `position` after this frame (a text field's caret);
    /// without a call the cursor stays hidden.
    pub fn set_cursor_position<P: Into<Position>>(&mut self, position: P) {
        self.cursor = Some(position.into());
    }

    /// Where the cursor is to be shown, if anywhere.
    pub fn cursor_position(&self) -> Option<Position> {
        self.cursor
    }
}

/// Draws on a ratatui `Frame` through a [`Canvas`]: `draw` paints the frame's buffer, and the
/// cursor it places is placed on the frame.
pub fn draw_in_frame(frame: &mut ratatui::Frame, draw: impl FnOnce(&mut Canvas)) {
    let area = frame.area();
    let mut canvas = Canvas::new(area, frame.buffer_mut());
    draw(&mut canvas);
    if let Some(position) = canvas.cursor_position() {
        frame.set_cursor_position(position);
    }
}

#[cfg(test)]
mod tests {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use ratatui::widgets::Paragraph;

    use super::*;

    fn screen(canvas: &mut Canvas, caret: bool) {
        let area = canvas.area();
        canvas.render_widget(Paragraph::new("query: eu"), area);
        canvas.buffer_mut()[(0, 1)].set_symbol("x");
        if caret {
            canvas.set_cursor_position((9, 0));
        }
    }

    #[test]
    fn a_canvas_over_a_frame_draws_what_the_frame_would_and_places_its_cursor() {
        for caret in [false, true] {
            let mut through_canvas = Terminal::new(TestBackend::new(12, 2)).unwrap();
            through_canvas
                .draw(|frame| draw_in_frame(frame, |canvas| screen(canvas, caret)))
                .unwrap();
            let mut direct = Terminal::new(TestBackend::new(12, 2)).unwrap();
            direct
                .draw(|frame| {
                    frame.render_widget(Paragraph::new("query: eu"), frame.area());
                    frame.buffer_mut()[(0, 1)].set_symbol("x");
                    if caret {
                        frame.set_cursor_position((9, 0));
                    }
                })
                .unwrap();
            assert_eq!(through_canvas.backend().buffer(), direct.backend().buffer());
            let (mut a, mut b) = (through_canvas, direct);
            assert_eq!(
                a.get_cursor_position().unwrap(),
                b.get_cursor_position().unwrap()
            );
            assert_eq!(a.backend().cursor_visible(), caret);
            assert_eq!(b.backend().cursor_visible(), caret);
        }
    }

    #[test]
    fn a_canvas_over_a_plain_buffer_draws_the_same_cells() {
        let area = Rect::new(0, 0, 12, 2);
        let mut buffer = Buffer::empty(area);
        let mut canvas = Canvas::new(area, &mut buffer);
        screen(&mut canvas, true);
        assert_eq!(canvas.cursor_position(), Some(Position::new(9, 0)));
        let mut terminal = Terminal::new(TestBackend::new(12, 2)).unwrap();
        terminal
            .draw(|frame| draw_in_frame(frame, |canvas| screen(canvas, false)))
            .unwrap();
        assert_eq!(&buffer, terminal.backend().buffer());
    }
}
