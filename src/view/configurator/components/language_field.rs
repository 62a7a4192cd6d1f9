//! The language of the widget's buttons and messages.

use super::send_value::send_value;
use crate::view::configurator::form::Action;
use crate::view::i18n::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LanguageFieldProps {
    /// A language tag, or empty for the post's language.
    pub lang: String,
    pub onchange: Callback<Action>,
}

/// A language's name in the list, in that language.
fn name_of(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "English (en)",
        Lang::Fr => "Français (fr)",
        Lang::De => "Deutsch (de)",
        Lang::Es => "Español (es)",
    }
}

#[function_component(LanguageField)]
pub fn language_field(props: &LanguageFieldProps) -> Html {
    let languages =
        [Lang::En, Lang::Fr, Lang::De, Lang::Es].map(|lang| (lang.tag(), name_of(lang)));
    html! {
        <div class="field">
            <label for="lang">{ "Language of the buttons and messages" }</label>
            <select id="lang" onchange={send_value(&props.onchange, Action::PickLanguage)}>
                { for [("", "The post's language")].into_iter().chain(languages).map(|(value, label)| html! {
                    <option {value} selected={props.lang == value}>{ label }</option>
                }) }
            </select>
        </div>
    }
}
