use super::checklist::Checklist;
use super::error_notice::ErrorNotice;
use super::overview::Overview;
use crate::core::colour::Scheme;
use crate::view::widget::Widget;
use std::rc::Rc;
use yew::prelude::*;

/// What a widget shows: a checklist, the course overview, or a message for the page author.
#[derive(Clone, PartialEq)]
pub enum Shown {
    Checklist(Rc<Widget>, Scheme),
    Overview(Rc<Widget>, Scheme),
    /// What to fix, and the problems one by one when there are several.
    Failed(AttrValue, Rc<Vec<String>>),
}

/// A part to open as the widget mounts: the full module taking over from the click that
/// asked for it (the lite module has no backup panel, outline or overview).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Opening {
    Nothing,
    Backup,
    Overview,
    Outline,
}

#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub shown: Shown,
    pub open: Opening,
}

/// The root of one widget in the full module (the lite module mounts the checklist directly:
/// see `view::extras`).
#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    match &props.shown {
        Shown::Overview(model, scheme) => {
            html! { <Overview widget={model.clone()} scheme={*scheme} /> }
        }
        Shown::Checklist(model, scheme) => {
            html! { <Checklist widget={model.clone()} scheme={*scheme} open={props.open} /> }
        }
        Shown::Failed(message, details) => {
            html! { <ErrorNotice message={message.clone()} details={details.clone()} /> }
        }
    }
}
