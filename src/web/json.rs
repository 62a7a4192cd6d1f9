//! JSON in the browser: text becomes values with the browser's own `JSON.parse`, values
//! become typed data (with serde-wasm-bindgen in the full module, with
//! `core::formats::read_quietly` in the lite one), and typed data goes back to JS values with
//! serde-wasm-bindgen and to text with `JSON.stringify`.

use crate::core::formats::{read_quietly, Mismatch, Node, Parsed, Shape};
use js_sys::{Array, Number, Object};
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::{JsCast, JsValue};

/// Values made by the browser's `JSON.parse`. A type of this crate, because the core is a crate
/// of its own: its traits [`Parsed`] and [`Node`] can be given to a type of ours, not to
/// wasm-bindgen's `JsValue` (Rust's orphan rule).
#[repr(transparent)]
pub struct Json(JsValue);

/// The values of JSON text, or `None` when it is not JSON.
pub fn parse(text: &str) -> Option<Json> {
    js_sys::JSON::parse(text).ok().map(Json)
}

impl Parsed for Json {
    /// The one place where the two modules read differently. The full module reads with
    /// serde-wasm-bindgen and the path of a mismatch, and keeps serde's words, which it tells
    /// the page's author. The lite module only needs to know that the data does not fit (it
    /// hands the placeholder over), so it reads with [`read_quietly`], which builds no message:
    /// path tracking, serde's messages and the printing of the value found (floats above all)
    /// are then not in the first download.
    ///
    /// This is the one reading of the build switch outside the view's seam (`view::seam`),
    /// and it reads the crate's own constant: the browser services sit below the view and never
    /// ask it. Nor could the view hand the choice down as a value: storage and other tabs'
    /// writes are read here without the view, and a choice made at run time would put both
    /// readers, and serde's messages, into the lite module.
    fn read<T: DeserializeOwned>(&self) -> Result<T, Mismatch> {
        if crate::FULL {
            let values = serde_wasm_bindgen::Deserializer::from(self.0.clone());
            serde_path_to_error::deserialize(values).map_err(|error| Mismatch {
                path: error.path().to_string(),
                message: as_serde_json_says(&error.inner().to_string()),
            })
        } else {
            read_quietly(Json(self.0.clone())).map_err(|_| Mismatch::unexplained())
        }
    }

    fn field(&self, name: &str) -> Option<Self> {
        // `Reflect.get` throws on values that are not objects.
        js_sys::Reflect::get(&self.0, &JsValue::from_str(name))
            .ok()
            .filter(|value| !value.is_undefined())
            .map(Json)
    }
}

/// `JSON.parse`'s values taken apart for the lite module's reader, as serde-wasm-bindgen
/// takes them for the full module's: `null` and `undefined` alike, a safe integer as a whole
/// number (so `1.0`, which JSON.parse makes 1, is one), an object's fields in their order
/// (`Object.entries`). JSON.parse gives nothing else; anything else would read as `null`.
impl Node for Json {
    fn is_null(&self) -> bool {
        self.0.is_null() || self.0.is_undefined()
    }

    fn shape(self) -> Shape<Self> {
        let Json(value) = self;
        if let Some(b) = value.as_bool() {
            Shape::Bool(b)
        } else if let Some(n) = value.as_f64() {
            match Number::is_safe_integer(&value) {
                true if n >= 0.0 => Shape::Whole(n as u64),
                true => Shape::Negative(n as i64),
                false => Shape::Fraction(n),
            }
        } else if let Some(text) = value.as_string() {
            Shape::Text(text)
        } else if Array::is_array(&value) {
            Shape::List(
                value
                    .unchecked_into::<Array>()
                    .to_vec()
                    .into_iter()
                    .map(Json)
                    .collect(),
            )
        } else if value.is_object() {
            let entries = Object::entries(value.unchecked_ref());
            let mut fields = Vec::with_capacity(entries.length() as usize);
            for pair in entries.iter() {
                let pair = pair.unchecked_into::<Array>();
                if let Some(key) = pair.get(0).as_string() {
                    fields.push((key, Json(pair.get(1))));
                }
            }
            Shape::Object(fields)
        } else {
            Shape::Null
        }
    }
}

/// serde-wasm-bindgen's account of a mismatch in serde_json's words, so that a page author
/// reads the same in the browser as the tests check on the host: its errors are JS `Error`s,
/// and it names every number a float (`floating point `5.0``) and any other value by its JS
/// form (`JsValue(Object(…))`).
fn as_serde_json_says(message: &str) -> String {
    // The message of a JS `Error`, which shows as "Error: …".
    let message = message.strip_prefix("Error: ").unwrap_or(message);
    let Some((before, rest)) = message.split_once("invalid type: ") else {
        return message.to_owned();
    };
    let (found, after) = rest.split_once(", expected ").unwrap_or((rest, ""));
    let whole = found
        .strip_prefix("floating point `")
        .and_then(|n| n.strip_suffix(".0`"))
        .filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit() || b == b'-'));
    let found = match whole {
        Some(n) => format!("integer `{n}`"),
        None if found.starts_with("JsValue(Object(") => "map".to_owned(),
        None if found.starts_with("JsValue([") => "sequence".to_owned(),
        None => found.to_owned(),
    };
    format!("{before}invalid type: {found}, expected {after}")
}

/// `data` as JS values: objects for maps, as JSON has them.
pub fn to_value(data: &impl Serialize) -> Option<JsValue> {
    data.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .ok()
}

/// `data` as compact JSON text (`JSON.stringify`).
pub fn stringify(data: &impl Serialize) -> Option<String> {
    js_sys::JSON::stringify(&to_value(data)?)
        .ok()
        .and_then(|text| text.as_string())
}

/// `data` as JSON text indented by two spaces, one field or item a line (backup files).
pub fn stringify_pretty(data: &impl Serialize) -> Option<String> {
    js_sys::JSON::stringify_with_replacer_and_space(
        &to_value(data)?,
        &JsValue::NULL,
        &JsValue::from_f64(2.0),
    )
    .ok()
    .and_then(|text| text.as_string())
}
