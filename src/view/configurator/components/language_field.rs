//! The language of the widget's buttons and messages.

use super::send_value::send_value;
use crate::core::languages::LANGUAGES;
use crate::view::configurator::form::Action;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LanguageFieldProps {
    /// A language tag, or empty for the post's language.
    pub lang: String,
    pub onchange: Callback<Action>,
}

/// Every language of the core's list, named in itself with its tag ("Français (fr)"), after the
/// choice to follow the post.
#[function_component(LanguageField)]
pub fn language_field(props: &LanguageFieldProps) -> Html {
    let languages = LANGUAGES.iter().map(|language| {
        (
            language.tag,
            format!("{} ({})", language.name, language.tag),
        )
    });
    html! {
        <div class="field">
            <label for="lang">{ "Language of the buttons and messages" }</label>
            <select id="lang" onchange={send_value(&props.onchange, Action::PickLanguage)}>
                { for [("", "The post's language".to_owned())].into_iter().chain(languages).map(|(value, label)| html! {
                    <option {value} selected={props.lang == value}>{ label }</option>
                }) }
            </select>
        </div>
    }
}
