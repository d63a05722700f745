//! A backend that writes ratatui's cell updates in fewer bytes than crossterm's own.
//!
//! ratatui sends the cells that changed since the last frame; crossterm's backend then moves
//! the cursor (`ESC[row;colH`, 6–8 bytes) before every cell that does not follow the last one,
//! writes foreground and background together whenever either changes, one sequence per
//! attribute, and four reset sequences after every frame. Here, with the same screen as the
//! result:
//!
//! - a short gap between two updates on one row is written over with what the terminal
//!   already shows there (known from [`Shown`], a copy of the screen as drawn) when those
//!   cells are plain ASCII in the current style (or in the next cell's, which is then set before
//!   them) and that costs no more bytes than the move;
//! - a move is the shortest of `ESC[nC` (forward on the row), `ESC[rowH` (a row's start) and
//!   `ESC[row;colH`;
//! - after a Hangul or CJK character (two columns, unambiguous in every terminal) the cursor is
//!   known to be two columns on, so the next cell needs no move; after any other wide or
//!   zero-width symbol the cursor is taken as unknown (an absolute move follows);
//! - a style change is one SGR sequence holding only what changed (16-colour codes for the 16
//!   named colours, as [`sgr16`](super::sgr16) would make them), or a reset and the new style
//!   when that is shorter; the frame ends with one reset, and only if the style is not the
//!   default already.
//!
//! The copy of the screen starts blank (the backend is made on the alternate screen, just
//! entered and so clear), follows every cell drawn, every clear and every scroll of a region,
//! and is dropped (no gap is then written over) after anything it cannot follow.

use std::io::{self, Write};
use std::ops::Range;

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};
use ratatui::style::{Color, Modifier};

use super::symbol_memo::SymbolMemo;

/// One cell of the terminal's screen, as far as writing it over again is concerned: its
/// character when that is printable ASCII (0 otherwise), and its style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct ShownCell {
    ascii: u8,
    pen: Pen,
}

impl ShownCell {
    const BLANK: ShownCell = ShownCell {
        ascii: b' ',
        pen: Pen::DEFAULT,
    };
    /// A cell that is never written over.
    const OTHER: ShownCell = ShownCell {
        ascii: 0,
        pen: Pen::DEFAULT,
    };
}

/// The terminal's screen as this backend drew it, row by row.
#[derive(Debug, Clone)]
struct Shown {
    width: u16,
    height: u16,
    cells: Vec<ShownCell>,
}

impl Shown {
    fn blank(size: Size) -> Shown {
        Shown {
            width: size.width,
            height: size.height,
            cells: vec![ShownCell::BLANK; usize::from(size.width) * usize::from(size.height)],
        }
    }

    fn at(&self, x: u16, y: u16) -> Option<ShownCell> {
        (x < self.width && y < self.height)
            .then(|| self.cells[usize::from(y) * usize::from(self.width) + usize::from(x)])
    }

    fn at_mut(&mut self, x: u16, y: u16) -> Option<&mut ShownCell> {
        (x < self.width && y < self.height)
            .then(|| &mut self.cells[usize::from(y) * usize::from(self.width) + usize::from(x)])
    }
}

/// A backend writing through `B` (crossterm's, for everything but cells) with fewer bytes.
pub(super) struct Lean<B> {
    inner: B,
    /// What the terminal shows; `None` when unknown.
    shown: Option<Shown>,
}

/// The graphic rendition in force on the terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Pen {
    fg: Color,
    bg: Color,
    underline: Color,
    modifier: Modifier,
}

impl Pen {
    const DEFAULT: Pen = Pen {
        fg: Color::Reset,
        bg: Color::Reset,
        underline: Color::Reset,
        modifier: Modifier::empty(),
    };

    fn of(cell: &Cell) -> Pen {
        Pen {
            fg: cell.fg,
            bg: cell.bg,
            underline: cell.underline_color,
            modifier: cell.modifier,
        }
    }

