//! Where to paste the snippet: one tab of steps for Blogger, one for WordPress.

use crate::view::configurator::form::{Action, Platform};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct InstructionsProps {
    /// The tab shown.
    pub platform: Platform,
    pub onchange: Callback<Action>,
}

const TABS: [(Platform, &str); 2] = [
    (Platform::Blogger, "Blogger"),
    (Platform::WordPress, "WordPress"),
];

/// Each platform's steps, in order.
const STEPS: [(Platform, &str); 8] = [
    (Platform::Blogger, "Open the post in Blogger's editor and switch it to HTML view (the pencil menu at the top left, \"HTML view\")."),
    (Platform::Blogger, "Paste the snippet where the questions should appear, then switch back to Compose view if you like: the questions show there as a plain list."),
    (Platform::Blogger, "Publish. Readers see the checklist; email subscribers and feed readers see the plain list."),
    (Platform::Blogger, "For a sidebar, add a gadget of type \"HTML/JavaScript\" and paste the snippet into it."),
    (Platform::WordPress, "In the block editor, add a Custom HTML block where the questions should appear (type /html)."),
    (Platform::WordPress, "Paste the snippet into it and publish."),
    (Platform::WordPress, "On WordPress.com plans without plugins, the <script> tags are removed when the post is saved: the widget cannot start there, but the static list of questions still shows, so readers can still answer them."),
    (Platform::WordPress, "Self-hosted WordPress keeps the script for authors and editors (users with the unfiltered_html permission)."),
];

#[function_component(Instructions)]
pub fn instructions(props: &InstructionsProps) -> Html {
    let steps = STEPS
        .into_iter()
        .filter(|(platform, _)| *platform == props.platform);
    html! {
        <>
            <h3>{ "Where to paste it" }</h3>
            <div class="tabs" role="group" aria-label="Blog platform">
                { for TABS.into_iter().map(|(platform, label)| {
                    let onclick = props.onchange.reform(move |_: MouseEvent| Action::PickPlatform(platform));
                    let pressed = if props.platform == platform { "true" } else { "false" };
                    html! { <button type="button" class="tab" aria-pressed={pressed} aria-controls="instructions" {onclick}>{ label }</button> }
                }) }
            </div>
            <div id="instructions" class="instructions">
                <ol>{ for steps.map(|(_, step)| html! { <li>{ step }</li> }) }</ol>
            </div>
        </>
    }
}
