//! What the page says about one placeholder, as plain text: what the browser services read
//! off the element, and the programme the page gave for it, already read.

use super::error::Unavailable;
use crate::formats::Parsed;
use crate::programme::{Programme, ProgrammeErrors};
use std::rc::Rc;

/// What the page says about one placeholder, read as plain text by the browser edge.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RawEmbed {
    /// `data-programme`, if present.
    pub programme: Option<String>,
    /// `data-thing`, if present.
    pub thing: Option<String>,
    /// The text of the placeholder's own heading line (the first paragraph or heading outside its list).
    pub heading: Option<String>,
    /// The text of each `<li>` when the placeholder holds a list: the prompts in inline mode.
    pub list: Option<Vec<String>>,
    /// `data-lang`, if present.
    pub lang: Option<String>,
    /// The `lang` of the nearest element around the placeholder that has one (the post or page).
    pub page_lang: Option<String>,
    /// `data-theme`, if present.
    pub theme: Option<String>,
    /// Every `data-label-<key>` attribute, as (key, text).
    pub labels: Vec<(String, String)>,
    /// `data-view`, if present.
    pub view: Option<String>,
    /// `data-notes`, if present.
    pub notes: Option<String>,
    /// A programme the page supplied as text (a JSON block, or a file the loader fetched).
    pub supplied: Option<Supplied>,
}

/// A programme the page gave as text: where it came from (`#block-id` or a URL), and the
/// programme read from it, or why there is none.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Supplied {
    pub origin: String,
    pub programme: Result<Rc<Programme>, SupplyError>,
}

/// Why a programme the page gave cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SupplyError {
    /// Its text could not be had.
    Unavailable(Unavailable),
    /// Its text is not a usable programme.
    Broken(ProgrammeErrors),
}

impl Supplied {
    /// Reads the programme from `text` (or keeps why there is no text); `parse_json` turns
    /// text into values (`JSON.parse` in the browser).
    pub fn read<P: Parsed>(
        origin: String,
        text: Result<String, Unavailable>,
        parse_json: impl FnOnce(&str) -> Option<P>,
    ) -> Self {
        let programme = match text {
            Ok(text) => Programme::from_text(&text, parse_json)
                .map(Rc::new)
                .map_err(SupplyError::Broken),
            Err(why) => Err(SupplyError::Unavailable(why)),
        };
        Self { origin, programme }
    }

    /// [`Self::read`] on the host (tests, tools), with the loader's sentence for a failure.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn from_text(origin: &str, text: Result<&str, &str>) -> Self {
        Self::read(
            origin.to_owned(),
            text.map(str::to_owned)
                .map_err(|why| Unavailable::Fetch(why.to_owned())),
            crate::formats::host_json,
        )
    }
}
