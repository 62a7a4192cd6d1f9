#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]
//! The configurator's form: what each action changes, what follows from the form (the text the
//! preview mounts, the problems beside a field, the waiting line), and the snippet that results.

use std::collections::BTreeSet;
use std::rc::Rc;
use thing_prompts::core::embed::{Theme, ThingChoice, View};
use thing_prompts::core::formats::host_json;
use thing_prompts::core::programme::{bundled_source, Programme, ProgrammeErrors, BUNDLED_IDS};
use thing_prompts::core::snippet::{self, Snippet};
use thing_prompts::view::configurator::form::{
    course_title, read_programme, theme_named, thing_named, Action, CopyOutcome, Form, Platform,
    ProgrammeProblem, SourceKind,
};
use thing_prompts::view::i18n::{Label, Lang};

const LOADER: &str = "https://cdn.example.org/thing-prompts@0.1.0/thing-prompts.js";
const URL: &str = "https://example.org/course.json";
const PASTED: &str = r#"{"format": 1, "id": "my-course", "title": "My course",
  "things": [{"number": 4, "title": "Start", "prompts": [{"text": "First?"}, {"text": "Second?"}]}]}"#;

fn arrived(key: &str, file: Result<&str, &str>) -> Action {
    Action::FileArrived {
        key: key.to_owned(),
        file: file.map(str::to_owned).map_err(str::to_owned),
    }
}

fn bundled_file(id: &str) -> Action {
    arrived(id, Ok(bundled_source(id).unwrap()))
}

fn apply(form: &Form, actions: &[Action]) -> Form {
    actions
        .iter()
        .fold(form.clone(), |form, action| form.reduce(action.clone()))
}

/// The form once the page has fetched every bundled programme, as it does when it starts.
fn started() -> Form {
    let arrivals: Vec<Action> = BUNDLED_IDS.iter().map(|id| bundled_file(id)).collect();
    apply(&Form::default(), &arrivals)
}

fn read(form: &Form) -> Option<Result<Programme, ProgrammeErrors>> {
    read_programme(form.programme_text().as_ref(), host_json)
}

/// The snippet the page shows for `form`.
fn snippet_of(form: &Form) -> Snippet {
    let programme = read(form).and_then(Result::ok);
    form.snippet(programme.as_ref(), LOADER)
}

/// Each action's name, so that a new action cannot be left out of the table below.
fn name(action: &Action) -> &'static str {
    match action {
        Action::PickSource(_) => "PickSource",
        Action::PickCourse(_) => "PickCourse",
        Action::TypeProgramme(_) => "TypeProgramme",
        Action::TypeUrl(_) => "TypeUrl",
        Action::LoadUrl(_) => "LoadUrl",
        Action::FileArrived { .. } => "FileArrived",
        Action::PickThing(_) => "PickThing",
        Action::PickView(_) => "PickView",
        Action::ToggleNotes => "ToggleNotes",
        Action::PickTheme(_) => "PickTheme",
        Action::PickLanguage(_) => "PickLanguage",
        Action::PickLabel(_) => "PickLabel",
        Action::TypeLabel(_) => "TypeLabel",
        Action::RemoveLabel(_) => "RemoveLabel",
        Action::PickPlatform(_) => "PickPlatform",
        Action::Copied(_) => "Copied",
    }
}

const EVERY_ACTION: [&str; 16] = [
    "PickSource",
    "PickCourse",
    "TypeProgramme",
    "TypeUrl",
    "LoadUrl",
    "FileArrived",
    "PickThing",
    "PickView",
    "ToggleNotes",
    "PickTheme",
    "PickLanguage",
    "PickLabel",
    "TypeLabel",
    "RemoveLabel",
    "PickPlatform",
    "Copied",
];

/// What an action should change in the form it is applied to.
type Expect = fn(&mut Form);

fn answered(text: &str) -> (String, String) {
    ("answered".to_owned(), text.to_owned())
}

fn file(f: &mut Form, key: &str, file: Result<&str, &str>) {
    let file = file.map(str::to_owned).map_err(str::to_owned);
    Rc::make_mut(&mut f.files).insert(key.to_owned(), file);
}

