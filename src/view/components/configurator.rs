//! The configurator (www/configure.html): an organiser chooses a programme, a Thing, the view,
//! theme, language and labels; the real widget previews the choice beside the form, and the
//! snippet to paste is shown as text with a copy button and instructions for Blogger and
//! WordPress. The snippet comes from `crate::core::snippet`, the preview from `crate::web::mount`:
//! no second implementation of the model.

use crate::core::embed::{Theme, ThingChoice, View};
use crate::core::programme::{Programme, ProgrammeErrors, BUNDLED_IDS};
use crate::core::snippet::{self, Options, Placeholder, Source, PROGRAMME_BLOCK_CLASS};
use crate::view::i18n::{Lang, LABELS};
use crate::web::{files, json, page};
use std::collections::BTreeMap;
use std::rc::Rc;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Element, HtmlInputElement};
use yew::prelude::*;

/// The page's `fetch_programme(url)` (see `entry::configure`).
#[derive(Clone)]
pub struct FetchProgramme(Rc<js_sys::Function>);

impl FetchProgramme {
    pub fn new(function: js_sys::Function) -> Self {
        Self(Rc::new(function))
    }
}

impl PartialEq for FetchProgramme {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// Calls the page's `fetch_programme(url)`: the programme's text, or why it could not be had.
async fn fetch_programme(fetch: &js_sys::Function, url: &str) -> Result<String, String> {
    let failed = || format!("could not load the programme from {url}");
    let promise = fetch
        .call1(&JsValue::NULL, &JsValue::from_str(url))
        .map_err(|_| failed())?;
    let result = JsFuture::from(js_sys::Promise::resolve(&promise))
        .await
        .map_err(|_| failed())?;
    let pair = js_sys::Array::from(&result);
    match (pair.get(0).as_string(), pair.get(1).as_string()) {
        (Some(text), _) => Ok(text),
        (None, Some(error)) => Err(error),
        (None, None) => Err(failed()),
    }
}

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

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Bundled,
    Pasted,
    Url,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Tab {
    Blogger,
    WordPress,
}

/// Everything the organiser chose, and the programme files fetched so far.
#[derive(Clone, PartialEq)]
struct Form {
    kind: Kind,
    bundled: String,
    pasted: String,
    /// The address typed, and the one last asked for (fetched on change, not on each key).
    url: String,
    url_asked: String,
    thing: ThingChoice,
    view: View,
    notes: bool,
    theme: Theme,
    lang: String,
    label_key: String,
    labels: Vec<(String, String)>,
    tab: Tab,
    /// What the copy button last did: (message, whether it worked).
    copied: Option<(String, bool)>,
    /// Fetched files by bundled id or URL: the text, or why it could not be had.
    files: BTreeMap<String, Result<String, String>>,
}

impl Default for Form {
    fn default() -> Self {
        Self {
            kind: Kind::Bundled,
            bundled: "cpd23-2012".into(),
            pasted: String::new(),
            url: String::new(),
            url_asked: String::new(),
            thing: ThingChoice::Number(12),
            view: View::Checklist,
            notes: false,
            theme: Theme::Auto,
            lang: String::new(),
            label_key: "answered".into(),
            labels: Vec::new(),
            tab: Tab::Blogger,
            copied: None,
            files: BTreeMap::new(),
        }
    }
}

/// A change to the form.
struct Change(Box<dyn FnOnce(&mut Form)>);

impl Reducible for Form {
    type Action = Change;

    fn reduce(self: Rc<Self>, action: Change) -> Rc<Self> {
        let mut next = (*self).clone();
        (action.0)(&mut next);
        // Any change but the copy itself makes the last copy message stale.
        if next.copied.is_some() && *self != next && self.copied == next.copied {
            next.copied = None;
        }
        Rc::new(next)
    }
}

type Dispatch = UseReducerDispatcher<Form>;

fn change(dispatch: &Dispatch, f: impl FnOnce(&mut Form) + 'static) {
    dispatch.dispatch(Change(Box::new(f)));
}

/// A callback that reads the value of the input, select or textarea that fired the event.
fn on_value<E: AsRef<Event> + 'static>(
    dispatch: &Dispatch,
    set: impl Fn(&mut Form, String) + 'static,
) -> Callback<E> {
    let dispatch = dispatch.clone();
    let set = Rc::new(set);
    Callback::from(move |event: E| {
        // Inputs, selects and textareas all have `value`; web-sys calls it by name.
        let value = event
            .as_ref()
            .target_unchecked_into::<HtmlInputElement>()
            .value();
        let set = set.clone();
        change(&dispatch, move |form| set(form, value));
    })
}

