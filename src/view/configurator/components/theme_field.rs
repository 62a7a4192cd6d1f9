//! The widget's colours: following the blog, light or dark.

use super::send_value::send_value;
use crate::core::embed::Theme;
use crate::view::configurator::form::{theme_named, Action};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ThemeFieldProps {
    pub theme: Theme,
    pub onchange: Callback<Action>,
}

const THEMES: [(Theme, &str); 3] = [
    (
        Theme::Auto,
        "Follow the blog (light or dark from its background)",
    ),
    (Theme::Light, "Light"),
    (Theme::Dark, "Dark"),
];

#[function_component(ThemeField)]
pub fn theme_field(props: &ThemeFieldProps) -> Html {
    html! {
        <div class="field">
            <label for="theme">{ "Theme" }</label>
            <select id="theme" onchange={send_value(&props.onchange, |value| Action::PickTheme(theme_named(&value)))}>
                { for THEMES.into_iter().map(|(theme, label)| html! {
                    <option value={theme.name()} selected={props.theme == theme}>{ label }</option>
                }) }
            </select>
        </div>
    }
}
