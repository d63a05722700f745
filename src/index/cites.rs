//! The citations of one [`Appearance`](super::Appearance), held without a heap block when
//! there is one (most: every appearance of a generated 100k corpus has one).
//!
//! A `Vec<Citation>` is 24 bytes beside the appearance plus a heap block of its own (48 bytes
//! with the allocator's header for one citation); at 100k records the index holds some 270,000
//! appearances, and those blocks were a tenth of it. [`Cites`] keeps one citation inline and
//! more in one boxed slice, and reads as a `&[Citation]` wherever the `Vec` was read.

use std::fmt;
use std::ops::Deref;

use crate::corpus::Citation;

/// The citations of an appearance: read as a slice of [`Citation`]s.
#[derive(Clone, PartialEq, Eq)]
pub struct Cites(Held);

/// One citation inline; none or several in a boxed slice (no spare room, and an empty box
/// allocates nothing).
#[derive(Clone, PartialEq, Eq)]
enum Held {
    One(Citation),
    Many(Box<[Citation]>),
}

impl Cites {
    /// Sorted and without repeats (the order the index keeps them in).
    pub(super) fn sort_dedup(&mut self) {
        if let Held::Many(many) = &self.0 {
            let mut list = many.to_vec();
            list.sort();
            list.dedup();
            *self = Cites::from(list);
        }
    }

    /// Adds `later`'s citations after these (unsorted: see [`Cites::sort_dedup`]).
    pub(super) fn append(&mut self, later: Cites) {
        let mut list = std::mem::take(self).into_vec();
        list.extend(later.into_vec());
        *self = Cites::from(list);
    }

    fn into_vec(self) -> Vec<Citation> {
        match self.0 {
            Held::One(one) => vec![one],
            Held::Many(many) => many.into_vec(),
        }
    }
}

impl Default for Cites {
    fn default() -> Self {
        Cites(Held::Many(Box::default()))
    }
}

impl Deref for Cites {
    type Target = [Citation];

    fn deref(&self) -> &[Citation] {
        match &self.0 {
            Held::One(one) => std::slice::from_ref(one),
            Held::Many(many) => many,
        }
    }
}

impl From<Vec<Citation>> for Cites {
    fn from(mut list: Vec<Citation>) -> Self {
        match list.pop() {
            Some(one) if list.is_empty() => Cites(Held::One(one)),
            Some(last) => {
                list.push(last);
                Cites(Held::Many(list.into_boxed_slice()))
            }
            None => Cites::default(),
        }
    }
}

impl From<&[Citation]> for Cites {
    fn from(list: &[Citation]) -> Self {
        match list {
            [one] => Cites(Held::One(one.clone())),
            _ => Cites(Held::Many(list.into())),
        }
    }
}

/// As the `Vec` it replaced printed: the list.
impl fmt::Debug for Cites {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl PartialEq<[Citation]> for Cites {
    fn eq(&self, other: &[Citation]) -> bool {
        **self == *other
    }
}

impl<const N: usize> PartialEq<[Citation; N]> for Cites {
    fn eq(&self, other: &[Citation; N]) -> bool {
        **self == other[..]
    }
}

impl PartialEq<Vec<Citation>> for Cites {
    fn eq(&self, other: &Vec<Citation>) -> bool {
        **self == other[..]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(p: u32) -> Citation {
        Citation::at("s", p)
    }

    /// Every length reads back as the list it was made from, from a `Vec` or a slice.
    #[test]
    fn reads_back_as_the_list_it_was_made_from() {
        for list in [vec![], vec![c(1)], vec![c(2), c(1)], vec![c(1), c(2), c(3)]] {
            assert_eq!(*Cites::from(list.clone()), list[..]);
            assert_eq!(*Cites::from(&list[..]), list[..]);
            assert_eq!(Cites::from(list.clone()), Cites::from(&list[..]));
        }
    }

    /// One citation takes no heap block: the appearance holds it (the point of the type).
    #[test]
    fn one_citation_is_held_inline() {
        assert!(matches!(Cites::from(vec![c(1)]).0, Held::One(_)));
        assert!(matches!(Cites::from(&[c(1)][..]).0, Held::One(_)));
        assert!(matches!(Cites::from(vec![c(1), c(2)]).0, Held::Many(_)));
        // No bigger than the `Vec` it replaced plus the one citation it no longer points to.
        assert!(std::mem::size_of::<Cites>() <= std::mem::size_of::<Citation>() + 8);
    }

    /// Append, sort and dedup as the `Vec` did: the same list, and one citation inline again.
    #[test]
    fn append_then_sort_dedup_equals_the_vec_operations() {
        let cases: [(Vec<Citation>, Vec<Citation>); 4] = [
            (vec![c(3)], vec![c(1), c(3)]),
            (vec![c(2)], vec![c(2)]),
            (vec![], vec![c(5), c(4)]),
            (vec![c(9), c(1)], vec![]),
        ];
        for (first, later) in cases {
            let mut expected = first.clone();
            expected.extend(later.clone());
            expected.sort();
            expected.dedup();
            let mut cites = Cites::from(first);
            cites.append(Cites::from(later));
            cites.sort_dedup();
            assert_eq!(cites, expected);
            assert_eq!(matches!(cites.0, Held::One(_)), expected.len() == 1);
        }
    }

    #[test]
    fn debug_prints_the_list() {
        let list = vec![c(1), c(2)];
        assert_eq!(
            format!("{:?}", Cites::from(list.clone())),
            format!("{list:?}")
        );
    }
}
