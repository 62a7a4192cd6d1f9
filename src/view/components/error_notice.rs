use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ErrorNoticeProps {
    pub message: AttrValue,
    #[prop_or_default]
    pub details: Rc<Vec<String>>,
}

/// Says what to fix, and keeps the placeholder's own content visible below it (the `<slot>`).
#[function_component(ErrorNotice)]
pub fn error_notice(props: &ErrorNoticeProps) -> Html {
    html! {
        <>
            <div class="tp error" role="note" lang="en">
                <p><strong>{ "Thing Prompts: " }</strong>{ props.message.clone() }</p>
                if !props.details.is_empty() {
                    <ul class="problems">
                        { for props.details.iter().map(|problem| html! { <li>{ problem.clone() }</li> }) }
                    </ul>
                }
            </div>
            <slot></slot>
        </>
    }
}
