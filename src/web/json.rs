//! JSON in the browser: text becomes values with the browser's own `JSON.parse`, values
//! become typed data with serde-wasm-bindgen, and typed data goes back the same way.

use crate::core::formats::{Mismatch, Parsed};
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::JsValue;

/// The values of JSON text, or `None` when it is not JSON.
pub fn parse(text: &str) -> Option<JsValue> {
    js_sys::JSON::parse(text).ok()
}

impl Parsed for JsValue {
    /// With the path of a mismatch in the full module, which has the words to tell it; the
    /// lite module only needs to know that the data does not fit (and hands the placeholder
    /// over), and path tracking is most of serde's code there.
    fn read<T: DeserializeOwned>(&self) -> Result<T, Mismatch> {
        let values = serde_wasm_bindgen::Deserializer::from(self.clone());
        if crate::FULL {
            serde_path_to_error::deserialize(values).map_err(|error| Mismatch {
                path: error.path().to_string(),
                message: as_serde_json_says(&error.inner().to_string()),
            })
        } else {
            T::deserialize(values).map_err(|error| Mismatch {
                path: String::new(),
                message: error.to_string(),
            })
        }
    }

    fn field(&self, name: &str) -> Option<Self> {
        // `Reflect.get` throws on values that are not objects.
        js_sys::Reflect::get(self, &JsValue::from_str(name))
            .ok()
            .filter(|value| !value.is_undefined())
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
