//! A programme file as written, before its values are checked: the format that
//! docs/programmes.md describes, field for field, read by serde.

use crate::formats::{Flag, List, Object, Text, Whole};
use serde::Deserialize;

/// The whole file. Unknown fields are refused here and below: a misspelt "promts" must not
/// quietly leave a Thing without questions.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct ProgrammeFile {
    /// Lets an editor find the JSON Schema; not used here.
    #[serde(rename = "$schema")]
    pub schema: Option<Text>,
    pub format: Whole,
    pub id: Text,
    pub title: Text,
    pub language: Option<Text>,
    pub time_zone: Option<Text>,
    pub schedule: Option<Object<ScheduleFile>>,
    /// May be left out, but not be `null`.
    #[serde(default)]
    pub things: List<Object<ThingFile>>,
}

#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct ScheduleFile {
    pub start: Option<Text>,
    pub interval_days: Option<Whole>,
    #[serde(default)]
    pub catch_up: List<Text>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ThingFile {
    pub number: Whole,
    pub title: Text,
    pub link: Option<Text>,
    pub release: Option<Text>,
    #[serde(default)]
    pub prompts: List<Object<PromptFile>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PromptFile {
    pub id: Option<Text>,
    pub text: Text,
    #[serde(default)]
    pub optional: Flag,
}
