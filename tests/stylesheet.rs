// The shipped stylesheet tested here is the full module's: the lite build (no feature "extras") has none of it.
#![cfg(feature = "extras")]
#![allow(clippy::panic)]

//! The shipped stylesheet is the source's rules with only comments and white space taken out.

use thing_prompts::view::stylesheet::CSS;

/// The CSS with comments, all white space and each `;` before a `}` removed: what must
/// survive minifying unchanged.
fn essence(css: &str) -> String {
    let mut out = String::new();
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        out.push_str(rest.get(..start).unwrap_or(""));
        let after = rest.get(start + 2..).unwrap_or("");
        rest = after
            .find("*/")
            .map_or("", |end| after.get(end + 2..).unwrap_or(""));
    }
    out.push_str(rest);
    out.retain(|c| !c.is_whitespace());
    out.replace(";}", "}")
}

fn source() -> String {
    let read = |name: &str| {
        std::fs::read_to_string(format!(
            "{}/src/view/components/{name}",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap_or_else(|e| panic!("{name}: {e}"))
    };
    // Host tests build with the default features, so the full module's sheet.
    read("widget.css") + &read("widget-extras.css")
}

#[test]
fn shipped_css_keeps_every_rule_of_the_source() {
    assert_eq!(essence(CSS), essence(&source()));
}

#[test]
fn shipped_css_has_no_comments_or_layout_white_space() {
    assert!(!CSS.contains("/*"), "a comment was shipped");
    assert!(!CSS.contains('\n'), "line breaks were shipped");
    assert!(!CSS.contains("  "), "runs of spaces were shipped");
    assert!(!CSS.contains(": "), "spaces after colons were shipped");
    assert!(
        CSS.len() * 10 < source().len() * 9,
        "minifying saved less than a tenth"
    );
}

#[test]
fn shipped_css_keeps_the_spaces_that_mean_something() {
    // Descendant combinators, values with several parts, strings.
    assert!(CSS.contains(".tp *,.tp *::before"));
    assert!(CSS.contains("padding:0.9em 1.1em 0.8em"));
    assert!(CSS.contains("\"DejaVu Sans Mono\""));
    assert!(CSS.contains("@media (forced-colors:active){"));
}
