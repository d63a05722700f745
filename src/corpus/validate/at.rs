//! Field paths such as `delegations[0].heads[1].person`, built as the checks descend and
//! rendered to text only when a problem is reported (most fields have none).

#[derive(Clone, Copy)]
enum Seg {
    Field(&'static str),
    Index(usize),
}

/// A position inside a record: a chain of segments borrowed from the callers' stack frames.
#[derive(Clone, Copy)]
pub(super) struct At<'p> {
    parent: Option<&'p At<'p>>,
    seg: Seg,
}

impl At<'static> {
    /// A top-level field of a record.
    pub(super) fn top(name: &'static str) -> Self {
        At {
            parent: None,
            seg: Seg::Field(name),
        }
    }
}

impl<'p> At<'p> {
    pub(super) fn field<'q>(&'q self, name: &'static str) -> At<'q> {
        At {
            parent: Some(self),
            seg: Seg::Field(name),
        }
    }

    pub(super) fn index<'q>(&'q self, i: usize) -> At<'q> {
        At {
            parent: Some(self),
            seg: Seg::Index(i),
        }
    }

    pub(super) fn render(&self) -> String {
        let mut segs = vec![self.seg];
        let mut up = self.parent;
        while let Some(at) = up {
            segs.push(at.seg);
            up = at.parent;
        }
        let mut out = String::new();
        for seg in segs.iter().rev() {
            match seg {
                Seg::Field(name) => {
                    if !out.is_empty() {
                        out.push('.');
                    }
                    out.push_str(name);
                }
                Seg::Index(i) => out.push_str(&format!("[{i}]")),
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_fields_and_indices() {
        let top = At::top("delegations");
        let d = top.index(0);
        let heads = d.field("heads");
        let h = heads.index(1);
        assert_eq!(h.field("person").render(), "delegations[0].heads[1].person");
    }
}
