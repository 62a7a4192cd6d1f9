#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]
//! The configurator's snippet: each option, escaping of hostile text, and a round trip through
//! the embed contract (the placeholder it writes, read back as the widget reads a page, shows
//! the same questions).

mod common;

use thing_prompts::core::date::CivilDate;
use thing_prompts::core::embed::{RawEmbed, Supplied, Theme, ThingChoice, View, WidgetModel};
use thing_prompts::core::programme::{bundled_source, Programme};
use thing_prompts::core::snippet::{self, Options, Snippet, Source};
use thing_prompts::view::i18n::Label;

const LOADER: &str = "https://cdn.example.org/thing-prompts@0.1.0/thing-prompts.js";

fn options(source: Source, thing: ThingChoice) -> Options {
    Options {
        source,
        thing,
        view: View::Checklist,
        theme: Theme::Auto,
        lang: None,
        labels: Vec::new(),
        loader_url: LOADER.into(),
        notes: false,
    }
}

fn cpd23_2012() -> Programme {
    Programme::from_json(bundled_source("cpd23-2012").unwrap()).unwrap()
}

fn bundled(thing: ThingChoice) -> Options {
    options(Source::Bundled("cpd23-2012".into()), thing)
}

// ---- A small reader of the snippet's HTML, as a browser would parse it (just enough). ----

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// The placeholder's attributes, in order.
fn attributes(html: &str) -> Vec<(String, String)> {
    let start = html.find("<div ").unwrap() + 5;
    let end = start + html[start..].find('>').unwrap();
    let mut rest = &html[start..end];
    let mut found = Vec::new();
    while let Some(eq) = rest.find("=\"") {
        let name = rest[..eq].trim().to_owned();
        let after = &rest[eq + 2..];
        let close = after.find('"').unwrap();
        found.push((name, unescape(&after[..close])));
        rest = &after[close + 1..];
    }
    found
}

fn attribute(html: &str, name: &str) -> Option<String> {
    attributes(html)
        .into_iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v)
}

fn between<'a>(html: &'a str, open: &str, close: &str) -> Vec<&'a str> {
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find(open) {
        let after = &rest[at + open.len()..];
        let Some(end) = after.find(close) else { break };
        found.push(&after[..end]);
        rest = &after[end + close.len()..];
    }
    found
}

/// What the widget's page reading (`web::page::read_embed`) gets from the pasted snippet, with
/// the programme text the loader passes for a bundled id or a URL.
fn read_back(html: &str, fetched: Option<&str>) -> RawEmbed {
    let items: Vec<String> = between(html, "<li>", "</li>")
        .into_iter()
        .map(unescape)
        .collect();
    let labels = attributes(html)
        .into_iter()
        .filter_map(|(n, v)| Some((n.strip_prefix("data-label-")?.to_owned(), v)))
        .collect();
    let block = between(
        html,
        "<script type=\"application/json\" class=\"thing-prompts-programme\">",
        "</script>",
    )
    .first()
    .map(|text| (*text).to_owned());
    let supplied = match (attribute(html, "data-programme-src"), block, fetched) {
        (Some(url), _, Some(text)) => Some(Supplied::from_text(&url, Ok(text))),
        (None, Some(block), _) => Some(Supplied::from_text(
            "the programme block beside this element",
            Ok(&block),
        )),
        (None, None, Some(text)) => Some(Supplied::from_text(
            &attribute(html, "data-programme").unwrap(),
            Ok(text),
        )),
        _ => None,
    };
    RawEmbed {
        programme: attribute(html, "data-programme"),
        thing: attribute(html, "data-thing"),
        heading: between(html, "<strong>", "</strong>")
            .first()
            .map(|h| unescape(h)),
        list: (!items.is_empty()).then_some(items),
        lang: attribute(html, "data-lang"),
        page_lang: Some("en".into()),
        theme: attribute(html, "data-theme"),
        labels,
        view: attribute(html, "data-view"),
        notes: attribute(html, "data-notes"),
        supplied,
    }
}

fn resolve(raw: &RawEmbed) -> common::Shown {
    let today = CivilDate::parse("2012-07-18").unwrap();
    common::resolve(raw, today, &common::bundled_programme)
        .unwrap_or_else(|e| panic!("{raw:?}: {e}"))
}

