use super::checklist::Checklist;
use super::error_notice::ErrorNotice;
use super::overview::Overview;
use crate::colour::Scheme;
use crate::embed::{View, WidgetModel};
use std::rc::Rc;
use yew::prelude::*;

/// What mounting a placeholder came to: a checklist, or a message for the page author.
#[derive(Clone, PartialEq)]
pub enum Outcome {
    Ready(Rc<WidgetModel>, Scheme),
    /// What to fix, and the problems one by one when there are several.
    Failed(AttrValue, Rc<Vec<String>>),
}

#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub outcome: Outcome,
}

/// The root of one widget.
#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    match &props.outcome {
        Outcome::Ready(model, scheme) if model.view == View::Overview => {
            html! { <Overview model={model.clone()} scheme={*scheme} /> }
        }
        Outcome::Ready(model, scheme) => {
            html! { <Checklist model={model.clone()} scheme={*scheme} /> }
        }
        Outcome::Failed(message, details) => {
            html! { <ErrorNotice message={message.clone()} details={details.clone()} /> }
        }
    }
}
