//! What several test files share: resolving a placeholder as the widget does, and the
//! widget's words for the result, as the view makes them; the Rust files below a folder.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::ops::{Deref, DerefMut};
use std::path::{Path, PathBuf};
use thing_prompts::core::date::CivilDate;
use thing_prompts::core::embed::{self, Clock, EmbedError, ProgrammeLookup, RawEmbed, WidgetModel};
use thing_prompts::core::programme::{bundled_source, Programme, ProgrammeErrors};
use thing_prompts::view::i18n::Labels;
use thing_prompts::view::words::Words;

/// A resolved placeholder with what the view says for it: the model's fields through
/// `Deref`, and the words, labels and warnings as the reader and the console get them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shown {
    pub model: WidgetModel,
    pub kicker: Option<String>,
    pub title: String,
    pub week: Option<String>,
    pub notice: Option<String>,
    pub labels: Labels,
    /// The model's warnings and the labels' (language, rewordings), as logged.
    pub warnings: Vec<String>,
}

impl Deref for Shown {
    type Target = WidgetModel;
    fn deref(&self) -> &WidgetModel {
        &self.model
    }
}

impl DerefMut for Shown {
    fn deref_mut(&mut self) -> &mut WidgetModel {
        &mut self.model
    }
}

pub fn shown(model: WidgetModel) -> Shown {
    let (labels, label_warnings) = Labels::for_wording(&model.wording);
    let words = Words::of(&model, &labels);
    let mut warnings: Vec<String> = model.warnings.iter().map(ToString::to_string).collect();
    warnings.extend(label_warnings.iter().map(ToString::to_string));
    Shown {
        model,
        kicker: words.kicker,
        title: words.title,
        week: words.week,
        notice: words.notice,
        labels,
        warnings,
    }
}

/// Works out what a placeholder shows when it is `today` everywhere.
pub fn resolve(
    raw: &RawEmbed,
    today: CivilDate,
    lookup: ProgrammeLookup<'_>,
) -> Result<Shown, EmbedError> {
    resolve_at(raw, &|_| Ok(today), lookup)
}

/// Works out what a placeholder shows, with today's date where the course is.
pub fn resolve_at(
    raw: &RawEmbed,
    clock: Clock<'_>,
    lookup: ProgrammeLookup<'_>,
) -> Result<Shown, EmbedError> {
    embed::resolve_at(raw.clone(), clock, lookup).map(shown)
}

/// The bundled programmes, read on demand.
pub fn bundled_programme(id: &str) -> Option<Result<Programme, ProgrammeErrors>> {
    bundled_source(id).map(Programme::from_json)
}

/// Adds every `.rs` file below `dir`, in folders too, to `found` (the tests that read the
/// sources: layers, the build switch, import circles).
pub fn sources(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("a source folder") {
        let path = entry.expect("a folder entry").path();
        if path.is_dir() {
            sources(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}
