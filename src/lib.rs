//! Thing Prompts: the questions of a "23 Things" course as a checklist inside blog posts.
//!
//! The pure core (programme, schedule, progress, embed contract) builds and is tested on
//! the host; the browser edge and the view exist only on wasm32.

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

pub mod backup;
pub mod checklist_state;
pub mod colour;
pub mod date;
pub mod embed;
pub mod formats;
pub mod i18n;
pub mod json_syntax;
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