impl Form {
    /// The programme's text as it stands: `None` while it is being fetched.
    fn text(&self) -> Option<Result<String, String>> {
        match self.kind {
            Kind::Bundled => self.files.get(&self.bundled).cloned(),
            Kind::Pasted => Some(Ok(self.pasted.clone())),
            Kind::Url if self.url_asked.trim().is_empty() => None,
            Kind::Url => self.files.get(self.url_asked.trim()).cloned(),
        }
    }

    fn source(&self) -> Source {
        match self.kind {
            Kind::Bundled => Source::Bundled(self.bundled.clone()),
            Kind::Pasted => Source::Pasted(self.pasted.clone()),
            Kind::Url => Source::Url(self.url_asked.trim().to_owned()),
        }
    }
}

/// The Thing the snippet names: the chosen one when the programme has it, else its first.
fn effective_thing(chosen: ThingChoice, programme: Option<&Programme>) -> ThingChoice {
    match (chosen, programme) {
        (ThingChoice::Number(n), Some(p)) if p.thing(n).is_none() => p
            .things
            .first()
            .map_or(chosen, |t| ThingChoice::Number(t.number)),
        _ => chosen,
    }
}

/// A programme's problems, as the widget lists them.
fn problems(errors: &ProgrammeErrors) -> Html {
    html! {
        <>
            <p>{ "This programme cannot be used:" }</p>
            <ul>{ for errors.0.iter().map(|e| html! { <li>{ e.to_string() }</li> }) }</ul>
        </>
    }
}

/// Creates the preview's placeholder from the snippet's, with its static copy, as the post will have it.
fn placeholder_element(placeholder: &Placeholder) -> Option<Element> {
    let document = page::document()?;
    let host = document.create_element("div").ok()?;
    for (name, value) in &placeholder.attributes {
        host.set_attribute(name, value).ok()?;
    }
    let add = |parent: &Element, tag: &str, text: Option<&str>| -> Option<Element> {
        let element = document.create_element(tag).ok()?;
        element.set_text_content(text);
        parent.append_child(&element).ok()?;
        Some(element)
    };
    let heading = add(&host, "p", None)?;
    add(&heading, "strong", Some(&placeholder.heading))?;
    if !placeholder.list.is_empty() {
        let list = add(&host, "ul", None)?;
        for item in &placeholder.list {
            add(&list, "li", Some(item))?;
        }
    }
    for line in &placeholder.lines {
        add(&host, "p", Some(line))?;
    }
    if let Some(block) = &placeholder.block {
        let script = add(&host, "script", None)?;
        script.set_attribute("type", "application/json").ok()?;
        script.set_attribute("class", PROGRAMME_BLOCK_CLASS).ok()?;
        script.set_text_content(Some(block));
    }
    Some(host)
}

/// What the preview shows: the placeholder, and the text the loader would pass for it.
#[derive(Clone, PartialEq)]
struct Preview {
    placeholder: Placeholder,
    kind: Kind,
    text: Option<Result<String, String>>,
}

/// Mounts the real widget in `container` for `preview`; returns the placeholder to unmount.
fn mount_preview(
    container: &Element,
    preview: &Preview,
    mount: &Callback<(Element, Option<String>, Option<String>)>,
) -> Option<Element> {
    container.set_text_content(None);
    let host = placeholder_element(&preview.placeholder)?;
    container.append_child(&host).ok()?;
    let (text, error) = match (preview.kind, &preview.text) {
        (Kind::Pasted, _) | (_, None) => (None, None),
        (_, Some(Ok(text))) => (Some(text.clone()), None),
        (_, Some(Err(error))) => (None, Some(error.clone())),
    };
    mount.emit((host.clone(), text, error));
    Some(host)
}

