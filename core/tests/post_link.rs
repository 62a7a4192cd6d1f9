#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]
//! The link to a participant's post: which addresses are kept, why the others are refused,
//! and the short form a backup code carries.

use proptest::prelude::*;
use thing_prompts_core::post_link::{LinkProblem, PostLink, LINK_MAX_CHARS};

#[test]
fn web_addresses_are_kept_with_the_scheme_in_lower_case() {
    let kept = [
        (
            "https://jane-librarian.blogspot.com/2012/07/thing-12.html",
            "https://jane-librarian.blogspot.com/2012/07/thing-12.html",
        ),
        (
            "  http://blog.example/?p=12#comments \n",
            "http://blog.example/?p=12#comments",
        ),
        ("HTTPS://Blog.Example/Post", "https://Blog.Example/Post"),
        ("https://blog.example:8080/x", "https://blog.example:8080/x"),
        ("https://[2001:db8::1]/post", "https://[2001:db8::1]/post"),
        ("https://[::1]:8443", "https://[::1]:8443"),
        (
            "https://bücher.example/thing-1",
            "https://bücher.example/thing-1",
        ),
        ("https://blog.example./a%20b", "https://blog.example./a%20b"),
        (
            "https://blog.example/path@with/at?x=a|b&y={1}",
            "https://blog.example/path@with/at?x=a|b&y={1}",
        ),
        ("http://localhost", "http://localhost"),
    ];
    for (typed, expected) in kept {
        let link = PostLink::parse(typed).unwrap_or_else(|e| panic!("{typed}: {e}"));
        assert_eq!(link.as_str(), expected);
        assert_eq!(PostLink::parse(link.as_str()), Ok(link.clone()), "{typed}");
    }
}

#[test]
fn everything_else_is_refused_with_its_reason() {
    use LinkProblem::*;
    let refused: Vec<(&str, LinkProblem)> = vec![
        ("", Empty),
        (" \t\n", Empty),
        ("javascript:alert(1)", Script("javascript".into())),
        (
            " JavaScript:alert(document.cookie)",
            Script("javascript".into()),
        ),
        ("vbscript:msgbox", Script("vbscript".into())),
        (
            "data:text/html,<script>alert(1)</script>",
            Script("data".into()),
        ),
        ("ftp://files.example/x", OtherScheme("ftp".into())),
        ("mailto:me@example.org", OtherScheme("mailto".into())),
        ("file:///home/me/post.html", OtherScheme("file".into())),
        ("blog.example/thing-12", NoScheme),
        ("blog.example:8080/thing-12", NoScheme),
        ("localhost:8080", NoScheme),
        ("java\tscript:alert(1)", NoScheme),
        ("\u{1}javascript:alert(1)", NoScheme),
        ("//blog.example/post", NoScheme),
        ("https:blog.example", NoHost),
        ("https://", NoHost),
        ("https:///path", NoHost),
        ("https://:80/x", NoHost),
        ("https://me:secret@blog.example/", Credentials),
        ("https://google.com@evil.example/", Credentials),
        ("https://blog.example:0/", BadPort),
        ("https://blog.example:65536/", BadPort),
        ("https://blog.example:/", BadPort),
        ("https://blog.example:8o/", BadPort),
        ("https://http://blog.example/", BadPort),
        ("https://a..b/", BadHost),
        ("https://a.b%2e/", BadHost),
        ("https://[zz::1]/", BadHost),
        ("https://[::1/", BadHost),
        ("https://[::1]x/", BadHost),
        ("https://blog.example/a b", BadCharacter(' ')),
        ("https://blog.example/a\u{7f}", BadCharacter('\u{7f}')),
        ("https://blog.example/\"onmouseover=", BadCharacter('"')),
        ("https://blog.example/<script>", BadCharacter('<')),
        ("https://blog.example\\evil.example", BadCharacter('\\')),
        ("https://blog.example/`x`", BadCharacter('`')),
        ("https://blog.example/a\u{2028}b", BadCharacter('\u{2028}')),
    ];
    for (typed, problem) in refused {
        assert_eq!(PostLink::parse(typed), Err(problem), "{typed:?}");
    }
}