fn texts(model: &WidgetModel) -> Vec<String> {
    model.prompts.iter().map(|p| p.text.clone()).collect()
}

fn build(options: &Options, programme: Option<&Programme>) -> Snippet {
    snippet::build(options, programme, |key| Label::from_key(key).is_some())
}

// ---- Each option. ----

#[test]
fn a_pinned_bundled_thing_carries_its_questions_as_a_list() {
    let programme = cpd23_2012();
    let built = build(&bundled(ThingChoice::Number(12)), Some(&programme));
    let thing = programme.thing(12).unwrap();
    assert_eq!(
        attributes(&built.html),
        [
            ("class".to_owned(), "thing-prompts".to_owned()),
            ("data-programme".into(), "cpd23-2012".into()),
            ("data-thing".into(), "12".into()),
        ]
    );
    assert!(built
        .html
        .contains("<p><strong>Thing 12: Putting the social into social media</strong></p>"));
    let items: Vec<String> = between(&built.html, "<li>", "</li>")
        .into_iter()
        .map(unescape)
        .collect();
    assert_eq!(
        items,
        thing
            .prompts
            .iter()
            .map(|p| p.text.clone())
            .collect::<Vec<_>>()
    );
    assert!(built
        .html
        .trim_end()
        .ends_with(&format!("</div>\n<script src=\"{LOADER}\" async></script>")));
    assert_eq!(built.placeholder.list.len(), 5);
    assert_eq!(built.placeholder.block, None);
}

#[test]
fn the_pasted_placeholder_shows_the_same_questions_and_keeps_the_same_ticks() {
    let programme = cpd23_2012();
    let source = bundled_source("cpd23-2012").unwrap();
    for number in [1, 12, 23] {
        let built = build(&bundled(ThingChoice::Number(number)), Some(&programme));
        let pasted = resolve(&read_back(&built.html, Some(source)));
        let direct = resolve(&RawEmbed {
            programme: Some("cpd23-2012".into()),
            thing: Some(number.to_string()),
            ..RawEmbed::default()
        });
        assert_eq!(texts(&pasted), texts(&direct), "Thing {number}");
        assert_eq!(
            pasted.prompts, direct.prompts,
            "the same ids: the same ticks"
        );
        assert_eq!(pasted.storage_key, direct.storage_key);
        assert_eq!(pasted.thing_key, direct.thing_key);
        assert_eq!(pasted.kicker, direct.kicker);
    }
}

#[test]
fn current_writes_no_list_of_one_week() {
    let programme = cpd23_2012();
    let built = build(&bundled(ThingChoice::Current), Some(&programme));
    assert_eq!(
        attribute(&built.html, "data-thing").as_deref(),
        Some("current")
    );
    assert!(!built.html.contains("<ul>"), "{}", built.html);
    assert!(built
        .html
        .contains("<strong>23 Things for Professional Development (2012)</strong>"));
    assert!(built
        .html
        .contains("This week's Thing and its questions appear here."));
    // The pasted copy then follows the calendar: Thing 12 in the week of 16 July 2012.
    let model = resolve(&read_back(
        &built.html,
        Some(bundled_source("cpd23-2012").unwrap()),
    ));
    assert_eq!(model.thing_key, "12");
    assert_eq!(
        texts(&model),
        texts(&resolve(&read_back(
            &build(&bundled(ThingChoice::Number(12)), Some(&programme)).html,
            None,
        )))
    );
}

#[test]
fn the_overview_lists_every_thing_and_names_no_thing() {
    let programme = cpd23_2012();
    let mut chosen = bundled(ThingChoice::Number(12));
    chosen.view = View::Overview;
    let built = build(&chosen, Some(&programme));
    assert_eq!(
        attribute(&built.html, "data-view").as_deref(),
        Some("overview")
    );
    assert_eq!(attribute(&built.html, "data-thing"), None);
    let items = between(&built.html, "<li>", "</li>");
    assert_eq!(items.len(), 23);
    assert_eq!(items[11], "Thing 12: Putting the social into social media");
    let model = resolve(&read_back(
        &built.html,
        Some(bundled_source("cpd23-2012").unwrap()),
    ));
    assert_eq!(model.view, View::Overview);
    assert_eq!(model.title, programme.title);
}