    /// Whether this is `cell`'s pen.
    fn is_of(&self, cell: &Cell) -> bool {
        self.fg == cell.fg
            && self.bg == cell.bg
            && self.underline == cell.underline_color
            && self.modifier == cell.modifier
    }

    /// The pen as one number, equal for equal pens only: each colour in 25 bits
    /// ([`colour_key`]), then the modifier's bits.
    fn key(self) -> u128 {
        u128::from(colour_key(self.fg))
            | u128::from(colour_key(self.bg)) << 25
            | u128::from(colour_key(self.underline)) << 50
            | u128::from(self.modifier.bits()) << 75
    }
}

/// A colour as a number under 2^25, different for different colours.
fn colour_key(colour: Color) -> u32 {
    match colour {
        Color::Reset => 0,
        Color::Indexed(n) => 1 << 8 | u32::from(n),
        named @ (Color::Black
        | Color::Red
        | Color::Green
        | Color::Yellow
        | Color::Blue
        | Color::Magenta
        | Color::Cyan
        | Color::Gray
        | Color::DarkGray
        | Color::LightRed
        | Color::LightGreen
        | Color::LightYellow
        | Color::LightBlue
        | Color::LightMagenta
        | Color::LightCyan
        | Color::White) => 2 << 8 | u32::from(named_index(named)),
        Color::Rgb(r, g, b) => 1 << 24 | u32::from(r) << 16 | u32::from(g) << 8 | u32::from(b),
    }
}

impl<B: Backend<Error = io::Error> + Write> Lean<B> {
    /// A backend for a screen that is blank now (the alternate screen, just entered).
    pub(super) fn on_blank_screen(inner: B) -> Lean<B> {
        let shown = inner.size().ok().map(Shown::blank);
        Lean { inner, shown }
    }

    /// The screen is blank again, at the terminal's size now.
    fn cleared(&mut self) {
        self.shown = self.inner.size().ok().map(Shown::blank);
    }
}

