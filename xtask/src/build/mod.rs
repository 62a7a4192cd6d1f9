//! Building and releasing: the WebAssembly modules and dist/ (`cargo xtask dist`), the release
//! files (`cargo xtask release`) and the plugin's translations (`cargo xtask translations`).
//! Nothing here knows of the test sites in `site`.

pub mod archive;
pub mod dist;
mod names;
pub mod plugin;
mod programmes;
pub mod release;
pub mod tools;
pub mod translations;
