//! The address of the post in which a participant answered a Thing: checked before it is kept,
//! and checked again whenever it is read back (storage and backups can be edited by hand).
//!
//! Only `http:` and `https:` addresses of a named host are kept. The checks are the ones a
//! reader's mistake or a pasted trick would fail; they are not a full URL parser, and the
//! browser's own `<input type="url">` sits in front of them.

use std::fmt;

/// The longest address kept, in characters (Unicode scalar values).
pub const LINK_MAX_CHARS: usize = 2048;

/// A checked post address: `http:` or `https:` (the scheme in lower case), a host, no
/// user name or password, no white space or control characters, at most
/// [`LINK_MAX_CHARS`] characters. Only [`PostLink::parse`] makes one.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PostLink(String);

/// Why an address was refused; the view says it in the reader's language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkProblem {
    /// Nothing but white space.
    Empty,
    /// Longer than [`LINK_MAX_CHARS`]; `chars` is its length.
    TooLong { chars: usize },
    /// `javascript:`, `vbscript:` or `data:`: an address that runs or carries content instead
    /// of leading to a page. The scheme as written, in lower case.
    Script(String),
    /// Another scheme (`ftp:`, `mailto:`, `file:` …), in lower case: only web pages are kept.
    OtherScheme(String),
    /// No scheme at all (`blog.example/thing-12`): the view may suggest `https://`.
    NoScheme,
    /// `http:` or `https:` without `//` and a host after it.
    NoHost,
    /// A host that is no host name or address (`https://exa mple`, `https://a..b`).
    BadHost,
    /// A user name or password before the host (`https://me:secret@blog.example`).
    Credentials,
    /// A port that is not a number from 1 to 65535, or an empty one.
    BadPort,
    /// A character no address holds as it is: white space, a control character, `<`, `>`,
    /// `"`, `\` or `` ` ``.
    BadCharacter(char),
}

impl fmt::Display for LinkProblem {
    /// A short account for logs and tests; the reader's words come from the view.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => f.write_str("empty"),
            Self::TooLong { chars } => write!(f, "{chars} characters, over {LINK_MAX_CHARS}"),
            Self::Script(scheme) => write!(f, "a {scheme}: address"),
            Self::OtherScheme(scheme) => write!(f, "a {scheme}: address, not http or https"),
            Self::NoScheme => f.write_str("no http:// or https://"),
            Self::NoHost => f.write_str("no host"),
            Self::BadHost => f.write_str("not a host name"),
            Self::Credentials => f.write_str("a user name or password"),
            Self::BadPort => f.write_str("not a port number"),
            Self::BadCharacter(c) => write!(f, "the character {c:?}"),
        }
    }
}

/// Schemes whose addresses run script or carry a document of their own.
const SCRIPT_SCHEMES: [&str; 3] = ["javascript", "vbscript", "data"];

/// The part of a backup code's link word that stands for `https://`, which is left out.
const HTTPS: &str = "https://";
const HTTP: &str = "http://";

impl PostLink {
    /// Checks an address as a reader typed or pasted it (white space around it is dropped).
    pub fn parse(text: &str) -> Result<Self, LinkProblem> {
        let text = text.trim();
        if text.is_empty() {
            return Err(LinkProblem::Empty);
        }
        let chars = text.chars().count();
        if chars > LINK_MAX_CHARS {
            return Err(LinkProblem::TooLong { chars });
        }
        let (scheme, rest) = scheme_of(text).ok_or(LinkProblem::NoScheme)?;
        if SCRIPT_SCHEMES.contains(&scheme.as_str()) {
            return Err(LinkProblem::Script(scheme));
        }
        if scheme != "http" && scheme != "https" {
            return Err(LinkProblem::OtherScheme(scheme));
        }
        if let Some(bad) = text.chars().find(|&c| is_refused(c)) {
            return Err(LinkProblem::BadCharacter(bad));
        }
        let after_slashes = rest.strip_prefix("//").ok_or(LinkProblem::NoHost)?;
        let authority_end = after_slashes
            .find(['/', '?', '#'])
            .unwrap_or(after_slashes.len());
        let authority = after_slashes.get(..authority_end).unwrap_or_default();
        check_authority(authority)?;
        Ok(Self(format!("{scheme}:{rest}")))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The address as a backup code carries it: an `https://` address without those eight
    /// characters, an `http://` one whole.
    pub fn code_form(&self) -> &str {
        self.0.strip_prefix(HTTPS).unwrap_or(&self.0)
    }

    /// Reads [`Self::code_form`] back, checking it again.
    pub fn from_code_form(text: &str) -> Result<Self, LinkProblem> {
        if text.starts_with(HTTP) {
            Self::parse(text)
        } else {
            Self::parse(&format!("{HTTPS}{text}"))
        }
    }
}

impl fmt::Display for PostLink {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The scheme (in lower case) and what follows its `:`, when `text` starts with one. Text such
/// as `blog.example:8080/post` or `localhost:8080` names a host and a port, not a scheme.
fn scheme_of(text: &str) -> Option<(String, &str)> {
    let (scheme, rest) = text.split_once(':')?;
    let mut bytes = scheme.bytes();
    let starts_with_letter = bytes.next().is_some_and(|b| b.is_ascii_alphabetic());
    let scheme_chars = bytes.all(|b| b.is_ascii_alphanumeric() || b == b'+' || b == b'-');
    let looks_like_port = rest.bytes().next().is_some_and(|b| b.is_ascii_digit());
    (starts_with_letter && scheme_chars && !looks_like_port)
        .then(|| (scheme.to_ascii_lowercase(), rest))
}

/// Characters an address never holds as they are (a browser would percent-encode them, and
/// they are what would break out of Markdown, HTML or a backup code's words).
fn is_refused(c: char) -> bool {
    c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | '"' | '\\' | '`')
}

/// `host[:port]` with no user part: a host name of letters (any script), digits, `-` and `_`
/// in dot-separated labels (one trailing dot allowed), or an IPv6 address in brackets.
fn check_authority(authority: &str) -> Result<(), LinkProblem> {
    if authority.contains('@') {
        return Err(LinkProblem::Credentials);
    }
    let (host, port) = if let Some(inside) = authority.strip_prefix('[') {
        let (address, after) = inside.split_once(']').ok_or(LinkProblem::BadHost)?;
        let is_ipv6 = address.contains(':')
            && address
                .bytes()
                .all(|b| b.is_ascii_hexdigit() || b == b':' || b == b'.');
        if !is_ipv6 {
            return Err(LinkProblem::BadHost);
        }
        match after {
            "" => (address, None),
            _ => (
                address,
                Some(after.strip_prefix(':').ok_or(LinkProblem::BadHost)?),
            ),
        }
    } else {
        match authority.split_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (authority, None),
        }
    };
    if host.is_empty() {
        return Err(LinkProblem::NoHost);
    }
    if !authority.starts_with('[') {
        let labels = host.strip_suffix('.').unwrap_or(host);
        let fine = labels.split('.').all(|label| {
            !label.is_empty()
                && label
                    .chars()
                    .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
        });
        if !fine {
            return Err(LinkProblem::BadHost);
        }
    }
    if let Some(port) = port {
        let number =
            (!port.is_empty() && port.len() <= 5 && port.bytes().all(|b| b.is_ascii_digit()))
                .then(|| port.parse::<u32>().ok())
                .flatten();
        if !number.is_some_and(|n| (1..=65_535).contains(&n)) {
            return Err(LinkProblem::BadPort);
        }
    }
    Ok(())
}
