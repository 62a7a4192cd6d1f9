//! What to show: one Thing's checklist or the course overview.

use super::choice::Choice;
use crate::core::embed::View;
use crate::view::configurator::form::Action;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ViewFieldProps {
    pub view: View,
    pub onchange: Callback<Action>,
}

const VIEWS: [(View, &str, &str); 2] = [
    (
        View::Checklist,
        "view-checklist",
        "One Thing's questions (checklist)",
    ),
    (
        View::Overview,
        "view-overview",
        "Every Thing with the reader's progress (overview)",
    ),
];

#[function_component(ViewField)]
pub fn view_field(props: &ViewFieldProps) -> Html {
    html! {
        <>
            { for VIEWS.into_iter().map(|(view, id, label)| html! {
                <Choice name="view" {id} {label} checked={props.view == view}
                    pick={Action::PickView(view)} onchange={props.onchange.clone()} />
            }) }
        </>
    }
}
