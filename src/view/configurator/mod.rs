//! The configurator (www/configure.html): an organiser chooses a programme, a Thing, the view,
//! theme, language and labels; the real widget previews the choice beside the form, and the
//! snippet to paste is shown as text with a copy button and instructions for Blogger and
//! WordPress. The snippet comes from `crate::core::snippet` and the preview is the entry's
//! `mount`: no second implementation of the model.
//!
//! `form` is the state and every change to it, tested on the host; `components` holds the Yew
//! components that show it, one a file, built only into the configurator's module.

pub mod form;

#[cfg(all(target_arch = "wasm32", feature = "configurator"))]
mod components;
#[cfg(all(target_arch = "wasm32", feature = "configurator"))]
pub use components::{Configurator, ConfiguratorProps, FetchProgramme};
