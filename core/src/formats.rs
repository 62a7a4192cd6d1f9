//! Reading the file formats from JSON that is already parsed: by the browser's `JSON.parse`
//! in the widget, by serde_json on the host. The formats are typed structs read by serde;
//! the few value types here make every format read alike in both places, and name what
//! they found when a value has the wrong type ("must be a whole number, not -1").
//!
//! The lite module reads with [`read_quietly`] instead, whose error ([`Unfit`]) keeps only
//! that the data does not fit: it never shows a message (it hands a placeholder with a
//! problem to the full module), so it builds none, and formats no value it found.

use serde::de::{self, DeserializeOwned, IgnoredAny, MapAccess, SeqAccess, Unexpected, Visitor};
use serde::{Deserialize, Deserializer};
use std::fmt;
use std::marker::PhantomData;

/// JSON that has been parsed into values, ready to be read as typed data (more than once:
/// a format's version is read before the rest).
pub trait Parsed: Sized {
    /// Reads the whole value as `T`; on a mismatch, where and what.
    fn read<T: DeserializeOwned>(&self) -> Result<T, Mismatch>;
    /// The value of one field of an object, if it has it.
    fn field(&self, name: &str) -> Option<Self>;
}

/// Where parsed JSON does not fit a format (`things[3].title`, or `.` for the whole value),
/// and serde's account of what is wrong there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mismatch {
    pub path: String,
    pub message: String,
}

impl Mismatch {
    /// The same mismatch, seen from the object whose field `field` was read.
    pub fn within(self, field: &str) -> Self {
        let path = match self.path.as_str() {
            "." => field.to_owned(),
            inner if inner.starts_with('[') => format!("{field}{inner}"),
            inner => format!("{field}.{inner}"),
        };
        Self { path, ..self }
    }
}

impl fmt::Display for Mismatch {
    /// The path and serde's message as they are: for console warnings and tests. A mismatch
    /// of the lite module's reader has no message, and says only where (see [`Unfit`]).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.message.is_empty() {
            f.write_str(&self.path)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

/// JSON on the host (tests, xtask): serde_json's values, which keep each object's fields in
/// order and take the last of a field given twice, as `JSON.parse` does.
impl Parsed for serde_json::Value {
    fn read<T: DeserializeOwned>(&self) -> Result<T, Mismatch> {
        serde_path_to_error::deserialize(self).map_err(|error| Mismatch {
            path: error.path().to_string(),
            message: error.inner().to_string(),
        })
    }

    fn field(&self, name: &str) -> Option<Self> {
        self.get(name).cloned()
    }
}

/// Host JSON text as values (tests, xtask): `None` when the text is not JSON.
#[cfg(not(target_arch = "wasm32"))]
pub fn host_json(text: &str) -> Option<serde_json::Value> {
    serde_json::from_str(text).ok()
}

/// What serde says, in the words of the programme file's messages: `path` and `message` as
/// a [`Mismatch`] has them. Only the full module shows it: the lite module hands a file
/// with problems over to the full module, so it never formats one.
pub fn explain(mismatch: &Mismatch) -> String {
    let path = match mismatch.path.as_str() {
        "." => "",
        path => path,
    };
    let message = mismatch.message.as_str();
    let what = if path.is_empty() { "the file" } else { path };
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        if let Some((found, expected)) = rest.split_once(", expected ") {
            return format!("{what} must be {expected}, not {}", found_as_written(found));
        }
    }
    // The one value a format refuses for its size: a whole number beyond u32.
    if let Some(rest) = message.strip_prefix("invalid value: ") {
        if let Some((found, _)) = rest.split_once(", expected ") {
            return format!("{what} is too large: {}", found_as_written(found));
        }
    }
    if let Some(field) = between_backticks(message.strip_prefix("missing field ")) {
        return if path.is_empty() {
            format!("{field} is missing")
        } else {
            format!("{path}.{field} is missing")
        };
    }
    if let Some(rest) = message.strip_prefix("unknown field ") {
        let (field, allowed) = rest.split_once(", ").unwrap_or((rest, ""));
        let field = between_backticks(Some(field)).unwrap_or(field);
        let names: Vec<&str> = allowed.split('`').skip(1).step_by(2).collect();
        let mut said = match path.rsplit_once('.') {
            Some((parent, _)) => format!("{parent}: "),
            None => String::new(),
        };
        said.push_str(&format!(
            "unknown field \"{field}\": the fields allowed here are "
        ));
        for (i, name) in names.iter().enumerate() {
            if i > 0 {
                said.push_str(if i + 1 == names.len() { " and " } else { ", " });
            }
            said.push_str(&format!("\"{name}\""));
        }
        return said;
    }
    if path.is_empty() {
        message.to_owned()
    } else {
        format!("{path}: {message}")
    }
}

