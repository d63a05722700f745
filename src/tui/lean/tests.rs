//! The lean backend replayed through a terminal model (`vt100`): after every frame each cell
//! (symbol, colours, attributes) shows what it shows with crossterm's own backend, or what
//! ratatui's buffer holds where crossterm's bytes leave something else (a wide character
//! overwritten in part; bold and dim together, which the model cannot hold); where the frames
//! are plain enough for crossterm's screen to be the buffer, so is the lean one. And it sends
//! fewer bytes.

use std::num::NonZeroU16;

use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::*;
use crate::app::{Action, App, AppOptions};

/// Memory that crossterm's backend writes to and the test reads.
#[derive(Clone, Default)]
struct Shared(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);

impl Write for Shared {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// crossterm's backend writing to memory, at a fixed size (crossterm asks the real terminal).
struct Fixed {
    inner: CrosstermBackend<Shared>,
    written: Shared,
    size: Size,
}

impl Fixed {
    fn new(width: u16, height: u16) -> Fixed {
        let written = Shared::default();
        Fixed {
            inner: CrosstermBackend::new(written.clone()),
            written,
            size: Size::new(width, height),
        }
    }

    /// Everything written so far.
    fn bytes(&self) -> Vec<u8> {
        self.written.0.borrow().clone()
    }
}

impl Backend for Fixed {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        self.inner.draw(content)
    }
    fn hide_cursor(&mut self) -> io::Result<()> {
        self.inner.hide_cursor()
    }
    fn show_cursor(&mut self) -> io::Result<()> {
        self.inner.show_cursor()
    }
    fn get_cursor_position(&mut self) -> io::Result<Position> {
        Ok(Position::ORIGIN)
    }
    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        self.inner.set_cursor_position(position)
    }
    fn clear(&mut self) -> io::Result<()> {
        self.inner.clear()
    }
    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        self.inner.clear_region(clear_type)
    }
    fn size(&self) -> io::Result<Size> {
        Ok(self.size)
    }
    fn window_size(&mut self) -> io::Result<WindowSize> {
        Ok(WindowSize {
            columns_rows: self.size,
            pixels: Size::default(),
        })
    }
    fn flush(&mut self) -> io::Result<()> {
        Backend::flush(&mut self.inner)
    }
    fn scroll_region_up(&mut self, region: Range<u16>, lines: u16) -> io::Result<()> {
        self.inner.scroll_region_up(region, lines)
    }
    fn scroll_region_down(&mut self, region: Range<u16>, lines: u16) -> io::Result<()> {
        self.inner.scroll_region_down(region, lines)
    }
}

impl Write for Fixed {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.inner.write(buf)
    }
    fn flush(&mut self) -> io::Result<()> {
        Write::flush(&mut self.inner)
    }
}

/// The same frames drawn through the lean backend and through crossterm's, each replayed
/// into a terminal model.
struct Pair {
    lean: Terminal<Lean<Fixed>>,
    plain: Terminal<Fixed>,
    lean_screen: vt100::Parser,
    plain_screen: vt100::Parser,
}

fn nonzero(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n.max(1)).unwrap()
}

impl Pair {
    fn new(width: u16, height: u16) -> Pair {
        let parser = || vt100::Parser::new(nonzero(height), nonzero(width), 0);
        Pair {
            lean: Terminal::new(Lean::on_blank_screen(Fixed::new(width, height))).unwrap(),
            plain: Terminal::new(Fixed::new(width, height)).unwrap(),
            lean_screen: parser(),
            plain_screen: parser(),
        }
    }

    /// Draws `render` on both; checks the lean screen against crossterm's and the buffer;
    /// returns the bytes each sent for it (lean, plain) and the buffer drawn.
    fn draw(&mut self, what: &str, render: impl Fn(&mut ratatui::Frame)) -> (usize, usize, Buffer) {
        let lean_before = self.lean.backend().inner.bytes().len();
        let plain_before = self.plain.backend().bytes().len();
        let buffer = self.lean.draw(|f| render(f)).unwrap().buffer.clone();
        let plain_buffer = self.plain.draw(|f| render(f)).unwrap().buffer.clone();
        assert_eq!(buffer, plain_buffer);
        let lean_bytes = &self.lean.backend().inner.bytes()[lean_before..];
        let plain_bytes = &self.plain.backend().bytes()[plain_before..];
        let (lean_bytes, plain_bytes) = (lean_bytes.to_vec(), plain_bytes.to_vec());
        let (lean_bytes, plain_bytes) = (lean_bytes.as_slice(), plain_bytes.as_slice());
        self.lean_screen.process(lean_bytes);
        self.plain_screen.process(plain_bytes);
        assert_same_or_buffer(
            self.lean_screen.screen(),
            self.plain_screen.screen(),
            &buffer,
            what,
        );
        (lean_bytes.len(), plain_bytes.len(), buffer)
    }

