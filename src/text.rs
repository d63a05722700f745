//! Sanitising untrusted corpus text before it reaches a terminal.
// TEMP STAND-IN: replaced by the real sanitiser from branch `search`.

/// Removes control characters from one display line.
pub fn sanitize_line(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c == '\n' || c == '\r' || c == '\t' {
                ' '
            } else {
                c
            }
        })
        .filter(|c| !c.is_control())
        .collect()
}

/// Word wrap by chars; the real one measures display width.
pub fn wrap(s: &str, width: usize) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut last_space = None;
    let mut count = 0;
    for (i, c) in s.char_indices() {
        if c == ' ' {
            last_space = Some(i);
        }
        count += 1;
        if count > width.max(1) {
            let end = last_space.filter(|&sp| sp > start).unwrap_or(i);
            out.push(start..end);
            start = if s[end..].starts_with(' ') {
                end + 1
            } else {
                end
            };
            count = s[start..=i].chars().count();
            last_space = None;
        }
    }
    if start < s.len() {
        out.push(start..s.len());
    }
    out
}

/// Sanitises text of several lines, keeping the line breaks.
pub fn sanitize_block(s: &str) -> String {
    s.lines().map(sanitize_line).collect::<Vec<_>>().join("\n") + "\n"
}