impl<B: Backend<Error = io::Error> + Write> Backend for Lean<B> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        // Bytes, not a String: a cell's byte is pushed as it is, not encoded as a char.
        let mut out: Vec<u8> = Vec::with_capacity(4096);
        let mut sgrs = SgrMemo::default();
        let mut pen = Pen::DEFAULT;
        // Where the terminal's cursor is, when known.
        let mut cursor: Option<(u16, u16)> = None;
        let mut jump = String::with_capacity(16);
        let mut advances = SymbolMemo::new();
        for (x, y, cell) in content {
            if cursor != Some((x, y)) {
                let wanted = Pen::of(cell);
                cursor_move(cursor, x, y, &mut jump);
                let gap = cursor
                    .filter(|&(cx, cy)| cy == y && cx < x)
                    .map(|(cx, _)| cx..x);
                let shown = self.shown.as_ref();
                let mut filled = false;
                if let Some(columns) = gap {
                    // In the style in force, or in the next cell's, which is set anyway.
                    if gap_fits(shown, pen, columns.clone(), y, jump.len()) {
                        push_gap(&mut out, shown, columns, y);
                        filled = true;
                    } else if gap_fits(shown, wanted, columns.clone(), y, jump.len()) {
                        sgrs.write(&mut out, pen, wanted);
                        pen = wanted;
                        push_gap(&mut out, shown, columns, y);
                        filled = true;
                    }
                }
                if !filled {
                    out.extend_from_slice(jump.as_bytes());
                }
            }
            // The cell's style is compared field by field where it is; a pen is made only for
            // a change (a few hundred a frame, against thousands of cells).
            if !pen.is_of(cell) {
                let wanted = Pen::of(cell);
                sgrs.write(&mut out, pen, wanted);
                pen = wanted;
            }
            let symbol = cell.symbol();
            // Most cells hold one byte, which is ASCII: pushed as such, not copied as a
            // string, and one column without the general measure. Only printable ASCII is
            // remembered as something a gap may write over again.
            let (ascii, advance) = match symbol.as_bytes() {
                &[byte] => {
                    out.push(byte);
                    (
                        if (b' '..=b'~').contains(&byte) {
                            byte
                        } else {
                            0
                        },
                        Some(1),
                    )
                }
                _ => {
                    out.extend_from_slice(symbol.as_bytes());
                    (0, advances.get(symbol, advance))
                }
            };
            cursor = advance.map(|columns| (x.saturating_add(columns), y));
            let shows = ShownCell { ascii, pen };
            self.remember(x, y, shows, advance.unwrap_or(2));
        }
        if pen != Pen::DEFAULT {
            out.extend_from_slice(b"\x1b[0m");
        }
        self.inner.write_all(&out)
    }

    fn append_lines(&mut self, n: u16) -> io::Result<()> {
        self.shown = None;
        self.inner.append_lines(n)
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        self.inner.hide_cursor()
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        self.inner.show_cursor()
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        self.inner.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        self.inner.set_cursor_position(position)
    }

    fn clear(&mut self) -> io::Result<()> {
        self.inner.clear()?;
        self.cleared();
        Ok(())
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        self.inner.clear_region(clear_type)?;
        match clear_type {
            ClearType::All => self.cleared(),
            _ => self.shown = None,
        }
        Ok(())
    }

    fn size(&self) -> io::Result<Size> {
        self.inner.size()
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        self.inner.window_size()
    }

    fn flush(&mut self) -> io::Result<()> {
        Backend::flush(&mut self.inner)
    }

    fn scroll_region_up(&mut self, region: Range<u16>, lines: u16) -> io::Result<()> {
        self.inner.scroll_region_up(region.clone(), lines)?;
        self.shift_shown(&region, lines, true);
        Ok(())
    }

    fn scroll_region_down(&mut self, region: Range<u16>, lines: u16) -> io::Result<()> {
        self.inner.scroll_region_down(region.clone(), lines)?;
        self.shift_shown(&region, lines, false);
        Ok(())
    }
}

impl<B> Lean<B> {
    /// Moves the remembered screen's rows as the terminal moved them (`up`: towards the top),
    /// the rows scrolled in blank; after a move it cannot follow, it remembers nothing.
    fn shift_shown(&mut self, region: &Range<u16>, lines: u16, up: bool) {
        self.shown = self.shown.take().and_then(|mut shown| {
            let (width, height) = (shown.width, shown.height);
            shift_rows(
                &mut shown.cells,
                width,
                height,
                region,
                lines,
                up,
                ShownCell::BLANK,
            )
            .then_some(shown)
        });
    }

    /// Notes that the terminal now shows `shows` at (x, y), covering `width` columns.
    // Inlined into the draw loop: it runs for every cell sent.
    #[inline]
    fn remember(&mut self, x: u16, y: u16, shows: ShownCell, width: u16) {
        let Some(shown) = self.shown.as_mut() else {
            return;
        };
        let Some(at) = shown.at_mut(x, y) else {
            self.shown = None;
            return;
        };
        *at = shows;
        // The column after a wide character (or after a symbol of uncertain width, given as
        // two) is never written over as a gap.
        for dx in 1..width {
            if let Some(c) = shown.at_mut(x.saturating_add(dx), y) {
                *c = ShownCell::OTHER;
            }
        }
    }
}

/// Whether the cells of row `y` in `columns` as the terminal shows them are all printable
/// ASCII in `pen`'s style and no more than `budget` bytes (the cursor move they would
/// replace): then [`push_gap`] may write them instead of the move.
fn gap_fits(shown: Option<&Shown>, pen: Pen, columns: Range<u16>, y: u16, budget: usize) -> bool {
    let Some(shown) = shown else {
        return false;
    };
    usize::from(columns.end - columns.start) <= budget
        && columns
            .into_iter()
            .all(|x| shown.at(x, y).is_some_and(|c| c.ascii != 0 && c.pen == pen))
}

