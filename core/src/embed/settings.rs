//! A placeholder's settings (`data-theme`, `data-view`, `data-notes`): read the same way,
//! each with its fallback, and what was not understood reported, never fatal.

use std::fmt;

/// What a widget shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum View {
    /// One Thing's questions.
    #[default]
    Checklist,
    /// Every Thing of the programme with the reader's progress on each.
    Overview,
}

/// The colours a widget uses.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    /// Follows the page: light or dark from its background, else the reader's preference.
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    /// The value for the widget's `data-theme`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Auto => "auto",
            Self::Light => "light",
            Self::Dark => "dark",
        }
    }
}

/// A placeholder attribute that takes one of a few values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Setting {
    Theme,
    View,
    Notes,
}

/// Something on the placeholder the widget could not use, and what it did instead; the
/// widget still works. For the page's author, in the console.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Warning {
    /// A setting with a value it does not take.
    Setting(Setting, String),
    /// The programme's time zone is not one the browser knows.
    UnknownTimeZone { zone: String, programme: String },
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Setting(Setting::Theme, value) => write!(
                f,
                "data-theme=\"{value}\" is not a theme: use auto, light or dark. Using auto."
            ),
            Self::Setting(Setting::View, value) => write!(
                f,
                "data-view=\"{value}\" is not a view: use checklist or overview. Showing the checklist."
            ),
            Self::Setting(Setting::Notes, value) => write!(
                f,
                "data-notes=\"{value}\" is not a setting: use on (a notes box under each question) or off. Notes are off."
            ),
            Self::UnknownTimeZone { zone, programme } => write!(
                f,
                "The time zone \"{zone}\" of \"{programme}\" is not known to this browser: using the reader's own."
            ),
        }
    }
}

/// The settings of one placeholder.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Settings {
    pub theme: Theme,
    pub view: View,
    /// A box for the reader's private notes under each question.
    pub notes: bool,
}

impl Settings {
    /// Reads the three attributes (each absent, or as written); what is not understood is
    /// pushed to `warnings` and its default used.
    pub fn read(
        theme: Option<&str>,
        view: Option<&str>,
        notes: Option<&str>,
        warnings: &mut Vec<Warning>,
    ) -> Self {
        use Theme::{Auto, Dark, Light};
        Self {
            theme: choose(
                theme,
                Setting::Theme,
                &[("auto", Auto), ("light", Light), ("dark", Dark)],
                warnings,
            ),
            view: choose(
                view,
                Setting::View,
                &[("checklist", View::Checklist), ("overview", View::Overview)],
                warnings,
            ),
            notes: choose(
                notes,
                Setting::Notes,
                &[("off", false), ("on", true)],
                warnings,
            ),
        }
    }
}

/// The choice `value` names, case and surrounding space aside; none, or an empty value, is
/// the default, and a value that names none is reported and the default used.
fn choose<T: Copy + Default>(
    value: Option<&str>,
    setting: Setting,
    choices: &[(&str, T)],
    warnings: &mut Vec<Warning>,
) -> T {
    let Some(value) = value
        .map(|v| v.trim().to_ascii_lowercase())
        .filter(|v| !v.is_empty())
    else {
        return T::default();
    };
    match choices.iter().find(|(name, _)| *name == value) {
        Some((_, choice)) => *choice,
        None => {
            warnings.push(Warning::Setting(setting, value));
            T::default()
        }
    }
}