    /// Scrolls `rows` up by `lines` on both terminals and in both buffers, as the event loop
    /// does for a scroll hint (without marking the rows that came in).
    fn scroll_up(&mut self, rows: Range<u16>, lines: u16) {
        self.lean
            .backend_mut()
            .scroll_region_up(rows.clone(), lines)
            .unwrap();
        self.plain
            .backend_mut()
            .scroll_region_up(rows.clone(), lines)
            .unwrap();
        // ratatui compares the next frame with this one: make it what the terminal shows.
        for terminal in [
            self.lean.current_buffer_mut(),
            self.plain.current_buffer_mut(),
        ] {
            let area = terminal.area;
            let moved = shift_rows(
                &mut terminal.content,
                area.width,
                area.height,
                &rows,
                lines,
                true,
                Cell::EMPTY,
            );
            assert!(moved);
        }
        self.lean.swap_buffers();
        self.plain.swap_buffers();
    }
}

/// The colour the terminal model holds for a ratatui colour.
fn model_colour(colour: Color) -> vt100::Color {
    match colour {
        Color::Reset => vt100::Color::Default,
        Color::Indexed(n) => vt100::Color::Idx(n),
        Color::Rgb(r, g, b) => vt100::Color::Rgb(r, g, b),
        named => vt100::Color::Idx(named_index(named)),
    }
}

/// What a cell of the model shows: symbol, colours, bold, dim, italic, underline, reverse,
/// and whether it is a wide character or the column after one.
type Shows = (String, vt100::Color, vt100::Color, [bool; 7]);

fn model_cell(screen: &vt100::Screen, x: u16, y: u16) -> Shows {
    let c = screen.cell(y, x).unwrap();
    let symbol = if c.has_contents() { c.contents() } else { " " };
    (
        symbol.to_string(),
        c.fgcolor(),
        c.bgcolor(),
        [
            c.bold(),
            c.dim(),
            c.italic(),
            c.underline(),
            c.inverse(),
            c.is_wide(),
            c.is_wide_continuation(),
        ],
    )
}

/// What `cell` of a buffer should look like in the model.
fn buffer_cell(buffer: &Buffer, x: u16, y: u16, model: &Shows) -> Shows {
    let want = &buffer[(x, y)];
    let m = want.modifier;
    let [.., wide, continuation] = model.3;
    (
        want.symbol().to_string(),
        model_colour(want.fg),
        model_colour(want.bg),
        [
            m.contains(Modifier::BOLD),
            m.contains(Modifier::DIM),
            m.contains(Modifier::ITALIC),
            m.contains(Modifier::UNDERLINED),
            m.contains(Modifier::REVERSED),
            wide,
            continuation,
        ],
    )
}

/// `shows` as compared: bold and dim left out where the cell should be both, which the
/// model cannot hold (it keeps the last of the two set).
fn comparable(mut shows: Shows, bold_and_dim: bool) -> Shows {
    if bold_and_dim {
        shows.3[0] = false;
        shows.3[1] = false;
    }
    shows
}

/// Every cell of `lean` shows what `plain` (crossterm's bytes) shows, or what `buffer` holds.
fn assert_same_or_buffer(lean: &vt100::Screen, plain: &vt100::Screen, buffer: &Buffer, what: &str) {
    let area = buffer.area;
    for y in 0..area.height {
        for x in 0..area.width {
            let both = buffer[(x, y)]
                .modifier
                .contains(Modifier::BOLD | Modifier::DIM);
            let got = comparable(model_cell(lean, x, y), both);
            let before = comparable(model_cell(plain, x, y), both);
            if got == before || got.3[6] {
                continue;
            }
            assert_eq!(
                got,
                comparable(buffer_cell(buffer, x, y, &got), both),
                "{what}: cell ({x}, {y}) differs from crossterm's {before:?} and from the buffer"
            );
        }
    }
}