#[test]
fn theme_language_and_labels_become_attributes() {
    let mut chosen = bundled(ThingChoice::Number(12));
    chosen.theme = Theme::Dark;
    chosen.lang = Some(" fr ".into());
    chosen.labels = vec![
        ("answered".into(), "{done} sur {total}".into()),
        ("Clear".into(), "Tout décocher".into()),
        ("not-a-label".into(), "ignored".into()),
        ("backup".into(), "   ".into()),
        ("answered".into(), "second one ignored".into()),
    ];
    let built = build(&chosen, Some(&cpd23_2012()));
    assert_eq!(
        attributes(&built.html)[3..],
        [
            ("data-theme".to_owned(), "dark".to_owned()),
            ("data-lang".into(), "fr".into()),
            ("data-label-answered".into(), "{done} sur {total}".into()),
            ("data-label-clear".into(), "Tout décocher".into()),
        ]
    );
    let model = resolve(&read_back(
        &built.html,
        Some(bundled_source("cpd23-2012").unwrap()),
    ));
    assert_eq!(model.theme, Theme::Dark);
    assert!(model.warnings.is_empty(), "{:?}", model.warnings);
    assert_eq!(model.labels.lang().tag(), "fr");

    // Auto theme and the page's language write nothing.
    let plain = build(&bundled(ThingChoice::Number(12)), None);
    assert_eq!(attribute(&plain.html, "data-theme"), None);
    assert_eq!(attribute(&plain.html, "data-lang"), None);
    let mut light = bundled(ThingChoice::Number(12));
    light.theme = Theme::Light;
    light.lang = Some("  ".into());
    let light = build(&light, None);
    assert_eq!(
        attribute(&light.html, "data-theme").as_deref(),
        Some("light")
    );
    assert_eq!(attribute(&light.html, "data-lang"), None);
}

#[test]
fn a_url_source_names_the_file() {
    let text = bundled_source("cpd23-2011").unwrap();
    let programme = Programme::from_json(text).unwrap();
    let url = "https://example.org/courses/cpd23.json?a=1&b=2";
    let built = build(
        &options(Source::Url(url.into()), ThingChoice::Number(3)),
        Some(&programme),
    );
    assert!(built
        .html
        .contains("data-programme-src=\"https://example.org/courses/cpd23.json?a=1&amp;b=2\""));
    assert_eq!(
        attribute(&built.html, "data-programme-src").as_deref(),
        Some(url)
    );
    assert_eq!(attribute(&built.html, "data-programme"), None);
    let model = resolve(&read_back(&built.html, Some(text)));
    assert_eq!(
        texts(&model),
        texts(&resolve(&RawEmbed {
            programme: Some("cpd23-2011".into()),
            thing: Some("3".into()),
            ..RawEmbed::default()
        }))
    );
}

const OWN: &str = r#"{
  "format": 1, "id": "library-10-things", "title": "10 Things <for> Library & Staff",
  "things": [
    { "number": 1, "title": "Blogging </script><script>alert(1)</script>",
      "prompts": [ { "text": "Why <b>blog</b>? </script><!-- & \"quotes\" 'too'" }, { "text": "Who reads it?" } ] },
    { "number": 2, "title": "Named ids",
      "prompts": [ { "id": "why", "text": "Why?" }, { "text": "Really?", "optional": true } ] }
  ]
}"#;

#[test]
fn a_pasted_programme_goes_in_a_block_that_nothing_can_close() {
    let programme = Programme::from_json(OWN).unwrap();
    let built = build(
        &options(Source::Pasted(OWN.into()), ThingChoice::Number(1)),
        Some(&programme),
    );
    assert_eq!(attribute(&built.html, "data-programme"), None);
    assert_eq!(attribute(&built.html, "data-programme-src"), None);
    // One script element inside the placeholder, one for the loader; no comment opened.
    assert_eq!(built.html.matches("</script>").count(), 2, "{}", built.html);
    assert_eq!(built.html.matches("<script").count(), 2);
    assert!(!built.html.contains("<!--"));
    assert!(!built.html.contains("<b>"));
    let block = between(
        &built.html,
        "<script type=\"application/json\" class=\"thing-prompts-programme\">",
        "</script>",
    );
    assert_eq!(block.len(), 1);
    assert!(block[0].contains("\\u003c/script>"));
    // The block is the same programme.
    assert_eq!(Programme::from_json(block[0]).unwrap(), programme);
    // Hostile text is text in the static copy.
    assert!(built.html.contains(
        "<strong>Thing 1: Blogging &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;</strong>"
    ));
    assert!(built.html.contains(
        "<li>Why &lt;b&gt;blog&lt;/b&gt;? &lt;/script&gt;&lt;!-- &amp; \"quotes\" 'too'</li>"
    ));
    let model = resolve(&read_back(&built.html, None));
    assert_eq!(
        texts(&model),
        texts(
            &programme
                .thing(1)
                .map(|t| WidgetModel {
                    prompts: t.prompts.clone(),
                    ..WidgetModel::default()
                })
                .unwrap()
        )
    );
    assert_eq!(model.storage_key, "thing-prompts:v1:library-10-things");
    assert_eq!(
        model.title,
        "Thing 1: Blogging </script><script>alert(1)</script>"
    );
}

