//! JSON writing for `--json`: pretty output in which the characters a terminal or a text
//! viewer acts on are escaped, and a closed pipe that surfaces as an `io::Error`.
//!
//! serde_json escapes only what JSON requires (C0 controls, `"` and `\`). A JSON reader that
//! prints a string then prints C1 controls (U+0080–U+009F, among them the 8-bit CSI U+009B
//! and OSC U+009D) and bidi controls (which reorder the text around them) raw, so those are
//! written as `\uXXXX` too. The output stays valid JSON with the same values.

use std::io::{self, Write};

use serde_json::ser::{Formatter, PrettyFormatter};

/// Whether `c` is written as `\uXXXX` although JSON would allow it raw: C1 controls, bidi
/// marks, embeddings, overrides and isolates, and the Unicode line and paragraph separators.
pub fn escaped_in_json(c: char) -> bool {
    matches!(
        c,
        '\u{80}'..='\u{9f}'
            | '\u{61c}'
            | '\u{200e}'
            | '\u{200f}'
            | '\u{2028}'..='\u{202e}'
            | '\u{2066}'..='\u{2069}'
    )
}

/// serde_json's pretty formatter with [`escaped_in_json`] characters escaped.
struct Escaping<'a>(PrettyFormatter<'a>);

impl Formatter for Escaping<'_> {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut start = 0;
        for (at, c) in fragment.char_indices() {
            if escaped_in_json(c) {
                writer.write_all(&fragment.as_bytes()[start..at])?;
                // Every such character is in the Basic Multilingual Plane: one \u escape.
                write!(writer, "\\u{:04x}", u32::from(c))?;
                start = at + c.len_utf8();
            }
        }
        writer.write_all(&fragment.as_bytes()[start..])
    }

    fn begin_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_array(writer)
    }

    fn end_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_array(writer)
    }

    fn begin_array_value<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_array_value(writer, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_array_value(writer)
    }

    fn begin_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_object(writer)
    }

    fn end_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_object(writer)
    }

    fn begin_object_key<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_object_key(writer, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_object_value(writer)
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_object_value(writer)
    }
}

/// Writes `value` as pretty JSON and a newline. A failed write comes back as the
/// `io::Error` itself (serde_json wraps it in its own error type, which would hide a closed
/// pipe from the caller that treats one as success).
pub fn write_pretty(out: &mut dyn Write, value: &serde_json::Value) -> io::Result<()> {
    let mut ser =
        serde_json::Serializer::with_formatter(&mut *out, Escaping(PrettyFormatter::new()));
    serde::Serialize::serialize(value, &mut ser).map_err(io::Error::from)?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(value: &serde_json::Value) -> String {
        let mut out = Vec::new();
        write_pretty(&mut out, value).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn c1_and_bidi_controls_are_escaped_and_the_value_survives() {
        let text = "a\u{9b}31m b\u{9d}0;x c\u{202e}d\u{2066}e\u{85}f 한국 é";
        let value = serde_json::json!({ "t\u{202d}": text });
        let out = written(&value);
        for c in [
            '\u{9b}', '\u{9d}', '\u{202e}', '\u{2066}', '\u{85}', '\u{202d}',
        ] {
            assert!(!out.contains(c), "{c:?} raw in {out:?}");
        }
        for escape in [
            "\\u009b", "\\u009d", "\\u202e", "\\u2066", "\\u0085", "\\u202d",
        ] {
            assert!(out.contains(escape), "{escape} missing in {out}");
        }
        assert!(out.contains("한국 é"), "other text stays raw: {out}");
        let back: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(back, value);
    }

    #[test]
    fn output_is_pretty_as_before() {
        let value = serde_json::json!({ "a": [1, 2], "b": { "c": "d" } });
        let mut plain = serde_json::to_string_pretty(&value).unwrap();
        plain.push('\n');
        assert_eq!(written(&value), plain);
    }

    /// A writer whose reader has gone.
    struct ClosedPipe;

    impl Write for ClosedPipe {
        fn write(&mut self, _: &[u8]) -> io::Result<usize> {
            Err(io::ErrorKind::BrokenPipe.into())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_closed_pipe_comes_back_as_the_io_error() {
        let err = write_pretty(&mut ClosedPipe, &serde_json::json!({ "a": "b" })).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::BrokenPipe);
        let any: anyhow::Error = err.into();
        assert!(
            any.chain()
                .any(|c| c.downcast_ref::<io::Error>().map(io::Error::kind)
                    == Some(io::ErrorKind::BrokenPipe))
        );
    }
}
