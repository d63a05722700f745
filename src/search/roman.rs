//! Romanisation variants of Korean names: the surname spellings users type (Lee/Yi/Rhee,
//! Park/Pak, Choi/Choe, Kang/Gang, Youn/Yoon/Yun, Gunn/Geon/Gun) mapped to one spelling, on the
//! query and on people's keys alike. Hyphens and spaces inside a name are handled by the query
//! (split on hyphens) and the ranking (words compared joined), not here.

/// Folded spelling → the one spelling it is compared as.
const SPELLINGS: &[(&str, &str)] = &[
    ("yi", "lee"),
    ("rhee", "lee"),
    ("pak", "park"),
    ("choe", "choi"),
    ("gang", "kang"),
    ("youn", "yoon"),
    ("yun", "yoon"),
    ("geon", "gunn"),
    ("gun", "gunn"),
];

/// The spelling a folded word is compared as (itself unless it is a listed variant).
pub(crate) fn canonical_word(word: &str) -> &str {
    SPELLINGS
        .iter()
        .find(|(variant, _)| *variant == word)
        .map_or(word, |(_, canonical)| canonical)
}

/// `folded` with every listed variant word replaced, and for each char of the result the char
/// index in `folded` it stands for (a replaced word's chars point into that word).
pub(crate) fn canonical_with_map(folded: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(folded.len());
    let mut map = Vec::with_capacity(folded.len());
    let chars: Vec<char> = folded.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_alphanumeric() {
            out.push(chars[i]);
            map.push(i);
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && chars[i].is_alphanumeric() {
            i += 1;
        }
        let word: String = chars[start..i].iter().collect();
        let canonical = canonical_word(&word);
        for (j, c) in canonical.chars().enumerate() {
            out.push(c);
            map.push(start + j.min(i - start - 1));
        }
    }
    (out, map)
}

/// `folded` with every listed variant word replaced.
pub(crate) fn canonical(folded: &str) -> String {
    canonical_with_map(folded).0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_surname_spellings_both_ways() {
        assert_eq!(canonical("youn jong kwon"), "yoon jong kwon");
        assert_eq!(canonical("yun jong-kwon"), "yoon jong-kwon");
        assert_eq!(canonical("kim geon"), canonical("kim gunn"));
        assert_eq!(canonical("rhee"), canonical("yi"));
        assert_eq!(canonical("pak choe gang"), "park choi kang");
        // Only whole words: "young" and "gunnar" stay.
        assert_eq!(canonical("young gunnar"), "young gunnar");
        let (text, map) = canonical_with_map("yi x");
        assert_eq!(text, "lee x");
        assert_eq!(map, vec![0, 1, 1, 2, 3]);
    }
}
