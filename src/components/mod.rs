//! The view: small function components, one per file, rendering text only.

pub mod app;
#[cfg(feature = "extras")]
pub mod backup_panel;
pub mod checklist;
#[cfg(feature = "configurator")]
pub mod configurator;
#[cfg(feature = "extras")]
pub mod error_notice;
#[cfg(feature = "extras")]
pub mod outline_panel;
#[cfg(feature = "extras")]
pub mod overview;
#[cfg(feature = "extras")]
pub mod overview_list;
pub mod progress_line;
pub mod prompt_item;