#[test]
fn at_most_2048_characters_are_kept() {
    let start = "https://blog.example/";
    let fill = |chars: usize| format!("{start}{}", "é".repeat(chars - start.len()));
    assert_eq!(LINK_MAX_CHARS, 2048);
    let longest = fill(2048);
    assert_eq!(longest.chars().count(), 2048);
    assert!(PostLink::parse(&longest).is_ok());
    assert_eq!(
        PostLink::parse(&fill(2049)),
        Err(LinkProblem::TooLong { chars: 2049 })
    );
    // Counted in characters, not bytes; white space around the address does not count.
    assert!(longest.len() > 2048);
    assert!(PostLink::parse(&format!("  {longest}  ")).is_ok());
    // The length is checked first: a long address of another scheme is too long.
    let long_script = format!("javascript:{}", "a".repeat(3000));
    assert_eq!(
        PostLink::parse(&long_script),
        Err(LinkProblem::TooLong { chars: 3011 })
    );
}

#[test]
fn a_code_carries_https_addresses_without_their_scheme() {
    let https = PostLink::parse("https://blog.example/2012/07/thing-12.html").unwrap();
    assert_eq!(https.code_form(), "blog.example/2012/07/thing-12.html");
    let http = PostLink::parse("http://blog.example/?p=12").unwrap();
    assert_eq!(http.code_form(), "http://blog.example/?p=12");
    for link in [https, http] {
        assert_eq!(PostLink::from_code_form(link.code_form()), Ok(link));
    }
    // Read back, the short form is checked again.
    assert_eq!(
        PostLink::from_code_form("me@blog.example/"),
        Err(LinkProblem::Credentials)
    );
    assert_eq!(
        PostLink::from_code_form("javascript:alert(1)"),
        Err(LinkProblem::BadPort)
    );
}

fn host() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z0-9]{1,12}(\\.[a-z0-9-]{1,10}){0,3}",
        "[a-zé0-9]{1,8}\\.example",
        Just("[2001:db8::7]".to_owned()),
    ]
}

fn link_text() -> impl Strategy<Value = String> {
    (
        prop_oneof![Just("http"), Just("https"), Just("HTTPS")],
        host(),
        proptest::option::of(1u32..=65_535),
        "(/[a-zA-Z0-9._~%!$&'()*+,;=:@|{}^-]{0,12}){0,4}",
        proptest::option::of("[a-z0-9=&]{0,8}"),
    )
        .prop_map(|(scheme, host, port, path, query)| {
            let port = port.map(|p| format!(":{p}")).unwrap_or_default();
            let query = query.map(|q| format!("?{q}")).unwrap_or_default();
            format!("{scheme}://{host}{port}{path}{query}")
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn web_addresses_are_kept_and_read_back_the_same(text in link_text()) {
        let link = PostLink::parse(&text).unwrap();
        prop_assert_eq!(link.as_str().to_lowercase(), text.to_lowercase());
        prop_assert_eq!(PostLink::parse(link.as_str()), Ok(link.clone()));
        prop_assert_eq!(PostLink::from_code_form(link.code_form()), Ok(link.clone()));
    }

    #[test]
    fn whatever_is_typed_a_kept_link_is_a_plain_web_address(text in "\\PC{0,40}|[a-zA-Z]{1,10}:[^ ]{0,30}|https?://\\PC{0,30}") {
        if let Ok(link) = PostLink::parse(&text) {
            let s = link.as_str();
            prop_assert!(s.starts_with("https://") || s.starts_with("http://"), "{}", s);
            prop_assert!(!s.chars().any(|c| c.is_whitespace() || c.is_control() || "<>\"\\`".contains(c)), "{}", s);
            prop_assert!(s.chars().count() <= LINK_MAX_CHARS);
            prop_assert_eq!(PostLink::from_code_form(link.code_form()), Ok(link.clone()));
        }
    }
}
