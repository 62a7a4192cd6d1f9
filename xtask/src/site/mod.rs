//! Test sites and drivers: the static server of the demo, the tests and the benchmark; the
//! test runner (`cargo xtask test`, `browser`, `webkit`, `test-wordpress`); Chromium, Firefox
//! and WebKit and their drivers; a real WordPress; the plugin's code checks; the dependency
//! and workflow checks. They build with `build`, never the other way round.

pub mod bench;
mod deny;
mod driver;
mod firefox;
mod plugin_checks;
pub mod serve;
pub mod test;
mod tools;
mod webkit;
mod wordpress;
mod workflows;
