//! Reading a page's colours, to choose light or dark for `data-theme="auto"`.

/// Light or dark: which palette a widget draws with.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Scheme {
    #[default]
    Light,
    Dark,
}

impl Scheme {
    pub fn name(self) -> &'static str {
        match self {
            Self::Light => "light",
            Self::Dark => "dark",
        }
    }
}

/// An sRGB colour with alpha, as `getComputedStyle` reports it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rgba {
    pub red: f64,
    pub green: f64,
    pub blue: f64,
    pub alpha: f64,
}

impl Rgba {
    /// Reads `rgb(r, g, b)` and `rgba(r, g, b, a)` (commas or spaces, optional `/ a`);
    /// `None` for anything else.
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        let inner = text
            .strip_prefix("rgba(")
            .or_else(|| text.strip_prefix("rgb("))?
            .strip_suffix(')')?;
        let mut numbers = inner
            .split(|c: char| c == ',' || c == '/' || c.is_whitespace())
            .filter(|part| !part.is_empty())
            .map(number);
        let red = numbers.next()??;
        let green = numbers.next()??;
        let blue = numbers.next()??;
        let alpha = match numbers.next() {
            None => 1.0,
            Some(alpha) => alpha?,
        };
        if numbers.next().is_some() {
            return None;
        }
        Some(Self {
            red,
            green,
            blue,
            alpha,
        })
    }

    /// WCAG relative luminance, from 0 (black) to 1 (white).
    pub fn luminance(self) -> f64 {
        let channel = |value: f64| {
            let c = (value / 255.0).clamp(0.0, 1.0);
            if c <= 0.039_28 {
                c / 12.92
            } else {
                power_2_4((c + 0.055) / 1.055)
            }
        };
        0.2126 * channel(self.red) + 0.7152 * channel(self.green) + 0.0722 * channel(self.blue)
    }

    /// Whether this is a painted background (not transparent).
    pub fn is_painted(self) -> bool {
        self.alpha >= 0.5
    }

    /// The scheme that reads well on this background: dark text needs a light one and back.
    /// The threshold is where black and white text have equal contrast.
    pub fn scheme_on(self) -> Scheme {
        if self.luminance() < 0.179 {
            Scheme::Dark
        } else {
            Scheme::Light
        }
    }
}

/// A number as computed styles write it (`12`, `0.5`, `.5`, `-3`); `None` for anything else.
/// Read by hand: the standard library's float parser is kilobytes of code and tables.
fn number(text: &str) -> Option<f64> {
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    if whole.is_empty() && fraction.is_empty() {
        return None;
    }
    let mut mantissa: u64 = 0;
    let mut scale = 1.0_f64;
    // Up to 19 digits, exact; a quotient of exact values is rounded once, as parsing does.
    for (i, c) in whole.chars().chain(fraction.chars()).enumerate() {
        let digit = c.to_digit(10)?;
        mantissa = mantissa.checked_mul(10)?.checked_add(u64::from(digit))?;
        if i >= whole.len() {
            scale *= 10.0;
        }
    }
    let value = mantissa as f64 / scale;
    Some(if negative { -value } else { value })
}

/// `x` to the power 2.4 for `x` in 0..=1, without the `powf` of the maths library:
/// x² times the fifth root of x², found by Newton's method from above.
fn power_2_4(x: f64) -> f64 {
    let square = x * x;
    if square <= 0.0 {
        return 0.0;
    }
    let mut root = 1.0_f64;
    for _ in 0..40 {
        let fourth = root * root * root * root;
        root = (4.0 * root + square / fourth) / 5.0;
    }
    square * root
}