/// Every cell of `screen` shows what `buffer` holds.
fn assert_shows(screen: &vt100::Screen, buffer: &Buffer, what: &str) {
    let area = buffer.area;
    for y in 0..area.height {
        for x in 0..area.width {
            let got = model_cell(screen, x, y);
            if got.3[6] {
                continue;
            }
            assert_eq!(
                got,
                buffer_cell(buffer, x, y, &got),
                "{what}: cell ({x}, {y})"
            );
        }
    }
}

fn app(width: u16, height: u16, lang: crate::app::strings::Lang) -> App {
    let loaded = crate::test_fixture::small();
    let index = crate::index::Index::build(&loaded.corpus);
    App::new(
        loaded,
        index,
        AppOptions {
            size: (width, height),
            lang,
            ..AppOptions::default()
        },
    )
}

/// The browser's first frame and a few steps after it, at both sizes of the benchmarks and in
/// both languages: the same screen as crossterm's backend gives, in fewer bytes.
#[test]
fn the_browser_shows_the_same_screens_in_fewer_bytes() {
    use crate::app::strings::Lang;
    for (width, height) in [(80, 24), (200, 50)] {
        for lang in [Lang::En, Lang::Ko] {
            let mut app = app(width, height, lang);
            let mut pair = Pair::new(width, height);
            let label = format!("{width}x{height} {lang:?}");
            let (lean, plain, _) = pair.draw(&format!("first frame {label}"), |f| {
                crate::tui::draw_in_frame(f, |c| crate::ui::draw(&app, c))
            });
            println!("{label} first frame: {lean} bytes, crossterm's backend {plain}");
            assert!(
                lean * 100 < plain * 90,
                "{label}: the first frame is at least 10% smaller: {lean} vs {plain} bytes"
            );
            let steps = [
                Action::Down,
                Action::Up,
                Action::NextTab,
                Action::OpenFinder,
                Action::Insert('c'),
                Action::Insert('y'),
                Action::Close,
                Action::NextTab,
                Action::Down,
            ];
            for action in steps {
                let step = format!("{label} after {action:?}");
                app.update(action);
                let (lean, plain, drawn) = pair.draw(&step, |f| {
                    crate::tui::draw_in_frame(f, |c| crate::ui::draw(&app, c))
                });
                println!("{step}: {lean} bytes, crossterm's backend {plain}");
                assert!(lean <= plain, "{step}: {lean} bytes, crossterm {plain}");
                if lang == Lang::En {
                    assert_shows(pair.lean_screen.screen(), &drawn, &step);
                    assert_shows(pair.plain_screen.screen(), &drawn, &step);
                }
            }
        }
    }
}

#[test]
fn a_scrolled_region_is_followed() {
    let mut pair = Pair::new(20, 6);
    let row = |y: u16| format!("row {y} text  x");
    let paint = |f: &mut ratatui::Frame, first: u16| {
        for y in 0..6 {
            let line = ratatui::text::Line::from(row(first + y));
            f.render_widget(line, Rect::new(0, y, 20, 1));
        }
    };
    pair.draw("before", |f| paint(f, 0));
    pair.scroll_up(1..5, 2);
    // Rows 1..3 now show rows 3..5; the frame that follows redraws what differs.
    pair.draw("after the scroll", |f| {
        paint(f, 0);
        for y in 1..3 {
            f.render_widget(
                ratatui::text::Line::from(row(y + 2)),
                Rect::new(0, y, 20, 1),
            );
        }
    });
}

#[test]
fn sgr_changes_only_what_changed_or_resets_when_shorter() {
    let pen = |fg, modifier| Pen {
        fg,
        bg: Color::Reset,
        underline: Color::Reset,
        modifier,
    };
    let plain = pen(Color::Reset, Modifier::empty());
    assert_eq!(sgr(plain, pen(Color::Cyan, Modifier::empty())), "\x1b[36m");
    assert_eq!(
        sgr(plain, pen(Color::DarkGray, Modifier::BOLD)),
        "\x1b[1;90m"
    );
    assert_eq!(
        sgr(
            pen(Color::Cyan, Modifier::BOLD),
            pen(Color::Cyan, Modifier::DIM)
        ),
        "\x1b[22;2m"
    );
    assert_eq!(
        sgr(pen(Color::Cyan, Modifier::BOLD | Modifier::REVERSED), plain),
        "\x1b[0m"
    );
    assert_eq!(
        sgr(plain, pen(Color::Indexed(200), Modifier::empty())),
        "\x1b[38;5;200m"
    );
}

