// The course record is the full module's: the lite build (no feature "extras") has none of it.
#![cfg(feature = "extras")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]
//! The course record's files speak the widget's language: their headings and states come from
//! the label table, in each language and with an organiser's rewording.

use thing_prompts::core::date::CivilDate;
use thing_prompts::core::post_link::PostLink;
use thing_prompts::core::record::RecordRow;
use thing_prompts::core::record_files::{csv, markdown, CSV_BOM};
use thing_prompts::view::i18n::{Arg, Label, Labels, Lang};
use thing_prompts::view::words::RecordWords;

fn rows() -> Vec<RecordRow> {
    vec![
        RecordRow {
            number: 1,
            title: "Blogging".to_owned(),
            answered: 3,
            total: 3,
            finished: CivilDate::new(2012, 7, 16),
            link: Some(PostLink::parse("https://jane.example/thing-1").unwrap()),
        },
        RecordRow {
            number: 2,
            title: "Twitter".to_owned(),
            answered: 1,
            total: 4,
            finished: None,
            link: None,
        },
        RecordRow {
            number: 3,
            title: "Brand".to_owned(),
            answered: 0,
            total: 2,
            finished: None,
            link: None,
        },
    ]
}

fn files(labels: &Labels) -> (String, String) {
    let words = RecordWords::of(labels, "CPD23");
    let answered = |done: usize, total: usize| {
        labels.format(
            Label::Answered,
            &[("done", Arg::Number(done)), ("total", Arg::Number(total))],
        )
    };
    (
        csv(&words.headings(), &rows()),
        markdown(&words.markdown(&answered), Some("Jane"), &rows()),
    )
}

#[test]
fn the_files_speak_each_language() {
    let expected = [
        (
            Lang::En,
            "Thing,Title,Answered,Questions,Finished,My post",
            "# My course record: CPD23",
            "Name: Jane",
            "| 1 | Blogging | finished | 2012-07-16 | <https://jane.example/thing-1> |",
            "| 2 | Twitter | 1 of 4 answered |  |  |",
            "| 3 | Brand | not started |  |  |",
        ),
        (
            Lang::Fr,
            "Thing,Titre,Traitées,Questions,Terminé le,Mon billet",
            "# Mon relevé du cours : CPD23",
            "Nom: Jane",
            "| 1 | Blogging | terminé | 2012-07-16 | <https://jane.example/thing-1> |",
            "| 2 | Twitter | 1 sur 4 traitée |  |  |",
            "| 3 | Brand | pas commencé |  |  |",
        ),
        (
            Lang::De,
            "Thing,Titel,Beantwortet,Fragen,Abgeschlossen am,Mein Beitrag",
            "# Mein Kursnachweis: CPD23",
            "Name: Jane",
            "| 1 | Blogging | abgeschlossen | 2012-07-16 | <https://jane.example/thing-1> |",
            "| 2 | Twitter | 1 von 4 beantwortet |  |  |",
            "| 3 | Brand | nicht begonnen |  |  |",
        ),
        (
            Lang::Es,
            "Thing,Título,Respondidas,Preguntas,Terminado el,Mi entrada",
            "# Mi registro del curso: CPD23",
            "Nombre: Jane",
            "| 1 | Blogging | terminado | 2012-07-16 | <https://jane.example/thing-1> |",
            "| 2 | Twitter | 1 de 4 respondida |  |  |",
            "| 3 | Brand | sin empezar |  |  |",
        ),
    ];
    for (lang, head, heading, name, one, two, three) in expected {
        let (csv, markdown) = files(&Labels::new(lang));
        assert!(
            csv.starts_with(&format!("{CSV_BOM}{head}\r\n")),
            "{lang:?}: {csv}"
        );
        let lines: Vec<&str> = markdown.lines().collect();
        assert_eq!(lines[0], heading, "{lang:?}");
        assert_eq!(lines[2], name, "{lang:?}");
        assert_eq!(&lines[6..9], [one, two, three], "{lang:?}");
    }
}

#[test]
fn an_organisers_rewording_reaches_the_files() {
    let mut labels = Labels::new(Lang::En);
    labels.override_label(Label::RecordColTitle, "Topic");
    labels.override_label(Label::MyPost, "Blog post");
    labels.override_label(Label::NotStarted, "to do");
    let (csv, markdown) = files(&labels);
    assert!(csv.starts_with(&format!(
        "{CSV_BOM}Thing,Topic,Answered,Questions,Finished,Blog post\r\n"
    )));
    assert!(markdown.contains("| Thing | Topic | Progress | Finished | Blog post |\n"));
    assert!(markdown.contains("| 3 | Brand | to do |  |  |\n"));
}
