//! A field whose programme is checked as it comes (pasted or fetched): its label and hint, the
//! control, and what stops the programme from being used, which the control's ARIA names.

use crate::view::configurator::form::ProgrammeProblem;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CheckedFieldProps {
    /// The control's id; its hint and problems take it as a prefix.
    pub id: AttrValue,
    pub label: AttrValue,
    pub hint: AttrValue,
    pub problem: Option<ProgrammeProblem>,
    /// The control, with the ARIA of [`aria_for`].
    pub children: Html,
}

/// The control's `aria-invalid` and `aria-describedby`: its hint, and its problems when it has some.
pub fn aria_for(id: &str, problem: Option<&ProgrammeProblem>) -> (&'static str, String) {
    match problem {
        Some(_) => ("true", format!("{id}-help {id}-errors")),
        None => ("false", format!("{id}-help")),
    }
}

#[function_component(CheckedField)]
pub fn checked_field(props: &CheckedFieldProps) -> Html {
    let said = props.problem.as_ref().map(|problem| match problem {
        ProgrammeProblem::Unavailable(error) => html! { <p>{ error.clone() }</p> },
        // A programme's problems, as the widget lists them.
        ProgrammeProblem::Invalid(errors) => html! {
            <>
                <p>{ "This programme cannot be used:" }</p>
                <ul>{ for errors.0.iter().map(|e| html! { <li>{ e.to_string() }</li> }) }</ul>
            </>
        },
    });
    html! {
        <div class="field">
            <label for={props.id.clone()}>{ props.label.clone() }</label>
            <p id={format!("{}-help", props.id)} class="hint">{ props.hint.clone() }</p>
            { props.children.clone() }
            if let Some(said) = said {
                <div id={format!("{}-errors", props.id)} class="field-error">{ said }</div>
            }
        </div>
    }
}
