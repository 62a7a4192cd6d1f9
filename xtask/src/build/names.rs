//! Short names for what a module's WebAssembly and its glue say to each other.
//!
//! wasm-bindgen names every import after the function and a 16-digit hash
//! (`__wbg_createElement_8c9931cd5a4a3a52`), and internal exports after their whole Rust path;
//! each name is in the WebAssembly and again in the glue. wasm-opt renames them to one or
//! two letters; this then gives the glue the same names, matched by position (wasm-opt
//! keeps the order of imports and exports). The glue's synchronous start, which the loader
//! never calls, goes too.

use crate::constants::WASM_FEATURES;
use crate::shared::{run, Result};
use std::path::Path;
use std::process::Command;

/// The module name, import names and export names of a WebAssembly file, in order.
struct Names {
    modules: Vec<String>,
    imports: Vec<String>,
    exports: Vec<String>,
}

fn names(wasm: &[u8]) -> Result<Names> {
    let mut found = Names {
        modules: Vec::new(),
        imports: Vec::new(),
        exports: Vec::new(),
    };
    for payload in wasmparser::Parser::new(0).parse_all(wasm) {
        match payload.map_err(|e| format!("reading the WebAssembly: {e}"))? {
            wasmparser::Payload::ImportSection(section) => {
                for import in section.into_imports() {
                    let import = import.map_err(|e| format!("reading an import: {e}"))?;
                    found.modules.push(import.module.to_owned());
                    found.imports.push(import.name.to_owned());
                }
            }
            wasmparser::Payload::ExportSection(section) => {
                for export in section {
                    let export = export.map_err(|e| format!("reading an export: {e}"))?;
                    found.exports.push(export.name.to_owned());
                }
            }
            _ => {}
        }
    }
    Ok(found)
}

/// Whether `c` can be part of a JavaScript identifier (as far as wasm-bindgen's names go).
fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '$'
}

/// `text` with every whole occurrence of the identifier `old` (not part of a longer one)
/// after `prefix` replaced by `new`.
pub fn replace_name(text: &str, prefix: &str, old: &str, new: &str) -> String {
    let pattern = format!("{prefix}{old}");
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(&pattern) {
        let before = rest[..at].chars().next_back();
        let after = rest[at + pattern.len()..].chars().next();
        out.push_str(&rest[..at]);
        let whole = !before.is_some_and(is_name_char) || !prefix.is_empty();
        if whole && !after.is_some_and(is_name_char) {
            out.push_str(prefix);
            out.push_str(new);
        } else {
            out.push_str(&pattern);
        }
        rest = &rest[at + pattern.len()..];
    }
    out.push_str(rest);
    out
}

/// Renames the imports and exports of `wasm` (in place) and the names the glue `glue` uses
/// for them, which must be wasm-bindgen's `--target web` output for that file.
pub fn shorten(wasm_opt: &Path, wasm: &Path, glue: &Path) -> Result {
    let before = std::fs::read(wasm).map_err(|e| format!("{}: {e}", wasm.display()))?;
    run(Command::new(wasm_opt)
        .args(WASM_FEATURES)
        .arg("--minify-imports-and-exports-and-modules")
        .arg(wasm)
        .arg("-o")
        .arg(wasm)
        // It prints its mapping, which is read from the files instead.
        .stdout(std::process::Stdio::null()))?;
    let after = std::fs::read(wasm).map_err(|e| format!("{}: {e}", wasm.display()))?;
    let (old, new) = (names(&before)?, names(&after)?);
    if old.imports.len() != new.imports.len() || old.exports.len() != new.exports.len() {
        return Err("wasm-opt changed the number of imports or exports".into());
    }
    let mut text = std::fs::read_to_string(glue).map_err(|e| format!("{}: {e}", glue.display()))?;
    let mut modules: Vec<(&str, &str)> = old
        .modules
        .iter()
        .map(String::as_str)
        .zip(new.modules.iter().map(String::as_str))
        .collect();
    modules.dedup();
    for (old_module, new_module) in modules {
        let quoted = format!("\"{old_module}\"");
        if !text.contains(&quoted) {
            return Err(format!("the glue names no import module {quoted}"));
        }
        text = text.replace(&quoted, &format!("\"{new_module}\""));
    }
    for (old_name, new_name) in old.imports.iter().zip(&new.imports) {
        let renamed = replace_name(&text, "", old_name, new_name);
        if renamed == text {
            return Err(format!("the glue does not define the import {old_name}"));
        }
        text = renamed;
    }
    // The glue calls exports as `wasm.<name>`; its own exports (`mount`, …) keep their names.
    for (old_name, new_name) in old.exports.iter().zip(&new.exports) {
        text = replace_name(&text, "wasm.", old_name, new_name);
    }
    for old_name in &old.imports {
        if replace_name(&text, "", old_name, "") != text {
            return Err(format!("the glue still names the import {old_name}"));
        }
    }
    // The loader instantiates with the default (streaming) init: `initSync` can go, and
    // the minifier drops its code with it.
    let exports = "export { initSync, __wbg_init as default };";
    if !text.contains(exports) {
        return Err(format!("the glue does not end with {exports}"));
    }
    let text = text.replace(exports, "export { __wbg_init as default };");
    std::fs::write(glue, text).map_err(|e| format!("{}: {e}", glue.display()))
}

#[cfg(test)]
mod tests {
    use super::replace_name;

    #[test]
    fn only_whole_names_are_replaced() {
        let glue = "a.__wbg_x_1: 1, __wbg_x_12: 2, wasm.mount(), mount(), wasm.mounted";
        assert_eq!(
            replace_name(glue, "", "__wbg_x_1", "b"),
            "a.b: 1, __wbg_x_12: 2, wasm.mount(), mount(), wasm.mounted"
        );
        assert_eq!(
            replace_name(glue, "wasm.", "mount", "c"),
            "a.__wbg_x_1: 1, __wbg_x_12: 2, wasm.c(), mount(), wasm.mounted"
        );
    }
}
