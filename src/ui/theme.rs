//! Every style the browser uses, in one place, in two flavours: colour, and monochrome for
//! `NO_COLOR` (bold, reverse and underline only; anything that must be told apart without
//! colour is also told apart by text).

use ratatui::style::{Color, Modifier, Style};

/// How many colours the terminal shows, from `NO_COLOR`, `TERM` and `COLORTERM`.
///
/// The theme draws with the 16 ANSI colours only (never 256-colour or RGB codes), so `screen`,
/// `linux` and any 8/16-colour terminal show it as meant; depth decides colour or monochrome,
/// and is reported for anything that would use more. A small table, not terminfo: the
/// decisions needed (dumb or not, 8/16/256/direct) are in the names themselves, and a
/// terminfo database is often absent in containers, where a crate would find nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ColourDepth {
    /// `NO_COLOR` set, `TERM=dumb`, or no `TERM`: bold, reverse and underline only.
    None,
    /// 8 or 16 colours (`linux`, `screen`, `vt100`, `xterm`, …).
    Ansi16,
    /// 256 colours (`*-256color`).
    Ansi256,
    /// 24-bit colour (`COLORTERM=truecolor` or `24bit`, `*-direct`).
    TrueColor,
}

impl ColourDepth {
    /// The depth these environment values give.
    pub fn detect(no_color: Option<&str>, term: Option<&str>, colorterm: Option<&str>) -> Self {
        if no_color.is_some_and(|v| !v.is_empty()) {
            return ColourDepth::None;
        }
        let term = term.unwrap_or("").trim();
        if term.is_empty() || term == "dumb" || term.starts_with("dumb-") {
            return ColourDepth::None;
        }
        // `linux` and `screen` (without a -256color suffix) are 8/16-colour, whatever
        // COLORTERM says (it may be inherited from the outer terminal).
        let base_16 = ["linux", "screen", "vt100", "vt220", "ansi", "cons25"]
            .iter()
            .any(|t| term == *t || term.starts_with(&format!("{t}.")));
        if base_16 {
            return ColourDepth::Ansi16;
        }
        if matches!(colorterm, Some("truecolor" | "24bit")) || term.ends_with("-direct") {
            return ColourDepth::TrueColor;
        }
        if term.ends_with("256color") {
            return ColourDepth::Ansi256;
        }
        ColourDepth::Ansi16
    }

    /// The depth of this process's terminal.
    pub fn from_environment() -> Self {
        let var = |name: &str| std::env::var(name).ok();
        ColourDepth::detect(
            var("NO_COLOR").as_deref(),
            var("TERM").as_deref(),
            var("COLORTERM").as_deref(),
        )
    }
}

use crate::app::doc::Tone;
use crate::search::fuzzy::Kind;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    mono: bool,
}

const BOLD: Modifier = Modifier::BOLD;

impl Theme {
    pub fn new(monochrome: bool) -> Theme {
        Theme { mono: monochrome }
    }

    fn pick(&self, colour: Style, mono: Style) -> Style {
        if self.mono { mono } else { colour }
    }

    /// The style of a document tone.
    pub fn tone(&self, tone: Tone) -> Style {
        let s = Style::default();
        match tone {
            Tone::Plain => s,
            Tone::Heading => self.pick(s.fg(Color::Cyan).add_modifier(BOLD), s.add_modifier(BOLD)),
            Tone::Label => s.add_modifier(BOLD),
            Tone::Dim => self.pick(s.fg(Color::DarkGray), s),
            Tone::Cite => self.pick(s.fg(Color::Blue), s),
            Tone::Marker => self.pick(s.fg(Color::Yellow).add_modifier(BOLD), s.add_modifier(BOLD)),
            Tone::Match => self.pick(
                s.fg(Color::Black).bg(Color::Yellow),
                s.add_modifier(Modifier::UNDERLINED),
            ),
            Tone::CurrentMatch => self.pick(
                s.fg(Color::Black).bg(Color::LightRed).add_modifier(BOLD),
                s.add_modifier(Modifier::REVERSED),
            ),
            Tone::Target => self.pick(s.fg(Color::LightGreen), s.add_modifier(BOLD)),
            Tone::OnlyHere => self.pick(
                s.fg(Color::Magenta).add_modifier(Modifier::UNDERLINED),
                s.add_modifier(Modifier::UNDERLINED),
            ),
        }
    }

    pub fn header(&self) -> Style {
        self.pick(
            Style::default().fg(Color::Black).bg(Color::Cyan),
            Style::default().add_modifier(BOLD),
        )
    }

    pub fn header_filter(&self) -> Style {
        self.pick(
            Style::default()
                .fg(Color::Black)
                .bg(Color::Cyan)
                .add_modifier(BOLD),
            Style::default().add_modifier(BOLD | Modifier::UNDERLINED),
        )
    }

    pub fn footer(&self) -> Style {
        Style::default()
    }

    pub fn hint_key(&self) -> Style {
        self.pick(
            Style::default().fg(Color::Cyan).add_modifier(BOLD),
            Style::default().add_modifier(BOLD),
        )
    }

    pub fn hint_text(&self) -> Style {
        self.pick(Style::default().fg(Color::Gray), Style::default())
    }

    pub fn status(&self) -> Style {
        self.pick(
            Style::default().fg(Color::Yellow).add_modifier(BOLD),
            Style::default().add_modifier(BOLD),
        )
    }

    /// A pane's frame: thick and highlighted when it has the focus, plain otherwise (the
    /// thickness keeps focus visible under NO_COLOR).
    pub fn pane<'a>(&self, focused: bool) -> ratatui::widgets::Block<'a> {
        use ratatui::widgets::{Block, BorderType, Borders};
        Block::default()
            .borders(Borders::ALL)
            .border_type(if focused {
                BorderType::Thick
            } else {
                BorderType::Plain
            })
            .border_style(self.border(focused))
    }

