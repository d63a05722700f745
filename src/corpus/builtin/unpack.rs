//! The decoder of the built-in corpus's embedded form: a serde `Deserializer` over a structure
//! of tagged values whose strings all lie in one string table.
//!
//! Why not MessagePack (which the corpus was embedded as before): a start spent a third of
//! its decoding checking that each of some 5,000 strings, field names included, was UTF-8, and
//! another part matching tags of a general format. Here the string table is embedded with
//! `include_str!`, so the compiler has checked it once; each string is a slice of it (an
//! offset and a length), handed to serde borrowed, so a field name costs no copy and a value
//! one copy into its `Text` (inline up to 24 bytes, else on the heap). The format is self-describing (the model leaves out empty
//! fields and has defaults), as JSON is, and encodes what `serde_json::Value` holds:
//!
//! - a tag byte (`pack::tag`): null, false, true, an unsigned or a signed integer (LEB128;
//!   signed ones zigzagged), a float (8 bytes, little-endian), a string (its offset and length
//!   in the table, 4 bytes each, little-endian), a sequence or a map (the count, LEB128, then
//!   the items; a map's keys are strings);
//! - enums as JSON has them: a unit variant is its name, any other a map of one entry.
//!
//! Every read is checked: data that is cut short, a tag that is not one, a string outside the
//! table or not on character boundaries, nesting deeper than [`MAX_DEPTH`] are errors, never a
//! panic.

use std::fmt;

use serde::de::{
    self, DeserializeSeed, EnumAccess, IntoDeserializer, MapAccess, SeqAccess, VariantAccess,
    Visitor,
};

use super::pack::tag;

/// Nesting deeper than this is refused (the corpus nests a handful of levels).
pub const MAX_DEPTH: usize = 64;

/// What went wrong decoding, in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnpackError(String);

impl fmt::Display for UnpackError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for UnpackError {}

impl de::Error for UnpackError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        UnpackError(msg.to_string())
    }
}

/// Decodes a `T` from `structure`, its strings in `strings`; all of `structure` must be used.
pub fn from_parts<'de, T: de::Deserialize<'de>>(
    structure: &'de [u8],
    strings: &'de str,
) -> Result<T, UnpackError> {
    let mut unpacker = Unpacker {
        structure,
        at: 0,
        strings,
        depth: 0,
    };
    let value = T::deserialize(&mut unpacker)?;
    if unpacker.at != structure.len() {
        return Err(unpacker.error("data after the end of the value"));
    }
    Ok(value)
}

/// The reader: where it is in the structure, and how deep.
struct Unpacker<'de> {
    structure: &'de [u8],
    at: usize,
    strings: &'de str,
    depth: usize,
}

impl<'de> Unpacker<'de> {
    fn error(&self, what: &str) -> UnpackError {
        UnpackError(format!("{what} (at byte {})", self.at))
    }

    fn peek(&self) -> Result<u8, UnpackError> {
        self.structure
            .get(self.at)
            .copied()
            .ok_or_else(|| self.error("the data ends inside a value"))
    }

    fn byte(&mut self) -> Result<u8, UnpackError> {
        let byte = self.peek()?;
        self.at += 1;
        Ok(byte)
    }