/// The text between the first two backticks of `text`.
fn between_backticks(text: Option<&str>) -> Option<&str> {
    text?.split('`').nth(1)
}

/// serde's name for a value it found (`integer `5``, `string "x"`, `map`), as the file has it.
fn found_as_written(found: &str) -> String {
    for kind in ["integer ", "floating point ", "boolean "] {
        if let Some(value) = between_backticks(found.strip_prefix(kind)) {
            return value.to_owned();
        }
    }
    match found {
        _ if found.starts_with("string ") => "text in quotes".to_owned(),
        "unit value" | "null" => "null".to_owned(),
        "sequence" => "a list [ … ]".to_owned(),
        "map" => "an object { … }".to_owned(),
        other => other.to_owned(),
    }
}

/// One JSON value that is not a container (or a container, unread), as read by the one
/// visitor every value type here shares: the browser's deserializer is then compiled once
/// for all of them rather than once for each.
enum Scalar {
    Text(String),
    Whole(u64),
    Negative(i64),
    Fraction(f64),
    Bool(bool),
    Null,
    List,
    Object,
}

impl Scalar {
    /// How serde names this value in a message.
    fn unexpected(&self) -> Unexpected<'_> {
        match self {
            Self::Text(text) => Unexpected::Str(text),
            Self::Whole(n) => Unexpected::Unsigned(*n),
            Self::Negative(n) => Unexpected::Signed(*n),
            Self::Fraction(f) => Unexpected::Float(*f),
            Self::Bool(b) => Unexpected::Bool(*b),
            Self::Null => Unexpected::Unit,
            Self::List => Unexpected::Seq,
            Self::Object => Unexpected::Map,
        }
    }

    /// Refuses this value for a field that expects `what`.
    fn refused<E: de::Error>(&self, what: &str) -> E {
        E::invalid_type(self.unexpected(), &what)
    }
}

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Anything;
        impl<'de> Visitor<'de> for Anything {
            type Value = Scalar;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("any value")
            }
            fn visit_str<E: de::Error>(self, text: &str) -> Result<Scalar, E> {
                Ok(Scalar::Text(text.to_owned()))
            }
            fn visit_string<E: de::Error>(self, text: String) -> Result<Scalar, E> {
                Ok(Scalar::Text(text))
            }
            fn visit_u64<E: de::Error>(self, n: u64) -> Result<Scalar, E> {
                Ok(Scalar::Whole(n))
            }
            fn visit_i64<E: de::Error>(self, n: i64) -> Result<Scalar, E> {
                Ok(u64::try_from(n).map_or(Scalar::Negative(n), Scalar::Whole))
            }
            fn visit_f64<E: de::Error>(self, f: f64) -> Result<Scalar, E> {
                Ok(Scalar::Fraction(f))
            }
            fn visit_bool<E: de::Error>(self, b: bool) -> Result<Scalar, E> {
                Ok(Scalar::Bool(b))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Scalar, E> {
                Ok(Scalar::Null)
            }
            fn visit_none<E: de::Error>(self) -> Result<Scalar, E> {
                Ok(Scalar::Null)
            }
            fn visit_some<D: Deserializer<'de>>(self, inner: D) -> Result<Scalar, D::Error> {
                Scalar::deserialize(inner)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Scalar, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(Scalar::List)
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Scalar, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(Scalar::Object)
            }
        }
        // `deserialize_any`: the browser's values then name what they are as serde_json's
        // do (a number as an integer, not as a float).
        deserializer.deserialize_any(Anything)
    }
}