/// Writes the cells of row `y` in `columns` as shown (checked by [`gap_fits`]).
fn push_gap(out: &mut Vec<u8>, shown: Option<&Shown>, columns: Range<u16>, y: u16) {
    let Some(shown) = shown else {
        return;
    };
    for x in columns {
        if let Some(cell) = shown.at(x, y) {
            out.push(cell.ascii);
        }
    }
}

/// The shortest sequence that puts the cursor at (x, y) from `cursor`, written into `into`
/// (cleared first; a buffer reused across the frame, not a string per move): forward on the
/// same row (`ESC[nC`), or to the row and column (`ESC[row;colH`, the column left out when
/// it is the first). Rows and columns count from 1 on the terminal.
fn cursor_move(cursor: Option<(u16, u16)>, x: u16, y: u16, into: &mut String) {
    into.clear();
    into.push_str("\x1b[");
    let row = u32::from(y) + 1;
    let column = u32::from(x) + 1;
    let absolute_len =
        3 + if (row, column) != (1, 1) {
            decimal_len(row)
        } else {
            0
        } + if column != 1 {
            1 + decimal_len(column)
        } else {
            0
        };
    if let Some((cx, cy)) = cursor
        && cy == y
        && cx < x
    {
        let by = u32::from(x - cx);
        let forward_len = 3 + if by > 1 { decimal_len(by) } else { 0 };
        if forward_len < absolute_len {
            if by > 1 {
                push_decimal(into, by);
            }
            into.push('C');
            return;
        }
    }
    if (row, column) != (1, 1) {
        push_decimal(into, row);
    }
    if column != 1 {
        into.push(';');
        push_decimal(into, column);
    }
    into.push('H');
}

/// How many digits [`push_decimal`] writes for `n`.
fn decimal_len(mut n: u32) -> usize {
    let mut digits = 1;
    while n >= 10 {
        n /= 10;
        digits += 1;
    }
    digits
}

/// Appends `n` in decimal (the `fmt` machinery costs more than the frame's own work here).
fn push_decimal(out: &mut String, n: u32) {
    if n >= 10 {
        push_decimal(out, n / 10);
    }
    out.push(char::from_digit(n % 10, 10).unwrap_or('0'));
}

/// How many columns the cursor moves on after `symbol`, where that is certain enough to
/// rely on: one for a symbol one column wide (ratatui lays every row out so, and crossterm's
/// backend relies on it as well), two for Hangul syllables and CJK ideographs (two columns in
/// every terminal); `None` for anything else, after which the next cell is reached by an
/// absolute move.
fn advance(symbol: &str) -> Option<u16> {
    use unicode_width::UnicodeWidthStr as _;
    if symbol.is_ascii() || symbol.width() == 1 {
        return Some(1);
    }
    let mut chars = symbol.chars();
    let wide = matches!((chars.next(), chars.next()), (Some(c), None) if matches!(c,
        '\u{1100}'..='\u{115f}' | '\u{ac00}'..='\u{d7a3}' | '\u{4e00}'..='\u{9fff}'));
    wide.then_some(2)
}

/// Moves the rows of `region` in a grid of `width` x `height` `cells` by `lines`, up or down,
/// as a terminal scrolls a region: the rows that come in are `blank`. False (nothing moved)
/// if the region does not fit the grid.
fn shift_rows<T: Clone>(
    cells: &mut [T],
    width: u16,
    height: u16,
    region: &Range<u16>,
    lines: u16,
    up: bool,
    blank: T,
) -> bool {
    let width = usize::from(width);
    if region.end > height
        || region.start >= region.end
        || cells.len() != width * usize::from(height)
    {
        return false;
    }
    let rows = &mut cells[usize::from(region.start) * width..usize::from(region.end) * width];
    let shift = usize::from(lines.min(region.end - region.start)) * width;
    if up {
        rows.rotate_left(shift);
        let len = rows.len();
        rows[len - shift..].fill(blank);
    } else {
        rows.rotate_right(shift);
        rows[..shift].fill(blank);
    }
    true
}

