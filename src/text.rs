//! Sanitising untrusted corpus text before it reaches a terminal.
// TEMP STAND-IN: minimal versions of branch `search`'s text API so `ui` compiles; take theirs.

use std::ops::Range;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Removes control characters; line breaks become spaces.
pub fn sanitize_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut esc = false;
    for c in s.chars() {
        if esc {
            if c.is_ascii_alphabetic() || c == '\\' || c == '\u{7}' {
                esc = false;
            }
            continue;
        }
        match c {
            '\u{1b}' => esc = true,
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() => {}
            c if matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}') => {}
            c => out.push(c),
        }
    }
    out
}

/// Sanitises each paragraph.
pub fn sanitize_paragraphs(paragraphs: &[String]) -> Vec<String> {
    paragraphs.iter().map(|p| sanitize_line(p)).collect()
}

/// Columns the text takes on a terminal.
pub fn display_width(s: &str) -> usize {
    s.width()
}

/// Word-wraps to `width` columns; byte range of each line.
pub fn wrap(s: &str, width: usize) -> Vec<Range<usize>> {
    if width == 0 {
        return Vec::new();
    }
    let mut lines = Vec::new();
    let mut start = 0;
    let mut used = 0;
    let mut last_space: Option<usize> = None;
    let mut i = 0;
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    while i < chars.len() {
        let (b, c) = chars[i];
        let w = c.width().unwrap_or(0);
        if c == ' ' {
            last_space = Some(b);
        }
        if used + w > width && b > start {
            match last_space.filter(|&sp| sp > start) {
                Some(sp) => {
                    lines.push(start..sp);
                    start = sp + 1;
                    while s[start..].starts_with(' ') {
                        start += 1;
                    }
                }
                None => {
                    lines.push(start..b);
                    start = b;
                }
            }
            last_space = None;
            used = s[start..b].width();
            continue;
        }
        used += w;
        i += 1;
    }
    lines.push(start..s.len());
    lines
}

/// Cuts to `width` columns, with an ellipsis when cut.
pub fn truncate(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        used += w;
        out.push(c);
    }
    if width > 0 {
        out.push('…');
    }
    out
}