/// (what happens, the actions before, the action, what it changes in the form before it).
#[rustfmt::skip]
fn reducer_rows() -> Vec<(&'static str, Vec<Action>, Action, Expect)> {
    let copied = || vec![Action::Copied(CopyOutcome::Copied)];
    vec![
        ("pick the pasted source", vec![], Action::PickSource(SourceKind::Pasted), |f| f.source = SourceKind::Pasted),
        ("pick the URL source", vec![], Action::PickSource(SourceKind::Url), |f| f.source = SourceKind::Url),
        ("pick a course", vec![], Action::PickCourse("cpd23-2011".into()), |f| f.bundled = "cpd23-2011".into()),
        ("type JSON", vec![], Action::TypeProgramme("{".into()), |f| f.pasted = "{".into()),
        ("type an address, spaces and all", vec![], Action::TypeUrl(" a ".into()), |f| f.url = " a ".into()),
        ("load an address: asked for trimmed", vec![], Action::LoadUrl(format!(" {URL} ")), |f| f.url_asked = URL.into()),
        ("a file arrives", vec![], arrived(URL, Err("404")), |f| file(f, URL, Err("404"))),
        ("a file arrives again: the newer answer", vec![arrived(URL, Err("404"))], arrived(URL, Ok("{}")), |f| file(f, URL, Ok("{}"))),
        ("pick this week's Thing", vec![], Action::PickThing(ThingChoice::Current), |f| f.thing = ThingChoice::Current),
        ("pick Thing 3", vec![], Action::PickThing(ThingChoice::Number(3)), |f| f.thing = ThingChoice::Number(3)),
        ("pick the overview", vec![], Action::PickView(View::Overview), |f| f.view = View::Overview),
        ("notes on", vec![], Action::ToggleNotes, |f| f.notes = true),
        ("notes off again", vec![Action::ToggleNotes], Action::ToggleNotes, |f| f.notes = false),
        ("pick the dark theme", vec![], Action::PickTheme(Theme::Dark), |f| f.theme = Theme::Dark),
        ("pick French", vec![], Action::PickLanguage("fr".into()), |f| f.lang = "fr".into()),
        ("pick a label", vec![], Action::PickLabel("clear".into()), |f| f.label_key = "clear".into()),
        ("reword the picked label", vec![], Action::TypeLabel("Done".into()), |f| f.labels = vec![answered("Done")]),
        ("reword it again: one entry, now last",
            vec![Action::TypeLabel("Done".into()), Action::PickLabel("clear".into()), Action::TypeLabel("Wipe".into()), Action::PickLabel("answered".into())],
            Action::TypeLabel("Done!".into()), |f| f.labels = vec![("clear".into(), "Wipe".into()), answered("Done!")]),
        ("empty the wording: the label's own", vec![Action::TypeLabel("Done".into())], Action::TypeLabel(String::new()), |f| f.labels.clear()),
        ("remove a wording", vec![Action::TypeLabel("Done".into())], Action::RemoveLabel("answered".into()), |f| f.labels.clear()),
        ("remove a wording that is not there", vec![], Action::RemoveLabel("clear".into()), |_| {}),
        ("show the WordPress steps", vec![], Action::PickPlatform(Platform::WordPress), |f| f.platform = Platform::WordPress),
        ("copy", vec![], Action::Copied(CopyOutcome::Copied), |f| f.copied = Some(CopyOutcome::Copied)),
        ("a copy refused after one that worked", copied(), Action::Copied(CopyOutcome::Refused), |f| f.copied = Some(CopyOutcome::Refused)),
        ("copy again: the same message", copied(), Action::Copied(CopyOutcome::Copied), |_| {}),
        ("a change after a copy makes its message stale", copied(), Action::PickTheme(Theme::Light), |f| {
            f.theme = Theme::Light;
            f.copied = None;
        }),
        ("so does a file arriving", copied(), arrived(URL, Ok("{}")), |f| {
            file(f, URL, Ok("{}"));
            f.copied = None;
        }),
        ("picking what is picked keeps it", copied(), Action::PickTheme(Theme::Auto), |_| {}),
    ]
}

