//! The configurator page: the form on the left, the preview and the snippet on the right, all
//! driven by one reducer (`form`).

use super::calendar_box::CalendarBox;
use super::fetch::{use_programme_files, FetchProgramme};
use super::labels_field::LabelsField;
use super::language_field::LanguageField;
use super::notes_field::NotesField;
use super::preview::Preview;
use super::snippet_box::SnippetBox;
use super::source_fields::SourceFields;
use super::theme_field::ThemeField;
use super::thing_field::ThingField;
use super::view_field::ViewField;
use crate::core::embed::View;
use crate::view::configurator::form::{read_programme, Action, Form};
use crate::web::json;
use std::rc::Rc;
use web_sys::Element;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ConfiguratorProps {
    /// The address of `thing-prompts.js`, for the snippet; the bundled programmes are beside it.
    pub loader_url: AttrValue,
    pub fetch: FetchProgramme,
    /// Mounts the real widget in a placeholder, with the programme text or why there is none
    /// (the entry's `mount`): the preview.
    pub preview: Callback<(Element, Option<String>, Option<String>)>,
    /// Stops the widget mounted in a placeholder (the entry's `unmount`).
    pub clear: Callback<Element>,
}

impl Reducible for Form {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(Form::reduce(&self, action))
    }
}

#[function_component(Configurator)]
pub fn configurator(props: &ConfiguratorProps) -> Html {
    let form = use_reducer(Form::default);
    let onchange = form.dispatcher().to_callback();
    use_programme_files(
        &props.fetch,
        &props.loader_url,
        form.url_to_fetch(),
        &onchange,
    );

    let read = use_memo(form.programme_text(), |text| {
        read_programme(text.as_ref(), json::parse).map(|read| read.map(Rc::new))
    });
    let (programme, invalid) = match read.as_ref() {
        Some(Ok(programme)) => (Some(programme.clone()), None),
        Some(Err(errors)) => (None, Some(errors)),
        None => (None, None),
    };
    let snippet = form.snippet(programme.as_deref(), &props.loader_url);
    let calendar = programme.clone();
    let overview = form.view == View::Overview;

    html! {
        <div class="configurator">
            <form class="options" aria-label="Options" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                <SourceFields source={form.source} entered={form.entered().to_owned()} files={form.files.clone()}
                    problem={form.problem(invalid)} onchange={onchange.clone()} />
                <fieldset>
                    <legend>{ "What to show" }</legend>
                    <ViewField view={form.view} onchange={onchange.clone()} />
                    <ThingField thing={form.thing_in(programme.as_deref())} {programme} {overview} onchange={onchange.clone()} />
                    <NotesField notes={form.notes} {overview} onchange={onchange.clone()} />
                </fieldset>
                <fieldset>
                    <legend>{ "Look and language" }</legend>
                    <ThemeField theme={form.theme} onchange={onchange.clone()} />
                    <LanguageField lang={form.lang.clone()} onchange={onchange.clone()} />
                </fieldset>
                <LabelsField label_key={form.label_key.clone()} text={form.label_text()} default_text={form.label_default()}
                    labels={form.labels.clone()} onchange={onchange.clone()} />
            </form>
            <div class="results">
                <Preview mount={form.preview(snippet.placeholder)} waiting={form.waiting()}
                    onmount={props.preview.clone()} onclear={props.clear.clone()} />
                <SnippetBox html={snippet.html} copied={form.copied} platform={form.platform} {onchange} />
                <CalendarBox programme={calendar} />
            </div>
        </div>
    }
}
