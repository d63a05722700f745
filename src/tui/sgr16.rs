//! Rewrites crossterm's colour codes for the 16 ANSI colours into the 16-colour SGR forms.
//!
//! crossterm writes even the 16 named colours as 256-colour codes (`ESC[38;5;6m` for cyan), which
//! `linux`, `screen` and other 8/16-colour terminals do not understand. The theme uses only the
//! 16 named colours, so every such code has an exact 16-colour equivalent (`ESC[36m`), understood
//! by every colour terminal: the rewrite is applied to every frame.

use std::borrow::Cow;

const CSI: &[u8] = b"\x1b[";

/// `frame` with each `38;5;N` / `48;5;N` (N < 16) inside an SGR sequence replaced by its
/// 16-colour code; everything else is copied as it is.
pub(super) fn to_16_colours(frame: &[u8]) -> Cow<'_, [u8]> {
    // memchr's search, not a comparison at every byte: a frame from the lean backend, which
    // writes 16-colour codes itself, has none, and is scanned whole (7.7 KB at 200x50).
    if memchr::memmem::find(frame, b"8;5;").is_none() {
        return Cow::Borrowed(frame);
    }
    let mut out = Vec::with_capacity(frame.len());
    let mut rest = frame;
    while let Some(at) = rest.windows(2).position(|w| w == CSI) {
        out.extend_from_slice(&rest[..at + 2]);
        rest = &rest[at + 2..];
        let params_len = rest
            .iter()
            .position(|b| !(b.is_ascii_digit() || *b == b';'))
            .unwrap_or(rest.len());
        if rest.get(params_len) == Some(&b'm') {
            out.extend_from_slice(rewrite_params(&rest[..params_len]).as_bytes());
            rest = &rest[params_len..];
        }
    }
    out.extend_from_slice(rest);
    Cow::Owned(out)
}

/// The SGR parameter list with 256-colour codes of the first 16 colours made 16-colour codes.
fn rewrite_params(params: &[u8]) -> String {
    let text = String::from_utf8_lossy(params);
    let parts: Vec<&str> = text.split(';').collect();
    let mut out: Vec<String> = Vec::with_capacity(parts.len());
    let mut i = 0;
    while i < parts.len() {
        let index = parts.get(i + 2).and_then(|n| n.parse::<u8>().ok());
        match (parts[i], parts.get(i + 1), index) {
            ("38", Some(&"5"), Some(n)) if n < 16 => {
                out.push(
                    if n < 8 {
                        30 + u16::from(n)
                    } else {
                        90 + u16::from(n) - 8
                    }
                    .to_string(),
                );
                i += 3;
            }
            ("48", Some(&"5"), Some(n)) if n < 16 => {
                out.push(
                    if n < 8 {
                        40 + u16::from(n)
                    } else {
                        100 + u16::from(n) - 8
                    }
                    .to_string(),
                );
                i += 3;
            }
            // An RGB or 256-colour code is copied whole, so its numbers are not read as codes.
            ("38" | "48", Some(&"5"), _) => {
                out.extend(
                    parts[i..(i + 3).min(parts.len())]
                        .iter()
                        .map(|s| s.to_string()),
                );
                i += 3;
            }
            ("38" | "48", Some(&"2"), _) => {
                out.extend(
                    parts[i..(i + 5).min(parts.len())]
                        .iter()
                        .map(|s| s.to_string()),
                );
                i += 5;
            }
            (other, _, _) => {
                out.push(other.to_string());
                i += 1;
            }
        }
    }
    out.join(";")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sixteen_colours_become_sixteen_colour_codes() {
        let frame = b"\x1b[38;5;6mA\x1b[48;5;11;1mB\x1b[38;5;200mC\x1b[38;2;1;5;6mD\x1b[0m";
        assert_eq!(
            to_16_colours(frame).as_ref(),
            b"\x1b[36mA\x1b[103;1mB\x1b[38;5;200mC\x1b[38;2;1;5;6mD\x1b[0m"
        );
    }

    #[test]
    fn other_sequences_and_text_are_untouched() {
        let frame = "\x1b[?2026h\x1b[3;5Hé 8;5;1 \x1b[1m".as_bytes();
        assert_eq!(to_16_colours(frame).as_ref(), frame);
    }
}