#[test]
fn a_gap_is_written_over_only_when_shorter_than_a_move_and_in_the_same_style() {
    let mut pair = Pair::new(40, 3);
    pair.draw("words", |f| {
        f.render_widget(ratatui::text::Line::from("one two   three"), f.area());
    });
    let before = pair.lean.backend().inner.bytes().len();
    pair.draw("one letter changed on each side of a gap", |f| {
        f.render_widget(ratatui::text::Line::from("onX twX   three"), f.area());
    });
    let sent = &pair.lean.backend().inner.bytes()[before..];
    let text = String::from_utf8_lossy(sent);
    assert!(text.contains("X twX"), "the gap is written over: {text:?}");
    pair.draw("a coloured gap", |f| {
        let line = ratatui::text::Line::from(vec![
            ratatui::text::Span::raw("onY"),
            ratatui::text::Span::styled(" tw", Style::new().fg(Color::Red)),
            ratatui::text::Span::raw("Y"),
        ]);
        f.render_widget(line, f.area());
    });
}

/// One cell of a random frame.
fn cell_strategy() -> impl Strategy<Value = (String, u8, u8, u8)> {
    (
        prop::sample::select(vec!["a", " ", "b", "가", "é", "─", "ㄱ", "中"]),
        0u8..4,
        0u8..3,
        0u8..4,
    )
        .prop_map(|(s, fg, bg, m)| (s.to_string(), fg, bg, m))
}

fn style_of(fg: u8, bg: u8, m: u8) -> Style {
    let fg = [
        Color::Reset,
        Color::Cyan,
        Color::DarkGray,
        Color::Indexed(123),
    ][usize::from(fg)];
    let bg = [Color::Reset, Color::Blue, Color::Rgb(1, 2, 3)][usize::from(bg)];
    let m = [
        Modifier::empty(),
        Modifier::BOLD,
        Modifier::DIM | Modifier::REVERSED,
        Modifier::UNDERLINED | Modifier::ITALIC,
    ][usize::from(m)];
    Style::new().fg(fg).bg(bg).add_modifier(m)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Random frames of ASCII, accented, box-drawing and wide characters in random styles,
    /// drawn one after another: the screen is the buffer after each.
    #[test]
    fn random_frames_show_their_buffers(
        frames in prop::collection::vec(
            prop::collection::vec((0u16..12, 0u16..4, prop::collection::vec(cell_strategy(), 1..6)), 1..8),
            1..5,
        )
    ) {
        let mut pair = Pair::new(12, 4);
        for (i, writes) in frames.iter().enumerate() {
            pair.draw(&format!("frame {i}"), |f| {
                for (x, y, cells) in writes {
                    let spans: Vec<ratatui::text::Span> = cells
                        .iter()
                        .map(|(s, fg, bg, m)| ratatui::text::Span::styled(s.clone(), style_of(*fg, *bg, *m)))
                        .collect();
                    let area = Rect::new(*x, *y, 12 - x, 1);
                    f.render_widget(ratatui::text::Line::from(spans), area);
                }
            });
        }
    }
}

/// [`cursor_move`] into a string of its own.
fn moved(cursor: Option<(u16, u16)>, x: u16, y: u16) -> String {
    let mut into = String::from("left over from the last move");
    cursor_move(cursor, x, y, &mut into);
    into
}

#[test]
fn moves_are_the_shortest_sequence() {
    assert_eq!(moved(None, 0, 0), "\x1b[H");
    assert_eq!(moved(Some((79, 2)), 0, 3), "\x1b[4H");
    assert_eq!(moved(Some((5, 2)), 79, 2), "\x1b[74C");
    assert_eq!(moved(Some((5, 2)), 6, 2), "\x1b[C");
    assert_eq!(moved(Some((9, 2)), 5, 2), "\x1b[3;6H", "never backwards");
    assert_eq!(moved(Some((1, 0)), 4, 1), "\x1b[2;5H");
}

