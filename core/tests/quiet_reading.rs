#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]
//! The lite module's reader (`formats::read_quietly`) against the full module's: it must take
//! exactly what the full one takes, with the same values, and refuse exactly what it refuses,
//! saying only that it does not fit. A page whose programme or stored progress the two read
//! differently would show the lite module's checklist where the full one has a message for the
//! page's author, or hand over a page the full module then shows as a checklist.
//!
//! Both readers run here on serde_json's values; in the browser the full module reads
//! `JSON.parse`'s values with serde-wasm-bindgen and the lite one takes them apart alike
//! (`web::json`), which the browser tests check on real pages.

use proptest::prelude::*;
use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::{json, Value};
use thing_prompts_core::backup::{Backup, BackupError};
use thing_prompts_core::formats::{
    host_json, read_quietly, Flag, List, Loose, Mismatch, Object, Pairs, Parsed, Text, Time, Unfit,
    Whole,
};
use thing_prompts_core::programme::{self, Problem, Programme, ProgrammeErrors};
use thing_prompts_core::progress::{Progress, StoredDataError};

/// serde_json's values read as the lite module reads the browser's.
struct Quietly(Value);

impl Parsed for Quietly {
    fn read<T: DeserializeOwned>(&self) -> Result<T, Mismatch> {
        read_quietly(self.0.clone()).map_err(|Unfit| Mismatch::unexplained())
    }

    fn field(&self, name: &str) -> Option<Self> {
        self.0.field(name).map(Quietly)
    }
}

/// A programme's errors with the words of a mismatch left out (the lite reader has none).
fn without_words(errors: ProgrammeErrors) -> ProgrammeErrors {
    ProgrammeErrors(
        errors
            .0
            .into_iter()
            .map(|mut error| {
                if let Problem::NotAProgramme(_) = error.problem {
                    error.problem = Problem::NotAProgramme(Mismatch::unexplained());
                }
                error
            })
            .collect(),
    )
}

fn stored_kind(error: StoredDataError) -> StoredDataError {
    match error {
        StoredDataError::Unreadable(_) => StoredDataError::Unreadable(String::new()),
        newer => newer,
    }
}

fn backup_kind(error: BackupError) -> BackupError {
    match error {
        BackupError::DamagedProgress(why) => BackupError::DamagedProgress(stored_kind(why)),
        other => other,
    }
}

/// Every format read both ways from `value`: the same results, the words of a mismatch aside.
fn agree(value: &Value) {
    let quiet = Quietly(value.clone());
    assert_eq!(
        Programme::from_parsed(&quiet).map_err(without_words),
        Programme::from_parsed(value).map_err(without_words),
        "a programme: {value}"
    );
    assert_eq!(
        Progress::from_parsed(&quiet).map_err(stored_kind),
        Progress::from_parsed(value).map_err(stored_kind),
        "stored progress: {value}"
    );
    assert_eq!(
        Backup::from_file(&quiet).map_err(backup_kind),
        Backup::from_file(value).map_err(backup_kind),
        "a backup file: {value}"
    );
}

/// `value` read as `T` both ways: both take it, with the same value, or both refuse it.
fn same<T: DeserializeOwned + PartialEq + std::fmt::Debug>(value: &Value) {
    let quiet = read_quietly::<T, _>(value.clone()).ok();
    let full = value.read::<T>().ok();
    assert_eq!(quiet, full, "{value} as {}", std::any::type_name::<T>());
}

/// JSON of every kind, for the value types one by one.
fn samples() -> Vec<Value> {
    vec![
        json!(null),
        json!(true),
        json!(false),
        json!(0),
        json!(5),
        json!(-1),
        json!(1.5),
        json!(1.0),
        json!(-0.0),
        json!(1e3),
        json!(4_294_967_295_u64),
        json!(4_294_967_296_u64),
        json!(u64::MAX),
        json!(i64::MIN),
        json!(""),
        json!("a"),
        json!([]),
        json!([1, "a", null]),
        json!([[1], { "a": 1 }]),
        json!({}),
        json!({ "a": 1, "b": "x" }),
        json!({ "a": { "b": [1.5] } }),
    ]
}