    pub fn border(&self, focused: bool) -> Style {
        match (focused, self.mono) {
            (true, false) => Style::default().fg(Color::Cyan),
            (true, true) => Style::default().add_modifier(BOLD),
            (false, false) => Style::default().fg(Color::DarkGray),
            (false, true) => Style::default(),
        }
    }

    pub fn title(&self, focused: bool) -> Style {
        if focused {
            self.border(true).add_modifier(BOLD)
        } else {
            self.border(false)
        }
    }

    pub fn tab(&self, active: bool) -> Style {
        if active {
            Style::default().add_modifier(Modifier::REVERSED | BOLD)
        } else {
            self.border(false)
        }
    }

    /// The selected row of a list: always reverse, so it shows without colour.
    pub fn selected(&self, focused: bool) -> Style {
        let s = Style::default().add_modifier(Modifier::REVERSED);
        if focused { s.add_modifier(BOLD) } else { s }
    }

    /// The gutter mark of the detail's cursor line.
    pub fn cursor_mark(&self) -> Style {
        self.pick(
            Style::default().fg(Color::Cyan).add_modifier(BOLD),
            Style::default().add_modifier(BOLD),
        )
    }

    pub fn year(&self) -> Style {
        self.pick(
            Style::default().fg(Color::Cyan).add_modifier(BOLD),
            Style::default().add_modifier(BOLD | Modifier::UNDERLINED),
        )
    }

    /// Events (mentioned or planned) set apart from reported meetings.
    pub fn event_row(&self) -> Style {
        self.pick(
            Style::default()
                .fg(Color::DarkGray)
                .add_modifier(Modifier::ITALIC),
            Style::default(),
        )
    }

    pub fn date(&self) -> Style {
        self.pick(Style::default().fg(Color::Gray), Style::default())
    }

    pub fn badge(&self, kind: Kind) -> Style {
        let c = match kind {
            Kind::Topic => Color::Green,
            Kind::Organisation => Color::Blue,
            Kind::Person => Color::Magenta,
            Kind::Meeting => Color::Cyan,
            Kind::Place => Color::Yellow,
        };
        self.pick(Style::default().fg(c), Style::default())
    }

    /// Matched characters in a finder row.
    pub fn matched(&self) -> Style {
        self.pick(
            Style::default().fg(Color::Yellow).add_modifier(BOLD),
            Style::default().add_modifier(BOLD | Modifier::UNDERLINED),
        )
    }

    pub fn dim(&self) -> Style {
        self.tone(Tone::Dim)
    }

    pub fn heading(&self) -> Style {
        self.tone(Tone::Heading)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn monochrome_uses_no_colour() {
        let t = Theme::new(true);
        let tones = [
            Tone::Plain,
            Tone::Heading,
            Tone::Label,
            Tone::Dim,
            Tone::Cite,
            Tone::Marker,
            Tone::Match,
            Tone::CurrentMatch,
            Tone::Target,
            Tone::OnlyHere,
        ];
        let mut styles: Vec<Style> = tones.iter().map(|x| t.tone(*x)).collect();
        styles.extend([
            t.header(),
            t.header_filter(),
            t.hint_key(),
            t.status(),
            t.border(true),
            t.tab(true),
            t.selected(false),
            t.year(),
            t.event_row(),
            t.badge(Kind::Topic),
            t.matched(),
            t.cursor_mark(),
        ]);
        for s in styles {
            assert_eq!(s.fg, None, "{s:?}");
            assert_eq!(s.bg, None, "{s:?}");
            let allowed = Modifier::BOLD | Modifier::REVERSED | Modifier::UNDERLINED;
            assert!(allowed.contains(s.add_modifier), "{s:?}");
        }
    }

    #[test]
    fn depth_follows_no_color_term_and_colorterm() {
        use ColourDepth::*;
        let d = ColourDepth::detect;
        assert_eq!(
            d(Some("1"), Some("xterm-256color"), Some("truecolor")),
            None
        );
        assert_eq!(d(Some(""), Some("xterm-256color"), Option::None), Ansi256);
        assert_eq!(d(Option::None, Some("dumb"), Option::None), None);
        assert_eq!(d(Option::None, Option::None, Option::None), None);
        assert_eq!(d(Option::None, Some("linux"), Some("truecolor")), Ansi16);
        assert_eq!(d(Option::None, Some("screen"), Option::None), Ansi16);
        assert_eq!(
            d(Option::None, Some("screen-256color"), Option::None),
            Ansi256
        );
        assert_eq!(d(Option::None, Some("xterm"), Option::None), Ansi16);
        assert_eq!(
            d(Option::None, Some("xterm-256color"), Some("truecolor")),
            TrueColor
        );
        assert_eq!(
            d(Option::None, Some("xterm-direct"), Option::None),
            TrueColor
        );
    }

    #[test]
    fn colours_are_the_sixteen_ansi_ones_only() {
        let t = Theme::new(false);
        let styles = [
            t.header(),
            t.border(true),
            t.border(false),
            t.year(),
            t.dim(),
            t.date(),
        ];
        for colour in styles.iter().flat_map(|s| [s.fg, s.bg]).flatten() {
            assert!(
                !matches!(colour, Color::Indexed(_) | Color::Rgb(..)),
                "{colour:?} needs more than 16 colours"
            );
        }
    }

    #[test]
    fn selection_is_reverse_in_both_flavours() {
        for mono in [false, true] {
            let s = Theme::new(mono).selected(false);
            assert!(s.add_modifier.contains(Modifier::REVERSED));
        }
    }
}
