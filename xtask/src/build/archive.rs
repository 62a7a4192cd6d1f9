//! Archives that come out the same byte for byte from the same files: zip entries in a fixed
//! order, each dated at one fixed moment (the commit's), with fixed permissions and nothing of
//! the machine that wrote them (no owner, no absolute path, no time of the build).

use crate::shared::Result;
use std::io::Write;
use std::path::{Path, PathBuf};
use thing_prompts_core::date::CivilDate;

/// Every file under `folder`, recursively, sorted.
pub fn files_under(folder: &Path) -> Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    let mut pending = vec![folder.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let entries = std::fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        for entry in entries {
            let path = entry.map_err(|e| e.to_string())?.path();
            if path.is_dir() {
                pending.push(path);
            } else if path.is_file() {
                found.push(path);
            }
        }
    }
    found.sort();
    Ok(found)
}

/// `file`'s path below `base`, with `/` between its parts.
pub fn relative_name(base: &Path, file: &Path) -> Result<String> {
    let relative = file
        .strip_prefix(base)
        .map_err(|_| format!("{} is not under {}", file.display(), base.display()))?;
    let parts: Vec<String> = relative
        .components()
        .map(|part| part.as_os_str().to_string_lossy().into_owned())
        .collect();
    Ok(parts.join("/"))
}

/// The zip format's date of a moment given in seconds since 1970 (UTC): whole seconds rounded
/// down to even ones, as the format stores them; before 1980, the format's earliest date.
pub fn zip_time(seconds: i64) -> zip::DateTime {
    let date = CivilDate::from_day_number(seconds.div_euclid(86_400));
    let time = seconds.rem_euclid(86_400);
    let (Ok(year), Ok(month), Ok(day), Ok(hour), Ok(minute), Ok(second)) = (
        u16::try_from(date.year()),
        u8::try_from(date.month0() + 1),
        u8::try_from(date.day()),
        u8::try_from(time / 3600),
        u8::try_from(time % 3600 / 60),
        u8::try_from(time % 60 / 2 * 2),
    ) else {
        return zip::DateTime::default();
    };
    zip::DateTime::from_date_and_time(year, month, day, hour, minute, second).unwrap_or_default()
}

/// A zip of `entries` (name in the zip, content), in the order given, with a directory entry
/// before the first file of each folder, every entry dated `time`, folders 0755 and files 0644.
pub fn zip(entries: &[(String, Vec<u8>)], time: zip::DateTime) -> Result<Vec<u8>> {
    use zip::write::SimpleFileOptions;
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(time);
    let mut folders: Vec<String> = Vec::new();
    for (name, bytes) in entries {
        let parts: Vec<&str> = name.split('/').collect();
        let folder_parts = parts.split_last().map_or(&[][..], |(_, rest)| rest);
        let mut folder = String::new();
        for part in folder_parts {
            folder.push_str(part);
            folder.push('/');
            if !folders.contains(&folder) {
                writer
                    .add_directory(folder.as_str(), options.unix_permissions(0o755))
                    .map_err(|e| format!("zip {folder}: {e}"))?;
                folders.push(folder.clone());
            }
        }
        writer
            .start_file(name.as_str(), options.unix_permissions(0o644))
            .map_err(|e| format!("zip {name}: {e}"))?;
        writer
            .write_all(bytes)
            .map_err(|e| format!("zip {name}: {e}"))?;
    }
    let cursor = writer.finish().map_err(|e| format!("zip: {e}"))?;
    Ok(cursor.into_inner())
}

/// Reads `(name, content)` for `entries` (name in the zip, file on disk).
pub fn read_entries(entries: Vec<(String, PathBuf)>) -> Result<Vec<(String, Vec<u8>)>> {
    entries
        .into_iter()
        .map(|(name, file)| {
            std::fs::read(&file)
                .map(|bytes| (name, bytes))
                .map_err(|e| format!("{}: {e}", file.display()))
        })
        .collect()
}

/// Every file entry of the zip at `path`, as (name, content).
pub fn unzip(path: &Path) -> Result<Vec<(String, Vec<u8>)>> {
    use std::io::Read as _;
    let file = std::fs::File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut archive = zip::ZipArchive::new(file).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut entries = Vec::new();
    for index in 0..archive.len() {
        let mut entry = archive
            .by_index(index)
            .map_err(|e| format!("{}: {e}", path.display()))?;
        if entry.is_dir() {
            continue;
        }
        let mut bytes = Vec::new();
        entry
            .read_to_end(&mut bytes)
            .map_err(|e| format!("{}: {e}", path.display()))?;
        let name = entry
            .name()
            .map_err(|e| format!("{}: {e}", path.display()))?
            .into_owned();
        entries.push((name, bytes));
    }
    Ok(entries)
}

#[cfg(test)]
mod tests {
    use super::{relative_name, zip, zip_time};
    use std::io::Read;

    #[test]
    fn zip_entries_round_trip_with_their_folders() {
        let entries = vec![
            ("tp/a/b/one.txt".to_owned(), b"one\n".to_vec()),
            ("tp/two.wasm".to_owned(), vec![0u8, 97, 115, 109]),
        ];
        let bytes = zip(&entries, zip_time(0)).unwrap_or_default();
        let mut archive = match zip::ZipArchive::new(std::io::Cursor::new(bytes)) {
            Ok(archive) => archive,
            Err(e) => panic!("not a zip: {e}"),
        };
        let names: Vec<String> = archive
            .file_names()
            .filter_map(|name| name.ok().map(|n| n.into_owned()))
            .collect();
        assert_eq!(
            names,
            ["tp/", "tp/a/", "tp/a/b/", "tp/a/b/one.txt", "tp/two.wasm"]
        );
        let mut text = String::new();
        if let Ok(mut file) = archive.by_name("tp/a/b/one.txt") {
            let _ = file.read_to_string(&mut text);
        }
        assert_eq!(text, "one\n");
    }

    #[test]
    fn the_same_entries_and_time_make_the_same_bytes() {
        let entries = vec![("x/y.txt".to_owned(), b"same".to_vec())];
        let time = zip_time(1_765_000_000);
        assert_eq!(zip(&entries, time), zip(&entries, time));
        assert_ne!(
            zip(&entries, time),
            zip(&entries, zip_time(1_765_000_002)),
            "the time is in the bytes"
        );
    }

    #[test]
    fn zip_times_are_the_commit_moment_in_utc() {
        // 2026-12-06 05:37:57 UTC: the format keeps even seconds.
        let time = zip_time(1_796_535_477);
        assert_eq!(
            (
                time.year(),
                time.month(),
                time.day(),
                time.hour(),
                time.minute(),
                time.second()
            ),
            (2026, 12, 6, 5, 37, 56)
        );
        assert_eq!(zip_time(0), zip::DateTime::default(), "1970 is before 1980");
    }

    #[test]
    fn relative_names_use_slashes() {
        let base = std::path::Path::new("/x/y");
        assert_eq!(
            relative_name(base, std::path::Path::new("/x/y/a/b.php")).as_deref(),
            Ok("a/b.php")
        );
        assert!(relative_name(base, std::path::Path::new("/z/b.php")).is_err());
    }
}
