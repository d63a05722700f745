//! Removal of terminal escape sequences and other dangerous characters from untrusted text.
//!
//! The scanner follows the shape of the DEC/xterm parser (ground, escape, CSI, control string)
//! so that whole sequences disappear: stripping only the ESC would leave `[2J` or
//! `]52;c;…` visible as garbage. It is a flat state machine, never recursive, so hostile
//! input cannot exhaust the stack.

use std::borrow::Cow;

use unicode_normalization::{UnicodeNormalization, is_nfc};
use unicode_width::UnicodeWidthStr;

/// Tab stops every this many columns.
const TAB_STOP: usize = 4;

const ESC: char = '\u{1b}';
const BEL: char = '\u{7}';
/// 8-bit String Terminator.
const ST8: char = '\u{9c}';

/// Bidi embeddings, overrides (U+202A–U+202E) and isolates (U+2066–U+2069): they reorder
/// what follows them on screen, so text can display as something other than what it says.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Characters that end a line in some convention; on one display line they become a space.
fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{b}' | '\u{c}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// Anything the slow path has to look at: C0 (tab and line breaks included), DEL, C1,
/// bidi controls and the Unicode line/paragraph separators.
fn needs_attention(c: char) -> bool {
    c < ' ' || ('\u{7f}'..='\u{9f}').contains(&c) || is_bidi_control(c) || is_line_break(c)
}

/// Where the scanner is inside a (possible) escape sequence.
#[derive(Clone, Copy)]
enum State {
    Ground,
    /// After ESC.
    Esc,
    /// After ESC and one or more intermediate bytes (e.g. `ESC ( B`).
    EscIntermediate,
    /// Inside a control sequence (`ESC [` or U+009B) before its final byte.
    Csi,
    /// Inside a control string (OSC, DCS, SOS, PM, APC); only OSC may end with BEL.
    Str {
        osc: bool,
    },
    /// An ESC inside a control string: `\` completes the ST; anything else starts a new escape.
    StrEsc,
}

/// Makes one display line of untrusted text safe to draw or print.
///
/// Removes whole escape sequences (CSI with any parameters, OSC ended by BEL or ST, DCS, SOS,
/// PM and APC strings ended by ST, their 8-bit C1 forms, two-character `ESC x`, a trailing
/// lone ESC; an unterminated string is dropped to the end), every other C0/C1 control and
/// DEL, and bidi embeddings, overrides and isolates. Line and paragraph breaks become a space
/// (CR LF counts as one) so a CR can never overwrite what came before; tabs are expanded to
/// the next multiple of 4 display columns; the result is in NFC.
pub fn sanitize_line(s: &str) -> String {
    sanitize_line_cow(s).into_owned()
}

/// Whether `s` is already what [`sanitize_line`] makes of it: no character that needs
/// attention, and NFC. Plain characters (printable ASCII, Hangul syllables) pass at a glance;
/// only the runs of other characters are scanned and checked for NFC, each with the plain
/// character before it (a combining mark may compose with it: `e` + U+0301, a syllable + a
/// final jamo). That decides as checking the whole text does: a plain character is a starter
/// that never composes with what precedes it, so nothing on one side of it changes the
/// normal form of the other. Most of the start's text is plain with a few other characters.
fn is_clean(s: &str) -> bool {
    let bytes = s.as_bytes();
    let mut at = 0;
    // The run still to be checked: where it starts, its plain character before it included.
    let mut run: Option<usize> = None;
    let mut last_plain: Option<usize> = None;
    while at < bytes.len() {
        let byte = bytes[at];
        let (plain, len) = if (b' '..=b'~').contains(&byte) {
            (true, 1)
        } else if byte.is_ascii() {
            // A control or DEL.
            return false;
        } else {
            let Some(c) = s[at..].chars().next() else {
                break;
            };
            (is_hangul_syllable(c), c.len_utf8())
        };
        if plain {
            if let Some(start) = run.take()
                && !run_is_clean(&s[start..at])
            {
                return false;
            }
            last_plain = Some(at);
        } else if run.is_none() {
            run = Some(last_plain.unwrap_or(at));
        }
        at += len;
    }
    run.is_none_or(|start| run_is_clean(&s[start..]))
}

/// The whole check, on a run of [`is_clean`].
fn run_is_clean(run: &str) -> bool {
    !run.chars().any(needs_attention) && is_nfc(run)
}

/// A precomposed Hangul syllable (U+AC00–U+D7A3): in NFC, and never composed with what
/// precedes it.
fn is_hangul_syllable(c: char) -> bool {
    ('\u{ac00}'..='\u{d7a3}').contains(&c)
}

/// [`sanitize_line`] without a copy when the text is already clean (the common case).
pub fn sanitize_line_cow(s: &str) -> Cow<'_, str> {
    if is_clean(s) {
        return Cow::Borrowed(s);
    }
    let stripped = strip_controls(s);
    let normal: String = if is_nfc(&stripped) {
        stripped
    } else {
        stripped.nfc().collect()
    };
    Cow::Owned(expand_tabs(normal))
}

