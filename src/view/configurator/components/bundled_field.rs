//! The list of bundled courses, each by its title once its file is here.

use super::send_value::send_value;
use crate::core::programme::BUNDLED_IDS;
use crate::view::configurator::form::{course_title, Action, Files, ProgrammeProblem};
use crate::web::json;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct BundledFieldProps {
    /// The chosen course's id.
    pub bundled: String,
    pub files: Rc<Files>,
    /// Only a file that could not be fetched is said here; the widget says what is wrong in one.
    pub problem: Option<ProgrammeProblem>,
    pub onchange: Callback<Action>,
}

#[function_component(BundledField)]
pub fn bundled_field(props: &BundledFieldProps) -> Html {
    html! {
        <div class="field">
            <label for="bundled">{ "Course" }</label>
            <select id="bundled" onchange={send_value(&props.onchange, Action::PickCourse)}>
                { for BUNDLED_IDS.iter().map(|id| html! {
                    <option value={*id} selected={props.bundled == *id}>
                        { course_title(&props.files, id, json::parse) }
                    </option>
                }) }
            </select>
            if let Some(ProgrammeProblem::Unavailable(error)) = &props.problem {
                <p class="field-error" role="alert">{ error.clone() }</p>
            }
        </div>
    }
}
