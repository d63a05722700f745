//! Sanitising, measuring and wrapping of untrusted corpus text before it reaches a terminal.
//!
//! Every string that comes from a corpus (the built-in one or a user's `--corpus`) passes
//! through [`sanitize_line`] or [`sanitize_paragraphs`] before it is drawn or printed: a
//! corpus must never be able to move the cursor, retitle the window, write the clipboard
//! (OSC 52), reorder text with bidi overrides or overwrite a line with a carriage return.
//! [`wrap()`] and [`truncate`] then lay the clean text out by display width (Hangul and other
//! wide characters take two columns).

mod escape;
pub mod glyphs;
mod sanitize;
mod wrap;

pub use escape::escape_controls;
pub use sanitize::{sanitize_line, sanitize_line_cow, sanitize_paragraphs};
pub use wrap::{display_width, fit, pad, truncate, wrap};

/// Sanitises text of several lines for printing (error messages that quote a user's corpus),
/// keeping its line breaks; ends with one newline.
pub fn sanitize_block(s: &str) -> String {
    let mut out: Vec<String> = s.lines().map(sanitize_line).collect();
    out.push(String::new());
    out.join("\n")
}