/// A value of one JSON kind and nothing else, read through [`Scalar`]: each `kind => value`
/// arm gives the value, and any other kind is refused as not `what`.
macro_rules! one_kind {
    ($(#[$attr:meta])* $name:ident($inner:ty), $what:literal, $($kind:pat => $value:expr),+ $(,)?) => {
        $(#[$attr])*
        pub struct $name(pub $inner);

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                match Scalar::deserialize(deserializer)? {
                    $($kind => $value.map(Self),)+
                    other => Err(other.refused($what)),
                }
            }
        }
    };
}

one_kind! {
    /// Text: a JSON string, and nothing else.
    #[derive(Clone, Debug, Default, PartialEq, Eq)]
    Text(String), "text in double quotes",
    Scalar::Text(text) => Ok(text),
}

one_kind! {
    /// A whole number from 0 to `u32::MAX`.
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
    Whole(u32), "a whole number",
    Scalar::Whole(n) => u32::try_from(n)
        .map_err(|_| de::Error::invalid_value(Unexpected::Unsigned(n), &"a whole number")),
}

one_kind! {
    /// A time in milliseconds since 1970: a whole number from 0.
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
    Time(u64), "a time (a whole number)",
    Scalar::Whole(n) => Ok(n),
}

one_kind! {
    /// `true` or `false`.
    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
    Flag(bool), "true or false",
    Scalar::Bool(b) => Ok(b),
}

/// A JSON list (`[ … ]`) of `T`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct List<T>(pub Vec<T>);

impl<T> Default for List<T> {
    fn default() -> Self {
        Self(Vec::new())
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for List<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Expect<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for Expect<T> {
            type Value = List<T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a list [ … ]")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<List<T>, A::Error> {
                // JSON's lists are arrays, which come with their length; a value that can only
                // be iterated (serde-wasm-bindgen reads any JS iterable as a list) is not one.
                if seq.size_hint().is_none() {
                    return Err(de::Error::invalid_type(
                        Unexpected::Other("an iterable"),
                        &self,
                    ));
                }
                let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(256));
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(List(items))
            }
        }
        deserializer.deserialize_seq(Expect(PhantomData))
    }
}

/// Refuses a list where an object is expected. serde-wasm-bindgen reads a JS array (any
/// iterable) as a map of `[key, value]` pairs when asked for a map, and only a plain
/// object's fields come with their number: a map that does not know its size is a list.
fn not_a_list<E: de::Error>(expected: &dyn de::Expected) -> E {
    E::invalid_type(Unexpected::Seq, expected)
}

/// A JSON object (`{ … }`) read as the struct `T`: never a list, which serde would otherwise
/// take field by field in order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Object<T>(pub T);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Object<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Expect<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for Expect<T> {
            type Value = Object<T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object { … }")
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Object<T>, A::Error> {
                if map.size_hint().is_none() {
                    return Err(not_a_list(&self));
                }
                T::deserialize(de::value::MapAccessDeserializer::new(map)).map(Object)
            }
        }
        deserializer.deserialize_map(Expect(PhantomData))
    }
}

/// A JSON object read as its (key, value) pairs, in the order given: a short list rather
/// than a map, whose code is a large share of the WebAssembly for the few entries here.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pairs<V>(pub Vec<(String, V)>);

