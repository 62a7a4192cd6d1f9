#[cfg(feature = "extras")]
use super::checklist::Checklist;
#[cfg(feature = "extras")]
use super::error_notice::ErrorNotice;
#[cfg(feature = "extras")]
use super::overview::Overview;
use crate::colour::Scheme;
#[cfg(feature = "extras")]
use crate::embed::View;
use crate::embed::WidgetModel;
use std::rc::Rc;
#[cfg(feature = "extras")]
use yew::prelude::*;

/// What mounting a placeholder came to: a checklist, or a message for the page author.
#[derive(Clone, PartialEq)]
pub enum Outcome {
    Ready(Rc<WidgetModel>, Scheme),
    /// What to fix, and the problems one by one when there are several (only the full
    /// module says: the lite one hands a placeholder with a problem over to it).
    #[cfg(feature = "extras")]
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

#[cfg(feature = "extras")]
#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub outcome: Outcome,
    pub open: Opening,
}

/// The root of one widget (the lite module mounts the checklist directly).
#[cfg(feature = "extras")]
#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    match &props.outcome {
        #[cfg(feature = "extras")]
        Outcome::Ready(model, scheme) if model.view == View::Overview => {
            html! { <Overview model={model.clone()} scheme={*scheme} /> }
        }
        Outcome::Ready(model, scheme) => {
            html! { <Checklist model={model.clone()} scheme={*scheme} open={props.open} /> }
        }
        #[cfg(feature = "extras")]
        Outcome::Failed(message, details) => {
            html! { <ErrorNotice message={message.clone()} details={details.clone()} /> }
        }
    }
}
