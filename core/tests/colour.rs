#![allow(clippy::unwrap_used, clippy::float_cmp)]
//! Reading computed colours to choose a light or dark palette.

use thing_prompts_core::colour::{Rgba, Scheme};

#[test]
fn computed_colours_are_read() {
    let cases = [
        ("rgb(255, 255, 255)", Some((255.0, 255.0, 255.0, 1.0))),
        ("rgba(0, 0, 0, 0)", Some((0.0, 0.0, 0.0, 0.0))),
        ("rgba(18, 18, 18, 0.9)", Some((18.0, 18.0, 18.0, 0.9))),
        ("rgb(18 18 18 / 0.5)", Some((18.0, 18.0, 18.0, 0.5))),
        ("transparent", None),
        ("color(srgb 1 1 1)", None),
        ("rgb(1, 2)", None),
        ("rgb(1, 2, 3, 4, 5)", None),
        ("rgb(a, b, c)", None),
    ];
    for (text, expected) in cases {
        let parsed = Rgba::parse(text).map(|c| (c.red, c.green, c.blue, c.alpha));
        assert_eq!(parsed, expected, "{text}");
    }
}

#[test]
fn dark_backgrounds_get_the_dark_palette() {
    let cases = [
        ("rgb(255, 255, 255)", Scheme::Light),
        ("rgb(246, 239, 226)", Scheme::Light),
        ("rgb(128, 128, 128)", Scheme::Light),
        ("rgb(18, 18, 18)", Scheme::Dark),
        ("rgb(0, 43, 54)", Scheme::Dark),
        ("rgb(90, 90, 90)", Scheme::Dark),
    ];
    for (text, scheme) in cases {
        assert_eq!(Rgba::parse(text).unwrap().scheme_on(), scheme, "{text}");
    }
    assert!(!Rgba::parse("rgba(0, 0, 0, 0)").unwrap().is_painted());
    assert!(Rgba::parse("rgb(0, 0, 0)").unwrap().is_painted());
}