/// Splits untrusted text into paragraphs, each made safe by [`sanitize_line`].
///
/// Every line break (LF, CR, CR LF, VT, FF, NEL, U+2028, U+2029) ends a paragraph, so both
/// "one paragraph per line" and "paragraphs separated by blank lines" texts split the same
/// way. Paragraphs are trimmed; blank ones are dropped.
pub fn sanitize_paragraphs(s: &str) -> Vec<String> {
    s.split(is_line_break)
        .filter_map(|line| {
            let clean = sanitize_line_cow(line);
            let trimmed = clean.trim();
            (!trimmed.is_empty()).then(|| trimmed.to_owned())
        })
        .collect()
}

/// The state machine: drops sequences and controls, turns line breaks into spaces, keeps tabs
/// for [`expand_tabs`] (which needs the final, normalised text to count columns).
fn strip_controls(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut state = State::Ground;
    let mut chars = s.chars().peekable();
    while let Some(first) = chars.next() {
        // A character that ends a sequence abnormally is looked at again from the new state.
        let mut pending = Some(first);
        while let Some(c) = pending.take() {
            state = match state {
                State::Ground => match c {
                    ESC => State::Esc,
                    '\u{9b}' => State::Csi,
                    '\u{9d}' => State::Str { osc: true },
                    '\u{90}' | '\u{98}' | '\u{9e}' | '\u{9f}' => State::Str { osc: false },
                    '\r' => {
                        if chars.peek() == Some(&'\n') {
                            chars.next();
                        }
                        out.push(' ');
                        State::Ground
                    }
                    '\t' => {
                        out.push('\t');
                        State::Ground
                    }
                    c if is_line_break(c) => {
                        out.push(' ');
                        State::Ground
                    }
                    c if needs_attention(c) => State::Ground,
                    c => {
                        out.push(c);
                        State::Ground
                    }
                },
                State::Esc => match c {
                    '[' => State::Csi,
                    ']' => State::Str { osc: true },
                    'P' | 'X' | '^' | '_' => State::Str { osc: false },
                    '\u{20}'..='\u{2f}' => State::EscIntermediate,
                    '\u{30}'..='\u{7e}' => State::Ground,
                    ESC => State::Esc,
                    _ => {
                        pending = Some(c);
                        State::Ground
                    }
                },
                State::EscIntermediate => match c {
                    '\u{20}'..='\u{2f}' => State::EscIntermediate,
                    '\u{30}'..='\u{7e}' => State::Ground,
                    ESC => State::Esc,
                    _ => {
                        pending = Some(c);
                        State::Ground
                    }
                },
                State::Csi => match c {
                    '\u{20}'..='\u{3f}' => State::Csi,
                    '\u{40}'..='\u{7e}' => State::Ground,
                    ESC => State::Esc,
                    _ => {
                        pending = Some(c);
                        State::Ground
                    }
                },
                State::Str { osc } => match c {
                    BEL if osc => State::Ground,
                    ST8 => State::Ground,
                    ESC => State::StrEsc,
                    _ => State::Str { osc },
                },
                State::StrEsc => match c {
                    '\\' => State::Ground,
                    _ => {
                        pending = Some(c);
                        State::Esc
                    }
                },
            };
        }
    }
    out
}

