//! Today's date where the course is: the calendar date in a time zone comes from the
//! browser's time-zone data (`Intl`), the reader's own from its clock.

use crate::core::date::CivilDate;
use js_sys::{Date, Object, Reflect};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// `Intl.DateTimeFormat(locales, options)`, which throws a RangeError for an unknown zone.
    #[wasm_bindgen(js_namespace = Intl, js_name = DateTimeFormat, catch)]
    fn date_time_format(
        locales: &JsValue,
        options: &Object,
    ) -> Result<js_sys::Intl::DateTimeFormat, JsValue>;
}

/// Today's date in `zone`, by the browser's time-zone data; `None` when it does not know the zone.
fn date_in(zone: &str, now: &Date) -> Option<CivilDate> {
    let options = Object::new();
    let set = |key: &str, value: &str| Reflect::set(&options, &key.into(), &value.into()).is_ok();
    let ready = set("timeZone", zone) && ["year", "month", "day"].iter().all(|f| set(f, "numeric"));
    if !ready {
        return None;
    }
    let format = date_time_format(&JsValue::from_str("en-US"), &options).ok()?;
    let parts = format.format_to_parts(now);
    let field = |name: &str| -> Option<u32> {
        parts.iter().find_map(|part| {
            let kind = Reflect::get(&part, &"type".into()).ok()?.as_string()?;
            if kind != name {
                return None;
            }
            Reflect::get(&part, &"value".into())
                .ok()?
                .as_string()?
                .parse()
                .ok()
        })
    };
    CivilDate::new(
        i32::try_from(field("year")?).ok()?,
        field("month")?,
        field("day")?,
    )
}

/// Today's date in `zone` (an IANA name), or where the reader is for `None`;
/// `Err` with the reader's own date when the browser does not know the zone.
pub fn today_in(zone: Option<&str>) -> Result<CivilDate, CivilDate> {
    let now = Date::new_0();
    let readers_date = CivilDate::new(
        i32::try_from(now.get_full_year()).unwrap_or(1970),
        now.get_month() + 1,
        now.get_date(),
    )
    .unwrap_or_else(|| CivilDate::from_day_number(0));
    match zone {
        None => Ok(readers_date),
        Some(zone) => date_in(zone, &now).ok_or(readers_date),
    }
}

/// The reader's own calendar date at the instant `ms` (milliseconds since 1970): the day a
/// Thing was finished, where the reader is, summer time included.
pub fn date_at(ms: u64) -> CivilDate {
    // A stamp is far below 2^53, so the float is exact.
    #[allow(clippy::cast_precision_loss)]
    let instant = Date::new(&JsValue::from_f64(ms as f64));
    let behind = instant.get_timezone_offset();
    let offset = if behind.is_finite() {
        -(behind as i32)
    } else {
        0
    };
    CivilDate::at_instant(ms, offset)
}
