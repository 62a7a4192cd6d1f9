//! What the configurator's form holds, every change an organiser can make to it, and what
//! follows from it (the snippet's options, the preview, the problems beside a field): a plain
//! reducer, tested on the host (the page wraps it in Yew's `use_reducer`).

use crate::core::embed::{Theme, ThingChoice, View};
use crate::core::formats::Parsed;
use crate::core::programme::{Programme, ProgrammeErrors};
use crate::core::snippet::{self, Options, Placeholder, Snippet, Source};
use crate::view::i18n::{Label, Lang, LABELS};
use std::collections::BTreeMap;
use std::rc::Rc;

/// A programme file's text, or why it could not be had.
pub type Fetched = Result<String, String>;

/// The programme files fetched so far, by bundled id or by address.
pub type Files = BTreeMap<String, Fetched>;

/// Where the widget gets the programme from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceKind {
    Bundled,
    Pasted,
    Url,
}

/// The blog platform whose instructions are shown under the snippet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Platform {
    Blogger,
    WordPress,
}

/// What the copy button last did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CopyOutcome {
    Copied,
    Refused,
}

impl CopyOutcome {
    /// What the copy did, from whether the browser took the text.
    pub fn of(copied: bool) -> Self {
        if copied {
            Self::Copied
        } else {
            Self::Refused
        }
    }

    /// The status line under the snippet.
    pub fn message(self) -> &'static str {
        match self {
            Self::Copied => "Copied: paste it into your post as the instructions below say.",
            Self::Refused => {
                "This browser would not copy it: select the snippet above and copy it."
            }
        }
    }
}

/// Everything the organiser chose, and the programme files fetched so far.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Form {
    pub source: SourceKind,
    /// The bundled programme's id.
    pub bundled: String,
    pub pasted: String,
    /// The address typed, and the one last asked for (fetched on change, not on each key).
    pub url: String,
    pub url_asked: String,
    pub thing: ThingChoice,
    pub view: View,
    pub notes: bool,
    pub theme: Theme,
    /// `data-lang`: a language tag, or empty for the post's language.
    pub lang: String,
    /// The label whose wording the "Your wording" field edits.
    pub label_key: String,
    /// The reworded labels as (key, text), in the order they were first typed.
    pub labels: Vec<(String, String)>,
    pub platform: Platform,
    pub copied: Option<CopyOutcome>,
    /// Shared, so that a change to another field does not copy the programme texts.
    pub files: Rc<Files>,
}

impl Default for Form {
    fn default() -> Self {
        Self {
            source: SourceKind::Bundled,
            bundled: "cpd23-2012".into(),
            pasted: String::new(),
            url: String::new(),
            url_asked: String::new(),
            thing: ThingChoice::Number(12),
            view: View::Checklist,
            notes: false,
            theme: Theme::Auto,
            lang: String::new(),
            label_key: "answered".into(),
            labels: Vec::new(),
            platform: Platform::Blogger,
            copied: None,
            files: Rc::default(),
        }
    }
}

/// A change to the form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// One of the three programme sources was picked.
    PickSource(SourceKind),
    /// A bundled course was picked, by id.
    PickCourse(String),
    /// The pasted programme's JSON was edited.
    TypeProgramme(String),
    /// The programme file's address was edited (not fetched yet).
    TypeUrl(String),
    /// The address was committed (the field's change or the Load button): fetch it.
    LoadUrl(String),
    /// A programme file arrived, under its bundled id or its address.
    FileArrived {
        key: String,
        file: Fetched,
    },
    PickThing(ThingChoice),
    PickView(View),
    /// The notes checkbox was clicked.
    ToggleNotes,
    PickTheme(Theme),
    /// A language tag, or empty for the post's language.
    PickLanguage(String),
    /// The label to reword was picked, by key.
    PickLabel(String),
    /// The wording of the picked label was edited; empty removes it.
    TypeLabel(String),
    /// A reworded label's Remove button, by key.
    RemoveLabel(String),
    PickPlatform(Platform),
    Copied(CopyOutcome),
}