#[test]
fn each_value_type_takes_and_refuses_the_same() {
    for value in samples() {
        same::<Text>(&value);
        same::<Whole>(&value);
        same::<Time>(&value);
        same::<Flag>(&value);
        same::<Loose>(&value);
        same::<Option<Text>>(&value);
        same::<List<Whole>>(&value);
        same::<List<Loose>>(&value);
        same::<Pairs<Loose>>(&value);
        same::<Pairs<Pairs<Whole>>>(&value);
        same::<Object<Point>>(&value);
        same::<List<Object<Point>>>(&value);
    }
    for value in [
        json!({ "x": 1 }),
        json!({ "x": 1, "label": "a", "flags": [true] }),
        json!({ "x": 1, "label": null }),
        json!({ "x": 1, "flags": null }),
        json!({ "x": 1, "y": 2 }),
        json!({ "label": "a" }),
        json!([1]),
    ] {
        same::<Object<Point>>(&value);
    }
}

/// A struct as the formats have them: an object with known fields only, one optional, one
/// that may be left out.
#[derive(Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
struct Point {
    x: Whole,
    label: Option<Text>,
    #[serde(default)]
    flags: List<Flag>,
}

#[test]
fn a_refusal_says_only_where() {
    assert_eq!(read_quietly::<Whole, _>(json!(1.5)), Err(Unfit));
    assert_eq!(read_quietly::<Text, _>(json!(12)), Err(Unfit));
    assert_eq!(read_quietly::<Whole, _>(json!(12)), Ok(Whole(12)));
    assert_eq!(Unfit.to_string(), "does not fit");
    // Stored progress the lite module cannot read is named in its console warning by place.
    assert_eq!(
        Mismatch::unexplained().within("things").to_string(),
        "things"
    );
    let said = Progress::from_parsed(&Quietly(json!({ "version": 1, "things": [] })));
    assert_eq!(
        said.map_err(|e| e.to_string()),
        Err("the saved progress could not be read (things)".to_owned())
    );
}

#[test]
fn a_programme_of_the_wrong_shape_is_refused_as_a_whole() {
    let value = json!({ "format": 1, "id": "x", "title": "X", "things": [{ "number": 1.5, "title": "A" }] });
    assert_eq!(
        Programme::from_parsed(&Quietly(value)),
        Err(ProgrammeErrors::whole_file(Problem::NotAProgramme(
            Mismatch::unexplained()
        )))
    );
}

const SMALL_PROGRAMME: &str = r#"{"$schema":"https://example.org/s.json","format":1,"id":"my-course","title":"My course","language":"en","timeZone":"Europe/London",
"schedule":{"start":"2026-01-05","intervalDays":7,"catchUp":["2026-01-19"]},
"things":[{"number":1,"title":"Blogging","link":"https://example.org/1",
"prompts":[{"text":"Why?"},{"id":"q2","text":"What next?","optional":true}]},
{"number":2,"title":"Twitter","prompts":[{"text":"Who?"}]}]}"#;

const PROGRESS: &str = r#"{"version":1,"things":{"12":{"q1":{"done":true,"at":5,"note":"mine","noteAt":6},"t0123456789abcdef":{"done":false,"at":7}},"":{"x":{"done":true,"at":0,"extra":[1.5]}}}}"#;

const BACKUP: &str = r#"{"thingPromptsBackup":1,"course":"cpd23-2012","progress":{"things":{"12":{"q1":{"at":5,"done":true}}},"version":1}}"#;

/// The valid texts the mutations start from: the bundled programmes, a small programme with
/// every field, stored progress with notes, and a backup file.
fn sources() -> Vec<Value> {
    let mut texts: Vec<&str> = programme::BUNDLED.iter().map(|(_, text)| *text).collect();
    texts.extend([SMALL_PROGRAMME, PROGRESS, BACKUP]);
    texts.into_iter().map(|t| host_json(t).unwrap()).collect()
}

