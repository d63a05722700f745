//! Heads of delegation and chairs a text names, with the titles it gives them: "chaired by
//! Mr. X, Director-General for …", "co-chaired by X and Y", "X, Director for …, led the EU
//! delegation".

/// A head as the text gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeadMention {
    pub name: String,
    pub title: String,
    /// "chair", "co-chair" or "head".
    pub role: String,
    /// The words after the mention that say whose delegation ("EU delegation"), if any.
    pub delegation: Option<String>,
    pub paragraph: usize,
}

const HONORIFICS: [&str; 6] = ["Mr", "Ms", "Mrs", "Dr", "Ambassador", "Minister"];

/// Every head of delegation or chair the paragraphs name.
pub fn find(paragraphs: &[String]) -> Vec<HeadMention> {
    let mut out = Vec::new();
    for (n, text) in paragraphs.iter().enumerate() {
        // Honorifics end in a full stop that is not a sentence's end.
        let text = ["Mr.", "Ms.", "Mrs.", "Dr."]
            .iter()
            .fold(text.clone(), |t, h| t.replace(h, h.trim_end_matches('.')));
        for sentence in text.split(". ") {
            for (marker, role) in [
                ("co-chaired by ", "co-chair"),
                ("chaired by ", "chair"),
                ("led by ", "head"),
                ("headed by ", "head"),
            ] {
                if let Some(at) = sentence.find(marker) {
                    if marker == "chaired by " && sentence[..at].ends_with("co-") {
                        continue;
                    }
                    let rest = &sentence[at + marker.len()..];
                    // "X, title, and Y, title"; "X and Y" only when no titles follow.
                    let parts: Vec<&str> = if rest.contains(", and ") {
                        rest.split(", and ").collect()
                    } else if rest.contains(',') {
                        vec![rest]
                    } else {
                        rest.split(" and ").collect()
                    };
                    for part in parts {
                        if let Some((name, title)) = name_and_title(part) {
                            out.push(HeadMention {
                                name,
                                title,
                                role: role.to_string(),
                                delegation: None,
                                paragraph: n + 1,
                            });
                        } else {
                            break;
                        }
                    }
                    break;
                }
            }
            for marker in [" led the ", " headed the "] {
                if let Some(at) = sentence.find(marker) {
                    let subject = sentence[..at].trim_end_matches(',');
                    if let Some((name, title)) = name_and_title(subject) {
                        let whose = sentence[at + marker.len()..]
                            .split(" delegation")
                            .next()
                            .filter(|w| w.split_whitespace().count() <= 3)
                            .map(|w| format!("{w} delegation"));
                        out.push(HeadMention {
                            name,
                            title,
                            role: "head".to_string(),
                            delegation: whose,
                            paragraph: n + 1,
                        });
                    }
                }
            }
        }
    }
    out
}

/// "Mr Youn Jong Kwon, Director-General for …" → ("Youn Jong Kwon", "Director-General for …").
fn name_and_title(part: &str) -> Option<(String, String)> {
    let mut words = part.split_whitespace().peekable();
    while words.peek().is_some_and(|w| HONORIFICS.contains(w)) {
        words.next();
    }
    let mut name = Vec::new();
    let mut rest = Vec::new();
    let mut in_name = true;
    for w in words {
        if in_name {
            let bare = w.trim_end_matches(',');
            if bare.chars().next().is_some_and(char::is_uppercase) && name.len() < 4 {
                name.push(bare);
                if w.ends_with(',') {
                    in_name = false;
                }
                continue;
            }
            in_name = false;
        }
        rest.push(w);
    }
    if name.len() < 2 {
        return None;
    }
    let title = rest
        .join(" ")
        .trim()
        .trim_end_matches(['.', ','])
        .to_string();
    Some((name.join(" "), title))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chairs_and_heads_with_titles() {
        let heads = find(&["The meeting was chaired by Mr. Youn Jong Kwon, Director-General for International Security of the Ministry of Foreign Affairs. Mr. Maciej Stadejek, Director for Security and Defence Policy at the EEAS, led the EU delegation.".to_string()]);
        assert_eq!(heads.len(), 2, "{heads:?}");
        assert_eq!(heads[0].name, "Youn Jong Kwon");
        assert_eq!(heads[0].role, "chair");
        assert!(
            heads[0]
                .title
                .starts_with("Director-General for International Security")
        );
        assert_eq!(heads[1].name, "Maciej Stadejek");
        assert_eq!(heads[1].delegation.as_deref(), Some("EU delegation"));
    }
}
