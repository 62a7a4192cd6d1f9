// The outline is the full module's: the lite build (no feature "extras") has none of it.
#![cfg(feature = "extras")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]
//! "Start my post": the outline of a Thing in HTML, Markdown and plain text.

mod common;

use thing_prompts::core::date::CivilDate;
use thing_prompts::core::embed::{RawEmbed, Supplied};
use thing_prompts::core::outline::{Format, Outline};

const DAY: &str = "2012-07-18";

/// The outline of the Thing a widget shows, in its language (the view's words).
fn outline_of(shown: &common::Shown) -> Outline {
    thing_prompts::view::words::outline(&shown.model, &shown.labels)
}

fn model(raw: &RawEmbed) -> common::Shown {
    common::resolve(
        raw,
        CivilDate::parse(DAY).unwrap(),
        &common::bundled_programme,
    )
    .unwrap_or_else(|e| panic!("{raw:?}: {e}"))
}

fn bundled(thing: &str, lang: Option<&str>) -> common::Shown {
    model(&RawEmbed {
        programme: Some("cpd23-2012".to_owned()),
        thing: Some(thing.to_owned()),
        lang: lang.map(str::to_owned),
        ..RawEmbed::default()
    })
}

/// A course given as JSON on the page, whose Thing 3 has a link and questions full of marks.
const COURSE: &str = r#"{
  "format": 1,
  "id": "library-things",
  "title": "10 Things <for> Library_Staff & *friends*",
  "things": [
    {
      "number": 3,
      "title": "Sharing & caring",
      "link": "https://example.org/2026/01/thing-3.html?a=1&b=(2)",
      "prompts": [
        { "text": "What does <b>bold</b> mean to you?" },
        { "text": "Do you use *stars*, _underscores_ or [links](https://x.test)?" },
        { "text": "  Is   C# a  #hashtag &amp; a `tick` ##" }
      ]
    },
    { "number": 4, "title": "No link", "prompts": [ { "text": "One question" } ] }
  ]
}"#;

fn course(thing: &str) -> common::Shown {
    model(&RawEmbed {
        programme: Some("#library-things".to_owned()),
        thing: Some(thing.to_owned()),
        supplied: Some(Supplied::from_text("#library-things", Ok(COURSE))),
        ..RawEmbed::default()
    })
}

const Q12: [&str; 5] = [
    "How much of the social do you put into your social media: do you join conversations, or mostly read without replying?",
    "Do you keep to people from your own sector, or look for people who work in other parts of the profession?",
    "If you hold back from taking part, what do you think holds you back?",
    "Find a fellow participant who works in a different sector, read their blog and leave a comment or a question on one of their posts.",
    "Has the course put you in touch with people you would otherwise never have met?",
];

#[test]
fn a_bundled_thing_without_a_link_in_all_three_formats() {
    let outline = outline_of(&bundled("12", None));
    assert_eq!(
        outline.title,
        "Thing 12: Putting the social into social media"
    );
    assert_eq!(outline.questions.len(), 5);

    let mut html = String::from(
        "<h2>Thing 12: Putting the social into social media</h2>\n\
         <p>Part of 23 Things for Professional Development (2012).</p>\n",
    );
    for q in Q12 {
        html.push_str(&format!("<h3>{q}</h3>\n<p>&nbsp;</p>\n"));
    }
    assert_eq!(outline.html(), html);

    let mut markdown = String::from(
        "## Thing 12: Putting the social into social media\n\n\
         Part of 23 Things for Professional Development (2012).",
    );
    for q in Q12 {
        markdown.push_str(&format!("\n\n### {q}\n\n"));
    }
    markdown.push('\n');
    assert_eq!(outline.markdown(), markdown);

    let mut text = String::from(
        "Thing 12: Putting the social into social media\n\n\
         Part of 23 Things for Professional Development (2012).",
    );
    for q in Q12 {
        text.push_str(&format!("\n\n{q}\n\n"));
    }
    text.push('\n');
    assert_eq!(outline.text(), text);

    assert_eq!(outline.render(Format::Html, &[]), outline.html());
    assert_eq!(outline.render(Format::Markdown, &[]), outline.markdown());
    assert_eq!(outline.render(Format::Text, &[]), outline.text());
}

