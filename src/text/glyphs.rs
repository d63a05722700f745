//! ASCII stand-ins for the glyphs entente draws (¶ – · … ◦ ▌ « », box drawing) and for any other
//! non-ASCII character, for terminals whose locale cannot show them (LC_ALL=C, POSIX, a
//! non-UTF-8 codeset) or when `--ascii` asks for it.
//!
//! Two forms: [`cell`] gives one ASCII character per terminal cell (the browser's grid, where
//! a stand-in must keep the layout), [`ascii_text`] may use several (CLI text: `...` for `…`).
//! Corpus text that is not ASCII (Hangul, accents) becomes `?` per character: a C-locale
//! terminal cannot show it, and an ASCII frame must not carry bytes above 0x7F.

use std::borrow::Cow;

/// The one-cell ASCII stand-in for a character.
pub fn cell(c: char) -> char {
    match c {
        c if c.is_ascii() => c,
        '¶' => 'P',
        '–' | '—' | '‐' | '−' => '-',
        '·' | '•' | '…' => '.',
        '◦' => 'o',
        '▌' | '▐' | '█' => '|',
        '‘' | '’' | '′' => '\'',
        '“' | '”' | '″' => '"',
        // The compare view's brackets around a clause only one account has.
        '«' => '<',
        '»' => '>',
        '→' => '>',
        '←' => '<',
        '↑' => '^',
        '↓' => 'v',
        '\u{a0}' => ' ',
        // Box drawing (U+2500–U+257F): horizontals, verticals, everything else a corner.
        '─' | '━' | '═' | '╌' | '╍' | '┄' | '┅' | '┈' | '┉' => '-',
        '│' | '┃' | '║' | '╎' | '╏' | '┆' | '┇' | '┊' | '┋' => '|',
        '\u{2500}'..='\u{257f}' => '+',
        _ => '?',
    }
}

/// Text with every non-ASCII character replaced by its stand-in; a few take several
/// characters where the layout allows (`…` → `...`, `¶` → `p.`, `—` → `--`).
pub fn ascii_text(s: &str) -> Cow<'_, str> {
    if s.is_ascii() {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '…' => out.push_str("..."),
            '¶' => out.push_str("p."),
            '—' => out.push_str("--"),
            other => out.push(cell(other)),
        }
    }
    Cow::Owned(out)
}

/// Whether the locale in these environment values (LC_ALL, then LC_CTYPE, then LANG: the
/// first set and non-empty decides, as setlocale(3) does) cannot show UTF-8: C, POSIX, or a
/// codeset other than UTF-8. None set counts as UTF-8: many containers and CI runners set no
/// locale yet have UTF-8 terminals, and `--ascii` is there for the rest.
pub fn locale_is_ascii(lc_all: Option<&str>, lc_ctype: Option<&str>, lang: Option<&str>) -> bool {
    let locale = [lc_all, lc_ctype, lang]
        .into_iter()
        .flatten()
        .find(|v| !v.is_empty());
    let Some(locale) = locale else {
        return false;
    };
    let codeset = locale
        .split_once('.')
        .map(|(_, rest)| rest.split('@').next().unwrap_or(rest))
        .unwrap_or("");
    let utf8 = codeset.eq_ignore_ascii_case("utf-8") || codeset.eq_ignore_ascii_case("utf8");
    !utf8
}

/// [`locale_is_ascii`] of this process's environment.
pub fn environment_is_ascii() -> bool {
    let var = |name: &str| std::env::var(name).ok();
    locale_is_ascii(
        var("LC_ALL").as_deref(),
        var("LC_CTYPE").as_deref(),
        var("LANG").as_deref(),
    )
}

/// A writer that passes text on with [`ascii_text`] applied: for CLI text output in ASCII
/// mode. A UTF-8 sequence split across two writes is held until it is complete.
pub struct AsciiWriter<W: std::io::Write> {
    inner: W,
    pending: Vec<u8>,
}

impl<W: std::io::Write> AsciiWriter<W> {
    pub fn new(inner: W) -> Self {
        AsciiWriter {
            inner,
            pending: Vec::new(),
        }
    }
}

impl<W: std::io::Write> std::io::Write for AsciiWriter<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.pending.extend_from_slice(buf);
        let valid = match std::str::from_utf8(&self.pending) {
            Ok(_) => self.pending.len(),
            // An incomplete sequence at the end waits; an invalid one is shown as `?`.
            Err(e) if e.error_len().is_none() => e.valid_up_to(),
            Err(_) => self.pending.len(),
        };
        let text = String::from_utf8_lossy(&self.pending[..valid]).into_owned();
        self.inner.write_all(ascii_text(&text).as_bytes())?;
        self.pending.drain(..valid);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if !self.pending.is_empty() {
            let rest = String::from_utf8_lossy(&self.pending).into_owned();
            self.inner.write_all(ascii_text(&rest).as_bytes())?;
            self.pending.clear();
        }
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn the_drawn_glyphs_have_stand_ins_and_everything_becomes_ascii() {
        assert_eq!(
            ascii_text("[EU 2025 ¶4] – a · b … ◦ ▌"),
            "[EU 2025 p.4] - a . b ... o |"
        );
        assert_eq!(ascii_text("사이버 대화"), "??? ??");
        for c in ['┌', '━', '┃', '╋', '╭', 'é', '한'] {
            assert!(cell(c).is_ascii(), "{c}");
        }
        assert_eq!((cell('─'), cell('│'), cell('┌')), ('-', '|', '+'));
    }

    #[test]
    fn c_posix_and_non_utf8_codesets_are_ascii_utf8_is_not() {
        assert!(!locale_is_ascii(None, None, None));
        assert!(locale_is_ascii(Some("C"), None, Some("en_GB.UTF-8")));
        assert!(locale_is_ascii(None, None, Some("POSIX")));
        assert!(locale_is_ascii(None, None, Some("ko_KR.EUC-KR")));
        assert!(!locale_is_ascii(Some(""), None, Some("ko_KR.UTF-8")));
        assert!(!locale_is_ascii(None, Some("C.utf8"), Some("C")));
        assert!(!locale_is_ascii(None, None, Some("de_DE.UTF-8@euro")));
    }

    #[test]
    fn the_writer_holds_a_split_character_until_it_is_whole() {
        let mut out = AsciiWriter::new(Vec::new());
        let bytes = "a…b".as_bytes();
        out.write_all(&bytes[..2]).unwrap();
        out.write_all(&bytes[2..]).unwrap();
        out.flush().unwrap();
        assert_eq!(out.inner, b"a...b");
    }
}