    fn varint(&mut self) -> Result<u64, UnpackError> {
        // Most counts and numbers fit in one byte.
        if let Some(&byte) = self.structure.get(self.at)
            && byte < 0x80
        {
            self.at += 1;
            return Ok(u64::from(byte));
        }
        let mut n: u64 = 0;
        for shift in (0..64).step_by(7) {
            let byte = self.byte()?;
            n |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Ok(n);
            }
        }
        Err(self.error("a number longer than 64 bits"))
    }

    /// Four bytes, little-endian.
    fn u32(&mut self) -> Result<usize, UnpackError> {
        let end = self.at + 4;
        let bytes: [u8; 4] = self
            .structure
            .get(self.at..end)
            .and_then(|b| b.try_into().ok())
            .ok_or_else(|| self.error("the data ends inside a string"))?;
        self.at = end;
        usize::try_from(u32::from_le_bytes(bytes)).map_err(|_| self.error("a string too long"))
    }

    fn count(&mut self) -> Result<usize, UnpackError> {
        let n = self.varint()?;
        // Every item takes at least one byte: a longer count is false, and would be a vast
        // allocation for a collection that reserves its size.
        match usize::try_from(n) {
            Ok(n) if n <= self.structure.len() - self.at => Ok(n),
            _ => Err(self.error("a count larger than the data")),
        }
    }

    /// The string whose offset and length follow (its tag already read).
    fn string_body(&mut self) -> Result<&'de str, UnpackError> {
        let offset = self.u32()?;
        let len = self.u32()?;
        offset
            .checked_add(len)
            .and_then(|end| self.strings.get(offset..end))
            .ok_or_else(|| self.error("a string outside the string table"))
    }

    fn f64(&mut self) -> Result<f64, UnpackError> {
        let end = self.at + 8;
        let bytes: [u8; 8] = self
            .structure
            .get(self.at..end)
            .and_then(|b| b.try_into().ok())
            .ok_or_else(|| self.error("the data ends inside a number"))?;
        self.at = end;
        Ok(f64::from_le_bytes(bytes))
    }

    fn nested<T>(
        &mut self,
        read: impl FnOnce(&mut Self) -> Result<T, UnpackError>,
    ) -> Result<T, UnpackError> {
        if self.depth >= MAX_DEPTH {
            return Err(self.error("values nested too deep"));
        }
        self.depth += 1;
        let value = read(self);
        self.depth -= 1;
        value
    }
}

