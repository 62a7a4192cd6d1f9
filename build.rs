//! Writes the widget's stylesheets, without comments and layout white space, to OUT_DIR:
//! `widget.css` for the lite module and `widget-full.css` (with the full module's parts)
//! for the others. The readable sources are src/view/components/widget*.css.

// A build script reports a failure by panicking.
#![allow(clippy::panic)]

use std::path::Path;

fn main() {
    let read = |name: &str| {
        let path = Path::new("src/view/components").join(name);
        println!("cargo::rerun-if-changed={}", path.display());
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    };
    let lite = minify(&read("widget.css"));
    let extras = minify(&read("widget-extras.css"));
    let out = std::env::var("OUT_DIR").unwrap_or_else(|e| panic!("OUT_DIR: {e}"));
    let write = |name: &str, text: &str| {
        let path = Path::new(&out).join(name);
        std::fs::write(&path, text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    };
    write("widget.css", &lite);
    write("widget-full.css", &(lite.clone() + &extras));
}

/// CSS without comments, with each run of white space made one space and dropped where no
/// token needs it (beside `{`, `}`, `;`, after `,` and `:`), and without the `;` before a `}`.
/// Quoted strings are kept as written.
fn minify(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut space = false;
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = ' ';
                for c in chars.by_ref() {
                    if last == '*' && c == '/' {
                        break;
                    }
                    last = c;
                }
                space = true;
            }
            c if c.is_whitespace() => space = true,
            '"' | '\'' => {
                if std::mem::take(&mut space) && !ends_with_tight(&out) {
                    out.push(' ');
                }
                out.push(c);
                for inner in chars.by_ref() {
                    out.push(inner);
                    if inner == c {
                        break;
                    }
                }
            }
            '{' | '}' | ';' => {
                space = false;
                if c == '}' && out.ends_with(';') {
                    out.pop();
                }
                out.push(c);
            }
            c => {
                if std::mem::take(&mut space) && !ends_with_tight(&out) {
                    out.push(' ');
                }
                out.push(c);
            }
        }
    }
    out
}

/// Whether white space after the end of `out` can go.
fn ends_with_tight(out: &str) -> bool {
    out.is_empty() || out.ends_with(['{', '}', ';', ',', ':'])
}
