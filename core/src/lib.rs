//! The pure core (the crate `thing-prompts-core`): plain Rust with no browser in it, tested on
//! the host with `cargo test`. Its manifest lists no web crate, and the widget names it `core`.
//! It takes what it needs as arguments (today's date, stored text already parsed, what a
//! placeholder says) and returns data; the view turns that data into words.

pub mod backup;
pub mod calendar;
pub mod colour;
pub mod date;
pub mod device_link;
pub mod embed;
pub mod formats;
pub mod json_syntax;
pub mod languages;
mod order;
pub mod outline;
mod percent;
pub mod post_link;
pub mod programme;
pub mod progress;
pub mod prompt_id;
pub mod record;
pub mod record_files;
pub use programme::schedule;
pub mod snippet;