#[test]
fn each_action_changes_what_it_says_and_nothing_else() {
    for (what, before, action, expect) in reducer_rows() {
        let form = apply(&started(), &before);
        let mut expected = form.clone();
        expect(&mut expected);
        assert_eq!(form.reduce(action), expected, "{what}");
    }
}

#[test]
fn the_table_has_every_action() {
    let tested: BTreeSet<&str> = reducer_rows()
        .iter()
        .map(|(_, _, action, _)| name(action))
        .collect();
    assert_eq!(tested, EVERY_ACTION.into_iter().collect());
}

#[test]
fn the_form_starts_on_thing_12_of_cpd23_2012_waiting_for_its_file() {
    let form = Form::default();
    assert_eq!(form.source, SourceKind::Bundled);
    assert_eq!(form.bundled, "cpd23-2012");
    assert_eq!(form.thing, ThingChoice::Number(12));
    assert_eq!(form.platform, Platform::Blogger);
    assert_eq!(form.programme_text(), None);
    assert_eq!(form.waiting(), Some("Loading the programme…"));
    let placeholder = snippet_of(&form).placeholder;
    assert_eq!(placeholder.heading, "Thing 12");
    assert_eq!(placeholder.lines, ["The questions appear here."]);
    assert_eq!(started().waiting(), None);
}

#[test]
fn the_programme_text_and_the_waiting_line_follow_the_source() {
    let pasted = started().reduce(Action::PickSource(SourceKind::Pasted));
    assert_eq!(pasted.programme_text(), Some(Ok(String::new())));
    assert_eq!(
        pasted.waiting(),
        Some("Paste a programme's JSON to see it here.")
    );
    let typed = pasted.reduce(Action::TypeProgramme("{".into()));
    assert_eq!(typed.programme_text(), Some(Ok("{".into())));
    assert_eq!(typed.waiting(), None);

    let url = started().reduce(Action::PickSource(SourceKind::Url));
    assert_eq!(url.programme_text(), None);
    assert_eq!(
        url.waiting(),
        Some("Enter the address of a programme file to see it here.")
    );
    let typed = url.reduce(Action::TypeUrl(URL.into()));
    assert_eq!(
        typed.waiting(),
        Some("Enter the address of a programme file to see it here."),
        "typing fetches nothing"
    );
    let asked = typed.reduce(Action::LoadUrl(URL.into()));
    assert_eq!(asked.programme_text(), None);
    assert_eq!(asked.waiting(), Some("Loading the programme…"));
    let failed = asked.reduce(arrived(URL, Err("the server answered 404")));
    assert_eq!(
        failed.programme_text(),
        Some(Err("the server answered 404".into()))
    );
    assert_eq!(failed.waiting(), None);

    let bundled = Form::default().reduce(bundled_file("cpd23-2012"));
    assert_eq!(
        bundled.programme_text(),
        Some(Ok(bundled_source("cpd23-2012").unwrap().into()))
    );
    let other = bundled.reduce(Action::PickCourse("cpd23-2011".into()));
    assert_eq!(
        other.waiting(),
        Some("Loading the programme…"),
        "its file is not here yet"
    );
}

#[test]
fn an_address_is_fetched_once_when_asked_for() {
    let url = started().reduce(Action::PickSource(SourceKind::Url));
    assert_eq!(url.url_to_fetch(), None);
    assert_eq!(
        url.reduce(Action::LoadUrl("  ".into())).url_to_fetch(),
        None,
        "a blank address"
    );
    let asked = url.reduce(Action::LoadUrl(format!("{URL} ")));
    assert_eq!(asked.url_to_fetch(), Some(URL.to_owned()));
    let here = asked.reduce(arrived(URL, Err("offline")));
    assert_eq!(
        here.url_to_fetch(),
        None,
        "an answer, even a failure, is kept"
    );
    assert_eq!(
        here.reduce(Action::LoadUrl(URL.into())).url_to_fetch(),
        None
    );
}

