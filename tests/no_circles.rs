#![allow(
    clippy::panic,
    clippy::expect_used,
    clippy::unwrap_used,
    clippy::indexing_slicing
)]
//! No two source files of the widget (`src/`), the core (`core/src/`) or xtask (`xtask/src/`)
//! need each other, directly or round a longer loop.
//!
//! This reads the sources as text: every `use crate::…`, `use super::…`, `use self::…` (with
//! its braces opened out) and every `crate::…`/`super::…` path written in code is an edge from
//! its file to the file that defines the module it names (the longest prefix of the path that
//! is a file: `a/b.rs` or `a/b/mod.rs`). `mod x;` lines, which only declare a file, are no
//! edge, and neither is a path into the same file (an inline `mod full { use super::*; }`),
//! nor a module's `pub use child::X;` (its façade: the child's item under the parent's name).
//! A path into another crate (the widget's `crate::core::…`, which is the core crate) is
//! outside this check; each crate is checked on its own. Then it looks for a cycle with a depth-first search, and names every
//! file of the first one it finds.

mod common;
use common::sources;
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

/// The module path of a file, from `src/`: `lib.rs` is `[]`, `view/mod.rs` is `[view]`,
/// `view/components/checklist.rs` is `[view, components, checklist]`.
fn module_of(relative: &Path) -> Vec<String> {
    let mut parts: Vec<String> = relative
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let last = parts.pop().unwrap_or_default();
    let stem = last.trim_end_matches(".rs");
    if stem != "mod" && stem != "lib" && stem != "main" {
        parts.push(stem.to_owned());
    }
    parts
}

/// The text with comments, string and character literals blanked out (a path named in a
/// doc comment or a message is no import).
fn code_only(text: &str) -> String {
    let bytes: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        let next = bytes.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < bytes.len() && bytes[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            i += 2;
            while i < bytes.len() && !(bytes[i] == '*' && bytes.get(i + 1) == Some(&'/')) {
                i += 1;
            }
            i += 2;
        } else if c == 'r' && (next == Some('"') || next == Some('#')) && !prev_is_ident(&bytes, i)
        {
            // A raw string: r"…" or r#"…"#.
            let mut j = i + 1;
            let mut hashes = 0;
            while bytes.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if bytes.get(j) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            j += 1;
            loop {
                if j >= bytes.len() {
                    break;
                }
                if bytes[j] == '"' && (0..hashes).all(|k| bytes.get(j + 1 + k) == Some(&'#')) {
                    j += 1 + hashes;
                    break;
                }
                j += 1;
            }
            out.push_str("\"\"");
            i = j;
        } else if c == '"' {
            i += 1;
            while i < bytes.len() && bytes[i] != '"' {
                if bytes[i] == '\\' {
                    i += 1;
                }
                i += 1;
            }
            i += 1;
            out.push_str("\"\"");
        } else if c == '\'' && bytes.get(i + 2) == Some(&'\'') {
            out.push_str("' '");
            i += 3;
        } else if c == '\'' && next == Some('\\') {
            // An escaped character literal such as '\n' or '\u{202f}'.
            i += 2;
            while i < bytes.len() && bytes[i] != '\'' {
                i += 1;
            }
            i += 1;
            out.push_str("' '");
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

fn prev_is_ident(chars: &[char], i: usize) -> bool {
    i > 0
        && chars
            .get(i - 1)
            .is_some_and(|c| c.is_alphanumeric() || *c == '_')
}

/// A `use` tree opened out: `a::{b, c::{d, e}}` → `a::b`, `a::c::d`, `a::c::e`.
fn expand(tree: &str) -> Vec<String> {
    let tree = tree.trim();
    let Some(open) = tree.find('{') else {
        // `path as name`: the path is what is imported.
        return tree
            .split_whitespace()
            .next()
            .map(str::to_owned)
            .into_iter()
            .collect();
    };
    let prefix: String = tree[..open]
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
    let mut items = Vec::new();
    let (mut depth, mut start) = (0, 0);
    for (at, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                items.push(&inner[start..at]);
                start = at + 1;
            }
            _ => {}
        }
    }
    items.push(&inner[start..]);
    items
        .into_iter()
        .filter(|item| !item.trim().is_empty())
        .flat_map(|item| expand(item).into_iter().map(|p| format!("{prefix}{p}")))
        .collect()
}

