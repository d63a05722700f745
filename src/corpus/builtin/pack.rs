//! The encoder of the built-in corpus's embedded form (see `unpack.rs` beside it for the
//! format and why): a JSON value, as the model serialises to it, becomes a structure of tagged
//! values and one table of every distinct string.
//!
//! Compiled into the build script (`build.rs`, which encodes the built-in corpus) and into the
//! crate's tests (which encode values to decode them again); it uses only `serde_json`.

use std::collections::HashMap;

use serde_json::Value;

/// The tags of the encoded values (`unpack.rs` reads the same numbers).
pub mod tag {
    pub const NULL: u8 = 0;
    pub const FALSE: u8 = 1;
    pub const TRUE: u8 = 2;
    pub const U64: u8 = 3;
    pub const I64: u8 = 4;
    pub const F64: u8 = 5;
    pub const STR: u8 = 6;
    pub const SEQ: u8 = 7;
    pub const MAP: u8 = 8;
}

/// An encoded value: its structure, and the string table its strings point into.
pub struct Packed {
    pub structure: Vec<u8>,
    pub strings: String,
}

/// Encodes `value`. Each distinct string (values and keys alike) is stored once.
pub fn pack(value: &Value) -> Packed {
    let mut packer = Packer {
        out: Packed {
            structure: Vec::new(),
            strings: String::new(),
        },
        seen: HashMap::new(),
    };
    packer.value(value);
    packer.out
}

struct Packer {
    out: Packed,
    /// Each string already in the table → its offset.
    seen: HashMap<String, usize>,
}

impl Packer {
    fn value(&mut self, value: &Value) {
        match value {
            Value::Null => self.out.structure.push(tag::NULL),
            Value::Bool(false) => self.out.structure.push(tag::FALSE),
            Value::Bool(true) => self.out.structure.push(tag::TRUE),
            Value::Number(n) => {
                if let Some(u) = n.as_u64() {
                    self.out.structure.push(tag::U64);
                    self.varint(u);
                } else if let Some(i) = n.as_i64() {
                    self.out.structure.push(tag::I64);
                    // Zigzag: small negative numbers stay short.
                    self.varint(((i << 1) ^ (i >> 63)) as u64);
                } else {
                    let f = n.as_f64().unwrap_or(f64::NAN);
                    self.out.structure.push(tag::F64);
                    self.out.structure.extend_from_slice(&f.to_le_bytes());
                }
            }
            Value::String(s) => self.string(s),
            Value::Array(items) => {
                self.out.structure.push(tag::SEQ);
                self.varint(items.len() as u64);
                for item in items {
                    self.value(item);
                }
            }
            Value::Object(map) => {
                self.out.structure.push(tag::MAP);
                self.varint(map.len() as u64);
                for (key, item) in map {
                    self.string(key);
                    self.value(item);
                }
            }
        }
    }

    fn string(&mut self, s: &str) {
        let offset = match self.seen.get(s) {
            Some(&offset) => offset,
            None => {
                let offset = self.out.strings.len();
                self.out.strings.push_str(s);
                self.seen.insert(s.to_string(), offset);
                offset
            }
        };
        self.out.structure.push(tag::STR);
        // Fixed width: read with one load each, where a varint takes a loop.
        for n in [offset, s.len()] {
            let n = u32::try_from(n).expect("the built-in corpus's strings fit in 4 GiB");
            self.out.structure.extend_from_slice(&n.to_le_bytes());
        }
    }

    /// LEB128: seven bits a byte, low first, the high bit set on all but the last.
    fn varint(&mut self, mut n: u64) {
        loop {
            let byte = (n & 0x7f) as u8;
            n >>= 7;
            if n == 0 {
                self.out.structure.push(byte);
                return;
            }
            self.out.structure.push(byte | 0x80);
        }
    }
}