#[test]
fn the_preview_gets_what_the_loader_would_pass() {
    let form = started();
    let mount = form.preview(snippet_of(&form).placeholder);
    assert_eq!(mount.placeholder, snippet_of(&form).placeholder);
    let text = bundled_source("cpd23-2012").unwrap().to_owned();
    assert_eq!(mount.loader_passes(), (Some(text), None));

    let failed = apply(
        &form,
        &[
            Action::PickSource(SourceKind::Url),
            Action::LoadUrl(URL.into()),
            arrived(URL, Err("offline")),
        ],
    );
    assert_eq!(
        failed.preview(Default::default()).loader_passes(),
        (None, Some("offline".into()))
    );
    let waiting = apply(
        &form,
        &[
            Action::PickSource(SourceKind::Url),
            Action::LoadUrl(URL.into()),
        ],
    );
    assert_eq!(
        waiting.preview(Default::default()).loader_passes(),
        (None, None)
    );
    // A pasted programme travels in the placeholder's block instead.
    let pasted = apply(
        &form,
        &[
            Action::PickSource(SourceKind::Pasted),
            Action::TypeProgramme(PASTED.into()),
        ],
    );
    assert_eq!(
        pasted.preview(Default::default()).loader_passes(),
        (None, None)
    );
}

#[test]
fn problems_are_said_beside_the_field_they_belong_to() {
    let problem = |form: &Form| {
        let errors = read(form).and_then(Result::err);
        form.problem(errors.as_ref())
    };
    let invalid = |text: &str| ProgrammeProblem::Invalid(Programme::from_json(text).unwrap_err());
    assert_eq!(problem(&started()), None);

    let pasted = started().reduce(Action::PickSource(SourceKind::Pasted));
    assert_eq!(problem(&pasted), None, "nothing pasted yet");
    assert_eq!(
        problem(&pasted.reduce(Action::TypeProgramme("  ".into()))),
        None,
        "blank"
    );
    assert_eq!(
        problem(&pasted.reduce(Action::TypeProgramme("{".into()))),
        Some(invalid("{"))
    );
    assert_eq!(
        problem(&pasted.reduce(Action::TypeProgramme(PASTED.into()))),
        None
    );

    let asked = apply(
        &started(),
        &[
            Action::PickSource(SourceKind::Url),
            Action::LoadUrl(URL.into()),
        ],
    );
    assert_eq!(problem(&asked), None, "still fetching");
    let missing = asked.reduce(arrived(URL, Err("the server answered 404")));
    assert_eq!(
        problem(&missing),
        Some(ProgrammeProblem::Unavailable(
            "the server answered 404".into()
        ))
    );
    let bad = asked.reduce(arrived(URL, Ok(r#"{"format": 1}"#)));
    assert_eq!(problem(&bad), Some(invalid(r#"{"format": 1}"#)));
    assert_eq!(problem(&asked.reduce(arrived(URL, Ok(PASTED)))), None);

    // A bundled file is the widget's own: only failing to fetch it is said beside the list.
    let offline = Form::default().reduce(arrived("cpd23-2012", Err("offline")));
    assert_eq!(
        problem(&offline),
        Some(ProgrammeProblem::Unavailable("offline".into()))
    );
    let broken = Form::default().reduce(arrived("cpd23-2012", Ok("{")));
    assert_eq!(problem(&broken), None);
}

#[test]
fn the_wording_field_shows_the_picked_labels_text() {
    let form = started();
    assert_eq!(form.label_text(), "");
    assert_eq!(form.label_default(), "{done} of {total} answered");
    let typed = form.reduce(Action::TypeLabel("{done}/{total}".into()));
    assert_eq!(typed.label_text(), "{done}/{total}");
    assert_eq!(
        typed.reduce(Action::PickLabel("clear".into())).label_text(),
        "",
        "another label's"
    );
    let french = form.reduce(Action::PickLanguage("fr".into()));
    assert_eq!(french.label_default(), Label::Answered.text(Lang::Fr));
    assert_eq!(
        form.reduce(Action::PickLabel("no-such-label".into()))
            .label_default(),
        ""
    );
}

#[test]
fn list_values_name_things_themes_and_courses() {
    assert_eq!(thing_named("7"), ThingChoice::Number(7));
    assert_eq!(thing_named("current"), ThingChoice::Current);
    assert_eq!(theme_named("light"), Theme::Light);
    assert_eq!(theme_named("dark"), Theme::Dark);
    assert_eq!(theme_named("auto"), Theme::Auto);
    let files = started().files;
    assert_eq!(
        course_title(&files, "cpd23-2011", host_json),
        "23 Things for Professional Development (2011)"
    );
    assert_eq!(
        course_title(&Form::default().files, "cpd23-2011", host_json),
        "cpd23-2011",
        "before its file"
    );
    let broken = Form::default().reduce(arrived("cpd23-2011", Ok("{"))).files;
    assert_eq!(course_title(&broken, "cpd23-2011", host_json), "cpd23-2011");
}

#[test]
fn the_source_field_holds_the_sources_own_value() {
    let form = apply(
        &started(),
        &[
            Action::TypeProgramme("{".into()),
            Action::TypeUrl(URL.into()),
        ],
    );
    assert_eq!(form.entered(), "cpd23-2012");
    assert_eq!(
        form.reduce(Action::PickSource(SourceKind::Pasted))
            .entered(),
        "{"
    );
    assert_eq!(
        form.reduce(Action::PickSource(SourceKind::Url)).entered(),
        URL
    );
}

#[test]
fn the_copy_says_what_it_did() {
    assert_eq!(CopyOutcome::of(true), CopyOutcome::Copied);
    assert_eq!(CopyOutcome::of(false), CopyOutcome::Refused);
    assert!(CopyOutcome::Copied.message().starts_with("Copied"));
    assert!(CopyOutcome::Refused
        .message()
        .contains("select the snippet"));
}

/// (what the organiser does, the placeholder's attributes after its class as the snippet writes
/// them, its heading, how many questions it lists).
#[rustfmt::skip]
fn snippet_rows() -> Vec<(&'static str, Vec<Action>, &'static str, &'static str, usize)> {
    let twelve = "Thing 12: Putting the social into social media";
    let course = "23 Things for Professional Development (2012)";
    let url = || vec![Action::PickSource(SourceKind::Url), Action::TypeUrl(URL.into()), Action::LoadUrl(URL.into())];
    let pasted = |json: &str| vec![Action::PickSource(SourceKind::Pasted), Action::TypeProgramme(json.into())];
    vec![
        ("the start", vec![], r#"data-programme="cpd23-2012" data-thing="12""#, twelve, 5),
        ("another Thing", vec![Action::PickThing(ThingChoice::Number(3))], r#"data-programme="cpd23-2012" data-thing="3""#, "Thing 3: Consider your personal brand", 4),
        ("a Thing it lacks: its first", vec![Action::PickThing(ThingChoice::Number(99))], r#"data-programme="cpd23-2012" data-thing="1""#, "Thing 1: Blogging", 4),
        ("another course", vec![Action::PickCourse("cpd23-2011".into())], r#"data-programme="cpd23-2011" data-thing="12""#, twelve, 6),
        ("this week's Thing: no list", vec![Action::PickThing(ThingChoice::Current)], r#"data-programme="cpd23-2012" data-thing="current""#, course, 0),
        ("the overview lists the Things", vec![Action::PickView(View::Overview)], r#"data-programme="cpd23-2012" data-view="overview""#, course, 23),
        ("notes", vec![Action::ToggleNotes], r#"data-programme="cpd23-2012" data-thing="12" data-notes="on""#, twelve, 5),
        ("no notes in an overview", vec![Action::ToggleNotes, Action::PickView(View::Overview)], r#"data-programme="cpd23-2012" data-view="overview""#, course, 23),
        ("dark", vec![Action::PickTheme(Theme::Dark)], r#"data-programme="cpd23-2012" data-thing="12" data-theme="dark""#, twelve, 5),
        ("the blog's colours again", vec![Action::PickTheme(Theme::Dark), Action::PickTheme(Theme::Auto)], r#"data-programme="cpd23-2012" data-thing="12""#, twelve, 5),
        ("French", vec![Action::PickLanguage("fr".into())], r#"data-programme="cpd23-2012" data-thing="12" data-lang="fr""#, twelve, 5),
        ("the post's language again", vec![Action::PickLanguage("fr".into()), Action::PickLanguage(String::new())], r#"data-programme="cpd23-2012" data-thing="12""#, twelve, 5),
        ("a wording", vec![Action::TypeLabel("{done}/{total} fait".into())], r#"data-programme="cpd23-2012" data-thing="12" data-label-answered="{done}/{total} fait""#, twelve, 5),
        ("two wordings, as typed",
            vec![Action::PickLabel("clear".into()), Action::TypeLabel("Wipe".into()), Action::PickLabel("answered".into()), Action::TypeLabel("Done".into())],
            r#"data-programme="cpd23-2012" data-thing="12" data-label-clear="Wipe" data-label-answered="Done""#, twelve, 5),
        ("a wording removed", vec![Action::TypeLabel("Done".into()), Action::RemoveLabel("answered".into())], r#"data-programme="cpd23-2012" data-thing="12""#, twelve, 5),
        ("pasted: its first Thing, from the block", pasted(PASTED), r#"data-thing="4""#, "Thing 4: Start", 2),
        ("pasted but broken: what will appear", pasted("{"), r#"data-thing="12""#, "Thing 12", 0),
        ("an address typed, not loaded", vec![Action::PickSource(SourceKind::Url), Action::TypeUrl(URL.into())], r#"data-programme-src="" data-thing="12""#, "Thing 12", 0),
        ("an address loaded", [url(), vec![arrived(URL, Ok(bundled_source("cpd23-2011").unwrap()))]].concat(), r#"data-programme-src="https://example.org/course.json" data-thing="12""#, twelve, 6),
        ("an address that failed", [url(), vec![arrived(URL, Err("offline"))]].concat(), r#"data-programme-src="https://example.org/course.json" data-thing="12""#, "Thing 12", 0),
        ("back to the bundled course", [url(), vec![Action::PickSource(SourceKind::Bundled)]].concat(), r#"data-programme="cpd23-2012" data-thing="12""#, twelve, 5),
        ("the tab and the copy leave it", vec![Action::PickPlatform(Platform::WordPress), Action::Copied(CopyOutcome::Copied)], r#"data-programme="cpd23-2012" data-thing="12""#, twelve, 5),
    ]
}

#[test]
fn each_choice_gives_its_snippet() {
    for (what, actions, attributes, heading, listed) in snippet_rows() {
        let form = apply(&started(), &actions);
        let snippet = snippet_of(&form);
        let (class, rest) = snippet.placeholder.attributes.split_first().unwrap();
        assert_eq!(
            class,
            &("class".to_owned(), "thing-prompts".to_owned()),
            "{what}"
        );
        let written: Vec<String> = rest.iter().map(|(n, v)| format!("{n}=\"{v}\"")).collect();
        assert_eq!(written.join(" "), attributes, "{what}");
        assert_eq!(snippet.placeholder.heading, heading, "{what}");
        assert_eq!(snippet.placeholder.list.len(), listed, "{what}");
        assert!(
            snippet
                .html
                .ends_with(&format!("<script src=\"{LOADER}\" async></script>\n")),
            "{what}"
        );
    }
}

#[test]
fn the_snippet_is_the_cores_for_the_forms_options() {
    let form = apply(
        &started(),
        &[
            Action::PickThing(ThingChoice::Number(99)),
            Action::PickLanguage("de".into()),
            Action::ToggleNotes,
        ],
    );
    let programme = read(&form).unwrap().unwrap();
    let options = form.options(Some(&programme), LOADER);
    assert_eq!(
        options.thing,
        ThingChoice::Number(1),
        "the programme's first Thing"
    );
    assert_eq!(options.lang.as_deref(), Some("de"));
    assert!(options.notes);
    assert_eq!(
        snippet_of(&form),
        snippet::build(&options, Some(&programme), |key| Label::from_key(key)
            .is_some())
    );
    // Without a readable programme the Thing chosen stays chosen.
    assert_eq!(form.thing_in(None), ThingChoice::Number(99));
}

#[test]
fn a_pasted_programme_goes_into_the_snippet_in_its_block() {
    let form = apply(
        &started(),
        &[
            Action::PickSource(SourceKind::Pasted),
            Action::TypeProgramme(format!("  {PASTED}\n")),
        ],
    );
    let snippet = snippet_of(&form);
    assert_eq!(snippet.placeholder.block.as_deref(), Some(PASTED));
    assert!(snippet.html.contains("class=\"thing-prompts-programme\""));
    assert_eq!(snippet.placeholder.list, ["First?", "Second?"]);
}
