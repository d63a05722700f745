//! The packed form of `corpus::builtin::pack` written straight from a value's `Serialize`
//! impl, without building a `serde_json::Value` first: what the corpus's cache entry is
//! written with, a frame of records at a time.
//!
//! It writes what `pack(&serde_json::to_value(v))` writes, but for the order of a struct's
//! fields (declaration order here, sorted there), which the decoder does not depend on: a
//! struct is a map of field names. Each distinct string of a frame is stored once.

use std::fmt;

use rustc_hash::FxHashMap;
use serde::Serialize;
use serde::ser;

use crate::corpus::builtin::pack::{Packed, tag};

/// Why a value could not be packed, in words.
#[derive(Debug)]
pub struct PackError(String);

impl fmt::Display for PackError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for PackError {}

impl ser::Error for PackError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        PackError(msg.to_string())
    }
}

/// A frame being packed: a sequence of values, added one at a time.
#[derive(Default)]
pub struct FramePacker {
    /// The items' structure (the sequence's tag and count are put before it at the end).
    items: Vec<u8>,
    strings: String,
    /// Each string already in the table → its offset.
    seen: FxHashMap<Box<str>, u32>,
    count: usize,
}

impl FramePacker {
    /// Adds one value to the sequence.
    pub fn push<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), PackError> {
        value.serialize(&mut *self)?;
        self.count += 1;
        Ok(())
    }

    /// How many values were added.
    pub fn len(&self) -> usize {
        self.count
    }

    /// About how many bytes the frame holds so far.
    pub fn bytes(&self) -> usize {
        self.items.len() + self.strings.len()
    }

    /// The sequence of the values added, packed; the packer is left empty for the next frame.
    pub fn finish(&mut self) -> Packed {
        let mut structure = Vec::with_capacity(self.items.len() + 11);
        structure.push(tag::SEQ);
        varint(&mut structure, self.count as u64);
        structure.append(&mut self.items);
        self.count = 0;
        self.seen.clear();
        Packed {
            structure,
            strings: std::mem::take(&mut self.strings),
        }
    }

    /// One value alone, packed (not a sequence).
    pub fn single<T: Serialize + ?Sized>(value: &T) -> Result<Packed, PackError> {
        let mut packer = FramePacker::default();
        value.serialize(&mut packer)?;
        Ok(Packed {
            structure: packer.items,
            strings: packer.strings,
        })
    }

    fn string(&mut self, s: &str) -> Result<(), PackError> {
        let offset = match self.seen.get(s) {
            Some(&offset) => offset,
            None => {
                let offset = u32::try_from(self.strings.len())
                    .map_err(|_| PackError("a frame's strings over 4 GiB".into()))?;
                self.strings.push_str(s);
                self.seen.insert(s.into(), offset);
                offset
            }
        };
        let len = u32::try_from(s.len()).map_err(|_| PackError("a string over 4 GiB".into()))?;
        self.items.push(tag::STR);
        self.items.extend_from_slice(&offset.to_le_bytes());
        self.items.extend_from_slice(&len.to_le_bytes());
        Ok(())
    }

    fn collection(&mut self, kind: u8, len: Option<usize>) -> Result<&mut Self, PackError> {
        let len = len.ok_or_else(|| PackError("a collection of unknown length".into()))?;
        self.items.push(kind);
        varint(&mut self.items, len as u64);
        Ok(self)
    }

    /// A map of one entry, the variant's name: what an enum's variant with content is.
    fn variant(&mut self, name: &str) -> Result<(), PackError> {
        self.items.push(tag::MAP);
        varint(&mut self.items, 1);
        self.string(name)
    }

    fn unsigned(&mut self, n: u64) {
        self.items.push(tag::U64);
        varint(&mut self.items, n);
    }

    fn signed(&mut self, n: i64) {
        match u64::try_from(n) {
            Ok(n) => self.unsigned(n),
            Err(_) => {
                self.items.push(tag::I64);
                varint(&mut self.items, ((n << 1) ^ (n >> 63)) as u64);
            }
        }
    }
}

