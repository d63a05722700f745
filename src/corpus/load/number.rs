//! Type errors on numbers worded for what the user wrote.
//!
//! serde_json parses `-0` and integers beyond 64 bits as floating point, so a whole-number
//! field given `-0` or `18446744073709551616` fails with "invalid type: floating point
//! `-0.0`", which names neither what was written nor what is wrong with it. The literal is
//! read back from the file at the error's position and described instead.

/// A message for a number that a whole-number field rejected as floating point, or `None`
/// when `message` is not such an error (or the literal is a real fraction or exponent).
/// `line` and `byte_column` are serde_json's (1-based; the column is the literal's last byte);
/// `expected` is what the field takes, e.g. "a whole number from 0 to 4294967295".
pub(super) fn number_as_written(
    text: &str,
    line: usize,
    byte_column: usize,
    message: &str,
    expected: &str,
) -> Option<String> {
    if !message.starts_with("invalid type: floating point") {
        return None;
    }
    let line_text = text.split('\n').nth(line.checked_sub(1)?)?;
    let end = byte_column.min(line_text.len());
    let head = line_text.get(..end)?;
    let start = head
        .rfind(|c: char| !(c.is_ascii_digit() || matches!(c, '-' | '+' | '.' | 'e' | 'E')))
        .map_or(0, |at| at + 1);
    let literal = &head[start..];
    let digits = literal.strip_prefix('-').unwrap_or(literal);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let what = if digits.bytes().all(|b| b == b'0') {
        "negative zero".to_string()
    } else if literal.starts_with('-') {
        "too small (below −9223372036854775808)".to_string()
    } else {
        "too large (over 18446744073709551615)".to_string()
    };
    Some(format!("`{literal}` is {what}; expected {expected}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const FLOAT: &str = "invalid type: floating point `-0.0`, expected u32";

    #[test]
    fn names_negative_zero_and_numbers_out_of_range() {
        let text = "{\n  \"edition\": -0,\n  \"x\": 18446744073709551616\n}";
        let expect = "a whole number";
        assert_eq!(
            number_as_written(text, 2, 15, FLOAT, expect).as_deref(),
            Some("`-0` is negative zero; expected a whole number")
        );
        let big = number_as_written(text, 3, 28, FLOAT, expect).unwrap();
        assert!(
            big.starts_with("`18446744073709551616` is too large"),
            "{big}"
        );
        let small = number_as_written("-99999999999999999999", 1, 21, FLOAT, expect).unwrap();
        assert!(small.contains("too small"), "{small}");
    }

    #[test]
    fn leaves_fractions_and_other_errors_alone() {
        assert_eq!(number_as_written("2.5", 1, 3, FLOAT, "x"), None);
        assert_eq!(number_as_written("1e3", 1, 3, FLOAT, "x"), None);
        assert_eq!(
            number_as_written("-0", 1, 2, "invalid type: string", "x"),
            None
        );
    }
}