/// One SGR sequence taking the terminal from `from` to `to`: only what changed, or a reset
/// and what `to` needs, whichever is shorter.
#[cfg(test)]
fn sgr(from: Pen, to: Pen) -> String {
    let mut out = String::new();
    write_sgr(&mut out, from, to);
    out
}

/// Appends the SGR sequence of `sgr` (only what changed, or a reset and what `to` needs,
/// whichever is shorter) to `out`.
fn write_sgr(out: &mut String, from: Pen, to: Pen) {
    let mut changed = Params::default();
    modifier_changes(from.modifier, to.modifier, &mut changed);
    colour_changes(from, to, &mut changed);
    let mut reset = Params::default();
    reset.push("0");
    modifier_changes(Modifier::empty(), to.modifier, &mut reset);
    colour_changes(Pen::DEFAULT, to, &mut reset);
    let params = if reset.0.len() < changed.0.len() {
        reset
    } else {
        changed
    };
    out.push_str("\x1b[");
    out.push_str(&params.0);
    out.push('m');
}

/// The SGR sequences a frame has written, by the change they make: a frame goes back and forth
/// between a few styles (border, text, dim, selected) hundreds of times, and making a sequence
/// costs far more than finding it. A change has one place in a table of 256, chosen from its
/// pens' [`Pen::key`]s, so a look-up compares two numbers once (a list searched entry by
/// entry, comparing colours field by field, cost about 480 instructions a change at 200x50); a
/// change whose place another took is made anew.
#[derive(Default)]
struct SgrMemo(Vec<Option<((u128, u128), String)>>);

impl SgrMemo {
    const SLOTS: usize = 256;

    /// Appends the sequence from `from` to `to` ([`write_sgr`]'s) to `out`.
    fn write(&mut self, out: &mut Vec<u8>, from: Pen, to: Pen) {
        let change = (from.key(), to.key());
        let slot =
            usize::try_from(mix(mix(0, change.0), change.1) >> 56).unwrap_or(0) % Self::SLOTS;
        if let Some(Some((known, sgr))) = self.0.get(slot)
            && *known == change
        {
            out.extend_from_slice(sgr.as_bytes());
            return;
        }
        let mut sgr = String::new();
        write_sgr(&mut sgr, from, to);
        out.extend_from_slice(sgr.as_bytes());
        if self.0.is_empty() {
            self.0.resize(Self::SLOTS, None);
        }
        self.0[slot] = Some((change, sgr));
    }
}

/// `hash` with `key` mixed in: multiplying by 2^64 / φ (Fibonacci hashing) spreads every bit
/// of the key over the top bits, and the order of keys matters (a change back and forth
/// between two pens is two changes, with two places).
fn mix(hash: u64, key: u128) -> u64 {
    const PHI: u64 = 0x9e37_79b9_7f4a_7c15;
    let low = u64::try_from(key & u128::from(u64::MAX)).unwrap_or(0);
    let high = u64::try_from(key >> 64).unwrap_or(0);
    ((hash ^ low).wrapping_mul(PHI) ^ high).wrapping_mul(PHI)
}

/// SGR parameters, joined by `;`.
#[derive(Default)]
struct Params(String);

impl Params {
    fn push(&mut self, param: &str) {
        if !self.0.is_empty() {
            self.0.push(';');
        }
        self.0.push_str(param);
    }

    fn push_number(&mut self, n: u16) {
        if !self.0.is_empty() {
            self.0.push(';');
        }
        push_decimal(&mut self.0, u32::from(n));
    }
}

