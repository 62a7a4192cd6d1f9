//! Hooks that connect components to the browser edge.

pub mod use_progress;
