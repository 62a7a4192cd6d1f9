use crate::prompt_id::PromptId;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PromptItemProps {
    pub id: PromptId,
    pub text: AttrValue,
    pub checked: bool,
    /// "optional", in the widget's language, for a question that does not count.
    #[prop_or_default]
    pub optional: Option<AttrValue>,
    /// Called with the prompt's id and whether it is now ticked.
    pub ontoggle: Callback<(PromptId, bool)>,
}

/// One question: a native checkbox whose label is the question's text.
#[function_component(PromptItem)]
pub fn prompt_item(props: &PromptItemProps) -> Html {
    let onchange = {
        let id = props.id.clone();
        let ontoggle = props.ontoggle.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            ontoggle.emit((id.clone(), input.checked()));
        })
    };
    html! {
        <li class={classes!(props.checked.then_some("done"))}>
            <label class="prompt">
                <input type="checkbox" checked={props.checked} {onchange} />
                <span class="text" dir="auto">
                    { props.text.clone() }
                    if let Some(optional) = &props.optional {
                        <span class="optional">{ " (" }{ optional.clone() }{ ")" }</span>
                    }
                </span>
            </label>
        </li>
    }
}
