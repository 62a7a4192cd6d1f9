//! Thing Prompts: the questions of a "23 Things" course as a checklist inside blog posts.
//!
//! The pure core (programme, schedule, progress, embed contract) builds and is tested on
//! the host; the browser edge and the view exist only on wasm32.

pub mod backup;
pub mod colour;
pub mod date;
pub mod embed;
pub mod i18n;
pub mod json;
mod order;
pub mod outline;
pub mod programme;
pub mod progress;
pub mod prompt_id;
pub mod schedule;
pub mod snippet;
pub mod stylesheet;

#[cfg(target_arch = "wasm32")]
mod components;
#[cfg(target_arch = "wasm32")]
mod hooks;
#[cfg(target_arch = "wasm32")]
mod web;
