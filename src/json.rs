//! A small JSON reader and writer (RFC 8259), written out by hand because a general one
//! (and the floating-point parsing and printing it brings) is a large share of the download.
//!
//! Every number the formats here hold is a whole number of 0 or more, so only those are
//! read as numbers; any other number is kept as the text it was written as.

use std::fmt;

/// How deeply arrays and objects may nest; deeper text is refused rather than risking the stack.
pub const MAX_DEPTH: usize = 128;

/// A JSON value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    Null,
    Bool(bool),
    /// A whole number from 0 to `u64::MAX`, written without sign, fraction or exponent.
    Int(u64),
    /// Any other number (negative, with a fraction or an exponent, or beyond `u64`), exactly
    /// as written; the writer copies it out as it is, so it must be JSON number text.
    Number(String),
    String(String),
    Array(Vec<Value>),
    /// Fields in document order; [`parse`] refuses a key given twice.
    Object(Vec<(String, Value)>),
}

impl Value {
    /// The field `key` of an object (the first, if a hand-built object has it twice).
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Self::Object(fields) => fields.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The number, if this is a whole number of 0 or more that fits in a `u64`.
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Self::Int(n) => Some(*n),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Self::Bool(b) => Some(*b),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Self::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Value]> {
        match self {
            Self::Array(items) => Some(items),
            _ => None,
        }
    }

    pub fn as_object(&self) -> Option<&[(String, Value)]> {
        match self {
            Self::Object(fields) => Some(fields),
            _ => None,
        }
    }

    /// Compact JSON text, with no white space.
    pub fn to_json(&self) -> String {
        let mut out = String::new();
        write(&mut out, self, None);
        out
    }

    /// JSON text indented by two spaces, one field or item a line.
    pub fn to_json_pretty(&self) -> String {
        let mut out = String::new();
        write(&mut out, self, Some(0));
        out
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Self {
        Self::Bool(b)
    }
}

impl From<u64> for Value {
    fn from(n: u64) -> Self {
        Self::Int(n)
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Self {
        Self::String(s.to_owned())
    }
}

impl From<String> for Value {
    fn from(s: String) -> Self {
        Self::String(s)
    }
}

impl From<Vec<Value>> for Value {
    fn from(items: Vec<Value>) -> Self {
        Self::Array(items)
    }
}

/// Why text is not JSON, and where: line and column count from 1, columns in characters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "line {}, column {}: {}",
            self.line, self.column, self.message
        )
    }
}

/// Reads one JSON value, with nothing but white space around it.
pub fn parse(text: &str) -> Result<Value, Error> {
    let mut parser = Parser { text, pos: 0 };
    parser.skip_space();
    let value = parser.value(0)?;
    parser.skip_space();
    if parser.pos < text.len() {
        return parser.fail("unexpected text after the end of the JSON");
    }
    Ok(value)
}

struct Parser<'a> {
    text: &'a str,
    /// A byte offset, always on a character boundary.
    pos: usize,
}

