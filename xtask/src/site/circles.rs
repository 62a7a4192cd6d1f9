//! No circle among the modules of a crate: reads the sources of the core, xtask and the widget,
//! finds which module names which (`use` trees, `crate::`, `super::`, `self::` and child-module
//! paths), and looks for circles. A module naming its own ancestor or descendant is the shape of
//! a Rust folder (`mod.rs` re-exports its children, which use its types) and is left out; any
//! other edge counts as one between the two children of the modules' deepest common ancestor,
//! so that `a::x → b::y` and `b::z → a::w` make the circle `a ↔ b`. Test modules
//! (`#[cfg(test)] mod …`) at the end of a file are left out.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

type Module = Vec<String>;

/// `text` without comments, without the contents of strings and characters, and without a test
/// module at its end.
fn code(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let at = |i: usize| chars.get(i).copied().unwrap_or('\0');
    let (mut out, mut i) = (String::new(), 0);
    while i < chars.len() {
        let c = at(i);
        if c == '/' && at(i + 1) == '/' {
            while i < chars.len() && at(i) != '\n' {
                i += 1;
            }
        } else if c == '/' && at(i + 1) == '*' {
            i += 2;
            while i < chars.len() && !(at(i) == '*' && at(i + 1) == '/') {
                i += 1;
            }
            i += 2;
        } else if c == 'r' && raw_string(&chars, i) {
            let hashes = chars[i + 1..].iter().take_while(|&&h| h == '#').count();
            i += 2 + hashes;
            let end: String = std::iter::once('"')
                .chain("#".repeat(hashes).chars())
                .collect();
            while i < chars.len() && !chars[i..].iter().collect::<String>().starts_with(&end) {
                i += 1;
            }
            i += end.len();
            out.push_str("\"\"");
        } else if c == '"' {
            i += 1;
            while i < chars.len() && at(i) != '"' {
                i += if at(i) == '\\' { 2 } else { 1 };
            }
            i += 1;
            out.push_str("\"\"");
        } else if c == '\'' && (at(i + 1) == '\\' || at(i + 2) == '\'') {
            i += 1;
            while i < chars.len() && at(i) != '\'' {
                i += if at(i) == '\\' { 2 } else { 1 };
            }
            i += 1;
            out.push_str("' '");
        } else {
            out.push(c);
            i += 1;
        }
    }
    // A test module with its body here (not `mod x;`, a file of its own).
    let test_module = out.match_indices("#[cfg(test)]\nmod ").find(|(at, _)| {
        out[*at..]
            .lines()
            .nth(1)
            .is_some_and(|line| line.trim_end().ends_with('{'))
    });
    match test_module {
        Some((end, _)) => out[..end].to_owned(),
        None => out,
    }
}

/// Whether a raw string (`r"…"`, `r#"…"#`) starts at `i`, not a raw name (`r#type`).
fn raw_string(chars: &[char], i: usize) -> bool {
    let before = i.checked_sub(1).and_then(|b| chars.get(b)).copied();
    let hashes = chars.iter().skip(i + 1).take_while(|&&h| h == '#').count();
    !before.is_some_and(is_name) && chars.get(i + 1 + hashes) == Some(&'"')
}

