//! Thing Prompts: the questions of a "23 Things" course as a checklist inside blog posts.
//!
//! Four rooms, each using only those below it: `entry` (what the loader calls), `view` (Yew
//! components, and the words), `web` (browser services) and `core` (plain Rust, tested on the
//! host). See docs/ARCHITECTURE.md.

/// Words for a page author: what is wrong with a placeholder or a programme and what to do.
/// `format!` in the full module; an empty string in the lite module, which hands every
/// placeholder with something to say over to the full module (see `web::mount`), so that
/// the first download carries none of these words.
#[cfg(feature = "extras")]
macro_rules! says {
    ($($arg:tt)*) => {
        format!($($arg)*)
    };
}
#[cfg(not(feature = "extras"))]
macro_rules! says {
    ($($arg:tt)*) => {{
        // Never called: it only keeps the values "used", as they are in the full module.
        let _words = || format!($($arg)*);
        String::new()
    }};
}

/// Whether this build is the full module (feature `extras`): the backup panel, the outline,
/// the course overview, notes and the messages for page authors. The lite module, the first
/// download, is the checklist alone. `view::extras` holds what the view does differently.
pub const FULL: bool = cfg!(feature = "extras");

pub mod core;
#[cfg(target_arch = "wasm32")]
mod entry;
pub mod view;
#[cfg(target_arch = "wasm32")]
pub mod web;
