//! What changed between two versions: line by line in the RON text, field by field in the
//! campaign.

use super::*;

/// A RON text diff with a little context, as lines.
pub fn text_diff(old: &str, new: &str) -> Lines {
    let diff = similar::TextDiff::from_lines(old, new);
    let mut out = Vec::new();
    for group in diff.grouped_ops(2) {
        for op in group {
            for change in diff.iter_changes(&op) {
                let line = clean(change.value().trim_end_matches('\n'));
                out.push(match change.tag() {
                    similar::ChangeTag::Delete => (Tone::Removed, format!("- {line}")),
                    similar::ChangeTag::Insert => (Tone::Added, format!("+ {line}")),
                    similar::ChangeTag::Equal => (Tone::Dim, format!("  {line}")),
                });
            }
        }
        out.push((Tone::Dim, "  …".into()));
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
    for (k, v) in &a {
        match b.get(k) {
            Some(w) if w != v => out.push((Tone::Plain, format!("~ {k}: {v} → {w}"))),
            None => out.push((Tone::Removed, format!("- {k}: {v}"))),
            _ => {}
        }
    }
    for (k, w) in &b {
        if !a.contains_key(k) {
            out.push((Tone::Added, format!("+ {k}: {w}")));
        }
    }
    if out.is_empty() {
        out.push((Tone::Dim, "No differences.".into()));
    }
    out
}
