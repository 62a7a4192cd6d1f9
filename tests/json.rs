#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]
//! The hand-written JSON reader and writer: values, escapes, errors and their places, limits,
//! and round trips.

use proptest::prelude::*;
use thing_prompts::json::{self, Value, MAX_DEPTH};

fn parse(text: &str) -> Value {
    json::parse(text).unwrap_or_else(|e| panic!("{text:?} should read: {e}"))
}

/// The error for `text`, as shown: "line L, column C: message".
fn error(text: &str) -> String {
    match json::parse(text) {
        Ok(value) => panic!("{text:?} should be refused, read {value:?}"),
        Err(e) => e.to_string(),
    }
}

fn text(s: &str) -> Value {
    Value::String(s.to_owned())
}

fn object(fields: &[(&str, Value)]) -> Value {
    Value::Object(
        fields
            .iter()
            .map(|(k, v)| ((*k).to_owned(), v.clone()))
            .collect(),
    )
}

#[test]
fn literals_and_white_space() {
    assert_eq!(parse("null"), Value::Null);
    assert_eq!(parse("true"), Value::Bool(true));
    assert_eq!(parse(" \t\r\n false \n"), Value::Bool(false));
    assert_eq!(parse("[]"), Value::Array(vec![]));
    assert_eq!(parse("{ }"), Value::Object(vec![]));
    assert_eq!(
        parse("[ null , true,false ]"),
        Value::Array(vec![Value::Null, Value::Bool(true), Value::Bool(false)])
    );
    // Only the four JSON white space characters are white space.
    for space in ["\u{a0}", "\u{c}", "\u{feff}", "\u{2028}", "\u{b}"] {
        assert!(json::parse(&format!("{space}1")).is_err(), "{space:?}");
        assert!(json::parse(&format!("1{space}")).is_err(), "{space:?}");
    }
}