/// LEB128: seven bits a byte, low first, the high bit set on all but the last.
fn varint(out: &mut Vec<u8>, mut n: u64) {
    loop {
        let byte = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

/// Integers: unsigned ones, and signed ones that are not negative, as unsigned (as JSON's
/// numbers are packed); negative ones zigzagged.
macro_rules! numbers {
    ($($method:ident: $ty:ty => $how:ident;)*) => {$(
        fn $method(self, v: $ty) -> Result<(), PackError> {
            self.$how(v.into());
            Ok(())
        }
    )*};
}

impl<'a> ser::Serializer for &'a mut FramePacker {
    type Ok = ();
    type Error = PackError;
    type SerializeSeq = &'a mut FramePacker;
    type SerializeTuple = &'a mut FramePacker;
    type SerializeTupleStruct = &'a mut FramePacker;
    type SerializeTupleVariant = &'a mut FramePacker;
    type SerializeMap = &'a mut FramePacker;
    type SerializeStruct = &'a mut FramePacker;
    type SerializeStructVariant = &'a mut FramePacker;

    fn serialize_bool(self, v: bool) -> Result<(), PackError> {
        self.items.push(if v { tag::TRUE } else { tag::FALSE });
        Ok(())
    }
    numbers! {
        serialize_i8: i8 => signed;
        serialize_i16: i16 => signed;
        serialize_i32: i32 => signed;
        serialize_i64: i64 => signed;
        serialize_u8: u8 => unsigned;
        serialize_u16: u16 => unsigned;
        serialize_u32: u32 => unsigned;
        serialize_u64: u64 => unsigned;
    }
    fn serialize_f32(self, v: f32) -> Result<(), PackError> {
        self.serialize_f64(v.into())
    }
    fn serialize_f64(self, v: f64) -> Result<(), PackError> {
        self.items.push(tag::F64);
        self.items.extend_from_slice(&v.to_le_bytes());
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result<(), PackError> {
        self.string(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Result<(), PackError> {
        self.string(v)
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), PackError> {
        self.collection(tag::SEQ, Some(v.len()))?;
        for &b in v {
            self.unsigned(b.into());
        }
        Ok(())
    }
    fn serialize_none(self) -> Result<(), PackError> {
        self.items.push(tag::NULL);
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), PackError> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), PackError> {
        self.serialize_none()
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), PackError> {
        self.serialize_none()
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), PackError> {
        self.string(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<(), PackError> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), PackError> {
        self.variant(variant)?;
        value.serialize(self)
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Self, PackError> {
        self.collection(tag::SEQ, len)
    }
    fn serialize_tuple(self, len: usize) -> Result<Self, PackError> {
        self.collection(tag::SEQ, Some(len))
    }
    fn serialize_tuple_struct(self, _name: &'static str, len: usize) -> Result<Self, PackError> {
        self.collection(tag::SEQ, Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Self, PackError> {
        self.variant(variant)?;
        self.collection(tag::SEQ, Some(len))
    }
    fn serialize_map(self, len: Option<usize>) -> Result<Self, PackError> {
        self.collection(tag::MAP, len)
    }
    fn serialize_struct(self, _name: &'static str, len: usize) -> Result<Self, PackError> {
        self.collection(tag::MAP, Some(len))
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Self, PackError> {
        self.variant(variant)?;
        self.collection(tag::MAP, Some(len))
    }
}

/// The parts of sequences, tuples and their variants: each item is packed in turn (the count
/// and any variant's name were written when the part began).
macro_rules! items {
    ($($part:path, $method:ident;)*) => {$(
        impl $part for &mut FramePacker {
            type Ok = ();
            type Error = PackError;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), PackError> {
                value.serialize(&mut **self)
            }
            fn end(self) -> Result<(), PackError> {
                Ok(())
            }
        }
    )*};
}

items! {
    ser::SerializeSeq, serialize_element;
    ser::SerializeTuple, serialize_element;
    ser::SerializeTupleStruct, serialize_field;
    ser::SerializeTupleVariant, serialize_field;
}

/// The parts of structs and struct variants: each field is its name, then its value.
macro_rules! fields {
    ($($part:path;)*) => {$(
        impl $part for &mut FramePacker {
            type Ok = ();
            type Error = PackError;
            fn serialize_field<T: Serialize + ?Sized>(
                &mut self,
                key: &'static str,
                value: &T,
            ) -> Result<(), PackError> {
                self.string(key)?;
                value.serialize(&mut **self)
            }
            fn end(self) -> Result<(), PackError> {
                Ok(())
            }
        }
    )*};
}

fields! {
    ser::SerializeStruct;
    ser::SerializeStructVariant;
}

impl ser::SerializeMap for &mut FramePacker {
    type Ok = ();
    type Error = PackError;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), PackError> {
        key.serialize(&mut **self)
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), PackError> {
        value.serialize(&mut **self)
    }
    fn end(self) -> Result<(), PackError> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::builtin::{pack, unpack};
    use crate::corpus::model::Corpus;

    /// Every record of a generated corpus, and the built-in corpus whole, decode from the
    /// packer's form to what was packed, as from `pack(to_value(…))`'s.
    #[test]
    fn what_is_packed_decodes_to_the_value_as_from_the_json_value_packer() {
        let corpus = crate::synth::generate(crate::synth::Spec::with_candidates(2_000));
        let mut packer = FramePacker::default();
        for meeting in &corpus.meetings {
            packer.push(meeting).unwrap();
        }
        assert_eq!(packer.len(), corpus.meetings.len());
        let packed = packer.finish();
        let decoded: Vec<crate::corpus::Meeting> =
            unpack::from_parts(&packed.structure, &packed.strings).unwrap();
        assert_eq!(decoded, corpus.meetings);
        assert_eq!(packer.len(), 0, "left empty for the next frame");
        for (_, file) in crate::corpus::builtin::files().unwrap() {
            let ours = FramePacker::single(&file).unwrap();
            let theirs = pack::pack(&serde_json::to_value(&file).unwrap());
            let from_ours: Corpus = unpack::from_parts(&ours.structure, &ours.strings).unwrap();
            let from_theirs: Corpus =
                unpack::from_parts(&theirs.structure, &theirs.strings).unwrap();
            assert_eq!(from_ours, file);
            assert_eq!(from_theirs, from_ours);
            assert_eq!(ours.strings.len(), theirs.strings.len(), "each string once");
        }
    }

    #[test]
    fn numbers_enums_and_options_take_the_json_packers_tags() {
        #[derive(Serialize)]
        enum Shape {
            Dot,
            Circle(i32),
            Pair(i8, u8),
            Box { width: u64 },
        }
        let values = (
            -5i64,
            7u32,
            Option::<u8>::None,
            Some(2u8),
            [Shape::Dot, Shape::Circle(-70_000), Shape::Pair(-1, 255)],
            Shape::Box { width: u64::MAX },
            1.5f64,
            true,
            'x',
        );
        let ours = FramePacker::single(&values).unwrap();
        let theirs = pack::pack(&serde_json::to_value(&values).unwrap());
        assert_eq!(ours.structure, theirs.structure);
        assert_eq!(ours.strings, theirs.strings);
    }
}
