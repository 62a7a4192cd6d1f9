//! Where JSON text stops being JSON, in words a page author can act on. The browser's
//! `JSON.parse` decides whether text is JSON; its messages differ from browser to browser
//! (Safari's give no position), so the full module asks serde_json where and why instead.

use std::fmt;

/// A syntax error: its line and column (both from 1, the column in characters) and what.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub line: usize,
    pub column: usize,
    pub problem: String,
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "line {}, column {}: {}",
            self.line, self.column, self.problem
        )
    }
}

const A_VALUE: &str =
    "expected a value: text in double quotes, a number, true, false, null, [ or {";
const TOO_SOON: &str = "the text ends too soon";

/// The first syntax error in `text`, or `None` when it is JSON.
pub fn locate(text: &str) -> Option<SyntaxError> {
    let error = serde_json::from_str::<serde::de::IgnoredAny>(text).err()?;
    // "expected `,` or `}` at line 4 column 3": the words before the place.
    let shown = error.to_string();
    let what = shown
        .rsplit_once(" at line ")
        .map_or(shown.as_str(), |(what, _)| what);
    // serde_json counts lines from 1 and columns in bytes, pointing at the character it
    // stopped on (at the end of the text, the last one read). `at` is the byte offset of
    // the character the message is about.
    let line = error.line().max(1);
    let line_start: usize = text
        .split_inclusive('\n')
        .take(line - 1)
        .map(str::len)
        .sum();
    let stopped = match what {
        _ if error.is_eof() => error.column(),
        // It stops before a control character, and after the letter of a bad escape.
        _ if what.starts_with("control character") => error.column(),
        "invalid escape" => error.column().saturating_sub(2),
        _ => error.column().saturating_sub(1),
    };
    let mut at = floor_boundary(text, line_start + stopped);
    let word = text.get(line_start..at).map_or(0, |s| {
        s.len() - s.trim_end_matches(char::is_alphanumeric).len()
    });
    let misspelt = word > 0 && matches!(what, "expected ident" | "EOF while parsing a value");
    if misspelt {
        // `nul`, `True`, `not json`: pointed at where the word starts.
        at -= word;
    }
    let mut short_escape = false;
    if what == "EOF while parsing a string" {
        // Pointed at the quote that opens the text left unclosed; when every text is closed,
        // a `\u` escape with too few hex digits took the closing quote as one of them.
        match unclosed_quote(text) {
            Some(quote) => at = quote,
            None => {
                short_escape = true;
                at = text.rfind("\\u").unwrap_or(at);
            }
        }
    }
    let here = text.get(at..).and_then(|rest| rest.chars().next());
    // What came last before the place: what was expected follows from it.
    let last = text.get(..at).and_then(|s| s.trim_end().chars().last());
    let problem = match (what, here, last) {
        (_, Some(bracket @ (']' | '}')), Some(',')) => {
            format!("a comma cannot come just before {bracket}: remove it")
        }
        (_, _, _) if misspelt => A_VALUE.to_owned(),
        (_, _, _) if short_escape => {
            r"\u must be followed by four hex digits, such as \u00e9".to_owned()
        }
        (_, Some('\''), _) => "text must be in double quotes, not single ones".to_owned(),
        ("EOF while parsing a value", _, _) => format!("{TOO_SOON}: {A_VALUE}"),
        ("EOF while parsing a list", _, Some('[' | ',')) => format!("{TOO_SOON}: {A_VALUE}"),
        ("EOF while parsing a list", _, _) => {
            format!("{TOO_SOON}: expected a comma or ] after this item")
        }
        ("EOF while parsing an object", _, Some(':')) => format!("{TOO_SOON}: {A_VALUE}"),
        ("EOF while parsing an object", _, Some('{')) => {
            format!("{TOO_SOON}: expected a field name in double quotes, or }}")
        }
        ("EOF while parsing an object", _, Some(',')) => {
            format!("{TOO_SOON}: expected a field name in double quotes after the comma")
        }
        ("EOF while parsing an object", _, _) => {
            format!("{TOO_SOON}: expected a comma or }} after this field")
        }
        ("EOF while parsing a string", _, _) => "this text has no closing double quote".to_owned(),
        ("expected value" | "expected ident", _, _) => A_VALUE.to_owned(),
        ("key must be a string", _, Some('{')) => {
            "expected a field name in double quotes, or }".to_owned()
        }
        ("key must be a string", _, Some(',')) => {
            "expected a field name in double quotes after the comma".to_owned()
        }
        ("key must be a string", _, _) => "expected a field name in double quotes".to_owned(),
        ("expected `:`", _, _) => "expected a colon after the field name".to_owned(),
        ("expected `,` or `]`", _, _) => "expected a comma or ] after this item".to_owned(),
        ("expected `,` or `}`", _, _) => "expected a comma or } after this field".to_owned(),
        ("trailing characters", _, _) => "unexpected text after the end of the JSON".to_owned(),
        ("invalid number" | "number out of range", _, _) => {
            "this is not a number as JSON writes them, such as 12 or 0.5".to_owned()
        }
        ("invalid escape", _, _) => {
            r#"a backslash must start an escape such as \n, \" or \u00e9: write \\ for a backslash itself"#.to_owned()
        }
        (what, _, _) if what.starts_with("control character") => {
            r"a control character such as a line break or tab cannot be in text: write it as an escape such as \n or \t".to_owned()
        }
        (what, _, _) => what.to_owned(),
    };
    // Lines and columns of the place itself, which may be on an earlier line than where
    // serde_json stopped (an unclosed text's opening quote).
    let before = text.get(..at).unwrap_or("");
    let line = before.matches('\n').count() + 1;
    let line_text = before.rsplit('\n').next().unwrap_or("");
    Some(SyntaxError {
        line,
        column: line_text.chars().count() + 1,
        problem,
    })
}

/// Where the text in double quotes that is still open at the end of `text` starts.
fn unclosed_quote(text: &str) -> Option<usize> {
    let mut open = None;
    let mut escaped = false;
    for (i, c) in text.char_indices() {
        match (open, c) {
            (Some(_), _) if escaped => escaped = false,
            (Some(_), '\\') => escaped = true,
            (Some(_), '"') => open = None,
            (None, '"') => open = Some(i),
            _ => {}
        }
    }
    open
}

/// `at`, or the start of the character it falls inside.
fn floor_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}