/// SGR parameters for the attribute changes from `from` to `to`.
fn modifier_changes(from: Modifier, to: Modifier, out: &mut Params) {
    let removed = from - to;
    let mut added = to - from;
    if removed.intersects(Modifier::BOLD | Modifier::DIM) {
        // 22 ends both bold and dim: put back the one that stays.
        out.push("22");
        added |= to & (Modifier::BOLD | Modifier::DIM);
    }
    for (modifier, off) in [
        (Modifier::ITALIC, "23"),
        (Modifier::UNDERLINED, "24"),
        (Modifier::REVERSED, "27"),
        (Modifier::HIDDEN, "28"),
        (Modifier::CROSSED_OUT, "29"),
    ] {
        if removed.contains(modifier) {
            out.push(off);
        }
    }
    if removed.intersects(Modifier::SLOW_BLINK | Modifier::RAPID_BLINK) {
        out.push("25");
        added |= to & (Modifier::SLOW_BLINK | Modifier::RAPID_BLINK);
    }
    for (modifier, on) in [
        (Modifier::BOLD, "1"),
        (Modifier::DIM, "2"),
        (Modifier::ITALIC, "3"),
        (Modifier::UNDERLINED, "4"),
        (Modifier::SLOW_BLINK, "5"),
        (Modifier::RAPID_BLINK, "6"),
        (Modifier::REVERSED, "7"),
        (Modifier::HIDDEN, "8"),
        (Modifier::CROSSED_OUT, "9"),
    ] {
        if added.contains(modifier) {
            out.push(on);
        }
    }
}

/// SGR parameters for the colours that differ between `from` and `to`.
fn colour_changes(from: Pen, to: Pen, out: &mut Params) {
    if from.fg != to.fg {
        colour(to.fg, Layer::Foreground, out);
    }
    if from.bg != to.bg {
        colour(to.bg, Layer::Background, out);
    }
    if from.underline != to.underline {
        colour(to.underline, Layer::Underline, out);
    }
}

#[derive(Clone, Copy)]
enum Layer {
    Foreground,
    Background,
    Underline,
}

/// The SGR parameters that set `colour` on `layer`.
fn colour(colour: Color, layer: Layer, out: &mut Params) {
    let (base, extended, default) = match layer {
        Layer::Foreground => (30, 38, 39),
        Layer::Background => (40, 48, 49),
        Layer::Underline => (0, 58, 59),
    };
    let index = match colour {
        Color::Reset => return out.push_number(default),
        Color::Rgb(r, g, b) => {
            out.push_number(extended);
            out.push("2");
            for c in [r, g, b] {
                out.push_number(u16::from(c));
            }
            return;
        }
        Color::Indexed(n) => n,
        named => named_index(named),
    };
    match layer {
        // The 16-colour forms every colour terminal knows (see `sgr16`).
        Layer::Foreground | Layer::Background if index < 8 => {
            out.push_number(base + u16::from(index));
        }
        Layer::Foreground | Layer::Background if index < 16 => {
            out.push_number(base + 60 + u16::from(index) - 8);
        }
        _ => {
            out.push_number(extended);
            out.push("5");
            out.push_number(u16::from(index));
        }
    }
}

/// The 256-colour index of one of the 16 named colours (crossterm's mapping).
fn named_index(colour: Color) -> u8 {
    match colour {
        Color::Black => 0,
        Color::Red => 1,
        Color::Green => 2,
        Color::Yellow => 3,
        Color::Blue => 4,
        Color::Magenta => 5,
        Color::Cyan => 6,
        Color::Gray => 7,
        Color::DarkGray => 8,
        Color::LightRed => 9,
        Color::LightGreen => 10,
        Color::LightYellow => 11,
        Color::LightBlue => 12,
        Color::LightMagenta => 13,
        Color::LightCyan => 14,
        Color::White | Color::Reset | Color::Rgb(..) | Color::Indexed(_) => 15,
    }
}

/// Escape sequences the loop queues itself (synchronized updates, attributes) pass through.
impl<B: Write> Write for Lean<B> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.inner.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        Write::flush(&mut self.inner)
    }
}

#[cfg(test)]
mod tests;
