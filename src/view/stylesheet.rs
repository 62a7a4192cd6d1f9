//! The widget's stylesheet as shipped: made by build.rs from src/view/components/widget.css
//! (and, with the full module's parts, widget-extras.css), without comments and layout white
//! space.

use crate::view::seam;

/// The stylesheet of this build: the checklist and its notices, and in the full module the
/// overview, notes and panels too.
pub const CSS: &str = if seam::FULL { FULL_CSS } else { LITE_CSS };

/// The lite module's stylesheet: the checklist and its notices.
pub const LITE_CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/widget.css"));

/// The full module's stylesheet: the checklist's, then the overview, notes and panels.
pub const FULL_CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/widget-full.css"));