/// What stops a programme from being used, shown beside its field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProgrammeProblem {
    /// The file could not be had: the loader's message.
    Unavailable(String),
    /// The text is not a valid programme: every problem found.
    Invalid(ProgrammeErrors),
}

/// What the preview mounts: the snippet's placeholder and the programme text the loader
/// would pass with it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PreviewMount {
    pub placeholder: Placeholder,
    pub source: SourceKind,
    pub text: Option<Fetched>,
}

impl PreviewMount {
    /// The programme's text and why there is none, as the loader passes them to `mount`; a
    /// pasted programme is inside the placeholder, so nothing is passed for it.
    pub fn loader_passes(&self) -> (Option<String>, Option<String>) {
        match (self.source, &self.text) {
            (SourceKind::Pasted, _) | (_, None) => (None, None),
            (_, Some(Ok(text))) => (Some(text.clone()), None),
            (_, Some(Err(error))) => (None, Some(error.clone())),
        }
    }
}

impl Form {
    /// The form after `action`.
    pub fn reduce(&self, action: Action) -> Self {
        let mut next = self.clone();
        match action {
            Action::PickSource(source) => next.source = source,
            Action::PickCourse(id) => next.bundled = id,
            Action::TypeProgramme(json) => next.pasted = json,
            Action::TypeUrl(url) => next.url = url,
            Action::LoadUrl(url) => next.url_asked = url.trim().to_owned(),
            Action::FileArrived { key, file } => {
                Rc::make_mut(&mut next.files).insert(key, file);
            }
            Action::PickThing(thing) => next.thing = thing,
            Action::PickView(view) => next.view = view,
            Action::ToggleNotes => next.notes = !next.notes,
            Action::PickTheme(theme) => next.theme = theme,
            Action::PickLanguage(lang) => next.lang = lang,
            Action::PickLabel(key) => next.label_key = key,
            Action::TypeLabel(text) => {
                let key = next.label_key.clone();
                next.labels.retain(|(k, _)| *k != key);
                if !text.is_empty() {
                    next.labels.push((key, text));
                }
            }
            Action::RemoveLabel(key) => next.labels.retain(|(k, _)| *k != key),
            Action::PickPlatform(platform) => next.platform = platform,
            Action::Copied(outcome) => next.copied = Some(outcome),
        }
        // Any change but the copy itself makes the last copy message stale.
        if next.copied.is_some() && *self != next && self.copied == next.copied {
            next.copied = None;
        }
        next
    }

    /// What the source's field holds: the course's id, the pasted JSON or the address typed.
    pub fn entered(&self) -> &str {
        match self.source {
            SourceKind::Bundled => &self.bundled,
            SourceKind::Pasted => &self.pasted,
            SourceKind::Url => &self.url,
        }
    }

    /// The programme's text as it stands: `None` while it is being fetched.
    pub fn programme_text(&self) -> Option<Fetched> {
        match self.source {
            SourceKind::Bundled => self.files.get(&self.bundled).cloned(),
            SourceKind::Pasted => Some(Ok(self.pasted.clone())),
            SourceKind::Url if self.url_asked.trim().is_empty() => None,
            SourceKind::Url => self.files.get(self.url_asked.trim()).cloned(),
        }
    }

    /// The address to fetch now: the one asked for, unless it is empty or already here.
    pub fn url_to_fetch(&self) -> Option<String> {
        let url = self.url_asked.trim();
        (!url.is_empty() && !self.files.contains_key(url)).then(|| url.to_owned())
    }

    /// The Thing the snippet names: the chosen one when the programme has it, else its first.
    pub fn thing_in(&self, programme: Option<&Programme>) -> ThingChoice {
        match (self.thing, programme) {
            (ThingChoice::Number(n), Some(p)) if p.thing(n).is_none() => p
                .things
                .first()
                .map_or(self.thing, |t| ThingChoice::Number(t.number)),
            _ => self.thing,
        }
    }

