//! The languages the widget speaks, listed once. The configurator's language field, the
//! WordPress plugin (`cargo xtask translations` writes `includes/languages.php` and picks the
//! locales of its translations from here) and the tests read this list; the words of each
//! language are the view's (`Lang` in `src/view/i18n.rs`), and `tests/i18n.rs` fails when the
//! two lists differ.

/// One language of the widget's buttons and messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Language {
    /// Its primary BCP 47 tag, lower case: what `data-lang` names and the widget's `lang`
    /// attribute says.
    pub tag: &'static str,
    /// Its name written in itself, for the lists one picks a language from.
    pub name: &'static str,
    /// The WordPress locale the plugin's own strings are translated for; `None` for English,
    /// the language those strings are written in.
    pub wordpress_locale: Option<&'static str>,
}

/// Every language, in the order the pickers show them (English first, the default).
pub const LANGUAGES: &[Language] = &[
    Language {
        tag: "en",
        name: "English",
        wordpress_locale: None,
    },
    Language {
        tag: "fr",
        name: "Français",
        wordpress_locale: Some("fr_FR"),
    },
    Language {
        tag: "de",
        name: "Deutsch",
        wordpress_locale: Some("de_DE"),
    },
    Language {
        tag: "es",
        name: "Español",
        wordpress_locale: Some("es_ES"),
    },
];

/// The WordPress locales the plugin's translations are made for, in the list's order.
pub fn wordpress_locales() -> impl Iterator<Item = &'static str> {
    LANGUAGES
        .iter()
        .filter_map(|language| language.wordpress_locale)
}