/// Replaces each tab by spaces up to the next multiple of [`TAB_STOP`] display columns.
fn expand_tabs(s: String) -> String {
    if !s.contains('\t') {
        return s;
    }
    let mut out = String::with_capacity(s.len() + 8);
    let mut column = 0;
    let mut pieces = s.split('\t').peekable();
    while let Some(piece) = pieces.next() {
        out.push_str(piece);
        column += piece.width();
        if pieces.peek().is_some() {
            let pad = TAB_STOP - column % TAB_STOP;
            out.extend(std::iter::repeat_n(' ', pad));
            column += pad;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn malicious_text_table() {
        let table: &[(&str, &str, &str)] = &[
            ("OSC 52 clipboard write", "a\x1b]52;c;SGVsbG8=\x07b", "ab"),
            ("OSC 0 title", "x\x1b]0;pwned title\x07y", "xy"),
            (
                "OSC 8 link with ST",
                "\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\ here",
                "click here",
            ),
            ("CSI 2J clear screen", "before\x1b[2Jafter", "beforeafter"),
            ("CSI private mode 1049h", "\x1b[?1049hinside", "inside"),
            ("CSI with intermediates", "a\x1b[1 qb", "ab"),
            ("CR overwrite", "safe\rEVIL", "safe EVIL"),
            ("CR LF is one break", "one\r\ntwo", "one two"),
            (
                "LF and separators",
                "a\nb\u{2028}c\u{2029}d\u{85}e",
                "a b c d e",
            ),
            ("NUL and BEL", "a\0b\x07c", "abc"),
            ("DEL", "a\x7fb", "ab"),
            ("bidi override", "abc\u{202e}fed\u{202c}", "abcfed"),
            ("bidi isolates", "\u{2066}x\u{2069}\u{2067}y\u{2068}", "xy"),
            ("C1 CSI", "a\u{9b}31mred\u{9b}0m", "ared"),
            ("C1 OSC with C1 ST", "a\u{9d}0;title\u{9c}b", "ab"),
            ("C1 DCS", "a\u{90}qpayload\u{9c}b", "ab"),
            ("other C1", "a\u{85}b\u{8d}c\u{9c}d", "a bcd"),
            ("lone ESC at end", "text\x1b", "text"),
            ("two-char ESC", "a\x1bcb\x1b7c\x1b8", "abc"),
            ("ESC with intermediate", "a\x1b(Bb", "ab"),
            ("DCS string", "a\x1bP1$r0m\x1b\\b", "ab"),
            (
                "APC, PM and SOS",
                "\x1b_apc\x1b\\\x1b^pm\x1b\\\x1bXsos\x1b\\ok",
                "ok",
            ),
            ("unterminated OSC", "keep\x1b]0;never ends", "keep"),
            (
                "unterminated DCS ignores BEL",
                "keep\x1bPdata\x07more",
                "keep",
            ),
            (
                "ESC inside OSC starts a new sequence",
                "a\x1b]0;t\x1b[2Jb",
                "ab",
            ),
            ("control inside CSI aborts it", "a\x1b[2\nJ", "a J"),
            ("ESC before non-ASCII", "a\x1bé", "aé"),
            ("tab to next stop", "a\tb", "a   b"),
            ("tab counts wide chars", "한\tx", "한  x"),
            ("tab at stop", "abcd\te", "abcd    e"),
            ("NFD to NFC", "e\u{301}", "\u{e9}"),
            ("NFD Hangul to NFC", "\u{1112}\u{1161}\u{11ab}", "한"),
            ("control between combining marks", "e\x00\u{301}", "\u{e9}"),
        ];
        for (name, input, expected) in table {
            assert_eq!(sanitize_line(input), *expected, "{name}: {input:?}");
        }
    }

    #[test]
    fn clean_text_is_borrowed() {
        let clean = "EU–ROK Cyber Dialogue, 서울 (Élysée)";
        assert!(matches!(sanitize_line_cow(clean), Cow::Borrowed(_)));
        assert!(matches!(sanitize_line_cow("a\tb"), Cow::Owned(_)));
        assert!(matches!(sanitize_line_cow("e\u{301}"), Cow::Owned(_)));
    }

    #[test]
    fn paragraphs_split_on_any_line_break() {
        let text = "First para.\n\nSecond\x1b[31m red\r\nThird\u{2029}  \n\tFourth  ";
        assert_eq!(
            sanitize_paragraphs(text),
            vec!["First para.", "Second red", "Third", "Fourth"]
        );
        assert!(sanitize_paragraphs("\n \r\n\t\n").is_empty());
    }

    fn forbidden(c: char) -> bool {
        c < ' '
            || ('\u{7f}'..='\u{9f}').contains(&c)
            || is_bidi_control(c)
            || c == '\u{2028}'
            || c == '\u{2029}'
    }

    /// Inputs rich in the characters the scanner cares about, mixed with arbitrary ones.
    fn hostile_string() -> impl Strategy<Value = String> {
        let pieces = prop_oneof![
            Just("\x1b".to_owned()),
            Just("[".to_owned()),
            Just("]".to_owned()),
            Just("\\".to_owned()),
            Just("\x07".to_owned()),
            Just("\r".to_owned()),
            Just("\n".to_owned()),
            Just("\t".to_owned()),
            Just("\u{9b}".to_owned()),
            Just("\u{9c}".to_owned()),
            Just("\u{9d}".to_owned()),
            Just("\u{202e}".to_owned()),
            Just("\u{301}".to_owned()),
            Just("P".to_owned()),
            Just("한".to_owned()),
            "[ -~]{0,4}",
            any::<char>().prop_map(String::from),
        ];
        prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
    }

    proptest! {
        /// The run-by-run check decides as the whole-text one does.
        #[test]
        fn is_clean_is_the_whole_text_check(s in prop_oneof![hostile_string(), any::<String>(), "[ -~\u{300}\u{301}\u{e9}\u{1100}\u{1161}\u{11a8}\u{ac00}\u{d7a3}]{0,40}"]) {
            prop_assert_eq!(is_clean(&s), !s.chars().any(needs_attention) && is_nfc(&s));
        }

        #[test]
        fn output_is_safe_and_idempotent(s in prop_oneof![hostile_string(), any::<String>()]) {
            let once = sanitize_line(&s);
            prop_assert!(!once.chars().any(forbidden), "forbidden char in {once:?}");
            prop_assert!(!once.contains('\x1b'));
            prop_assert!(is_nfc(&once));
            let twice = sanitize_line(&once);
            prop_assert_eq!(&twice, &once);
            for p in sanitize_paragraphs(&s) {
                prop_assert!(!p.chars().any(forbidden));
                prop_assert_eq!(sanitize_line(&p), p.clone());
            }
        }
    }
}
