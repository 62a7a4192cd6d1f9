//! The view: Yew function components in a shadow root, text only, and the words they show
//! (the label table). The state that has rules (a checklist's, the configurator's form) is a
//! plain reducer, tested on the host; the components exist only on wasm32.

pub mod checklist_state;
pub mod configurator;
pub mod i18n;
pub mod seam;
pub mod stylesheet;
pub mod widget;
pub mod words;

#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod hooks;
#[cfg(target_arch = "wasm32")]
pub mod parts;
#[cfg(target_arch = "wasm32")]
pub mod root;