#[test]
fn named_ids_and_optional_questions_stay_the_programmes() {
    // A list would make the widget derive ids from the text and drop "optional": such a
    // Thing's questions are written as paragraphs, and the widget takes them from the block.
    let programme = Programme::from_json(OWN).unwrap();
    let built = build(
        &options(Source::Pasted(OWN.into()), ThingChoice::Number(2)),
        Some(&programme),
    );
    assert!(!built.html.contains("<li>"));
    assert!(built.html.contains("<p>Why?</p>\n  <p>Really?</p>"));
    let model = resolve(&read_back(&built.html, None));
    assert_eq!(model.prompts, programme.thing(2).unwrap().prompts);
}

#[test]
fn hostile_attribute_values_stay_inside_their_quotes() {
    let mut chosen = options(
        Source::Bundled("cpd23-2012\"><img src=x onerror=alert(1)>".into()),
        ThingChoice::Number(12),
    );
    chosen.lang = Some("fr\" onload=\"x".into());
    chosen.labels = vec![("clear".into(), "<b>'&\"</b>".into())];
    chosen.loader_url = "https://x.example/\"><script>alert(1)</script>".into();
    let built = build(&chosen, None);
    assert!(!built.html.contains("<img"));
    assert!(!built.html.contains("<b>"));
    assert_eq!(built.html.matches("<script").count(), 1);
    assert_eq!(
        attribute(&built.html, "data-label-clear").as_deref(),
        Some("<b>'&\"</b>")
    );
    assert_eq!(
        attribute(&built.html, "data-lang").as_deref(),
        Some("fr\" onload=\"x")
    );
    assert_eq!(attributes(&built.html).len(), 5);
}

#[test]
fn without_a_programme_the_copy_says_what_will_appear() {
    let built = build(
        &options(
            Source::Url("https://example.org/missing.json".into()),
            ThingChoice::Number(4),
        ),
        None,
    );
    assert!(built.html.contains("<strong>Thing 4</strong>"));
    assert!(built.html.contains("<p>The questions appear here.</p>"));
    assert!(!built.html.contains("<ul>"));
    // A pasted programme that does not parse is still written out (the widget says what is wrong).
    let broken = build(
        &options(
            Source::Pasted("{\"format\": 1, </script>".into()),
            ThingChoice::Current,
        ),
        None,
    );
    assert!(broken.html.contains("{\"format\": 1, \\u003c/script>"));
    assert_eq!(broken.html.matches("</script>").count(), 2);
}

#[test]
fn escaping_helpers() {
    assert_eq!(snippet::escape_text("a<b>&c\"'"), "a&lt;b&gt;&amp;c\"'");
    assert_eq!(
        snippet::escape_attribute("a<b>&c\"'"),
        "a&lt;b&gt;&amp;c&quot;&#39;"
    );
    assert_eq!(
        snippet::escape_json_block("  {\"a\": \"</script><!--\"}\n"),
        "{\"a\": \"\\u003c/script>\\u003c!--\"}"
    );
}

#[test]
fn notes_are_asked_for_on_checklists_only() {
    let mut chosen = bundled(ThingChoice::Number(12));
    chosen.notes = true;
    let built = build(&chosen, Some(&cpd23_2012()));
    assert!(built.html.contains(r#"data-notes="on""#), "{}", built.html);
    chosen.view = View::Overview;
    let built = build(&chosen, Some(&cpd23_2012()));
    assert!(!built.html.contains("data-notes"), "{}", built.html);
}