/// Every path the code names that starts at `crate`, `super` or `self`, with the inline
/// modules (`mod name { … }`) it sits in.
fn named_paths(code: &str) -> Vec<(Vec<String>, String)> {
    let children: Vec<String> = code
        .lines()
        .filter_map(|line| {
            let line = line.trim().trim_end_matches(';');
            let rest = line.strip_prefix("pub ").unwrap_or(line);
            let rest = rest.strip_prefix("pub(crate) ").unwrap_or(rest);
            let name = rest.strip_prefix("mod ")?;
            line.ends_with(name).then(|| name.trim().to_owned())
        })
        .filter(|name| name.chars().all(|c| c.is_alphanumeric() || c == '_'))
        .collect();
    let mut found = Vec::new();
    let mut inline: Vec<(String, usize)> = Vec::new();
    let mut depth = 0usize;
    let chars: Vec<char> = code.chars().collect();
    let mut i = 0;
    let word_at = |i: usize| -> String {
        chars[i..]
            .iter()
            .take_while(|c| c.is_alphanumeric() || **c == '_')
            .collect()
    };
    while i < chars.len() {
        let c = chars[i];
        if c == '{' {
            depth += 1;
        } else if c == '}' {
            depth = depth.saturating_sub(1);
            while inline.last().is_some_and(|(_, d)| *d > depth) {
                inline.pop();
            }
        }
        if prev_is_ident(&chars, i) || !(c.is_alphabetic() || c == '_') {
            i += 1;
            continue;
        }
        let word = word_at(i);
        let stack: Vec<String> = inline.iter().map(|(n, _)| n.clone()).collect();
        if word == "mod" {
            // `mod name {` opens an inline module; `mod name;` declares a file.
            let rest: String = chars[i + 3..].iter().collect();
            let rest = rest.trim_start();
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if rest[name.len()..].trim_start().starts_with('{') {
                inline.push((name, depth + 1));
            }
        } else if word == "use" {
            let public = code[..chars[..i].iter().map(|c| c.len_utf8()).sum::<usize>()]
                .trim_end()
                .ends_with("pub");
            let end = chars[i..]
                .iter()
                .position(|c| *c == ';')
                .map_or(chars.len(), |p| i + p);
            let tree: String = chars[i + 3..end].iter().collect();
            for path in expand(&tree) {
                // `use child::…` names a module this file declares (`mod child;`).
                let first = path.split("::").next().unwrap_or_default();
                let child = children.iter().any(|c| c == first)
                    || (first == "self"
                        && children
                            .iter()
                            .any(|c| Some(c.as_str()) == path.split("::").nth(1)));
                // A module showing its child's item under its own name (`pub use child::X;`,
                // a mod.rs's façade) does not use it: no edge, else every child that uses its
                // parent's items would make a loop with it.
                if public && child {
                    continue;
                }
                let path = if child && first != "self" {
                    format!("self::{path}")
                } else {
                    path
                };
                found.push((stack.clone(), path));
            }
            i = end;
            continue;
        } else if matches!(word.as_str(), "crate" | "super" | "self") {
            let path: String = chars[i..]
                .iter()
                .take_while(|c| c.is_alphanumeric() || **c == '_' || **c == ':')
                .collect();
            if path.contains("::") {
                found.push((stack, path.clone()));
            }
            i += path.len();
            continue;
        }
        i += word.len().max(1);
    }
    found
}

/// The module a path names, as module segments from the crate root, for a path written in
/// module `here` (the file's module and the inline modules around it).
fn absolute(here: &[String], path: &str) -> Option<Vec<String>> {
    let mut segments = path.split("::").filter(|s| !s.is_empty());
    let mut at: Vec<String> = match segments.next()? {
        "crate" => Vec::new(),
        "self" => here.to_vec(),
        "super" => here.get(..here.len().checked_sub(1)?)?.to_vec(),
        _ => return None,
    };
    for segment in segments {
        match segment {
            "super" => {
                at.pop()?;
            }
            "self" | "*" => {}
            name => at.push(name.to_owned()),
        }
    }
    Some(at)
}

/// The source folders of the workspace's crates whose files must not loop.
const CRATES: [&str; 3] = ["src", "core/src", "xtask/src"];

/// The edges between the files of one crate's source folder: which files each file's paths lead to.
fn edges(folder: &str) -> BTreeMap<String, BTreeSet<String>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(folder);
    let mut files = Vec::new();
    sources(&root, &mut files);
    let modules: BTreeMap<Vec<String>, String> = files
        .iter()
        .map(|file| {
            let relative = file.strip_prefix(&root).expect("under src");
            (module_of(relative), relative.to_string_lossy().into_owned())
        })
        .collect();
    let mut graph = BTreeMap::new();
    for file in &files {
        let relative = file.strip_prefix(&root).expect("under src");
        let name = relative.to_string_lossy().into_owned();
        let module = module_of(relative);
        let code = code_only(&fs::read_to_string(file).expect("a source file"));
        let mut targets = BTreeSet::new();
        for (inline, path) in named_paths(&code) {
            let here: Vec<String> = module.iter().chain(&inline).cloned().collect();
            let Some(target) = absolute(&here, &path) else {
                continue;
            };
            // The file of the longest prefix of the path that is a file's module.
            let file_of = (0..=target.len())
                .rev()
                .find_map(|n| modules.get(&target[..n]));
            if let Some(other) = file_of {
                // The crate root is named only for its items (`crate::FULL`), never imported
                // as a whole; a path into the same file is no edge.
                if *other != name && other != "lib.rs" && other != "main.rs" {
                    targets.insert(other.clone());
                }
            }
        }
        graph.insert(name, targets);
    }
    graph
}

