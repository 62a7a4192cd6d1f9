#![allow(clippy::panic)]
//! Where JSON text stops being JSON: the words a page author reads under a broken programme.

use thing_prompts_core::json_syntax::locate;

const A_VALUE: &str =
    "expected a value: text in double quotes, a number, true, false, null, [ or {";

fn said(text: &str) -> String {
    locate(text)
        .unwrap_or_else(|| panic!("{text:?} should not be JSON"))
        .to_string()
}

fn check(cases: &[(&str, &str)]) {
    for (text, message) in cases {
        assert_eq!(said(text), *message, "{text:?}");
    }
}

#[test]
fn json_is_not_an_error() {
    for text in [
        "{}",
        "[]",
        "0",
        "-12.5e10",
        r#"{"a": [1, true, null, "x\"y"]}"#,
        " \r\n{\"é😀\": \"\\u00e9\"}\n",
    ] {
        assert_eq!(locate(text), None, "{text:?}");
    }
}

#[test]
fn where_a_value_or_a_bracket_was_expected() {
    check(&[
        ("", &format!("line 1, column 1: the text ends too soon: {A_VALUE}")),
        ("   \n  ", &format!("line 2, column 3: the text ends too soon: {A_VALUE}")),
        ("[", &format!("line 1, column 2: the text ends too soon: {A_VALUE}")),
        ("[,1]", &format!("line 1, column 2: {A_VALUE}")),
        ("{\"a\":}", &format!("line 1, column 6: {A_VALUE}")),
        ("+1", &format!("line 1, column 1: {A_VALUE}")),
        (".5", &format!("line 1, column 1: {A_VALUE}")),
        ("{", "line 1, column 2: the text ends too soon: expected a field name in double quotes, or }"),
        ("[1", "line 1, column 3: the text ends too soon: expected a comma or ] after this item"),
        ("[1 2]", "line 1, column 4: expected a comma or ] after this item"),
        ("{\"a\":1,,}", "line 1, column 8: expected a field name in double quotes after the comma"),
        ("{a:1}", "line 1, column 2: expected a field name in double quotes, or }"),
        ("{\"a\" 1}", "line 1, column 6: expected a colon after the field name"),
        ("{\"a\":1 \"b\":2}", "line 1, column 8: expected a comma or } after this field"),
        ("{\"version\":1,\n \"things\":{}", "line 2, column 13: the text ends too soon: expected a comma or } after this field"),
        ("1 2", "line 1, column 3: unexpected text after the end of the JSON"),
        ("[1]]", "line 1, column 4: unexpected text after the end of the JSON"),
        ("{} {}", "line 1, column 4: unexpected text after the end of the JSON"),
        ("truex", "line 1, column 5: unexpected text after the end of the JSON"),
    ]);
}

#[test]
fn a_comma_before_a_closing_bracket_is_named() {
    check(&[
        (
            "[1,]",
            "line 1, column 4: a comma cannot come just before ]: remove it",
        ),
        (
            "{\"a\":1,}",
            "line 1, column 8: a comma cannot come just before }: remove it",
        ),
        (
            "{\n  \"format\": 1,\n  \"title\": \"X\",\n}",
            "line 4, column 1: a comma cannot come just before }: remove it",
        ),
    ]);
}

#[test]
fn misspelt_words_are_pointed_at_where_they_start() {
    for text in ["nul", "True", "NaN", "not json", "<!doctype html>"] {
        assert_eq!(said(text), format!("line 1, column 1: {A_VALUE}"), "{text}");
    }
    assert_eq!(said("[1, fals]"), format!("line 1, column 5: {A_VALUE}"));
}

#[test]
fn bad_text_is_explained() {
    let escape = r#"a backslash must start an escape such as \n, \" or \u00e9: write \\ for a backslash itself"#;
    let control = r"a control character such as a line break or tab cannot be in text: write it as an escape such as \n or \t";
    check(&[
        ("\"\\x41\"", &format!("line 1, column 2: {escape}")),
        ("\"\\é\"", &format!("line 1, column 2: {escape}")),
        ("\"one\ntwo\"", &format!("line 1, column 5: {control}")),
        ("\"tab\there\"", &format!("line 1, column 5: {control}")),
        ("\"\u{1f}\"", &format!("line 1, column 2: {control}")),
        (
            "{\"a\": \"open",
            "line 1, column 7: this text has no closing double quote",
        ),
        (
            "[\"a\",\n \"b",
            "line 2, column 2: this text has no closing double quote",
        ),
        (
            "'single'",
            "line 1, column 1: text must be in double quotes, not single ones",
        ),
        (
            "\"\\u12\"",
            r"line 1, column 2: \u must be followed by four hex digits, such as \u00e9",
        ),
    ]);
}

#[test]
fn numbers_as_json_does_not_write_them() {
    let number = "this is not a number as JSON writes them, such as 12 or 0.5";
    for (text, column) in [("01", 2), ("-01", 3), ("-a", 2), ("1.e3", 3)] {
        assert_eq!(
            said(text),
            format!("line 1, column {column}: {number}"),
            "{text}"
        );
    }
    for text in ["-", "1.", "1e", "1e+"] {
        assert!(said(text).ends_with(number), "{text}");
    }
}

#[test]
fn columns_count_characters_and_a_cr_lf_is_one_line_end() {
    check(&[
        (
            "{\n  \"format\": 1,\n  \"title\": \"Ünïcödé\" \"things\": []\n}",
            "line 3, column 22: expected a comma or } after this field",
        ),
        ("[\"éé😀\", x]", &format!("line 1, column 9: {A_VALUE}")),
        ("[\r\n1,\r\n x]", &format!("line 3, column 2: {A_VALUE}")),
    ]);
}

#[test]
fn lone_surrogates_are_json_as_the_browser_reads_it() {
    // JSON.parse takes them (the text then holds U+FFFD); the old hand-written reader refused.
    for text in [r#"["ab\uD83D"]"#, r#""\uDE00\uD83D""#] {
        assert_eq!(locate(text), None, "{text}");
    }
}
