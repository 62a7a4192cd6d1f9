//! The widget's stylesheet as shipped: made by build.rs from src/components/widget.css (and,
//! with the full module's parts, widget-extras.css), without comments and layout white space.

/// The lite module's stylesheet: the checklist and its notices.
#[cfg(not(feature = "extras"))]
pub const CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/widget.css"));

/// The full module's stylesheet: the checklist's, then the overview, notes and panels.
#[cfg(feature = "extras")]
pub const CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/widget-full.css"));
