use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ProgressLineProps {
    pub done: usize,
    pub total: usize,
    /// "2 of 5 answered", in the widget's language.
    pub text: AttrValue,
}

/// "2 of 5 answered", announced politely when it changes, with a bar for the eye.
#[function_component(ProgressLine)]
pub fn progress_line(props: &ProgressLineProps) -> Html {
    let (done, total) = (props.done, props.total);
    html! {
        <p class="status">
            <progress class="bar" max={total.to_string()} value={done.to_string()} aria-hidden="true"></progress>
            <span role="status">{ props.text.clone() }</span>
        </p>
    }
}