/// A cycle of files, in order, if there is one.
fn find_cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        Unseen,
        Open,
        Done,
    }
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        marks: &mut BTreeMap<String, Mark>,
        path: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        marks.insert(node.to_owned(), Mark::Open);
        path.push(node.to_owned());
        for next in graph.get(node).into_iter().flatten() {
            match marks.get(next).copied().unwrap_or(Mark::Unseen) {
                Mark::Open => {
                    let from = path.iter().position(|n| n == next).unwrap_or(0);
                    let mut cycle = path[from..].to_vec();
                    cycle.push(next.clone());
                    return Some(cycle);
                }
                Mark::Unseen => {
                    if let Some(cycle) = visit(next, graph, marks, path) {
                        return Some(cycle);
                    }
                }
                Mark::Done => {}
            }
        }
        path.pop();
        marks.insert(node.to_owned(), Mark::Done);
        None
    }
    let mut marks = BTreeMap::new();
    for node in graph.keys() {
        if marks.get(node).copied().unwrap_or(Mark::Unseen) == Mark::Unseen {
            if let Some(cycle) = visit(node, graph, &mut marks, &mut Vec::new()) {
                return Some(cycle);
            }
        }
    }
    None
}

#[test]
fn no_source_file_needs_itself_round_a_loop() {
    for folder in CRATES {
        let graph = edges(folder);
        if let Some(cycle) = find_cycle(&graph) {
            panic!("a circle of imports in {folder}/: {}", cycle.join(" → "));
        }
    }
}

#[test]
fn the_check_sees_the_edges_it_must() {
    // The reading above is only worth its silence if it finds edges: a few that hold for as
    // long as the rooms exist.
    let graph = edges("src");
    let from = |file: &str| graph.get(file).cloned().unwrap_or_default();
    assert!(from("entry.rs").iter().any(|f| f.starts_with("view/")));
    assert!(from("entry.rs").iter().any(|f| f.starts_with("web/")));
    assert!(from("view/components/checklist.rs").contains("view/checklist_state.rs"));
    assert!(from("web/progress_store.rs").contains("web/storage.rs"));
    let core = edges("core/src");
    assert!(core
        .get("embed/resolve.rs")
        .is_some_and(|to| to.contains("programme/mod.rs")));
    let xtask = edges("xtask/src");
    assert!(xtask
        .get("site/test.rs")
        .is_some_and(|to| to.iter().any(|f| f.starts_with("build/"))));
    // And a made-up loop is found, among files that have none.
    let mut looped: BTreeMap<String, BTreeSet<String>> = graph
        .iter()
        .filter(|(file, _)| file.starts_with("web/"))
        .map(|(file, targets)| (file.clone(), targets.clone()))
        .collect();
    assert_eq!(find_cycle(&looped), None);
    looped
        .entry("web/storage.rs".to_owned())
        .or_default()
        .insert("web/progress_store.rs".to_owned());
    let cycle = find_cycle(&looped).expect("the made-up loop");
    assert!(cycle.contains(&"web/storage.rs".to_owned()));
}

#[test]
fn use_trees_open_out() {
    assert_eq!(
        expand("super::{a, b::{c, d}}"),
        ["super::a", "super::b::c", "super::b::d"]
    );
    assert_eq!(
        absolute(
            &["view".into(), "components".into(), "checklist".into()],
            "super::app::X"
        ),
        Some(vec![
            "view".into(),
            "components".into(),
            "app".into(),
            "X".into()
        ])
    );
}

/// `NO_CIRCLES_SHOW=1 cargo test --test no_circles -- --nocapture` prints every edge.
#[test]
fn shows_the_edges_when_asked() {
    if std::env::var_os("NO_CIRCLES_SHOW").is_some() {
        for folder in CRATES {
            for (file, targets) in edges(folder) {
                for target in targets {
                    println!("{folder}/{file} -> {folder}/{target}");
                }
            }
        }
    }
}