#[test]
fn objects_keep_document_order() {
    let value = parse(r#"{"b": 1, "a": {"y": [], "x": null}, "": "empty key"}"#);
    assert_eq!(
        value,
        object(&[
            ("b", Value::Int(1)),
            (
                "a",
                object(&[("y", Value::Array(vec![])), ("x", Value::Null)])
            ),
            ("", text("empty key")),
        ])
    );
    assert_eq!(value.get("a").and_then(|a| a.get("x")), Some(&Value::Null));
    assert_eq!(value.get("c"), None);
    assert_eq!(value.get("b").and_then(Value::as_u64), Some(1));
    assert_eq!(value.get("").and_then(Value::as_str), Some("empty key"));
    assert_eq!(Value::Int(1).get("b"), None);
}

#[test]
fn whole_numbers_are_numbers_and_other_numbers_are_their_text() {
    let whole = [
        ("0", 0),
        ("7", 7),
        ("1700000000000", 1_700_000_000_000),
        ("9007199254740993", 9_007_199_254_740_993),
        ("18446744073709551615", u64::MAX),
    ];
    for (written, n) in whole {
        assert_eq!(parse(written), Value::Int(n), "{written}");
        assert_eq!(parse(written).as_u64(), Some(n), "{written}");
    }
    // Negative, fractional, with an exponent, or too large: kept as written, not whole.
    for written in [
        "-1",
        "-0",
        "1.0",
        "1.5",
        "0.25",
        "1e3",
        "1E+3",
        "2e-7",
        "-12.5e10",
        "18446744073709551616",
        "123456789012345678901234567890",
    ] {
        let value = parse(written);
        assert_eq!(value, Value::Number(written.to_owned()), "{written}");
        assert_eq!(value.as_u64(), None, "{written}");
        assert_eq!(value.to_json(), written);
    }
    let cases = [
        ("01", "line 1, column 2: a number cannot have a 0 before its other digits"),
        ("-01", "line 1, column 3: a number cannot have a 0 before its other digits"),
        ("-", "line 1, column 2: the text ends too soon: expected a digit after the minus sign"),
        ("-a", "line 1, column 2: expected a digit after the minus sign"),
        ("1.", "line 1, column 3: the text ends too soon: expected a digit after the decimal point"),
        ("1.e3", "line 1, column 3: expected a digit after the decimal point"),
        ("1e", "line 1, column 3: the text ends too soon: expected a digit in the exponent"),
        ("1e+", "line 1, column 4: the text ends too soon: expected a digit in the exponent"),
        ("+1", "line 1, column 1: expected a value: text in double quotes, a number, true, false, null, [ or {"),
        (".5", "line 1, column 1: expected a value: text in double quotes, a number, true, false, null, [ or {"),
        ("NaN", "line 1, column 1: expected a value: text in double quotes, a number, true, false, null, [ or {"),
        ("1 2", "line 1, column 3: unexpected text after the end of the JSON"),
        ("0x10", "line 1, column 2: unexpected text after the end of the JSON"),
    ];
    for (written, message) in cases {
        assert_eq!(error(written), message, "{written}");
    }
}

#[test]
fn escapes() {
    let cases = [
        (r#""""#, ""),
        (r#""plain""#, "plain"),
        (r#""\"\\\/\b\f\n\r\t""#, "\"\\/\u{8}\u{c}\n\r\t"),
        (r#""\u0041\u00e9\u00E9\u20AC""#, "Aéé€"),
        (r#""\u0000""#, "\u{0}"),
        (r#""a\u0020b""#, "a b"),
        // A pair of surrogates is one character beyond U+FFFF.
        (r#""\uD83D\uDE00""#, "😀"),
        (r#""\ud83d\ude00!""#, "😀!"),
        (r#""\uDBFF\uDFFF""#, "\u{10ffff}"),
        // Characters as they are, whatever they are (DEL, line separator, byte order mark).
        ("\"é😀\u{7f}\u{2028}\u{feff}\"", "é😀\u{7f}\u{2028}\u{feff}"),
    ];
    for (written, read) in cases {
        assert_eq!(parse(written), text(read), "{written}");
    }
}

#[test]
fn bad_strings_are_refused_where_they_go_wrong() {
    let cases = [
        (
            r#"["ab\uD83D"]"#,
            r"line 1, column 5: \uD83D is half of a pair: a character beyond \uFFFF is written as two escapes, such as \uD83D\uDE00",
        ),
        (
            r#""\uD83Dx""#,
            r"line 1, column 2: \uD83D is half of a pair: a character beyond \uFFFF is written as two escapes, such as \uD83D\uDE00",
        ),
        (
            r#""\uD83D\u0041""#,
            r"line 1, column 2: \uD83D is half of a pair: a character beyond \uFFFF is written as two escapes, such as \uD83D\uDE00",
        ),
        (
            r#""\uDE00\uD83D""#,
            r"line 1, column 2: \uDE00 is half of a pair: a character beyond \uFFFF is written as two escapes, such as \uD83D\uDE00",
        ),
        (
            r#""\uD83D\uD83D""#,
            r"line 1, column 2: \uD83D is half of a pair: a character beyond \uFFFF is written as two escapes, such as \uD83D\uDE00",
        ),
        (
            r#""\u12""#,
            r"line 1, column 2: \u must be followed by four hex digits, such as \u00e9",
        ),
        (
            r#""\uD83D\u12""#,
            r"line 1, column 8: \u must be followed by four hex digits, such as \u00e9",
        ),
        (
            r#""\x41""#,
            r#"line 1, column 2: a backslash must start an escape such as \n, \" or \u00e9: write \\ for a backslash itself"#,
        ),
        (
            "\"\\é\"",
            r#"line 1, column 2: a backslash must start an escape such as \n, \" or \u00e9: write \\ for a backslash itself"#,
        ),
        (
            "\"one\ntwo\"",
            r"line 1, column 5: a control character such as a line break or tab cannot be in text: write it as an escape such as \n or \t",
        ),
        (
            "\"tab\there\"",
            r"line 1, column 5: a control character such as a line break or tab cannot be in text: write it as an escape such as \n or \t",
        ),
        (
            "\"\u{1f}\"",
            r"line 1, column 2: a control character such as a line break or tab cannot be in text: write it as an escape such as \n or \t",
        ),
        (
            "{\"a\": \"open",
            "line 1, column 7: this text has no closing double quote",
        ),
        (
            "\"\\",
            "line 1, column 3: the text ends too soon: this text has no closing double quote",
        ),
        (
            "'single'",
            "line 1, column 1: text must be in double quotes, not single ones",
        ),
    ];
    for (written, message) in cases {
        assert_eq!(error(written), message, "{written}");
    }
}

#[test]
fn syntax_errors_give_line_and_column() {
    let cases = [
        ("", "line 1, column 1: the text ends too soon: expected a value: text in double quotes, a number, true, false, null, [ or {"),
        ("   \n  ", "line 2, column 3: the text ends too soon: expected a value: text in double quotes, a number, true, false, null, [ or {"),
        ("{", "line 1, column 2: the text ends too soon: expected a field name in double quotes, or }"),
        ("[", "line 1, column 2: the text ends too soon: expected a value: text in double quotes, a number, true, false, null, [ or {"),
        ("[1", "line 1, column 3: the text ends too soon: expected a comma or ] after this item"),
        ("[1 2]", "line 1, column 4: expected a comma or ] after this item"),
        ("[1,]", "line 1, column 4: a comma cannot come just before ]: remove it"),
        ("[,1]", "line 1, column 2: expected a value: text in double quotes, a number, true, false, null, [ or {"),
        ("{\"a\":1,}", "line 1, column 8: a comma cannot come just before }: remove it"),
        ("{\"a\":1,,}", "line 1, column 8: expected a field name in double quotes after the comma"),
        ("{a:1}", "line 1, column 2: expected a field name in double quotes, or }"),
        ("{\"a\" 1}", "line 1, column 6: expected a colon after the field name"),
        ("{\"a\":}", "line 1, column 6: expected a value: text in double quotes, a number, true, false, null, [ or {"),
        ("{\"a\":1 \"b\":2}", "line 1, column 8: expected a comma or } after this field"),
        ("[1]]", "line 1, column 4: unexpected text after the end of the JSON"),
        ("{} {}", "line 1, column 4: unexpected text after the end of the JSON"),
        ("nul", "line 1, column 1: expected a value: text in double quotes, a number, true, false, null, [ or {"),
        ("True", "line 1, column 1: expected a value: text in double quotes, a number, true, false, null, [ or {"),
        ("truex", "line 1, column 5: unexpected text after the end of the JSON"),
        (
            "{\n  \"format\": 1,\n  \"title\": \"Ünïcödé\" \"things\": []\n}",
            "line 3, column 22: expected a comma or } after this field",
        ),
        // Columns count characters, not bytes; a CR LF line end is one line.
        ("[\"éé😀\", x]", "line 1, column 9: expected a value: text in double quotes, a number, true, false, null, [ or {"),
        ("[\r\n1,\r\n x]", "line 3, column 2: expected a value: text in double quotes, a number, true, false, null, [ or {"),
    ];
    for (written, message) in cases {
        assert_eq!(error(written), message, "{written:?}");
    }
    let e = json::parse("[\n  1,\n  oops\n]").unwrap_err();
    assert_eq!((e.line, e.column), (3, 3));
    assert_eq!(
        e.message,
        "expected a value: text in double quotes, a number, true, false, null, [ or {"
    );
}

#[test]
fn a_key_given_twice_is_refused_by_name() {
    let cases = [
        (
            r#"{"a":1,"a":2}"#,
            r#"line 1, column 8: the field "a" appears twice in this object"#,
        ),
        (
            "{\n  \"id\": \"x\",\n  \"title\": \"X\",\n  \"id\": \"y\"\n}",
            r#"line 4, column 3: the field "id" appears twice in this object"#,
        ),
        (
            r#"[{"x":{"b":1,"c":2,"b":3}}]"#,
            r#"line 1, column 20: the field "b" appears twice in this object"#,
        ),
        // The same key once escaped and once not is the same key.
        (
            r#"{"é":1,"\u00e9":2}"#,
            r#"line 1, column 8: the field "é" appears twice in this object"#,
        ),
    ];
    for (written, message) in cases {
        assert_eq!(error(written), message, "{written}");
    }
    // The same key in two different objects is fine.
    assert!(json::parse(r#"{"a":{"a":1},"b":{"a":2}}"#).is_ok());
    // Many keys are checked quickly, not pair by pair.
    let many: Vec<String> = (0..50_000).map(|i| format!("\"k{i}\":{i}")).collect();
    let big = format!("{{{}}}", many.join(","));
    assert_eq!(parse(&big).as_object().map(<[_]>::len), Some(50_000));
    let twice = format!("{{{},\"k7\":0}}", many.join(","));
    assert!(error(&twice).ends_with(r#"the field "k7" appears twice in this object"#));
}

#[test]
fn nesting_is_limited_without_exhausting_the_stack() {
    let nested = |depth: usize| format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    assert!(json::parse(&nested(MAX_DEPTH)).is_ok());
    assert_eq!(
        error(&nested(MAX_DEPTH + 1)),
        format!(
            "line 1, column {}: nested too deeply: more than 128 levels of [ and {{",
            MAX_DEPTH + 1
        )
    );
    let objects = format!(
        "{}1{}",
        "{\"a\":".repeat(MAX_DEPTH + 1),
        "}".repeat(MAX_DEPTH + 1)
    );
    assert!(error(&objects).contains("nested too deeply"));
    // Far deeper text is refused just as quickly.
    assert!(error(&"[".repeat(1_000_000)).contains("nested too deeply"));
    assert!(error(&"{\"a\":[".repeat(500_000)).contains("nested too deeply"));
}

#[test]
fn errors_show_as_line_column_message() {
    let e = json::Error {
        line: 3,
        column: 14,
        message: "expected a comma or } after this field".into(),
    };
    assert_eq!(
        e.to_string(),
        "line 3, column 14: expected a comma or } after this field"
    );
}

#[test]
fn compact_writing() {
    let value = object(&[
        ("version", Value::Int(1)),
        ("max", Value::Int(u64::MAX)),
        (
            "list",
            Value::Array(vec![Value::Null, Value::Bool(true), Value::Bool(false)]),
        ),
        ("empty", Value::Object(vec![])),
        ("none", Value::Array(vec![])),
        ("n", Value::Number("-1.5e3".into())),
        ("s", text("a\"b\\c/d\n")),
    ]);
    assert_eq!(
        value.to_json(),
        r#"{"version":1,"max":18446744073709551615,"list":[null,true,false],"empty":{},"none":[],"n":-1.5e3,"s":"a\"b\\c/d\n"}"#
    );
    for (n, written) in [
        (0, "0"),
        (9, "9"),
        (10, "10"),
        (1_000, "1000"),
        (1_700_000_000_123, "1700000000123"),
    ] {
        assert_eq!(Value::Int(n).to_json(), written);
    }
}

#[test]
fn strings_are_written_escaping_only_what_must_be() {
    let all_controls: String = (0_u8..0x20).map(char::from).collect();
    assert_eq!(
        text(&all_controls).to_json(),
        concat!(
            r#""\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000b\f\r\u000e\u000f"#,
            r#"\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f""#
        )
    );
    let kept = "/ é 😀 \u{7f} \u{2028} \u{feff} '<script>'";
    assert_eq!(text(kept).to_json(), format!("\"{kept}\""));
    // Keys are escaped the same way.
    assert_eq!(
        object(&[("\"\n", Value::Null)]).to_json(),
        r#"{"\"\n":null}"#
    );
}

#[test]
fn pretty_writing_indents_by_two_spaces() {
    let value = object(&[
        ("a", Value::Int(1)),
        (
            "b",
            Value::Array(vec![Value::Int(2), object(&[("c", Value::Null)])]),
        ),
        ("d", Value::Object(vec![])),
        ("e", Value::Array(vec![])),
    ]);
    assert_eq!(
        value.to_json_pretty(),
        "{\n  \"a\": 1,\n  \"b\": [\n    2,\n    {\n      \"c\": null\n    }\n  ],\n  \"d\": {},\n  \"e\": []\n}"
    );
    assert_eq!(Value::Int(5).to_json_pretty(), "5");
    assert_eq!(Value::Array(vec![]).to_json_pretty(), "[]");
}

#[test]
fn conversions() {
    assert_eq!(Value::from(true), Value::Bool(true));
    assert_eq!(Value::from(7_u64), Value::Int(7));
    assert_eq!(Value::from("x"), text("x"));
    assert_eq!(Value::from(String::from("x")), text("x"));
    assert_eq!(
        Value::from(vec![Value::Null]),
        Value::Array(vec![Value::Null])
    );
    assert_eq!(Value::Bool(true).as_bool(), Some(true));
    assert_eq!(Value::Null.as_bool(), None);
    assert_eq!(Value::Null.as_str(), None);
    assert_eq!(Value::Null.as_array(), None);
    assert_eq!(Value::Array(vec![]).as_array(), Some(&[][..]));
    assert_eq!(Value::Null.as_object(), None);
}

// ---------------------------------------------------------------------------------------------
// Properties.

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Number text as JSON writes it, never a whole number of 0 or more.
fn other_number() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<u64>().prop_map(|n| format!("-{n}")),
        (any::<i32>(), any::<u16>()).prop_map(|(a, b)| format!("{a}.{b}")),
        (
            any::<i16>(),
            prop::sample::select(vec!["e", "E", "e+", "e-", "E-"]),
            0..400_u32
        )
            .prop_map(|(a, e, b)| format!("{a}{e}{b}")),
        "[1-9][0-9]{20,30}",
    ]
}

fn value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<u64>().prop_map(Value::Int),
        other_number().prop_map(Value::Number),
        any::<String>().prop_map(Value::String),
    ];
    leaf.prop_recursive(6, 64, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            // Keys unique, in any order.
            prop::collection::vec((any::<String>(), inner), 0..6).prop_map(|fields| {
                let mut unique: Vec<(String, Value)> = Vec::new();
                for (key, value) in fields {
                    if !unique.iter().any(|(k, _)| *k == key) {
                        unique.push((key, value));
                    }
                }
                Value::Object(unique)
            }),
        ]
    })
}

/// Text that is nearly JSON: pieces of it in any order.
fn near_json() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "{", "}", "[", "]", ",", ":", "\"", "\\", "\\u", "\\uD83D", "\\uDE00", "0", "-", "1.5",
        "e", "true", "null", " ", "\n", "\"a\"", "é", "\u{0}",
    ]);
    prop::collection::vec(piece, 0..40).prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(config(512))]

    #[test]
    fn written_values_read_back_the_same(value in value()) {
        let compact = value.to_json();
        prop_assert_eq!(json::parse(&compact), Ok(value.clone()), "{}", compact);
        let pretty = value.to_json_pretty();
        prop_assert_eq!(json::parse(&pretty), Ok(value), "{}", pretty);
    }

    #[test]
    fn any_text_is_read_or_refused_with_a_place_never_a_panic(text in any::<String>()) {
        check(&text)?;
    }

    #[test]
    fn nearly_json_is_read_or_refused_with_a_place_never_a_panic(text in near_json()) {
        check(&text)?;
    }

    #[test]
    fn damaged_json_is_read_or_refused_with_a_place_never_a_panic(
        value in value(),
        cut in any::<prop::sample::Index>(),
        insert in any::<char>(),
    ) {
        let written = value.to_json();
        let mut at = cut.index(written.len() + 1);
        while !written.is_char_boundary(at) {
            at -= 1;
        }
        let (before, after) = written.split_at(at);
        check(before)?;
        check(&format!("{before}{insert}{after}"))?;
    }
}

/// Whatever `text` is, reading it ends in a value that writes and reads back the same,
/// or in an error at a place inside the text.
fn check(text: &str) -> Result<(), TestCaseError> {
    match json::parse(text) {
        Ok(value) => {
            prop_assert_eq!(json::parse(&value.to_json()), Ok(value));
        }
        Err(e) => {
            let lines: Vec<&str> = text.split('\n').collect();
            prop_assert!(e.line >= 1 && e.line <= lines.len(), "{e} in {text:?}");
            let line = lines[e.line - 1];
            prop_assert!(
                e.column >= 1 && e.column <= line.chars().count() + 1,
                "{e} in {text:?}"
            );
            prop_assert!(!e.message.is_empty());
        }
    }
    Ok(())
}