impl<'de> de::Deserializer<'de> for &mut Unpacker<'de> {
    type Error = UnpackError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, UnpackError> {
        match self.byte()? {
            tag::NULL => visitor.visit_unit(),
            tag::FALSE => visitor.visit_bool(false),
            tag::TRUE => visitor.visit_bool(true),
            tag::U64 => visitor.visit_u64(self.varint()?),
            tag::I64 => {
                let z = self.varint()?;
                visitor.visit_i64(((z >> 1) as i64) ^ -((z & 1) as i64))
            }
            tag::F64 => visitor.visit_f64(self.f64()?),
            tag::STR => visitor.visit_borrowed_str(self.string_body()?),
            tag::SEQ => {
                let left = self.count()?;
                self.nested(|de| {
                    let value = visitor.visit_seq(Items { de, left })?;
                    Ok(value)
                })
            }
            tag::MAP => {
                let left = self.count()?;
                self.nested(|de| visitor.visit_map(Items { de, left }))
            }
            other => Err(self.error(&format!("an unknown tag {other}"))),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, UnpackError> {
        if self.peek()? == tag::NULL {
            self.at += 1;
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, UnpackError> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, UnpackError> {
        match self.byte()? {
            tag::STR => visitor.visit_enum(self.string_body()?.into_deserializer()),
            tag::MAP if self.count()? == 1 => self.nested(|de| visitor.visit_enum(Variant(de))),
            _ => Err(self.error("an enum that is neither a name nor a map of one entry")),
        }
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        unit unit_struct seq tuple tuple_struct map struct identifier ignored_any
    }
}

/// The items of a sequence or the entries of a map, `left` of them still to read.
struct Items<'a, 'de> {
    de: &'a mut Unpacker<'de>,
    left: usize,
}

impl<'de> SeqAccess<'de> for Items<'_, 'de> {
    type Error = UnpackError;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, UnpackError> {
        if self.left == 0 {
            return Ok(None);
        }
        self.left -= 1;
        seed.deserialize(&mut *self.de).map(Some)
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.left)
    }
}

impl<'de> MapAccess<'de> for Items<'_, 'de> {
    type Error = UnpackError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, UnpackError> {
        if self.left == 0 {
            return Ok(None);
        }
        self.left -= 1;
        seed.deserialize(&mut *self.de).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(
        &mut self,
        seed: V,
    ) -> Result<V::Value, UnpackError> {
        seed.deserialize(&mut *self.de)
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.left)
    }
}

/// An enum written as a map of one entry: the variant's name, then its content.
struct Variant<'a, 'de>(&'a mut Unpacker<'de>);

impl<'de> EnumAccess<'de> for Variant<'_, 'de> {
    type Error = UnpackError;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'de>>(
        self,
        seed: V,
    ) -> Result<(V::Value, Self), UnpackError> {
        let name = seed.deserialize(&mut *self.0)?;
        Ok((name, self))
    }
}

impl<'de> VariantAccess<'de> for Variant<'_, 'de> {
    type Error = UnpackError;

    fn unit_variant(self) -> Result<(), UnpackError> {
        de::Deserialize::deserialize(self.0)
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(
        self,
        seed: T,
    ) -> Result<T::Value, UnpackError> {
        seed.deserialize(self.0)
    }

    fn tuple_variant<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, UnpackError> {
        de::Deserializer::deserialize_any(self.0, visitor)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, UnpackError> {
        de::Deserializer::deserialize_any(self.0, visitor)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use serde::{Deserialize, Serialize};

    use super::super::pack::pack;
    use super::*;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    #[serde(rename_all = "kebab-case")]
    enum Shape {
        Dot,
        Circle(f64),
        Pair(i32, u8),
        Box { width: u64, label: String },
    }

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Record {
        id: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        note: Option<String>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        shapes: Vec<Shape>,
        count: i64,
        big: u64,
        flag: bool,
        names: BTreeMap<String, String>,
        wrapped: Wrapped,
        pair: (String, Option<u8>),
    }

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Wrapped(String);

    fn round_trip<T: Serialize + for<'de> Deserialize<'de>>(value: &T) -> T {
        let packed = pack(&serde_json::to_value(value).expect("it serialises"));
        from_parts(&packed.structure, &packed.strings).expect("it decodes")
    }

    fn record() -> Record {
        Record {
            id: "eu-rok-cyber-7".into(),
            note: Some("서울, 2024 — “quoted”".into()),
            shapes: vec![
                Shape::Dot,
                Shape::Circle(-1.5),
                Shape::Pair(-70_000, 255),
                Shape::Box {
                    width: u64::MAX,
                    label: "eu-rok-cyber-7".into(),
                },
            ],
            count: i64::MIN,
            big: 300,
            flag: true,
            names: [("ko".to_string(), "사이버".to_string())].into(),
            wrapped: Wrapped(String::new()),
            pair: ("a".into(), None),
        }
    }

    #[test]
    fn values_decode_to_what_was_encoded() {
        let full = record();
        assert_eq!(round_trip(&full), full);
        let sparse = Record {
            note: None,
            shapes: Vec::new(),
            ..record()
        };
        assert_eq!(round_trip(&sparse), sparse);
    }

    #[test]
    fn each_string_is_stored_once() {
        let packed = pack(&serde_json::to_value(record()).expect("it serialises"));
        assert_eq!(packed.strings.matches("eu-rok-cyber-7").count(), 1);
    }

    #[test]
    fn unknown_fields_are_refused_as_by_json() {
        let value = serde_json::json!({"id": "x", "extra": 1});
        let packed = pack(&value);
        let error = from_parts::<Record>(&packed.structure, &packed.strings).unwrap_err();
        assert!(error.to_string().contains("extra"), "{error}");
    }

    #[test]
    fn damaged_data_is_an_error_not_a_panic() {
        let packed = pack(&serde_json::to_value(record()).expect("it serialises"));
        let decode =
            |structure: &[u8], strings: &str| from_parts::<Record>(structure, strings).map(|_| ());
        // Cut anywhere, it fails cleanly.
        for end in 0..packed.structure.len() {
            assert!(decode(&packed.structure[..end], &packed.strings).is_err());
        }
        // Strings outside the table, or off a character boundary.
        assert!(decode(&packed.structure, "").is_err());
        let shifted: String = packed.strings.chars().skip(1).collect();
        assert!(decode(&packed.structure, &shifted).is_err());
        // A byte too many, an unknown tag, a count beyond the data.
        let mut longer = packed.structure.clone();
        longer.push(tag::NULL);
        assert!(decode(&longer, &packed.strings).is_err());
        assert!(decode(&[42], "").is_err());
        assert!(decode(&[tag::SEQ, 0xff, 0xff, 0xff, 0x7f], "").is_err());
        // Nesting past the limit.
        let mut deep = [tag::SEQ, 1].repeat(MAX_DEPTH + 1);
        deep.push(tag::NULL);
        let error = from_parts::<serde_json::Value>(&deep, "").unwrap_err();
        assert!(error.to_string().contains("deep"), "{error}");
    }
}
