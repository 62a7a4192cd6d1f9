//! The configurator's Yew components, one a file: the page (`configurator`), which wires them to
//! the form's reducer, and each field and view, which sends the form's `Action`s up.

mod bundled_field;
mod calendar_box;
mod checked_field;
mod choice;
mod configurator;
mod fetch;
mod instructions;
mod label_overrides;
mod labels_field;
mod language_field;
mod notes_field;
mod preview;
mod send_value;
mod snippet_box;
mod source_fields;
mod theme_field;
mod thing_field;
mod view_field;

pub use configurator::{Configurator, ConfiguratorProps};
pub use fetch::FetchProgramme;