#[test]
fn the_sources_are_read_alike_and_are_valid() {
    let sources = sources();
    for value in &sources {
        agree(value);
    }
    assert!(Programme::from_parsed(&Quietly(sources[0].clone())).is_ok());
    assert!(Programme::from_parsed(&Quietly(sources[2].clone())).is_ok());
    assert!(Progress::from_parsed(&Quietly(sources[3].clone())).is_ok());
    assert!(Backup::from_file(&Quietly(sources[4].clone())).is_ok());
}

/// What a mutation puts in place of a value: every JSON kind, and the numbers that tell the
/// value types apart.
fn replacements() -> Vec<Value> {
    samples()
}

/// Every place in `value` (a path of keys and indexes), the whole value first.
fn places(value: &Value, path: &mut Vec<Step>, out: &mut Vec<Vec<Step>>) {
    out.push(path.clone());
    match value {
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                path.push(Step::Index(i));
                places(item, path, out);
                path.pop();
            }
        }
        Value::Object(fields) => {
            for (key, item) in fields {
                path.push(Step::Key(key.clone()));
                places(item, path, out);
                path.pop();
            }
        }
        _ => {}
    }
}

#[derive(Clone, Debug)]
enum Step {
    Key(String),
    Index(usize),
}

fn at<'a>(value: &'a mut Value, path: &[Step]) -> &'a mut Value {
    path.iter().fold(value, |value, step| match step {
        Step::Key(key) => &mut value[key.as_str()],
        Step::Index(i) => &mut value[*i],
    })
}

#[derive(Clone, Debug)]
enum Change {
    /// The value there becomes another.
    Replace(usize),
    /// The field there is taken out (the whole value: nothing happens).
    Remove,
    /// An object gets a field it does not know.
    AddField(usize),
}

/// `value` with `change` made at its place number `place` (of [`places`], wrapping round).
fn changed(mut value: Value, place: prop::sample::Index, change: &Change) -> Value {
    let mut all = Vec::new();
    places(&value, &mut Vec::new(), &mut all);
    let path = &all[place.index(all.len())];
    let replacements = replacements();
    match change {
        Change::Replace(n) => *at(&mut value, path) = replacements[n % replacements.len()].clone(),
        Change::Remove => {
            if let Some((Step::Key(key), parent)) = path.split_last() {
                if let Value::Object(fields) = at(&mut value, parent) {
                    fields.remove(key);
                }
            }
        }
        Change::AddField(n) => {
            if let Value::Object(fields) = at(&mut value, path) {
                fields.insert(
                    "unknownField".into(),
                    replacements[n % replacements.len()].clone(),
                );
            }
        }
    }
    value
}

fn change() -> impl Strategy<Value = Change> {
    prop_oneof![
        3 => any::<usize>().prop_map(Change::Replace),
        1 => Just(Change::Remove),
        1 => any::<usize>().prop_map(Change::AddField),
    ]
}

#[test]
fn every_place_of_the_small_sources_given_every_kind_of_value_is_read_alike() {
    // Deterministic and exhaustive over one change at a time; the bundled programmes, whose
    // places are many, are changed at random below.
    for source in sources().into_iter().skip(programme::BUNDLED.len()) {
        let mut all = Vec::new();
        places(&source, &mut Vec::new(), &mut all);
        for path in &all {
            for replacement in replacements() {
                let mut value = source.clone();
                *at(&mut value, path) = replacement;
                agree(&value);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 256,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// Several changes at once, anywhere: removed fields, unknown ones, values of every kind.
    #[test]
    fn changed_sources_are_read_alike(
        source in prop::sample::select(sources()),
        changes in prop::collection::vec((any::<prop::sample::Index>(), change()), 1..4),
    ) {
        let value = changes
            .iter()
            .fold(source, |value, (place, change)| changed(value, *place, change));
        agree(&value);
    }
}
