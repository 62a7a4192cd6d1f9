#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]
//! probe

#[allow(dead_code, unreachable_pub)]
#[path = "fixtures/release-0.1.0/core/mod.rs"]
mod core;

#[test]
fn probe() {
    let p = crate::core::progress::Progress::parse(r#"{"version":1,"things":{}}"#).unwrap();
    assert_eq!(p.to_json(), r#"{"version":1,"things":{}}"#);
}