#[function_component(Configurator)]
pub fn configurator(props: &ConfiguratorProps) -> Html {
    let form = use_reducer(Form::default);
    let dispatch = form.dispatcher();

    // Every bundled programme is fetched once, at the start: the page then works offline.
    {
        let dispatch = dispatch.clone();
        let fetch = props.fetch.clone();
        let loader = props.loader_url.to_string();
        use_effect_with((), move |_| {
            for id in BUNDLED_IDS {
                let (dispatch, fetch) = (dispatch.clone(), fetch.clone());
                let url = web_sys::Url::new_with_base(&format!("programmes/{id}.json"), &loader)
                    .map(|u| u.href())
                    .unwrap_or_default();
                yew::platform::spawn_local(async move {
                    let text = fetch_programme(&fetch.0, &url).await;
                    change(&dispatch, move |form| {
                        form.files.insert(id.to_owned(), text);
                    });
                });
            }
        });
    }

    let text = form.text();
    let parsed = use_memo(text.clone(), |text| match text {
        Some(Ok(text)) => Some(Programme::from_text(text, json::parse).map(Rc::new)),
        _ => None,
    });
    let programme = match parsed.as_ref() {
        Some(Ok(p)) => Some(p.clone()),
        _ => None,
    };
    let thing = effective_thing(form.thing, programme.as_deref());
    let options = Options {
        source: form.source(),
        thing,
        view: form.view,
        theme: form.theme,
        lang: Some(form.lang.clone()),
        labels: form.labels.clone(),
        loader_url: props.loader_url.to_string(),
        notes: form.notes,
    };
    let built = snippet::build(&options, programme.as_deref(), |key| {
        crate::view::i18n::Label::from_key(key).is_some()
    });

    // The preview: the real widget, remounted whenever the snippet or the programme changes.
    let container = use_node_ref();
    let waiting = match (form.kind, &text) {
        (Kind::Url, None) if form.url_asked.trim().is_empty() => {
            Some("Enter the address of a programme file to see it here.")
        }
        (Kind::Pasted, _) if form.pasted.trim().is_empty() => {
            Some("Paste a programme's JSON to see it here.")
        }
        (_, None) => Some("Loading the programme…"),
        _ => None,
    };
    {
        let container = container.clone();
        let preview = Preview {
            placeholder: built.placeholder.clone(),
            kind: form.kind,
            text: text.clone(),
        };
        let (mount, clear) = (props.preview.clone(), props.clear.clone());
        use_effect_with((preview, waiting), move |(preview, waiting)| {
            let host = match (container.cast::<Element>(), waiting) {
                (Some(container), None) => mount_preview(&container, preview, &mount),
                (Some(container), Some(_)) => {
                    container.set_text_content(None);
                    None
                }
                (None, _) => None,
            };
            move || {
                if let Some(host) = host {
                    clear.emit(host.clone());
                    host.remove();
                }
            }
        });
    }

    // Fetching a programme by URL, when the address is committed (change or the Load button).
    let load_url = {
        let dispatch = dispatch.clone();
        let fetch = props.fetch.clone();
        let form = form.clone();
        Callback::from(move |url: String| {
            let url = url.trim().to_owned();
            let known = form.files.contains_key(&url);
            let asked = url.clone();
            change(&dispatch, move |f| f.url_asked = asked);
            if url.is_empty() || known {
                return;
            }
            let (dispatch, fetch) = (dispatch.clone(), fetch.clone());
            yew::platform::spawn_local(async move {
                let text = fetch_programme(&fetch.0, &url).await;
                change(&dispatch, move |f| {
                    f.files.insert(url, text);
                });
            });
        })
    };

    let oncopy = {
        let dispatch = dispatch.clone();
        let html = built.html.clone();
        Callback::from(move |_: MouseEvent| {
            let (dispatch, html) = (dispatch.clone(), html.clone());
            yew::platform::spawn_local(async move {
                let copied = if files::copy_text(&html).await {
                    (
                        "Copied: paste it into your post as the instructions below say.",
                        true,
                    )
                } else {
                    (
                        "This browser would not copy it: select the snippet above and copy it.",
                        false,
                    )
                };
                change(&dispatch, move |f| {
                    f.copied = Some((copied.0.to_owned(), copied.1));
                });
            });
        })
    };

    let source_radio = |kind: Kind, id: &'static str, label: &'static str| {
        let dispatch = dispatch.clone();
        let onchange = Callback::from(move |_: Event| change(&dispatch, move |f| f.kind = kind));
        html! {
            <div class="choice">
                <input type="radio" name="source" {id} checked={form.kind == kind} {onchange} />
                <label for={id}>{ label }</label>
            </div>
        }
    };

    let source_field = match form.kind {
        Kind::Bundled => {
            let onchange = on_value::<Event>(&dispatch, |f, v| f.bundled = v);
            html! {
                <div class="field">
                    <label for="bundled">{ "Course" }</label>
                    <select id="bundled" {onchange}>
                        { for BUNDLED_IDS.iter().map(|id| {
                            let title = match form.files.get(*id) {
                                Some(Ok(text)) => Programme::from_text(text, json::parse)
                                    .map(|p| p.title)
                                    .unwrap_or_else(|_| (*id).to_owned()),
                                _ => (*id).to_owned(),
                            };
                            html! { <option value={*id} selected={form.bundled == *id}>{ title }</option> }
                        }) }
                    </select>
                    if let Some(Err(error)) = form.files.get(&form.bundled) {
                        <p class="field-error" role="alert">{ error.clone() }</p>
                    }
                </div>
            }
        }
        Kind::Pasted => {
            let oninput = on_value::<InputEvent>(&dispatch, |f, v| f.pasted = v);
            let errors = match (parsed.as_ref(), form.pasted.trim().is_empty()) {
                (Some(Err(errors)), false) => Some(errors.clone()),
                _ => None,
            };
            let described = if errors.is_some() {
                "pasted-help pasted-errors"
            } else {
                "pasted-help"
            };
            html! {
                <div class="field">
                    <label for="pasted">{ "The programme's JSON" }</label>
                    <p id="pasted-help" class="hint">
                        { "A programme file as README \"Programmes\" describes it. It goes into the post with the snippet." }
                    </p>
                    <textarea id="pasted" rows="10" spellcheck="false" value={form.pasted.clone()}
                        aria-invalid={if errors.is_some() { "true" } else { "false" }}
                        aria-describedby={described} {oninput} />
                    if let Some(errors) = errors {
                        <div id="pasted-errors" class="field-error">{ problems(&errors) }</div>
                    }
                </div>
            }
        }
        Kind::Url => {
            let oninput = on_value::<InputEvent>(&dispatch, |f, v| f.url = v);
            let onchange = {
                let load = load_url.clone();
                Callback::from(move |event: Event| {
                    load.emit(event.target_unchecked_into::<HtmlInputElement>().value());
                })
            };
            let onload = {
                let (load, url) = (load_url.clone(), form.url.clone());
                Callback::from(move |_: MouseEvent| load.emit(url.clone()))
            };
            let problem = match (&text, parsed.as_ref()) {
                (Some(Err(error)), _) => Some(html! { <p>{ error.clone() }</p> }),
                (Some(Ok(_)), Some(Err(errors))) => Some(problems(errors)),
                _ => None,
            };
            let described = if problem.is_some() {
                "url-help url-errors"
            } else {
                "url-help"
            };
            html! {
                <div class="field">
                    <label for="url">{ "Address of the programme file" }</label>
                    <p id="url-help" class="hint">
                        { "An https:// address whose server lets other sites read it (Access-Control-Allow-Origin: *), such as a file on GitHub Pages." }
                    </p>
                    <div class="row">
                        <input id="url" type="url" value={form.url.clone()} placeholder="https://example.org/course.json"
                            aria-invalid={if problem.is_some() { "true" } else { "false" }}
                            aria-describedby={described} {oninput} {onchange} />
                        <button type="button" onclick={onload}>{ "Load" }</button>
                    </div>
                    if let Some(problem) = problem {
                        <div id="url-errors" class="field-error">{ problem }</div>
                    }
                </div>
            }
        }
    };

    let thing_field = {
        let onchange = on_value::<Event>(&dispatch, |f, v| {
            f.thing = v.parse().map_or(ThingChoice::Current, ThingChoice::Number);
        });
        let overview = form.view == View::Overview;
        html! {
            <div class="field">
                <label for="thing">{ "Thing" }</label>
                <select id="thing" disabled={overview} aria-describedby="thing-help" {onchange}>
                    <option value="current" selected={thing == ThingChoice::Current}>
                        { "This week's Thing (follows the course's schedule)" }
                    </option>
                    // Without a readable programme, the Thing chosen before stays chosen.
                    if let (ThingChoice::Number(n), None) = (thing, programme.as_ref()) {
                        <option value={n.to_string()} selected=true>{ format!("Thing {n}") }</option>
                    }
                    { for programme.iter().flat_map(|p| p.things.iter()).map(|t| html! {
                        <option value={t.number.to_string()} selected={thing == ThingChoice::Number(t.number)}>
                            { format!("Thing {}: {}", t.number, t.title) }
                        </option>
                    }) }
                </select>
                <p id="thing-help" class="hint">
                    { if overview {
                        "The overview shows every Thing."
                    } else {
                        "A pinned Thing puts its questions into the post as plain text too; this week's Thing changes by itself."
                    } }
                </p>
            </div>
        }
    };

    let view_radio = |view: View, id: &'static str, label: &'static str| {
        let dispatch = dispatch.clone();
        let onchange = Callback::from(move |_: Event| change(&dispatch, move |f| f.view = view));
        html! {
            <div class="choice">
                <input type="radio" name="view" {id} checked={form.view == view} {onchange} />
                <label for={id}>{ label }</label>
            </div>
        }
    };

    let notes_field = {
        let dispatch = dispatch.clone();
        let onchange = Callback::from(move |_: Event| change(&dispatch, |f| f.notes = !f.notes));
        html! {
            <>
                <div class="choice">
                    <input type="checkbox" id="notes" checked={form.notes} disabled={form.view == View::Overview} aria-describedby="notes-help" {onchange} />
                    <label for="notes">{ "A private notes box under each question" }</label>
                </div>
                <p id="notes-help" class="hint">{ "Readers' notes stay in their own browser, go into their \"Start my post\" outline and their backup file." }</p>
            </>
        }
    };

    let theme_field = {
        let onchange = on_value::<Event>(&dispatch, |f, v| {
            f.theme = match v.as_str() {
                "light" => Theme::Light,
                "dark" => Theme::Dark,
                _ => Theme::Auto,
            };
        });
        let option = |theme: Theme, label: &'static str| {
            html! { <option value={theme.name()} selected={form.theme == theme}>{ label }</option> }
        };
        html! {
            <div class="field">
                <label for="theme">{ "Theme" }</label>
                <select id="theme" {onchange}>
                    { option(Theme::Auto, "Follow the blog (light or dark from its background)") }
                    { option(Theme::Light, "Light") }
                    { option(Theme::Dark, "Dark") }
                </select>
            </div>
        }
    };

    let lang_field = {
        let onchange = on_value::<Event>(&dispatch, |f, v| f.lang = v);
        let option = |value: &'static str, label: &'static str| {
            html! { <option {value} selected={form.lang == value}>{ label }</option> }
        };
        html! {
            <div class="field">
                <label for="lang">{ "Language of the buttons and messages" }</label>
                <select id="lang" {onchange}>
                    { option("", "The post's language") }
                    { for [Lang::En, Lang::Fr, Lang::De, Lang::Es].into_iter().map(|lang| {
                        let label = match lang {
                            Lang::En => "English (en)",
                            Lang::Fr => "Français (fr)",
                            Lang::De => "Deutsch (de)",
                            Lang::Es => "Español (es)",
                        };
                        option(lang.tag(), label)
                    }) }
                </select>
            </div>
        }
    };

    let labels_field = {
        let onkey = on_value::<Event>(&dispatch, |f, v| f.label_key = v);
        let ontext = on_value::<InputEvent>(&dispatch, |f, v| {
            let key = f.label_key.clone();
            f.labels.retain(|(k, _)| *k != key);
            if !v.is_empty() {
                f.labels.push((key, v));
            }
        });
        let typed = form
            .labels
            .iter()
            .find(|(k, _)| *k == form.label_key)
            .map(|(_, v)| v.clone())
            .unwrap_or_default();
        let lang = Lang::from_tag(&form.lang).unwrap_or_default();
        let default_text = LABELS
            .iter()
            .find(|l| l.key() == form.label_key)
            .map(|l| l.text(lang))
            .unwrap_or_default();
        html! {
            <fieldset>
                <legend>{ "Wording (optional)" }</legend>
                <div class="field">
                    <label for="label-key">{ "Text to replace" }</label>
                    <select id="label-key" onchange={onkey}>
                        { for LABELS.iter().map(|l| html! {
                            <option value={l.key()} selected={form.label_key == l.key()}>
                                { format!("{}: {}", l.key(), l.text(Lang::En)) }
                            </option>
                        }) }
                    </select>
                </div>
                <div class="field">
                    <label for="label-text">{ "Your wording" }</label>
                    <input id="label-text" type="text" value={typed} placeholder={default_text}
                        aria-describedby="label-help" oninput={ontext} />
                    <p id="label-help" class="hint">
                        { "{name} inserts a value, {n|one|other} picks the singular or plural. Leave it empty for the widget's own text." }
                    </p>
                </div>
                if !form.labels.is_empty() {
                    <ul class="overrides" aria-label="Replaced wording">
                        { for form.labels.iter().map(|(key, text)| {
                            let remove = {
                                let (dispatch, key) = (dispatch.clone(), key.clone());
                                Callback::from(move |_: MouseEvent| {
                                    let key = key.clone();
                                    change(&dispatch, move |f| f.labels.retain(|(k, _)| *k != key));
                                })
                            };
                            html! {
                                <li>
                                    <code>{ format!("data-label-{key}") }</code>{ " " }{ text.clone() }{ " " }
                                    <button type="button" class="small" onclick={remove}
                                        aria-label={format!("Remove the wording for {key}")}>{ "Remove" }</button>
                                </li>
                            }
                        }) }
                    </ul>
                }
            </fieldset>
        }
    };

    let tab_button = |tab: Tab, label: &'static str| {
        let dispatch = dispatch.clone();
        let onclick = Callback::from(move |_: MouseEvent| change(&dispatch, move |f| f.tab = tab));
        let pressed = if form.tab == tab { "true" } else { "false" };
        html! { <button type="button" class="tab" aria-pressed={pressed} aria-controls="instructions" {onclick}>{ label }</button> }
    };
    let instructions = match form.tab {
        Tab::Blogger => html! {
            <ol>
                <li>{ "Open the post in Blogger's editor and switch it to HTML view (the pencil menu at the top left, \"HTML view\")." }</li>
                <li>{ "Paste the snippet where the questions should appear, then switch back to Compose view if you like: the questions show there as a plain list." }</li>
                <li>{ "Publish. Readers see the checklist; email subscribers and feed readers see the plain list." }</li>
                <li>{ "For a sidebar, add a gadget of type \"HTML/JavaScript\" and paste the snippet into it." }</li>
            </ol>
        },
        Tab::WordPress => html! {
            <ol>
                <li>{ "In the block editor, add a Custom HTML block where the questions should appear (type /html)." }</li>
                <li>{ "Paste the snippet into it and publish." }</li>
                <li>{ "On WordPress.com plans without plugins, the <script> tags are removed when the post is saved: the widget cannot start there, but the static list of questions still shows, so readers can still answer them." }</li>
                <li>{ "Self-hosted WordPress keeps the script for authors and editors (users with the unfiltered_html permission)." }</li>
            </ol>
        },
    };

    html! {
        <div class="configurator">
            <form class="options" aria-label="Options" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                <fieldset>
                    <legend>{ "Programme" }</legend>
                    { source_radio(Kind::Bundled, "source-bundled", "A bundled course") }
                    { source_radio(Kind::Pasted, "source-pasted", "Paste a programme's JSON") }
                    { source_radio(Kind::Url, "source-url", "A programme file on the web (URL)") }
                    { source_field }
                </fieldset>
                <fieldset>
                    <legend>{ "What to show" }</legend>
                    { view_radio(View::Checklist, "view-checklist", "One Thing's questions (checklist)") }
                    { view_radio(View::Overview, "view-overview", "Every Thing with the reader's progress (overview)") }
                    { thing_field }
                    { notes_field }
                </fieldset>
                <fieldset>
                    <legend>{ "Look and language" }</legend>
                    { theme_field }
                    { lang_field }
                </fieldset>
                { labels_field }
            </form>
            <div class="results">
                <section aria-labelledby="preview-title">
                    <h2 id="preview-title">{ "Preview" }</h2>
                    <p class="hint">{ "The real widget, as readers will see it. Ticks you make here stay in this browser." }</p>
                    if let Some(waiting) = waiting {
                        <p class="waiting">{ waiting }</p>
                    }
                    <div class="preview" id="preview" ref={container}></div>
                </section>
                <section aria-labelledby="snippet-title">
                    <div class="row heading-row">
                        <h2 id="snippet-title">{ "The snippet to paste" }</h2>
                        <button type="button" class="primary" onclick={oncopy}>{ "Copy the snippet" }</button>
                    </div>
                    <textarea id="snippet" readonly=true rows="9" spellcheck="false"
                        aria-labelledby="snippet-title" value={built.html.clone()} />
                    <p class="status" role="status">
                        { form.copied.as_ref().map(|(m, _)| m.clone()).unwrap_or_default() }
                    </p>
                    <h3>{ "Where to paste it" }</h3>
                    <div class="tabs" role="group" aria-label="Blog platform">
                        { tab_button(Tab::Blogger, "Blogger") }
                        { tab_button(Tab::WordPress, "WordPress") }
                    </div>
                    <div id="instructions" class="instructions">{ instructions }</div>
                </section>
            </div>
        </div>
    }
}
