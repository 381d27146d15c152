//! What changed between two versions: line by line in the RON text, field by field in the
//! campaign.

use super::*;

/// How many lines a diff shows at most: a screenful many times over, and a bound on the
/// memory and time two huge revisions can cost.
pub const MAX_DIFF_LINES: usize = 2_000;

/// How long the line diff may search for the smallest set of changes; after that it settles
/// for a larger, still correct one. Two 8 MB revisions once took 75 s.
const DIFF_DEADLINE: std::time::Duration = std::time::Duration::from_millis(300);

/// A RON text diff with a little context, as lines: at most [`MAX_DIFF_LINES`], then how many
/// changed lines were left out.
pub fn text_diff(old: &str, new: &str) -> Lines {
    let diff = similar::TextDiff::configure()
        .timeout(DIFF_DEADLINE)
        .diff_lines(old, new);
    let mut out = Vec::new();
    let mut shown_changes = 0usize;
    'groups: for group in diff.grouped_ops(2) {
        for op in group {
            for change in diff.iter_changes(&op) {
                if out.len() >= MAX_DIFF_LINES {
                    break 'groups;
                }
                let line = clean(change.value().trim_end_matches('\n'));
                out.push(match change.tag() {
                    similar::ChangeTag::Delete => (Tone::Removed, format!("- {line}")),
                    similar::ChangeTag::Insert => (Tone::Added, format!("+ {line}")),
                    similar::ChangeTag::Equal => (Tone::Dim, format!("  {line}")),
                });
                if change.tag() != similar::ChangeTag::Equal {
                    shown_changes += 1;
                }
            }
        }
        out.push((Tone::Dim, "  …".into()));
    }
    let changes: usize = diff
        .ops()
        .iter()
        .filter(|op| op.tag() != similar::DiffTag::Equal)
        .map(|op| op.old_range().len() + op.new_range().len())
        .sum();
    if changes > shown_changes {
        out.push((
            Tone::Plain,
            format!(
                "… and {} more changed lines, not shown: the diff stops after {MAX_DIFF_LINES} lines. `candor show ID --revision N` prints a revision whole.",
                changes - shown_changes
            ),
        ));
    }
    if out.is_empty() {
        out.push((Tone::Dim, "No differences.".into()));
    }
    out
}

/// Flattens a campaign into readable paths and values, with the same path rules as findings.
fn flatten(v: &serde_json::Value, path: &str, out: &mut BTreeMap<String, String>) {
    use serde_json::Value as J;
    let join = |p: &str, k: &str| {
        if p.is_empty() {
            k.to_string()
        } else {
            format!("{p}.{k}")
        }
    };
    match v {
        J::Object(m)
            if m.len() == 1
                && m.keys()
                    .next()
                    .is_some_and(|k| k.starts_with(char::is_uppercase)) =>
        {
            let (k, inner) = m.iter().next().expect("one key");
            match inner {
                // A struct-like variant keeps the path; its name is a value of its own.
                J::Object(_) => {
                    out.insert(join(path, "kind"), k.clone());
                    flatten(inner, path, out);
                }
                _ => flatten(inner, &join(path, &crate::text::snake_case(k)), out),
            }
        }
        J::Object(m) => m.iter().for_each(|(k, x)| flatten(x, &join(path, k), out)),
        J::Array(a) if a.is_empty() => {
            out.insert(path.to_string(), "[]".into());
        }
        J::Array(a) => a
            .iter()
            .enumerate()
            .for_each(|(i, x)| flatten(x, &format!("{path}[{i}]"), out)),
        J::String(s) => {
            out.insert(path.to_string(), format!("\"{}\"", clean(s)));
        }
        J::Null => {
            out.insert(path.to_string(), "none".into());
        }
        other => {
            out.insert(path.to_string(), other.to_string());
        }
    }
}

/// What changed field by field: "status: Draft → Approved".
pub fn field_diff(old: &Campaign, new: &Campaign) -> Lines {
    let to_map = |c: &Campaign| {
        let mut m = BTreeMap::new();
        if let Ok(v) = serde_json::to_value(c) {
            flatten(&v, "", &mut m);
        }
        m
    };
    let (a, b) = (to_map(old), to_map(new));
    let mut out = Vec::new();
    let mut more = 0usize;
    let mut push = |out: &mut Lines, line: (Tone, String)| {
        if out.len() < MAX_DIFF_LINES {
            out.push(line);
        } else {
            more += 1;
        }
    };
    for (k, v) in &a {
        match b.get(k) {
            Some(w) if w != v => push(&mut out, (Tone::Plain, format!("~ {k}: {v} → {w}"))),
            None => push(&mut out, (Tone::Removed, format!("- {k}: {v}"))),
            _ => {}
        }
    }
    for (k, w) in &b {
        if !a.contains_key(k) {
            push(&mut out, (Tone::Added, format!("+ {k}: {w}")));
        }
    }
    if more > 0 {
        out.push((
            Tone::Plain,
            format!("… and {more} more changed fields, not shown."),
        ));
    }
    if out.is_empty() {
        out.push((Tone::Dim, "No differences.".into()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// D4: two large, thoroughly different texts give a bounded diff, quickly, that says how
    /// much it left out.
    #[test]
    fn a_huge_diff_is_bounded_and_says_what_it_left_out() {
        let old: String = (0..60_000)
            .map(|i| format!("line {i} of the old text\n"))
            .collect();
        let new: String = (0..60_000)
            .map(|i| format!("line {} of the new text\n", i * 7 % 60_000))
            .collect();
        let start = std::time::Instant::now();
        let lines = text_diff(&old, &new);
        assert!(
            start.elapsed() < std::time::Duration::from_secs(20),
            "{:?}",
            start.elapsed()
        );
        assert!(lines.len() <= MAX_DIFF_LINES + 2, "{}", lines.len());
        let last = &lines.last().unwrap().1;
        assert!(last.contains("more changed lines, not shown"), "{last}");
    }

    #[test]
    fn a_small_diff_is_whole() {
        let lines = text_diff("a\nb\nc\n", "a\nB\nc\n");
        assert!(lines.iter().any(|(_, l)| l == "- b"));
        assert!(lines.iter().any(|(_, l)| l == "+ B"));
        assert!(!lines.iter().any(|(_, l)| l.contains("not shown")));
    }
}
