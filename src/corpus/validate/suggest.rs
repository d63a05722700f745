//! "Did you mean …?": the closest known id to a mistyped one, by edit distance.

/// The candidate closest to `wanted`, if one is close enough to be a likely typo. `budget`
/// bounds the work (in candidates compared) over a whole validation, so a corpus with
/// thousands of dangling references stays fast; suggestions stop when it runs out.
pub(crate) fn closest<'a>(
    wanted: &str,
    candidates: &[&'a str],
    budget: &mut usize,
) -> Option<&'a str> {
    let wanted: Vec<char> = wanted.chars().collect();
    let limit = (wanted.len() / 3).clamp(1, 3);
    let mut best: Option<(usize, &str)> = None;
    for &candidate in candidates {
        if *budget == 0 {
            return None;
        }
        *budget -= 1;
        if candidate.len().abs_diff(wanted.len()) > limit + 2 {
            continue;
        }
        let d = distance(&wanted, candidate);
        if d <= limit && best.is_none_or(|(b, _)| d < b) {
            best = Some((d, candidate));
        }
    }
    best.map(|(_, c)| c)
}

/// Levenshtein distance between a char slice and a string.
fn distance(a: &[char], b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            let next = (row[j + 1] + 1).min(row[j] + 1).min(prev + cost);
            prev = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_nearest_id_only_when_near() {
        let ids = ["kim-gunn", "park-jin", "lee-min"];
        let mut budget = 100;
        assert_eq!(closest("kim-gun", &ids, &mut budget), Some("kim-gunn"));
        assert_eq!(closest("someone-else", &ids, &mut budget), None);
        let mut empty = 0;
        assert_eq!(closest("kim-gun", &ids, &mut empty), None);
    }

    #[test]
    fn distance_counts_edits() {
        let a: Vec<char> = "kitten".chars().collect();
        assert_eq!(distance(&a, "sitting"), 3);
        assert_eq!(distance(&a, "kitten"), 0);
    }
}
