//! The snippet to paste, as text, with its copy button, what the copy did, and where to paste it.

use super::instructions::Instructions;
use crate::view::configurator::form::{Action, CopyOutcome, Platform};
use crate::web::files;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SnippetBoxProps {
    /// The snippet's HTML, shown as text.
    pub html: String,
    pub copied: Option<CopyOutcome>,
    pub platform: Platform,
    pub onchange: Callback<Action>,
}

#[function_component(SnippetBox)]
pub fn snippet_box(props: &SnippetBoxProps) -> Html {
    let oncopy = {
        let (html, onchange) = (props.html.clone(), props.onchange.clone());
        Callback::from(move |_: MouseEvent| {
            let (html, onchange) = (html.clone(), onchange.clone());
            yew::platform::spawn_local(async move {
                let copied = files::copy_text(&html).await;
                onchange.emit(Action::Copied(CopyOutcome::of(copied)));
            });
        })
    };
    html! {
        <section aria-labelledby="snippet-title">
            <div class="row heading-row">
                <h2 id="snippet-title">{ "The snippet to paste" }</h2>
                <button type="button" class="primary" onclick={oncopy}>{ "Copy the snippet" }</button>
            </div>
            <textarea id="snippet" readonly=true rows="9" spellcheck="false"
                aria-labelledby="snippet-title" value={props.html.clone()} />
            <p class="status" role="status">
                { props.copied.map(CopyOutcome::message).unwrap_or_default() }
            </p>
            <Instructions platform={props.platform} onchange={props.onchange.clone()} />
        </section>
    }
}