impl<'de, V: Deserialize<'de>> Deserialize<'de> for Pairs<V> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Expect<V>(PhantomData<V>);
        impl<'de, V: Deserialize<'de>> Visitor<'de> for Expect<V> {
            type Value = Pairs<V>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object { … }")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Pairs<V>, A::Error> {
                if map.size_hint().is_none() {
                    return Err(not_a_list(&self));
                }
                let mut pairs = Vec::with_capacity(map.size_hint().unwrap_or(0).min(256));
                while let Some(pair) = map.next_entry()? {
                    pairs.push(pair);
                }
                Ok(Pairs(pairs))
            }
        }
        deserializer.deserialize_map(Expect(PhantomData))
    }
}

/// A value read whatever its type, kept only as text or a whole number: for fields that
/// are ignored when they have another type, as unknown fields are.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Loose {
    Text(String),
    Number(u64),
    #[default]
    Other,
}

impl<'de> Deserialize<'de> for Loose {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(match Scalar::deserialize(deserializer)? {
            Scalar::Text(text) => Self::Text(text),
            Scalar::Whole(n) => Self::Number(n),
            _ => Self::Other,
        })
    }
}

/// That parsed JSON does not fit a format, and nothing more: the error of the lite module's
/// reader, [`read_quietly`]. Its constructors drop what serde hands them, so that neither
/// serde's messages nor the formatting of the value found (a fraction's digits above all,
/// with the standard library's float printing and its tables) is built into the lite module.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unfit;

impl fmt::Display for Unfit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("does not fit")
    }
}

impl std::error::Error for Unfit {}

impl de::Error for Unfit {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Self
    }
    fn invalid_type(_: Unexpected<'_>, _: &dyn de::Expected) -> Self {
        Self
    }
    fn invalid_value(_: Unexpected<'_>, _: &dyn de::Expected) -> Self {
        Self
    }
    fn invalid_length(_: usize, _: &dyn de::Expected) -> Self {
        Self
    }
    fn unknown_variant(_: &str, _: &'static [&'static str]) -> Self {
        Self
    }
    fn unknown_field(_: &str, _: &'static [&'static str]) -> Self {
        Self
    }
    fn missing_field(_: &'static str) -> Self {
        Self
    }
    fn duplicate_field(_: &'static str) -> Self {
        Self
    }
}

impl Mismatch {
    /// A mismatch of the lite module's reader: somewhere in the value, with no message.
    pub fn unexplained() -> Self {
        Self {
            path: ".".to_owned(),
            message: String::new(),
        }
    }
}

/// One parsed JSON value taken apart, as [`read_quietly`] reads it. Numbers are told apart
/// as serde_json tells them: a whole number from 0, a negative whole number, and any other
/// number (the browser's values: a safe integer is whole, as serde-wasm-bindgen has it).
pub enum Shape<N> {
    Null,
    Bool(bool),
    Whole(u64),
    Negative(i64),
    Fraction(f64),
    Text(String),
    List(Vec<N>),
    /// The fields in the order given.
    Object(Vec<(String, N)>),
}

/// Parsed JSON that [`read_quietly`] can read: the browser's `JSON.parse` values in the lite
/// module, serde_json's on the host (where tests check that both readers agree).
pub trait Node: Sized {
    /// Whether it is `null` (or, for the browser's values, `undefined`).
    fn is_null(&self) -> bool;
    /// The value taken apart.
    fn shape(self) -> Shape<Self>;
}

/// Reads `node` as `T`, as [`Parsed::read`] does, taking what the full module's reader takes
/// and refusing what it refuses, but saying only that it does not fit ([`Unfit`]).
pub fn read_quietly<T: DeserializeOwned, N: Node>(node: N) -> Result<T, Unfit> {
    T::deserialize(Quiet(node))
}

/// The deserializer of [`read_quietly`]: one value, with the error that says nothing.
struct Quiet<N>(N);