    /// The snippet's options; `programme` is the chosen programme when it could be read.
    pub fn options(&self, programme: Option<&Programme>, loader_url: &str) -> Options {
        let source = match self.source {
            SourceKind::Bundled => Source::Bundled(self.bundled.clone()),
            SourceKind::Pasted => Source::Pasted(self.pasted.clone()),
            SourceKind::Url => Source::Url(self.url_asked.trim().to_owned()),
        };
        Options {
            source,
            thing: self.thing_in(programme),
            view: self.view,
            theme: self.theme,
            lang: Some(self.lang.clone()),
            labels: self.labels.clone(),
            loader_url: loader_url.to_owned(),
            notes: self.notes,
        }
    }

    /// The snippet to paste, as `crate::core::snippet` writes it for this form.
    pub fn snippet(&self, programme: Option<&Programme>, loader_url: &str) -> Snippet {
        snippet::build(&self.options(programme, loader_url), programme, |key| {
            Label::from_key(key).is_some()
        })
    }

    /// What the preview mounts for `placeholder` (the snippet's).
    pub fn preview(&self, placeholder: Placeholder) -> PreviewMount {
        PreviewMount {
            placeholder,
            source: self.source,
            text: self.programme_text(),
        }
    }

    /// Why the preview is empty, when there is nothing to show yet.
    pub fn waiting(&self) -> Option<&'static str> {
        match (self.source, self.programme_text()) {
            (SourceKind::Url, None) if self.url_asked.trim().is_empty() => {
                Some("Enter the address of a programme file to see it here.")
            }
            (SourceKind::Pasted, _) if self.pasted.trim().is_empty() => {
                Some("Paste a programme's JSON to see it here.")
            }
            (_, None) => Some("Loading the programme…"),
            _ => None,
        }
    }

    /// What to say beside the source's field; `invalid` is what reading its text found.
    pub fn problem(&self, invalid: Option<&ProgrammeErrors>) -> Option<ProgrammeProblem> {
        match (self.source, self.programme_text()) {
            (SourceKind::Bundled, Some(Err(error))) => Some(ProgrammeProblem::Unavailable(error)),
            (SourceKind::Bundled, _) => None,
            (SourceKind::Pasted, _) if self.pasted.trim().is_empty() => None,
            (_, Some(Err(error))) => Some(ProgrammeProblem::Unavailable(error)),
            (_, Some(Ok(_))) => invalid.cloned().map(ProgrammeProblem::Invalid),
            (_, None) => None,
        }
    }

    /// The wording typed for the picked label (empty: the widget's own).
    pub fn label_text(&self) -> String {
        self.labels
            .iter()
            .find(|(k, _)| *k == self.label_key)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    }

    /// The picked label's own text in the chosen language (English for the post's).
    pub fn label_default(&self) -> &'static str {
        let lang = Lang::from_tag(&self.lang).unwrap_or_default();
        LABELS
            .iter()
            .find(|l| l.key() == self.label_key)
            .map(|l| l.text(lang))
            .unwrap_or_default()
    }
}

/// The programme in `text`, when there is text: read with `parse_json` (the browser's
/// `JSON.parse` in the page) and validated.
pub fn read_programme<P: Parsed>(
    text: Option<&Fetched>,
    parse_json: impl FnOnce(&str) -> Option<P>,
) -> Option<Result<Programme, ProgrammeErrors>> {
    match text {
        Some(Ok(text)) => Some(Programme::from_text(text, parse_json)),
        _ => None,
    }
}

/// A bundled course's name in the list: its title once its file is here, else its id.
pub fn course_title<P: Parsed>(
    files: &Files,
    id: &str,
    parse_json: impl FnOnce(&str) -> Option<P>,
) -> String {
    match read_programme(files.get(id), parse_json) {
        Some(Ok(programme)) => programme.title,
        _ => id.to_owned(),
    }
}

/// The Thing a value of the Thing list names: a number, else this week's.
pub fn thing_named(value: &str) -> ThingChoice {
    value
        .parse()
        .map_or(ThingChoice::Current, ThingChoice::Number)
}

/// The theme a value of the theme list names (`data-theme`'s own values).
pub fn theme_named(value: &str) -> Theme {
    match value {
        "light" => Theme::Light,
        "dark" => Theme::Dark,
        _ => Theme::Auto,
    }
}
