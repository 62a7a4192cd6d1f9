//! The seam between the two modules: the one place in the view that reads which module this
//! build is. The lite module is the first download, the checklist; the full one (feature
//! `extras`, `crate::FULL`) adds the backup panel, the outline ("Start my post"), the course
//! overview, the course calendar, notes, the Safari reminder to take a backup and the messages
//! for page authors. A page fetches the full module when it needs one of them.
//!
//! Nothing here names a component, so any file of the view may ask it without a loop. The
//! answer is a constant, so the lite build drops whatever it guards. Two kinds of file ask:
//! - `view::root` (the root component and the decisions made before it mounts) and
//!   `view::parts` (what the checklist shows of the full module's parts), which hold the
//!   two versions side by side, so that the components never test the build themselves;
//! - the tables of what each module carries: the label table (`i18n`: a full module's label
//!   is empty in the lite one) and the stylesheet (`stylesheet`).

/// Whether this build is the full module.
pub const FULL: bool = crate::FULL;

/// The lite module, as a type: `view::root` gives it its versions.
pub struct Lite;

/// The full module, as a type.
pub struct Full;

/// This build, as a type: where a version must be a type (the root component), `view::root`
/// implements it for [`Lite`] and [`Full`] and takes this one's.
#[cfg(feature = "extras")]
pub type Build = Full;
#[cfg(not(feature = "extras"))]
pub type Build = Lite;