impl<'de, N: Node> Deserializer<'de> for Quiet<N> {
    type Error = Unfit;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Unfit> {
        match self.0.shape() {
            Shape::Null => visitor.visit_unit(),
            Shape::Bool(b) => visitor.visit_bool(b),
            Shape::Whole(n) => visitor.visit_u64(n),
            Shape::Negative(n) => visitor.visit_i64(n),
            Shape::Fraction(f) => visitor.visit_f64(f),
            Shape::Text(text) => visitor.visit_string(text),
            Shape::List(items) => visitor.visit_seq(Items(items.into_iter())),
            Shape::Object(fields) => visitor.visit_map(Fields {
                fields: fields.into_iter(),
                value: None,
            }),
        }
    }

    /// `null` is `None`; anything else is read as the value.
    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Unfit> {
        if self.0.is_null() {
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    /// A list, and nothing else.
    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Unfit> {
        match self.0.shape() {
            Shape::List(items) => visitor.visit_seq(Items(items.into_iter())),
            _ => Err(Unfit),
        }
    }

    /// An object, and nothing else (never a list read field by field).
    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Unfit> {
        match self.0.shape() {
            Shape::Object(fields) => visitor.visit_map(Fields {
                fields: fields.into_iter(),
                value: None,
            }),
            _ => Err(Unfit),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Unfit> {
        self.deserialize_map(visitor)
    }

    /// Text, and nothing else.
    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Unfit> {
        match self.0.shape() {
            Shape::Text(text) => visitor.visit_string(text),
            _ => Err(Unfit),
        }
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Unfit> {
        self.deserialize_string(visitor)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Unfit> {
        self.deserialize_string(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, Unfit> {
        visitor.visit_newtype_struct(self)
    }

    /// Whatever it is, without looking.
    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Unfit> {
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char bytes byte_buf unit
        unit_struct tuple tuple_struct enum
    }
}

/// A list's items, for [`Quiet`]; each knows its length, as JSON's lists do.
struct Items<N>(std::vec::IntoIter<N>);

impl<'de, N: Node> SeqAccess<'de> for Items<N> {
    type Error = Unfit;

    fn next_element_seed<T: de::DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Unfit> {
        self.0
            .next()
            .map(|item| seed.deserialize(Quiet(item)))
            .transpose()
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.0.len())
    }
}

/// An object's fields, for [`Quiet`], with the value of the key last read.
struct Fields<N> {
    fields: std::vec::IntoIter<(String, N)>,
    value: Option<N>,
}

impl<'de, N: Node> MapAccess<'de> for Fields<N> {
    type Error = Unfit;

    fn next_key_seed<K: de::DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Unfit> {
        let Some((key, value)) = self.fields.next() else {
            return Ok(None);
        };
        self.value = Some(value);
        seed.deserialize(de::value::StringDeserializer::<Unfit>::new(key))
            .map(Some)
    }

    fn next_value_seed<V: de::DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Unfit> {
        match self.value.take() {
            Some(value) => seed.deserialize(Quiet(value)),
            None => Err(Unfit),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.fields.len())
    }
}

/// serde_json's values on the host, for the tests that check [`read_quietly`] against the
/// full module's reader.
impl Node for serde_json::Value {
    fn is_null(&self) -> bool {
        serde_json::Value::is_null(self)
    }

    fn shape(self) -> Shape<Self> {
        use serde_json::Value;
        match self {
            Value::Null => Shape::Null,
            Value::Bool(b) => Shape::Bool(b),
            Value::Number(n) => match (n.as_u64(), n.as_i64()) {
                (Some(whole), _) => Shape::Whole(whole),
                (None, Some(negative)) => Shape::Negative(negative),
                (None, None) => Shape::Fraction(n.as_f64().unwrap_or(f64::NAN)),
            },
            Value::String(text) => Shape::Text(text),
            Value::Array(items) => Shape::List(items),
            Value::Object(fields) => Shape::Object(fields.into_iter().collect()),
        }
    }
}