#[test]
fn rows_shift_as_a_terminal_scrolls_a_region() {
    let mut grid: Vec<u8> = (0..12).collect(); // 3 wide, 4 high
    assert!(shift_rows(&mut grid, 3, 4, &(1..4), 1, true, 99));
    assert_eq!(grid, [0, 1, 2, 6, 7, 8, 9, 10, 11, 99, 99, 99]);
    assert!(shift_rows(&mut grid, 3, 4, &(0..3), 2, false, 0));
    assert_eq!(grid, [0, 0, 0, 0, 0, 0, 0, 1, 2, 99, 99, 99]);
    assert!(
        !shift_rows(&mut grid, 3, 4, &(2..5), 1, true, 0),
        "past the bottom"
    );
}

/// A frame's remembered SGR sequences are the ones made anew, whether found in the memo or
/// made after it filled up.
#[test]
fn remembered_sgr_sequences_are_the_ones_made_anew() {
    let colours = [
        Color::Reset,
        Color::Cyan,
        Color::DarkGray,
        Color::Rgb(1, 2, 3),
        Color::Indexed(200),
    ];
    let modifiers = [
        Modifier::empty(),
        Modifier::BOLD,
        Modifier::REVERSED | Modifier::DIM,
    ];
    let mut pens = Vec::new();
    for fg in colours {
        for bg in colours {
            for modifier in modifiers {
                pens.push(Pen {
                    fg,
                    bg,
                    underline: Color::Reset,
                    modifier,
                });
            }
        }
    }
    let mut memo = SgrMemo::default();
    let (mut remembered, mut made) = (Vec::new(), String::new());
    // Back and forth among a few pens, then across all of them (more changes than the memo
    // keeps), then the first few again.
    let steps = (0..40usize)
        .map(|i| (i % 3, (i + 1) % 3))
        .chain((0..pens.len()).map(|i| (i, (i * 7 + 1) % pens.len())))
        .chain((0..40usize).map(|i| (i % 3, (i + 1) % 3)));
    for (from, to) in steps {
        memo.write(&mut remembered, pens[from], pens[to]);
        write_sgr(&mut made, pens[from], pens[to]);
        assert_eq!(remembered, made.as_bytes());
    }
    assert_eq!(memo.0.len(), SgrMemo::SLOTS, "the memo is bounded");
}

/// The memo of SGR sequences tells pens apart by their keys: different pens, different keys.
#[test]
fn different_pens_have_different_keys() {
    let mut colours = vec![
        Color::Reset,
        Color::Black,
        Color::Red,
        Color::Green,
        Color::Yellow,
        Color::Blue,
        Color::Magenta,
        Color::Cyan,
        Color::Gray,
        Color::DarkGray,
        Color::LightRed,
        Color::LightGreen,
        Color::LightYellow,
        Color::LightBlue,
        Color::LightMagenta,
        Color::LightCyan,
        Color::White,
    ];
    colours.extend((0..=255).map(Color::Indexed));
    colours.extend([
        Color::Rgb(0, 0, 0),
        Color::Rgb(255, 255, 255),
        Color::Rgb(0, 2, 15),
    ]);
    let keys: std::collections::HashSet<u32> = colours.iter().map(|&c| colour_key(c)).collect();
    assert_eq!(keys.len(), colours.len());
    assert!(keys.iter().all(|&k| k < 1 << 25));
    let pen = |fg, bg, underline, modifier| Pen {
        fg,
        bg,
        underline,
        modifier,
    };
    let pens = [
        pen(Color::Red, Color::Reset, Color::Reset, Modifier::empty()),
        pen(Color::Reset, Color::Red, Color::Reset, Modifier::empty()),
        pen(Color::Reset, Color::Reset, Color::Red, Modifier::empty()),
        pen(Color::Reset, Color::Reset, Color::Reset, Modifier::all()),
        pen(Color::Reset, Color::Reset, Color::Reset, Modifier::BOLD),
        Pen::DEFAULT,
    ];
    let keys: std::collections::HashSet<u128> = pens.iter().map(|p| p.key()).collect();
    assert_eq!(keys.len(), pens.len());
}
