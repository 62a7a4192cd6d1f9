//! Stable prompt ids: a tick belongs to the question, not to the page it was ticked on.

use std::fmt;

/// The id under which a prompt's tick is stored.
///
/// Programme files may name ids themselves; otherwise the id is derived from the
/// prompt's normalised text, so the same question pasted into two posts shares its tick.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PromptId(String);

impl PromptId {
    /// An id chosen by a programme's author, taken as written.
    pub fn named(id: &str) -> Self {
        Self(id.to_owned())
    }

    /// The id of a question's text: `t` and 16 hex digits of a 64-bit FNV-1a hash of the
    /// normalised text. Changing only case or white space keeps the id.
    pub fn from_text(text: &str) -> Self {
        const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
        const PRIME: u64 = 0x0000_0100_0000_01b3;
        let hash = normalise(text).bytes().fold(OFFSET, |hash, byte| {
            (hash ^ u64::from(byte)).wrapping_mul(PRIME)
        });
        Self(format!("t{hash:016x}"))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for PromptId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Folds the differences an editor makes without changing the question:
/// case, and runs of white space (including no-break spaces) at either end or inside.
pub fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text
        .split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

/// Tidies text read from a page for display: white space collapsed, ends trimmed, case kept.
pub fn collapse_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}
