//! The link that carries a reader's ticks to another device: the post's own address with a
//! backup code in its fragment (`…/post.html#thing-prompts=TP1%20cpd23-2012%2012:…`).
//! Browsers never send a fragment to the server, so the ticks go only where the link goes.

use crate::backup::{Backup, BackupError, RestoreReport};
use crate::percent;
use crate::progress::Progress;

/// RFC 3986's unreserved characters besides letters and digits.
const UNRESERVED: &[u8] = b"-._~";

/// The fragment's name: `#thing-prompts=<code>`.
pub const FRAGMENT_NAME: &str = "thing-prompts";

/// The address to open on another device: `page` without its fragment, and `code` in a new one.
pub fn link(page: &str, code: &str) -> String {
    let base = page.split('#').next().unwrap_or(page);
    let mut out = format!("{base}#{FRAGMENT_NAME}=");
    // RFC 3986's unreserved characters, and `:`, `,`, `=`, `@`, `/` and `?`, may stand in a
    // fragment as they are (`pchar`, `/`, `?`): the code stays readable, and a link to a post
    // inside it is not lengthened by `%2F` for each slash.
    percent::encode(code, b"-._~:,=@/?", &mut out);
    out
}

/// Whether a page's fragment (`location.hash`, with or without its `#`) carries ticks.
pub fn carries_ticks(fragment: &str) -> bool {
    code_text(fragment).is_some()
}

fn code_text(fragment: &str) -> Option<&str> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    fragment
        .strip_prefix(FRAGMENT_NAME)
        .and_then(|rest| rest.strip_prefix('='))
}

/// The backup a page's fragment carries: `None` when the fragment is not ours, an error
/// when it is ours but cannot be read (cut short, edited, percent-encoding broken).
pub fn read(fragment: &str) -> Option<Result<Backup, BackupError>> {
    let encoded = code_text(fragment)?;
    Some(match percent::decode(encoded) {
        Some(code) => Backup::from_code(&code),
        None => Err(BackupError::DamagedCode(encoded.chars().take(24).collect())),
    })
}

/// Whether the widget of `course` is the one to speak of the link `read` returned: the link's
/// own course, or, for a link no widget can take, the first widget to see it. `named_on_page`
/// tells whether some other placeholder on the page may show a course (it is asked only for
/// a link of another course).
pub fn speaks_for(
    link: &Result<Backup, BackupError>,
    course: &str,
    named_on_page: impl FnOnce(&str) -> bool,
) -> bool {
    match link {
        Ok(backup) => backup.course == course || !named_on_page(&backup.course),
        Err(_) => true,
    }
}

/// What adding the link's ticks to `progress` would do, without doing it: `restored` is the
/// number the prompt asks about (ticks not already here).
pub fn preview(backup: &Backup, progress: &Progress) -> RestoreReport {
    backup.restore_into(&mut progress.clone(), 0)
}

/// A `mailto:` address with no recipient (the reader picks one), a subject and a body.
pub fn mailto(subject: &str, body: &str) -> String {
    let mut out = String::from("mailto:?subject=");
    percent::encode(subject, UNRESERVED, &mut out);
    out.push_str("&body=");
    percent::encode(body, UNRESERVED, &mut out);
    out
}

/// A QR code as the view draws it: `width` modules a side (without the quiet zone), and an SVG
/// path that fills each dark module (`M x,y h n v1 h -n z` for each run along a row).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Qr {
    pub width: usize,
    pub path: String,
}

/// The QR code of `text` (error correction M, or L when the text is too long for M); `None`
/// when it is too long for any QR code (the reader still has the link to copy).
pub fn qr(text: &str) -> Option<Qr> {
    use qrcode::{Color, EcLevel};
    let code = byte_mode(text, EcLevel::M).or_else(|| byte_mode(text, EcLevel::L))?;
    let width = code.width();
    let colors = code.to_colors();
    let mut path = String::new();
    for (y, row) in colors.chunks(width.max(1)).enumerate() {
        let mut x = 0;
        while x < row.len() {
            let run = row
                .iter()
                .skip(x)
                .take_while(|&&c| c == Color::Dark)
                .count();
            if run > 0 {
                path.push_str(&format!("M{x},{y}h{run}v1h-{run}z"));
                x += run;
            } else {
                x += 1;
            }
        }
    }
    Some(Qr { width, path })
}

/// The smallest QR code holding `text` as bytes. A link has lower-case letters, so it would be
/// bytes anyway: the crate's mixed-mode optimiser (several kilobytes of the module) is not needed.
fn byte_mode(text: &str, ec: qrcode::EcLevel) -> Option<qrcode::QrCode> {
    use qrcode::bits::Bits;
    (1..=40).find_map(|version| {
        let mut bits = Bits::new(qrcode::Version::Normal(version));
        bits.push_byte_data(text.as_bytes()).ok()?;
        bits.push_terminator(ec).ok()?;
        qrcode::QrCode::with_bits(bits, ec).ok()
    })
}
