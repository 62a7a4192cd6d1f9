//! Today's date where the course is: the time zone's offset at this instant comes from the
//! browser's time-zone data (`Intl`), the calendar arithmetic from the core.

use crate::date::CivilDate;
use crate::schedule::date_at;
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

/// Minutes the zone's clocks are ahead of UTC at `now`, or `None` when the browser does not know the zone.
fn offset_minutes(zone: &str, now: &Date) -> Option<i32> {
    let options = Object::new();
    let set = |key: &str, value: &str| Reflect::set(&options, &key.into(), &value.into()).is_ok();
    let ready = set("timeZone", zone)
        && set("hourCycle", "h23")
        && ["year", "month", "day", "hour", "minute", "second"]
            .iter()
            .all(|field| set(field, "numeric"));
    if !ready {
        return None;
    }
    let format = date_time_format(&JsValue::from_str("en-US"), &options).ok()?;
    let parts = format.format_to_parts(now);
    let field = |name: &str| -> Option<f64> {
        parts.iter().find_map(|part| {
            let kind = Reflect::get(&part, &"type".into()).ok()?.as_string()?;
            if kind != name {
                return None;
            }
            Reflect::get(&part, &"value".into())
                .ok()?
                .as_string()?
                .parse::<u32>()
                .ok()
                .map(f64::from)
        })
    };
    let local = Date::utc(field("year")?, field("month")? - 1.0);
    let local = local
        + (field("day")? - 1.0) * 86_400_000.0
        + field("hour")? * 3_600_000.0
        + field("minute")? * 60_000.0
        + field("second")? * 1_000.0;
    let instant = (now.get_time() / 1_000.0).floor() * 1_000.0;
    let minutes = ((local - instant) / 60_000.0).round();
    // Real offsets lie within a day either way.
    (minutes.abs() <= 1_440.0).then_some(minutes as i32)
}

/// Today's date in `zone` (an IANA name), or where the reader is for `None`;
/// `Err` with the reader's own date when the browser does not know the zone.
pub fn today_in(zone: Option<&str>) -> Result<CivilDate, CivilDate> {
    let now = Date::new_0();
    let instant = now.get_time() as i64;
    // getTimezoneOffset is minutes *behind* UTC.
    let reader = -(now.get_timezone_offset().round() as i32);
    let readers_date = date_at(instant, reader);
    match zone {
        None => Ok(readers_date),
        Some(zone) => offset_minutes(zone, &now)
            .map(|offset| date_at(instant, offset))
            .ok_or(readers_date),
    }
}
