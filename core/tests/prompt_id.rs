#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]
//! Prompt ids derived from text: stable under editor noise, different for different questions.

use thing_prompts_core::prompt_id::{collapse_whitespace, normalise, PromptId};

/// FNV-1a 64 written out in the test, independently of the crate.
fn fnv1a_64(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 14_695_981_039_346_656_037;
    for &byte in bytes {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(1_099_511_628_211);
    }
    hash
}

fn id(text: &str) -> String {
    PromptId::from_text(text).as_str().to_owned()
}

#[test]
fn the_independent_fnv_matches_published_test_vectors() {
    // From the FNV reference test suite, so the helper itself is checked.
    assert_eq!(fnv1a_64(b""), 0xcbf2_9ce4_8422_2325);
    assert_eq!(fnv1a_64(b"a"), 0xaf63_dc4c_8601_ec8c);
    assert_eq!(fnv1a_64(b"foobar"), 0x8594_4171_f739_67e8);
}

#[test]
fn known_ids() {
    // Texts whose normalised form is written by hand next to them.
    let cases: &[(&str, &str)] = &[
        ("", ""),
        ("a", "a"),
        ("A", "a"),
        ("FooBar", "foobar"),
        (
            "  Why did you\u{a0}decide to\ttake part?\n",
            "why did you decide to take part?",
        ),
        ("Café  AU lait", "café au lait"),
    ];
    for &(text, normalised) in cases {
        let expected = format!("t{:016x}", fnv1a_64(normalised.as_bytes()));
        assert_eq!(id(text), expected, "id of {text:?}");
        assert_eq!(normalise(text), normalised, "normalise({text:?})");
    }
    // The same values as literals, in case the helper and the crate share a mistake.
    assert_eq!(id(""), "tcbf29ce484222325");
    assert_eq!(id("A"), "taf63dc4c8601ec8c");
    assert_eq!(id(" FOOBAR "), "t85944171f73967e8");
    assert_eq!(id("Why did you decide to take part?"), "teb8148f7a5eda247");
    assert_eq!(id("café au lait"), "t832005b247f20b89");
    // A hash whose top byte is zero: the id keeps its leading zeros.
    assert_eq!(id("Question 16380"), "t00114b294bd94b55");
    assert_eq!(
        id("Question 16380"),
        format!("t{:016x}", fnv1a_64(b"question 16380"))
    );
}

#[test]
fn format_is_t_and_16_lower_case_hex_digits() {
    let texts = [
        "",
        "a",
        "How did you choose the name and look of your blog?",
        "Ünïcödé ✓ 問題",
        "question 16380",
        "x".repeat(10_000).leak(),
    ];
    for text in texts {
        let id = id(text);
        assert_eq!(id.len(), 17, "{id}");
        assert!(id.starts_with('t'), "{id}");
        assert!(
            id[1..]
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)),
            "{id}"
        );
        assert_eq!(
            PromptId::from_text(text).to_string(),
            id,
            "Display is the id"
        );
    }
}

#[test]
fn editor_noise_keeps_the_id() {
    let base = "How did you choose the name and look of your blog?";
    let variants = [
        "how did you choose the name and look of your blog?",
        "HOW DID YOU CHOOSE THE NAME AND LOOK OF YOUR BLOG?",
        "How did you choose the name and look of your Blog?",
        "How  did you choose the name and look of your blog?",
        "How did you choose the name and look of\tyour blog?",
        "How did you choose the name and look of\nyour blog?",
        "How did you choose the name and look of\r\nyour blog?",
        "How did you\u{a0}choose the name and look of your blog?",
        "How did you \u{a0} choose the name and look of your blog?",
        "  How did you choose the name and look of your blog?",
        "How did you choose the name and look of your blog?   ",
        "\n\t How did you choose the name and look of your blog? \u{a0}\n",
        "\u{2003}How did you choose the name\u{2002}and look of your blog?",
    ];
    let expected = id(base);
    for variant in variants {
        assert_eq!(id(variant), expected, "{variant:?}");
    }
}

#[test]
fn different_questions_get_different_ids() {
    let base = "How did you choose the name and look of your blog?";
    let others = [
        "How did you choose the name and feel of your blog?",
        "How did you choose the name and look of your blog",
        "How did you choose the name and look of your blog!",
        "How did you choose the name, and look of your blog?",
        "How did you choose the name and look of your blog?.",
        "How did you choose the name and look of my blog?",
        "How did you choose the nameand look of your blog?",
        "Why did you choose the name and look of your blog?",
        "How did you choose the name and look of your blog? Why?",
        "",
    ];
    let base_id = id(base);
    for other in others {
        assert_ne!(id(other), base_id, "{other:?}");
    }
    // And they are different from each other too.
    let mut all: Vec<String> = others.iter().map(|t| id(t)).collect();
    all.sort();
    all.dedup();
    assert_eq!(all.len(), others.len());
}

#[test]
fn named_ids_are_taken_as_written() {
    assert_eq!(PromptId::named("q1").as_str(), "q1");
    assert_eq!(PromptId::named("Q1").as_str(), "Q1");
    assert_ne!(PromptId::named("q1"), PromptId::named("Q1"));
    let derived = PromptId::from_text("a");
    assert_eq!(PromptId::named(derived.as_str()), derived);
}

#[test]
fn collapse_whitespace_keeps_case_and_trims() {
    let cases = [
        ("  What   do\n you\tThink?  ", "What do you Think?"),
        ("one\u{a0}two", "one two"),
        ("", ""),
        (" \t\n ", ""),
        ("Already tidy.", "Already tidy."),
    ];
    for (text, tidy) in cases {
        assert_eq!(collapse_whitespace(text), tidy, "{text:?}");
    }
}