impl Parser<'_> {
    fn byte(&self, at: usize) -> Option<u8> {
        self.text.as_bytes().get(at).copied()
    }

    fn peek(&self) -> Option<u8> {
        self.byte(self.pos)
    }

    fn eat(&mut self, byte: u8) -> bool {
        let found = self.peek() == Some(byte);
        if found {
            self.pos += 1;
        }
        found
    }

    fn skip_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    fn fail<T>(&self, message: &'static str) -> Result<T, Error> {
        self.fail_at(self.pos, says!("{message}"))
    }

    /// An error at byte offset `at`; line and column are worked out only now.
    fn fail_at<T>(&self, at: usize, mut message: String) -> Result<T, Error> {
        let before = self.text.get(..at).unwrap_or(self.text);
        let line_start = before
            .bytes()
            .rposition(|b| b == b'\n')
            .map_or(0, |i| i + 1);
        if at >= self.text.len() && cfg!(feature = "extras") {
            message.insert_str(0, "the text ends too soon: ");
        }
        Err(Error {
            line: before.bytes().filter(|b| *b == b'\n').count() + 1,
            column: before.get(line_start..).unwrap_or("").chars().count() + 1,
            message,
        })
    }

    fn value(&mut self, depth: usize) -> Result<Value, Error> {
        match self.peek() {
            Some(b'{') => self.object(depth + 1),
            Some(b'[') => self.array(depth + 1),
            Some(b'"') => self.string().map(Value::String),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b'\'') => self.fail("text must be in double quotes, not single ones"),
            _ => {
                let rest = self.text.get(self.pos..).unwrap_or("");
                for (word, value) in [("true", Some(true)), ("false", Some(false)), ("null", None)]
                {
                    if rest.starts_with(word) {
                        self.pos += word.len();
                        return Ok(value.map_or(Value::Null, Value::Bool));
                    }
                }
                self.fail(
                    "expected a value: text in double quotes, a number, true, false, null, [ or {",
                )
            }
        }
    }

    fn enter(&self, depth: usize) -> Result<(), Error> {
        if depth > MAX_DEPTH {
            return self.fail("nested too deeply: more than 128 levels of [ and {");
        }
        Ok(())
    }

    fn array(&mut self, depth: usize) -> Result<Value, Error> {
        self.enter(depth)?;
        self.pos += 1;
        let mut items = Vec::new();
        self.skip_space();
        if self.eat(b']') {
            return Ok(Value::Array(items));
        }
        loop {
            self.skip_space();
            if !items.is_empty() && self.peek() == Some(b']') {
                return self.fail("a comma cannot come just before ]: remove it");
            }
            items.push(self.value(depth)?);
            self.skip_space();
            if self.eat(b']') {
                return Ok(Value::Array(items));
            }
            if !self.eat(b',') {
                return self.fail("expected a comma or ] after this item");
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<Value, Error> {
        self.enter(depth)?;
        self.pos += 1;
        let mut fields: Vec<(String, Value)> = Vec::new();
        let mut starts = Vec::new();
        self.skip_space();
        if !self.eat(b'}') {
            loop {
                self.skip_space();
                if self.peek() != Some(b'"') {
                    return self.fail(match (fields.is_empty(), self.peek()) {
                        (true, _) => "expected a field name in double quotes, or }",
                        (false, Some(b'}')) => "a comma cannot come just before }: remove it",
                        (false, _) => "expected a field name in double quotes after the comma",
                    });
                }
                starts.push(self.pos);
                let key = self.string()?;
                self.skip_space();
                if !self.eat(b':') {
                    return self.fail("expected a colon after the field name");
                }
                self.skip_space();
                let value = self.value(depth)?;
                fields.push((key, value));
                self.skip_space();
                if self.eat(b'}') {
                    break;
                }
                if !self.eat(b',') {
                    return self.fail("expected a comma or } after this field");
                }
            }
        }
        if let Some((key, start)) =
            first_repeated(&fields).and_then(|i| Some((&fields.get(i)?.0, *starts.get(i)?)))
        {
            return self.fail_at(
                start,
                says!("the field \"{key}\" appears twice in this object"),
            );
        }
        Ok(Value::Object(fields))
    }

    fn string(&mut self) -> Result<String, Error> {
        let start = self.pos;
        self.pos += 1;
        let mut out = String::new();
        loop {
            let run = self.pos;
            while self
                .peek()
                .is_some_and(|b| b != b'"' && b != b'\\' && b >= 0x20)
            {
                self.pos += 1;
            }
            // Both ends are next to ASCII bytes (or the end), so on character boundaries.
            out.push_str(self.text.get(run..self.pos).unwrap_or(""));
            match self.peek() {
                None => {
                    return self.fail_at(
                        start,
                        says!("this text has no closing double quote"),
                    )
                }
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => self.escape(&mut out)?,
                Some(_) => {
                    return self.fail(
                        "a control character such as a line break or tab cannot be in text: write it as an escape such as \\n or \\t",
                    )
                }
            }
        }
    }

    /// Reads one escape at `self.pos` (a backslash) into `out`.
    fn escape(&mut self, out: &mut String) -> Result<(), Error> {
        let at = self.pos;
        let c = match self.byte(at + 1) {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                let mut code = self.hex4(at)?;
                self.pos = at + 6;
                if (0xD800..0xDC00).contains(&code)
                    && self.peek() == Some(b'\\')
                    && self.byte(self.pos + 1) == Some(b'u')
                {
                    let low = self.hex4(self.pos)?;
                    if (0xDC00..0xE000).contains(&low) {
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
                        self.pos += 6;
                    }
                }
                let Some(c) = char::from_u32(code) else {
                    return self.fail_at(
                        at,
                        says!(
                            "{} is half of a pair: a character beyond \\uFFFF is written as two escapes, such as \\uD83D\\uDE00",
                            self.text.get(at..at + 6).unwrap_or("\\u")
                        ),
                    );
                };
                out.push(c);
                return Ok(());
            }
            None => {
                return self.fail_at(
                    self.text.len(),
                    says!("this text has no closing double quote"),
                )
            }
            Some(_) => {
                return self.fail(
                    "a backslash must start an escape such as \\n, \\\" or \\u00e9: write \\\\ for a backslash itself",
                )
            }
        };
        out.push(c);
        self.pos = at + 2;
        Ok(())
    }

    /// The four hex digits of the `\u` escape at `at`.
    fn hex4(&self, at: usize) -> Result<u32, Error> {
        let mut code = 0;
        for i in at + 2..at + 6 {
            let Some(digit) = self.byte(i).and_then(|b| char::from(b).to_digit(16)) else {
                return self.fail_at(
                    at,
                    says!("\\u must be followed by four hex digits, such as \\u00e9"),
                );
            };
            code = code * 16 + digit;
        }
        Ok(code)
    }

    fn digits(&mut self) -> bool {
        let start = self.pos;
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.pos += 1;
        }
        self.pos > start
    }

    fn number(&mut self) -> Result<Value, Error> {
        let start = self.pos;
        let negative = self.eat(b'-');
        if self.eat(b'0') {
            if self.peek().is_some_and(|b| b.is_ascii_digit()) {
                return self.fail("a number cannot have a 0 before its other digits");
            }
        } else if !self.digits() {
            return self.fail("expected a digit after the minus sign");
        }
        let mut whole = !negative;
        if self.eat(b'.') {
            whole = false;
            if !self.digits() {
                return self.fail("expected a digit after the decimal point");
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            whole = false;
            self.pos += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            if !self.digits() {
                return self.fail("expected a digit in the exponent");
            }
        }
        let text = self.text.get(start..self.pos).unwrap_or("");
        if whole {
            let n = text.chars().try_fold(0_u64, |n, c| {
                n.checked_mul(10)?.checked_add(u64::from(c.to_digit(10)?))
            });
            if let Some(n) = n {
                return Ok(Value::Int(n));
            }
        }
        Ok(Value::Number(text.to_owned()))
    }
}

/// The position of the first field whose key an earlier field already has.
fn first_repeated(fields: &[(String, Value)]) -> Option<usize> {
    let key = |i: usize| fields.get(i).map(|(key, _)| key);
    if fields.len() < 2 {
        return None;
    }
    // Sorted by key, equal keys stay in document order: each later one of a pair repeats.
    let order = crate::order::stable_order(fields.len(), &|a, b| key(a) < key(b));
    order
        .iter()
        .zip(order.iter().skip(1))
        .filter(|(a, b)| key(**a) == key(**b))
        .map(|(_, b)| *b)
        .min()
}

/// Writes `value`; `indent` is the current level when pretty printing.
fn write(out: &mut String, value: &Value, indent: Option<usize>) {
    let inner = indent.map(|level| level + 1);
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Int(n) => write_u64(out, *n),
        Value::Number(text) => out.push_str(text),
        Value::String(s) => write_string(out, s),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                separate(out, i, inner);
                write(out, item, inner);
            }
            close(out, items.is_empty(), indent, ']');
        }
        Value::Object(fields) => {
            out.push('{');
            for (i, (key, item)) in fields.iter().enumerate() {
                separate(out, i, inner);
                write_string(out, key);
                out.push_str(if indent.is_some() { ": " } else { ":" });
                write(out, item, inner);
            }
            close(out, fields.is_empty(), indent, '}');
        }
    }
}

fn separate(out: &mut String, i: usize, inner: Option<usize>) {
    if i > 0 {
        out.push(',');
    }
    new_line(out, inner);
}

fn close(out: &mut String, empty: bool, indent: Option<usize>, bracket: char) {
    if !empty {
        new_line(out, indent);
    }
    out.push(bracket);
}

fn new_line(out: &mut String, indent: Option<usize>) {
    if let Some(level) = indent {
        out.push('\n');
        for _ in 0..level {
            out.push_str("  ");
        }
    }
}

/// Writes `n` in decimal.
pub fn write_u64(out: &mut String, n: u64) {
    let mut unit = 1;
    while n / unit >= 10 {
        unit *= 10;
    }
    while unit > 0 {
        out.push(char::from(b'0' + (n / unit % 10) as u8));
        unit /= 10;
    }
}

/// Writes `s` as a JSON string, escaping what must be escaped and nothing else
/// (as serde_json did, so stored data and backups keep their bytes).
pub fn write_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if c < ' ' => {
                out.push_str("\\u00");
                for digit in [u32::from(c) >> 4, u32::from(c) & 0xf] {
                    out.push(char::from_digit(digit, 16).unwrap_or('0'));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}