#[test]
fn a_thing_with_a_link_links_the_course_and_every_mark_is_escaped() {
    let outline = outline_of(&course("3"));
    assert_eq!(
        outline.html(),
        "<h2>Thing 3: Sharing &amp; caring</h2>\n\
         <p>Part of <a href=\"https://example.org/2026/01/thing-3.html?a=1&amp;b=(2)\">10 Things &lt;for&gt; Library_Staff &amp; *friends*</a>.</p>\n\
         <h3>What does &lt;b&gt;bold&lt;/b&gt; mean to you?</h3>\n<p>&nbsp;</p>\n\
         <h3>Do you use *stars*, _underscores_ or [links](https://x.test)?</h3>\n<p>&nbsp;</p>\n\
         <h3>Is C# a #hashtag &amp;amp; a `tick` ##</h3>\n<p>&nbsp;</p>\n"
    );
    assert_eq!(
        outline.markdown(),
        "## Thing 3: Sharing & caring\n\n\
         Part of [10 Things \\<for\\> Library\\_Staff & \\*friends\\*](https://example.org/2026/01/thing-3.html?a=1&b=%282%29).\n\n\
         ### What does \\<b\\>bold\\</b\\> mean to you?\n\n\n\n\
         ### Do you use \\*stars\\*, \\_underscores\\_ or \\[links\\](https://x.test)?\n\n\n\n\
         ### Is C\\# a \\#hashtag \\&amp; a \\`tick\\` \\#\\#\n\n\n"
    );
    assert_eq!(
        outline.text(),
        "Thing 3: Sharing & caring\n\n\
         Part of 10 Things <for> Library_Staff & *friends*.\n\
         https://example.org/2026/01/thing-3.html?a=1&b=(2)\n\n\
         What does <b>bold</b> mean to you?\n\n\n\n\
         Do you use *stars*, _underscores_ or [links](https://x.test)?\n\n\n\n\
         Is C# a #hashtag &amp; a `tick` ##\n\n\n"
    );
}

#[test]
fn a_thing_of_a_course_without_a_link_names_the_course_unlinked() {
    let outline = outline_of(&course("4"));
    let course = outline.course.as_ref().unwrap();
    assert_eq!(course.link, None);
    assert!(outline.html().contains(
        "<p>Part of 10 Things &lt;for&gt; Library_Staff &amp; *friends*.</p>\n<h3>One question</h3>"
    ));
    assert!(!outline.html().contains("<a "));
    assert!(!outline.markdown().contains("]("));
    assert!(outline.text().starts_with(
        "Thing 4: No link\n\nPart of 10 Things <for> Library_Staff & *friends*.\n\nOne question\n"
    ));
}

#[test]
fn an_inline_list_keeps_its_heading_and_names_no_course_it_does_not_know() {
    let outline = outline_of(&model(&RawEmbed {
        heading: Some("My  answers: <i>Thing 12</i>".to_owned()),
        list: Some(vec![
            "First <b>question</b>?".to_owned(),
            "Second".to_owned(),
        ]),
        ..RawEmbed::default()
    }));
    assert_eq!(outline.course, None);
    assert_eq!(
        outline.html(),
        "<h2>My answers: &lt;i&gt;Thing 12&lt;/i&gt;</h2>\n\
         <h3>First &lt;b&gt;question&lt;/b&gt;?</h3>\n<p>&nbsp;</p>\n\
         <h3>Second</h3>\n<p>&nbsp;</p>\n"
    );
    assert_eq!(
        outline.markdown(),
        "## My answers: \\<i\\>Thing 12\\</i\\>\n\n### First \\<b\\>question\\</b\\>?\n\n\n\n### Second\n\n\n"
    );
    assert_eq!(
        outline.text(),
        "My answers: <i>Thing 12</i>\n\nFirst <b>question</b>?\n\n\n\nSecond\n\n\n"
    );
}

#[test]
fn an_inline_copy_of_a_bundled_thing_without_a_heading_gets_the_thing_title() {
    let outline = outline_of(&model(&RawEmbed {
        programme: Some("cpd23-2012".to_owned()),
        thing: Some("12".to_owned()),
        list: Some(Q12.iter().map(|q| (*q).to_owned()).collect()),
        lang: Some("de".to_owned()),
        ..RawEmbed::default()
    }));
    assert_eq!(
        outline.title,
        "Thing 12: Putting the social into social media"
    );
    assert!(outline
        .text()
        .starts_with("Thing 12: Putting the social into social media\n\nEin Beitrag zu 23 Things for Professional Development (2012).\n\n"));
}