fn is_name(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The words of `code`: names, `::`, and every other character on its own.
fn tokens(code: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut chars = code.chars().peekable();
    while let Some(c) = chars.next() {
        if is_name(c) {
            let mut word = c.to_string();
            while let Some(&next) = chars.peek().filter(|&&next| is_name(next)) {
                word.push(next);
                chars.next();
            }
            found.push(word);
        } else if c == ':' && chars.peek() == Some(&':') {
            chars.next();
            found.push("::".into());
        } else if !c.is_whitespace() {
            found.push(c.to_string());
        }
    }
    found
}

/// Every module of the crate whose root file is `root`, with its file.
fn modules(root: &Path) -> BTreeMap<Module, PathBuf> {
    let mut found = BTreeMap::from([(Module::new(), root.to_path_buf())]);
    let mut todo = vec![Module::new()];
    while let Some(module) = todo.pop() {
        let file = found[&module].clone();
        let folder = match file.file_name().and_then(|n| n.to_str()) {
            Some("mod.rs" | "lib.rs" | "main.rs") => file.parent().map(Path::to_path_buf),
            _ => Some(file.with_extension("")),
        }
        .unwrap_or_default();
        let words = tokens(&code(&std::fs::read_to_string(&file).unwrap_or_default()));
        for w in words.windows(3) {
            if w[0] == "mod" && w[2] == ";" {
                let child = [
                    folder.join(format!("{}.rs", w[1])),
                    folder.join(&w[1]).join("mod.rs"),
                ]
                .into_iter()
                .find(|path| path.is_file());
                if let Some(child) = child {
                    let name = [module.clone(), vec![w[1].clone()]].concat();
                    found.insert(name.clone(), child);
                    todo.push(name);
                }
            }
        }
    }
    found
}

/// The paths of a `use` tree starting at `words[0]`, each as its names; returns the words used.
fn use_tree(words: &[String], prefix: &[String], paths: &mut Vec<Vec<String>>) -> usize {
    let mut path = prefix.to_vec();
    let mut i = 0;
    while let Some(word) = words.get(i) {
        match word.as_str() {
            "::" => i += 1,
            "{" => {
                i += 1;
                while words.get(i).is_some_and(|w| w != "}") {
                    i += use_tree(&words[i..], &path, paths);
                    if words.get(i).is_some_and(|w| w == ",") {
                        i += 1;
                    }
                }
                return i + 1;
            }
            "," | "}" | ";" | "as" => break,
            _ => {
                path.push(word.clone());
                i += 1;
            }
        }
    }
    paths.push(path);
    while words
        .get(i)
        .is_some_and(|w| w != "," && w != "}" && w != ";")
    {
        i += 1;
    }
    i
}

/// For each module, the modules it names.
fn edges(modules: &BTreeMap<Module, PathBuf>) -> BTreeMap<Module, BTreeSet<Module>> {
    let mut found = BTreeMap::new();
    for (module, file) in modules {
        let words = tokens(&code(&std::fs::read_to_string(file).unwrap_or_default()));
        let mut paths = Vec::new();
        let mut i = 0;
        while i < words.len() {
            if words[i] == "use" {
                i += 1 + use_tree(&words[i + 1..], &[], &mut paths);
            } else if words.get(i + 1).is_some_and(|w| w == "::")
                && (i == 0 || words[i - 1] != "::")
            {
                let mut path = vec![words[i].clone()];
                while words.get(i + 1).is_some_and(|w| w == "::") && words.get(i + 2).is_some() {
                    path.push(words[i + 2].clone());
                    i += 2;
                }
                paths.push(path);
                i += 1;
            } else {
                i += 1;
            }
        }
        let named: &mut BTreeSet<Module> = found.entry(module.clone()).or_default();
        for path in paths {
            let mut target = match path.first().map(String::as_str) {
                Some("crate") => Module::new(),
                Some("super" | "self") => module.clone(),
                Some(first)
                    if modules.contains_key(&[module.clone(), vec![first.into()]].concat()) =>
                {
                    module.clone()
                }
                _ => continue,
            };
            for name in path.iter().skip_while(|n| *n == "crate") {
                match name.as_str() {
                    "super" => {
                        target.pop();
                    }
                    "self" => {}
                    _ if modules.contains_key(&[target.clone(), vec![name.clone()]].concat()) => {
                        target.push(name.clone())
                    }
                    _ => break,
                }
            }
            if &target != module {
                named.insert(target);
            }
        }
    }
    found
}

/// The circles among sibling modules of the crate whose root file is `root`, each as its
/// modules joined by `↔`.
fn circles(root: &Path) -> Vec<String> {
    let mut siblings: BTreeMap<Module, BTreeSet<Module>> = BTreeMap::new();
    for (from, targets) in edges(&modules(root)) {
        for to in targets {
            let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
            if common < from.len() && common < to.len() {
                siblings
                    .entry(from[..=common].to_vec())
                    .or_default()
                    .insert(to[..=common].to_vec());
            }
        }
    }
    // Two modules are on one circle when each reaches the other.
    let reach = |start: &Module| {
        let mut seen = BTreeSet::new();
        let mut todo = vec![start.clone()];
        while let Some(m) = todo.pop() {
            for next in siblings.get(&m).into_iter().flatten() {
                if seen.insert(next.clone()) {
                    todo.push(next.clone());
                }
            }
        }
        seen
    };
    let mut found = BTreeSet::new();
    for module in siblings.keys() {
        let reached = reach(module);
        let circle: Vec<String> = reached
            .iter()
            .filter(|other| reach(other).contains(module))
            .map(|m| m.join("::"))
            .collect();
        if !circle.is_empty() {
            found.insert(circle.join(" ↔ "));
        }
    }
    found.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::circles;
    use crate::shared::root;

    #[test]
    fn the_core_and_xtask_have_no_circle() {
        for crate_root in ["core/src/lib.rs", "xtask/src/main.rs"] {
            let found = circles(&root().join(crate_root));
            assert!(found.is_empty(), "{crate_root}: {found:?}");
        }
    }

    /// The widget's circles are all in the view, whose restructuring (#22) removes them: none
    /// may be added meanwhile. Once they are gone, this list goes and the widget joins the test
    /// above.
    #[test]
    fn the_widget_has_no_circle_but_the_views_known_ones() {
        let known = [
            "view::components ↔ view::extras",
            "view::components::app ↔ view::components::checklist",
        ];
        for circle in circles(&root().join("src/lib.rs")) {
            assert!(known.contains(&circle.as_str()), "a new circle: {circle}");
        }
    }

    /// The check finds a circle, through `use` trees, paths in code and `super::`.
    #[test]
    fn a_circle_is_found() {
        let dir = std::env::temp_dir().join(format!("xtask-circles-{}", std::process::id()));
        let write = |name: &str, text: &str| {
            std::fs::create_dir_all(dir.join("a")).unwrap_or_default();
            std::fs::write(dir.join(name), text).unwrap_or_default();
        };
        write("lib.rs", "mod a;\npub mod b;\nmod c;\n");
        write("a/mod.rs", "mod x;\n");
        write("a/x.rs", "use crate::{b::{self, Thing}, c};\n");
        write(
            "b.rs",
            "// crate::a is named in a comment only\npub struct Thing;\n",
        );
        write("c.rs", "fn f() { let s = \"crate::a\"; }\n");
        assert_eq!(circles(&dir.join("lib.rs")), Vec::<String>::new());
        write("b.rs", "pub struct Thing;\nfn f() { crate::c::g(); }\n");
        write("c.rs", "fn g() { super::a::x::h(); }\n");
        assert_eq!(circles(&dir.join("lib.rs")), ["a ↔ b ↔ c"]);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
