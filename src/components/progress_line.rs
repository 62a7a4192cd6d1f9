use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ProgressLineProps {
    pub done: usize,
    pub total: usize,
}

/// "2 of 5 answered", announced politely when it changes, with a bar for the eye.
#[function_component(ProgressLine)]
pub fn progress_line(props: &ProgressLineProps) -> Html {
    let ProgressLineProps { done, total } = *props;
    html! {
        <p class="status">
            <progress class="bar" max={total.to_string()} value={done.to_string()} aria-hidden="true"></progress>
            <span role="status">{ format!("{done} of {total} answered") }</span>
        </p>
    }
}
