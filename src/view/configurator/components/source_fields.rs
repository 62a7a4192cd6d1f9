//! The "Programme" fieldset: where the programme comes from, and the field for that source.

use super::bundled_field::BundledField;
use super::checked_field::{aria_for, CheckedField};
use super::choice::Choice;
use super::send_value::send_value;
use crate::view::configurator::form::{Action, Files, ProgrammeProblem, SourceKind};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SourceFieldsProps {
    pub source: SourceKind,
    /// What the source's field holds: the course's id, the pasted JSON or the address typed.
    pub entered: String,
    pub files: Rc<Files>,
    pub problem: Option<ProgrammeProblem>,
    pub onchange: Callback<Action>,
}

const SOURCES: [(SourceKind, &str, &str); 3] = [
    (SourceKind::Bundled, "source-bundled", "A bundled course"),
    (
        SourceKind::Pasted,
        "source-pasted",
        "Paste a programme's JSON",
    ),
    (
        SourceKind::Url,
        "source-url",
        "A programme file on the web (URL)",
    ),
];

#[function_component(SourceFields)]
pub fn source_fields(props: &SourceFieldsProps) -> Html {
    let (problem, onchange) = (props.problem.clone(), props.onchange.clone());
    let field = match props.source {
        SourceKind::Bundled => html! {
            <BundledField bundled={props.entered.clone()} files={props.files.clone()} {problem} {onchange} />
        },
        SourceKind::Pasted => {
            let (invalid, described) = aria_for("pasted", problem.as_ref());
            html! {
                <CheckedField id="pasted" label="The programme's JSON" {problem}
                    hint="A programme file as README \"Programmes\" describes it. It goes into the post with the snippet.">
                    <textarea id="pasted" rows="10" spellcheck="false" value={props.entered.clone()}
                        aria-invalid={invalid} aria-describedby={described}
                        oninput={send_value(&onchange, Action::TypeProgramme)} />
                </CheckedField>
            }
        }
        SourceKind::Url => {
            let (invalid, described) = aria_for("url", problem.as_ref());
            let url = props.entered.clone();
            html! {
                <CheckedField id="url" label="Address of the programme file" {problem}
                    hint="An https:// address whose server lets other sites read it (Access-Control-Allow-Origin: *), such as a file on GitHub Pages.">
                    <div class="row">
                        <input id="url" type="url" value={props.entered.clone()} placeholder="https://example.org/course.json"
                            aria-invalid={invalid} aria-describedby={described}
                            oninput={send_value(&onchange, Action::TypeUrl)} onchange={send_value(&onchange, Action::LoadUrl)} />
                        <button type="button" onclick={onchange.reform(move |_: MouseEvent| Action::LoadUrl(url.clone()))}>
                            { "Load" }
                        </button>
                    </div>
                </CheckedField>
            }
        }
    };
    html! {
        <fieldset>
            <legend>{ "Programme" }</legend>
            { for SOURCES.into_iter().map(|(source, id, label)| html! {
                <Choice name="source" {id} {label} checked={props.source == source}
                    pick={Action::PickSource(source)} onchange={props.onchange.clone()} />
            }) }
            { field }
        </fieldset>
    }
}
