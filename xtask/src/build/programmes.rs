//! The bundled programmes in dist/: checked with the widget's own types and rules (a bad one
//! stops the build), written without layout white space, and cut into one file per Thing.
//!
//! A page that pins a Thing (`data-thing="12"`) fetches `programmes/<id>/12.json`: the whole
//! programme with every other Thing's questions left out (its titles and schedule stay, for
//! "Thing 12 of 23" and the week), a quarter of the whole file.

use crate::shared::{root, Result};
use serde_json::Value;
use std::path::Path;
use thing_prompts_core::programme::Programme;

/// A bundled programme as dist/ has it.
pub struct Bundled {
    pub id: String,
    /// Its Things are numbered 1 to this, each with its own file.
    pub things: u32,
    /// The whole file's text, as written to `programmes/<id>.json`.
    pub text: String,
}

/// Checks every www/programmes/*.json, writes it and its per-Thing files to
/// `dist/programmes/`, and returns them sorted by id.
pub fn write(dist: &Path) -> Result<Vec<Bundled>> {
    let from = root().join("www").join("programmes");
    let to = dist.join("programmes");
    let mut found = Vec::new();
    let entries = std::fs::read_dir(&from).map_err(|e| format!("{}: {e}", from.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        let Some(id) = path
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| n.strip_suffix(".json"))
        else {
            continue;
        };
        let text =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let programme = Programme::from_json(&text)
            .map_err(|errors| format!("www/programmes/{id}.json cannot ship: {errors}"))?;
        if programme.id != id {
            return Err(format!(
                "www/programmes/{id}.json names itself \"{}\": the file name and its id must agree",
                programme.id
            ));
        }
        // The loader knows a bundled programme's Things by their count.
        let things = u32::try_from(programme.things.len()).unwrap_or(u32::MAX);
        if !programme
            .things
            .iter()
            .zip(1..)
            .all(|(thing, n)| thing.number == n)
        {
            return Err(format!(
                "www/programmes/{id}.json: a bundled programme numbers its Things 1, 2, 3 … without gaps"
            ));
        }
        let value: Value = serde_json::from_str(&text).map_err(|e| format!("{id}: {e}"))?;
        let whole = serde_json::to_string(&value).map_err(|e| format!("{id}: {e}"))?;
        save(&to.join(format!("{id}.json")), &whole)?;
        for thing in &programme.things {
            let slice = serde_json::to_string(&only_questions_of(&value, thing.number))
                .map_err(|e| format!("{id}: {e}"))?;
            let cut = Programme::from_json(&slice)
                .map_err(|errors| format!("{id}, Thing {}: {errors}", thing.number))?;
            if cut.thing(thing.number) != Some(thing) {
                return Err(format!(
                    "{id}: the file for Thing {} does not hold its questions",
                    thing.number
                ));
            }
            save(&to.join(id).join(format!("{}.json", thing.number)), &slice)?;
        }
        found.push(Bundled {
            id: id.to_owned(),
            things,
            text: whole,
        });
    }
    found.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(found)
}

/// The programme with the prompts of every Thing but `number` left out.
fn only_questions_of(programme: &Value, number: u32) -> Value {
    let mut slice = programme.clone();
    if let Some(things) = slice.get_mut("things").and_then(Value::as_array_mut) {
        for thing in things {
            let keeps = thing.get("number").and_then(Value::as_u64) == Some(u64::from(number));
            if let (false, Some(fields)) = (keeps, thing.as_object_mut()) {
                fields.shift_remove("prompts");
            }
        }
    }
    slice
}

fn save(path: &Path, text: &str) -> Result {
    if let Some(folder) = path.parent() {
        std::fs::create_dir_all(folder).map_err(|e| format!("{}: {e}", folder.display()))?;
    }
    std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::only_questions_of;
    use serde_json::json;

    #[test]
    fn a_things_file_keeps_only_its_questions_and_every_title() {
        let programme = json!({
            "format": 1,
            "things": [
                { "number": 1, "title": "A", "prompts": [{ "text": "a?" }] },
                { "number": 2, "title": "B", "prompts": [{ "text": "b?" }] }
            ]
        });
        assert_eq!(
            only_questions_of(&programme, 2),
            json!({
                "format": 1,
                "things": [
                    { "number": 1, "title": "A" },
                    { "number": 2, "title": "B", "prompts": [{ "text": "b?" }] }
                ]
            })
        );
    }
}
