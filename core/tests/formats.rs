#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The value types the file formats are read with, and the words a mismatch is told in.

use serde::Deserialize;
use serde_json::{json, Value};
use thing_prompts_core::formats::{
    explain, Flag, List, Loose, Mismatch, Object, Pairs, Parsed, Text, Whole,
};

fn read<T: serde::de::DeserializeOwned>(value: Value) -> Result<T, Mismatch> {
    value.read::<T>()
}

/// What the programme messages say about `value` read as `T` at the top of a file.
fn said<T: serde::de::DeserializeOwned + std::fmt::Debug>(value: Value) -> String {
    explain(&read::<T>(value).expect_err("should not fit"))
}

#[test]
fn scalars_take_their_own_type_only() {
    assert_eq!(read::<Text>(json!("a")), Ok(Text("a".into())));
    assert_eq!(read::<Whole>(json!(12)), Ok(Whole(12)));
    assert_eq!(read::<Whole>(json!(4_294_967_295_u64)), Ok(Whole(u32::MAX)));
    assert_eq!(read::<Flag>(json!(true)), Ok(Flag(true)));
    let cases = [
        (json!(5), "5"),
        (json!(-3), "-3"),
        (json!(null), "null"),
        (json!([]), "a list [ … ]"),
        (json!({}), "an object { … }"),
        (json!(true), "true"),
        (json!(1.5), "1.5"),
    ];
    for (value, found) in cases {
        assert_eq!(
            said::<Text>(value),
            format!("the file must be text in double quotes, not {found}")
        );
    }
    assert_eq!(
        said::<Whole>(json!(-1)),
        "the file must be a whole number, not -1"
    );
    assert_eq!(
        said::<Whole>(json!(1.0)),
        "the file must be a whole number, not 1.0"
    );
    assert_eq!(
        said::<Whole>(json!("1")),
        "the file must be a whole number, not text in quotes"
    );
    assert_eq!(
        said::<Whole>(json!(4_294_967_296_u64)),
        "the file is too large: 4294967296"
    );
    assert_eq!(
        said::<Flag>(json!(1)),
        "the file must be true or false, not 1"
    );
    assert_eq!(
        said::<Flag>(json!(null)),
        "the file must be true or false, not null"
    );
}

#[test]
fn lists_and_objects_are_not_taken_for_each_other() {
    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Point {
        #[allow(dead_code)]
        x: Whole,
    }
    assert_eq!(
        read::<List<Whole>>(json!([1, 2])).map(|l| l.0),
        Ok(vec![Whole(1), Whole(2)])
    );
    assert_eq!(
        said::<List<Whole>>(json!({})),
        "the file must be a list [ … ], not an object { … }"
    );
    assert!(read::<Object<Point>>(json!({ "x": 1 })).is_ok());
    // serde would read a struct from a list, field by field: an object must be an object.
    assert_eq!(
        said::<Object<Point>>(json!([1])),
        "the file must be an object { … }, not a list [ … ]"
    );
    assert_eq!(
        said::<Object<Point>>(json!(null)),
        "the file must be an object { … }, not null"
    );
}

#[test]
fn paths_lead_every_message() {
    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields, rename_all = "camelCase")]
    struct Inner {
        #[allow(dead_code)]
        number: Whole,
        #[allow(dead_code)]
        title: Option<Text>,
    }
    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Outer {
        #[allow(dead_code)]
        things: List<Object<Inner>>,
    }
    let cases = [
        (
            json!({ "things": [{ "number": "1" }] }),
            "things[0].number must be a whole number, not text in quotes",
        ),
        (
            json!({ "things": [{ "number": 1 }, { "title": "A" }] }),
            "things[1].number is missing",
        ),
        (json!({}), "things is missing"),
        (
            json!({ "things": [{ "number": 1, "titel": "A" }] }),
            r#"things[0]: unknown field "titel": the fields allowed here are "number" and "title""#,
        ),
        (
            json!({ "things": [], "extra": 1 }),
            r#"unknown field "extra": the fields allowed here are "things""#,
        ),
    ];
    for (value, message) in cases {
        assert_eq!(said::<Object<Outer>>(value.clone()), message, "{value}");
    }
}

#[test]
fn the_browsers_own_names_for_values_read_the_same() {
    // serde-wasm-bindgen names a number it cannot use as a float and null as a unit value.
    let mismatch = |message: &str| Mismatch {
        path: "things[0].number".into(),
        message: message.into(),
    };
    assert_eq!(
        explain(&mismatch(
            "invalid type: floating point `1.5`, expected a whole number"
        )),
        "things[0].number must be a whole number, not 1.5"
    );
    assert_eq!(
        explain(&mismatch(
            "invalid type: unit value, expected a whole number"
        )),
        "things[0].number must be a whole number, not null"
    );
    // Anything else is passed on with its path.
    assert_eq!(
        explain(&mismatch("something new")),
        "things[0].number: something new"
    );
}

#[test]
fn loose_values_take_anything_and_keep_text_and_whole_numbers() {
    assert_eq!(read::<Loose>(json!("a")), Ok(Loose::Text("a".into())));
    assert_eq!(read::<Loose>(json!(7)), Ok(Loose::Number(7)));
    for other in [
        json!(-1),
        json!(1.5),
        json!(null),
        json!([1, [2]]),
        json!({ "a": { "b": 1 } }),
        json!(true),
    ] {
        assert_eq!(read::<Loose>(other.clone()), Ok(Loose::Other), "{other}");
    }
}

#[test]
fn pairs_keep_the_order_given_and_fields_are_found() {
    let value = json!({ "b": 1, "a": 2 });
    let pairs = read::<Pairs<Whole>>(value.clone()).unwrap();
    assert_eq!(
        pairs.0,
        [("b".to_owned(), Whole(1)), ("a".to_owned(), Whole(2))]
    );
    assert_eq!(value.field("a"), Some(json!(2)));
    assert_eq!(value.field("c"), None);
    assert_eq!(
        said::<Pairs<Whole>>(json!([])),
        "the file must be an object { … }, not a list [ … ]"
    );
}
