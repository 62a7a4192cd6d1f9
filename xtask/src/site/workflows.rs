//! The public repository's GitHub Actions workflows (.github/workflows/), which cannot run here:
//! checked against GitHub's schemas by action-validator (npm, pinned), and by the rules below
//! that a schema cannot say: every action pinned by a full commit SHA, every job with its own
//! `permissions`.

use crate::shared::{root, run, say, Result};
use std::process::Command;

/// Validates every workflow; fails on the first file with a problem.
pub fn check() -> Result {
    let folder = root().join(".github/workflows");
    let mut files: Vec<_> = std::fs::read_dir(&folder)
        .map_err(|e| format!("{}: {e}", folder.display()))?
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|e| e == "yml" || e == "yaml"))
        .collect();
    files.sort();
    if files.is_empty() {
        return Err("no workflow in .github/workflows/".into());
    }
    let validator = root().join("node_modules/.bin/action-validator");
    for file in &files {
        let name = file
            .strip_prefix(root())
            .unwrap_or(file)
            .display()
            .to_string();
        run(Command::new(&validator).arg(file))?;
        let text = std::fs::read_to_string(file).map_err(|e| format!("{name}: {e}"))?;
        let problems = problems(&text);
        if !problems.is_empty() {
            return Err(format!("{name}:\n  {}", problems.join("\n  ")));
        }
    }
    say(&format!(
        "workflows valid against GitHub's schemas, actions pinned by SHA, permissions per job: {}",
        files
            .iter()
            .filter_map(|f| f.file_name())
            .map(|n| n.to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join(", ")
    ));
    Ok(())
}

/// What a workflow's text breaks of the rules a schema cannot say, one line each.
fn problems(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut in_jobs = false;
    let mut job: Option<(String, bool)> = None;
    let end_job = |job: &mut Option<(String, bool)>, found: &mut Vec<String>| {
        if let Some((name, false)) = job.take() {
            found.push(format!("job {name} names no permissions of its own"));
        }
    };
    for (number, line) in text.lines().enumerate() {
        let content = line.split(" #").next().unwrap_or("").trim_end();
        if content.trim().is_empty() || content.trim_start().starts_with('#') {
            continue;
        }
        let indent = content.len() - content.trim_start().len();
        if indent == 0 {
            end_job(&mut job, &mut found);
            in_jobs = content == "jobs:";
        } else if in_jobs && indent == 2 && content.ends_with(':') {
            end_job(&mut job, &mut found);
            job = Some((content.trim().trim_end_matches(':').to_owned(), false));
        } else if let (Some((_, has)), 4) = (job.as_mut(), indent) {
            *has |= content.trim_start().starts_with("permissions:");
        }
        if let Some(action) = content
            .trim_start()
            .trim_start_matches("- ")
            .strip_prefix("uses:")
        {
            let action = action.trim();
            let pinned = action.split_once('@').is_some_and(|(_, reference)| {
                reference.len() == 40 && reference.bytes().all(|b| b.is_ascii_hexdigit())
            });
            if !pinned && !action.starts_with("./") {
                found.push(format!(
                    "line {}: {action} is not pinned by a full commit SHA",
                    number + 1
                ));
            }
        }
    }
    end_job(&mut job, &mut found);
    found
}

#[cfg(test)]
mod tests {
    use super::problems;

    const GOOD: &str = "\
name: x
on: push
permissions: {}
jobs:
  a:
    runs-on: ubuntu-24.04
    permissions:
      contents: read
    steps:
      - uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1
      - run: echo uses: nothing
";

    #[test]
    fn pinned_actions_and_jobs_with_permissions_pass() {
        assert_eq!(problems(GOOD), Vec::<String>::new());
    }

    #[test]
    fn a_tag_or_a_short_sha_is_not_a_pin() {
        for reference in ["v7", "v7.0.1", "3d3c42e", "main"] {
            let text = GOOD.replace("3d3c42e5aac5ba805825da76410c181273ba90b1", reference);
            assert_eq!(
                problems(&text),
                [format!(
                    "line 10: actions/checkout@{reference} is not pinned by a full commit SHA"
                )]
            );
        }
    }

    #[test]
    fn a_job_without_permissions_is_named() {
        let text = GOOD.replace("    permissions:\n      contents: read\n", "");
        assert_eq!(problems(&text), ["job a names no permissions of its own"]);
    }
}
