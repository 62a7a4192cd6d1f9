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
            .map(|part| part.parse::<f64>().ok().filter(|n| n.is_finite()));
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
                ((c + 0.055) / 1.055).powf(2.4)
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
