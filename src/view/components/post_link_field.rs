//! "My post for this Thing": the link to the post in which the reader answered the Thing,
//! under the checklist (the full module's; the lite one shows only the button that asks for it).

use crate::core::post_link::{LinkProblem, PostLink};
use crate::view::i18n::Label;
use crate::view::widget::Widget;
use crate::view::words;
use crate::web::progress_store;
use std::rc::Rc;
use web_sys::{HtmlElement, HtmlInputElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PostLinkFieldProps {
    pub widget: Rc<Widget>,
    /// The link kept now for this Thing (here, in another widget or in another tab).
    pub link: Option<PostLink>,
    /// Whether a question is ticked: the button to add a link shows from then on.
    pub ticked: bool,
    /// Open with the field shown and focused: the full module taking over from the lite
    /// module's button.
    pub open: bool,
}

/// Where the focus goes after the next render.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Focus {
    Field,
    Button,
}

#[derive(Clone, PartialEq)]
struct FieldState {
    /// Whether the address field is shown.
    editing: bool,
    /// What the reader typed, kept whole whatever its fate.
    typed: AttrValue,
    /// Why the last address was refused.
    problem: Option<LinkProblem>,
    /// The last thing done, said quietly ("Link saved.").
    said: Option<Label>,
    /// The reader used the field in this visit: its button stays even with nothing ticked.
    touched: bool,
    /// Where to put the focus, and a count that changes with each request.
    focus: Option<(Focus, u32)>,
}

enum Action {
    /// Show the field, holding `text`.
    Open(String),
    Type(String),
    Refused(LinkProblem),
    /// Close the field (saved, removed or cancelled), saying `said`.
    Close(Option<Label>),
}

impl Reducible for FieldState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        let count = self.focus.map_or(0, |(_, n)| n.wrapping_add(1));
        next.touched = true;
        match action {
            Action::Open(text) => {
                next.editing = true;
                next.typed = text.into();
                next.problem = None;
                next.said = None;
                next.focus = Some((Focus::Field, count));
            }
            Action::Type(text) => next.typed = text.into(),
            Action::Refused(problem) => next.problem = Some(problem),
            Action::Close(said) => {
                next.editing = false;
                next.problem = None;
                next.said = said;
                next.focus = Some((Focus::Button, count));
            }
        }
        Rc::new(next)
    }
}

/// The reader's post for this Thing: a button to add its link, then a labelled address field
/// that keeps only http and https addresses and says why it refuses another; once kept, the
/// link itself (opening in a new tab) with buttons to change or remove it.
#[function_component(PostLinkField)]
pub fn post_link_field(props: &PostLinkFieldProps) -> Html {
    let state = use_reducer({
        let open = props.open;
        // Opened from the lite module's button where a link is kept already: it is the text.
        let typed = props
            .link
            .as_ref()
            .map(ToString::to_string)
            .unwrap_or_default();
        move || FieldState {
            editing: open,
            typed: typed.into(),
            problem: None,
            said: None,
            touched: false,
            focus: open.then_some((Focus::Field, 0)),
        }
    });
    let field = use_node_ref();
    let button = use_node_ref();
    {
        let (field, button) = (field.clone(), button.clone());
        use_effect_with(state.focus, move |focus| {
            let node = match focus {
                Some((Focus::Field, _)) => field.cast::<HtmlElement>(),
                Some((Focus::Button, _)) => button.cast::<HtmlElement>(),
                None => None,
            };
            if let Some(node) = node {
                let _ = node.focus();
            }
        });
    }
    let labels = &props.widget.labels;
    let onopen = {
        let state = state.dispatcher();
        let text = props
            .link
            .as_ref()
            .map(ToString::to_string)
            .unwrap_or_default();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::Open(text.clone())))
    };
    let ontype = {
        let state = state.dispatcher();
        Callback::from(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            state.dispatch(Action::Type(input.value()));
        })
    };
    let onsave = {
        let state = state.clone();
        let widget = props.widget.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            match PostLink::parse(&state.typed) {
                Ok(link) => {
                    progress_store::set_link(&widget.model, Some(&link));
                    state.dispatch(Action::Close(Some(Label::LinkSaved)));
                }
                Err(problem) => state.dispatch(Action::Refused(problem)),
            }
        })
    };
    let oncancel = {
        let state = state.dispatcher();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::Close(None)))
    };
    let onkeydown = {
        let state = state.dispatcher();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Escape" {
                event.prevent_default();
                state.dispatch(Action::Close(None));
            }
        })
    };
    let onremove = {
        let state = state.dispatcher();
        let widget = props.widget.clone();
        Callback::from(move |_: MouseEvent| {
            progress_store::set_link(&widget.model, None);
            state.dispatch(Action::Close(Some(Label::LinkRemoved)));
        })
    };

    let body = if state.editing {
        let problem = state
            .problem
            .as_ref()
            .map(|problem| words::link_problem(problem, labels));
        html! {
            <form class="post-link-form" novalidate=true onsubmit={onsave}>
                <label class="field" for="tp-post-link">
                    <span>{ labels.text(Label::PostLinkLabel) }</span>
                </label>
                <input id="tp-post-link" type="url" ref={field} value={state.typed.clone()}
                    oninput={ontype} onkeydown={onkeydown} autocomplete="url" spellcheck="false"
                    aria-invalid={problem.is_some().to_string()}
                    aria-describedby={problem.is_some().then_some("tp-post-link-problem")} />
                if let Some(problem) = problem {
                    <p id="tp-post-link-problem" class="failed" role="alert">{ problem }</p>
                }
                <div class="row">
                    <button type="submit">{ labels.text(Label::SaveLink) }</button>
                    <button type="button" onclick={oncancel}>{ labels.text(Label::CancelLink) }</button>
                </div>
            </form>
        }
    } else if let Some(link) = &props.link {
        html! {
            <>
                <p class="post">
                    { labels.text(Label::MyPost) }{ ": " }
                    <a href={link.to_string()} target="_blank" rel="noopener" dir="auto">{ link.to_string() }</a>
                </p>
                <div class="row">
                    <button type="button" ref={button} onclick={onopen}>{ labels.text(Label::ChangeLink) }</button>
                    <button type="button" onclick={onremove}>{ labels.text(Label::RemoveLink) }</button>
                </div>
            </>
        }
    } else if props.ticked || state.touched {
        html! {
            <button type="button" ref={button} onclick={onopen}>{ labels.text(Label::AddPostLink) }</button>
        }
    } else {
        return Html::default();
    };
    html! {
        <div class="post-link">
            { body }
            <p class="said" role="status">{ state.said.map(|said| labels.text(said)).unwrap_or_default() }</p>
        </div>
    }
}
