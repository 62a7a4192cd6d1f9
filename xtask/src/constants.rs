//! The names both halves of xtask agree on: the files the build puts in dist/, the npm
//! package's name, the plugin's folder, and the WebAssembly features of the release build.

/// The loader, then the lite module a page fetches first (glue, WebAssembly), then the full
/// module it fetches only when a reader opens a rarely used part (backup, course overview),
/// then the configurator's module (www/configure.html; no blog page fetches it).
pub const FILES: [&str; 7] = [
    "thing-prompts.js",
    "thing-prompts-wasm.js",
    "thing-prompts-wasm_bg.wasm",
    "thing-prompts-full.js",
    "thing-prompts-full_bg.wasm",
    "thing-prompts-configure.js",
    "thing-prompts-configure_bg.wasm",
];

/// The configurator page (with its styles): an organiser's form that writes the snippet.
pub const CONFIGURATOR: [&str; 2] = ["configure.html", "configure.css"];

/// The programme files' JSON Schema, copied from www/ for editors to point `$schema` at.
pub const SCHEMA: &str = "thing-prompts-programme.schema.json";

/// The npm package's name: `thing-prompts@<version>` on a CDN.
pub const PACKAGE: &str = "thing-prompts";

/// The WordPress plugin's folder name, in the repository (wordpress/) and inside its zip.
pub const PLUGIN: &str = "thing-prompts";

/// The WebAssembly features the release build uses, for wasm-opt.
pub const WASM_FEATURES: [&str; 6] = [
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-reference-types",
    "--enable-multivalue",
];