#[test]
fn the_fixed_words_are_in_the_widget_language_and_can_be_overridden() {
    let french = outline_of(&bundled("12", Some("fr")));
    assert!(french.html().starts_with(
        "<h2>Thing 12 : Putting the social into social media</h2>\n\
         <p>Dans le cadre de 23 Things for Professional Development (2012).</p>\n"
    ));
    let spanish = outline_of(&bundled("12", Some("es")));
    assert!(spanish
        .text()
        .contains("\n\nForma parte de 23 Things for Professional Development (2012).\n\n"));

    // An organiser's wording, with markup in it: still text.
    let mut raw = RawEmbed {
        programme: Some("#library-things".to_owned()),
        thing: Some("3".to_owned()),
        supplied: Some(Supplied::from_text("#library-things", Ok(COURSE))),
        labels: vec![
            (
                "outline-part-of".to_owned(),
                "<em>Written</em> for {programme}!".to_owned(),
            ),
            ("outline-title".to_owned(), "#{thing} - {title}".to_owned()),
        ],
        ..RawEmbed::default()
    };
    let outline = outline_of(&model(&raw));
    assert!(outline.html().starts_with(
        "<h2>#3 - Sharing &amp; caring</h2>\n<p>&lt;em&gt;Written&lt;/em&gt; for <a href="
    ));
    assert!(outline
        .markdown()
        .starts_with("## \\#3 - Sharing & caring\n\n\\<em\\>Written\\</em\\> for [10 Things"));

    // A wording without the course's name: the line is kept, with no link to hang anywhere.
    raw.labels = vec![(
        "outline-part-of".to_owned(),
        "- My course post -".to_owned(),
    )];
    let outline = outline_of(&model(&raw));
    assert_eq!(outline.course.as_ref().unwrap().name, "");
    assert!(outline.html().contains("<p>- My course post -</p>\n"));
    assert!(!outline.html().contains("<a "));
    // A paragraph starting with "-" would become a list item in Markdown.
    assert!(outline.markdown().contains("\n\n\\- My course post -\n\n"));
    assert!(outline.text().contains(
        "\n\n- My course post -\nhttps://example.org/2026/01/thing-3.html?a=1&b=(2)\n\n"
    ));
}

#[test]
fn notes_fill_the_empty_paragraphs() {
    let outline = outline_of(&course("3"));
    let notes = [
        Some("Mostly *read*.\n\nSecond <thought>\nsame paragraph"),
        None,
        Some("   \n  "),
    ];
    let html = outline.render(Format::Html, &notes);
    assert!(html.contains(
        "<h3>What does &lt;b&gt;bold&lt;/b&gt; mean to you?</h3>\n\
         <p>Mostly *read*.</p>\n<p>Second &lt;thought&gt;<br>\nsame paragraph</p>\n<h3>Do you use"
    ));
    // No note, or a blank one: the empty paragraph.
    assert!(html.ends_with(
        "?</h3>\n<p>&nbsp;</p>\n<h3>Is C# a #hashtag &amp;amp; a `tick` ##</h3>\n<p>&nbsp;</p>\n"
    ));

    let markdown = outline.render(Format::Markdown, &notes);
    assert!(markdown.contains(
        "mean to you?\n\nMostly \\*read\\*.\n\nSecond \\<thought\\>\\\nsame paragraph\n\n### Do you use"
    ));
    let text = outline.render(Format::Text, &notes);
    assert!(text.contains(
        "mean to you?\n\nMostly *read*.\n\nSecond <thought>\nsame paragraph\n\nDo you use"
    ));
    // Fewer notes than questions, or more: the rest are empty, the extra ones unused.
    assert_eq!(outline.render(Format::Text, &[None]), outline.text());
    assert_eq!(
        outline.render(Format::Text, &[None, None, None, Some("extra")]),
        outline.text()
    );
}

#[test]
fn only_web_addresses_are_ever_linked() {
    let mut model = course("3");
    model.link = Some("javascript:alert(1)".to_owned());
    let outline = outline_of(&model);
    assert_eq!(outline.course.as_ref().unwrap().link, None);
    assert!(!outline.html().contains("javascript"));
    assert!(!outline.markdown().contains("javascript"));
    model.link = Some("HTTPS://example.org/a b\"c<d>".to_owned());
    let outline = outline_of(&model);
    assert!(outline
        .html()
        .contains("<a href=\"HTTPS://example.org/a b&quot;c&lt;d&gt;\">"));
    assert!(outline
        .markdown()
        .contains("](HTTPS://example.org/a%20b\"c%3Cd%3E)."));
}
