//! Whether readers get a private notes box under each question.

use crate::view::configurator::form::Action;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NotesFieldProps {
    pub notes: bool,
    /// Notes belong to a checklist: the overview has none.
    pub overview: bool,
    pub onchange: Callback<Action>,
}

#[function_component(NotesField)]
pub fn notes_field(props: &NotesFieldProps) -> Html {
    let onchange = props.onchange.reform(|_: Event| Action::ToggleNotes);
    html! {
        <>
            <div class="choice">
                <input type="checkbox" id="notes" checked={props.notes} disabled={props.overview} aria-describedby="notes-help" {onchange} />
                <label for="notes">{ "A private notes box under each question" }</label>
            </div>
            <p id="notes-help" class="hint">{ "Readers' notes stay in their own browser, go into their \"Start my post\" outline and their backup file." }</p>
        </>
    }
}
