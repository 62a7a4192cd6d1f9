use yew::prelude::*;

/// "2 of 5 answered", announced politely when it changes, with a bar for the eye.
/// (A view function, not a component: see `prompt_item`.)
pub fn progress_line(done: usize, total: usize, text: String) -> Html {
    html! {
        <p class="status">
            <progress class="bar" max={total.to_string()} value={done.to_string()} aria-hidden="true"></progress>
            <span role="status">{ text }</span>
        </p>
    }
}
