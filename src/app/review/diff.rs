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
    if let Some((k, inner)) = variant(v) {
        match inner {
            // A struct-like variant keeps the path; its name is a value of its own.
            J::Object(_) => {
                out.insert(join(path, "kind"), k.clone());
                flatten(inner, path, out);
            }
            _ => flatten(inner, &join(path, &crate::text::snake_case(k)), out),
        }
        return;
    }
    match v {
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

/// An enum variant as serde writes it, `{"Name": inner}`: its name and what it holds.
fn variant(v: &serde_json::Value) -> Option<(&String, &serde_json::Value)> {
    match v {
        serde_json::Value::Object(m) if m.len() == 1 => m
            .iter()
            .next()
            .filter(|(k, _)| k.starts_with(char::is_uppercase)),
        _ => None,
    }
}

/// `path.key`, or `key` at the top.
fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// Lines of a field diff, at most [`MAX_DIFF_LINES`], counting the ones left out.
#[derive(Default)]
struct FieldLines {
    lines: Lines,
    left_out: usize,
}

impl FieldLines {
    fn push(&mut self, tone: Tone, line: String) {
        if self.lines.len() < MAX_DIFF_LINES {
            self.lines.push((tone, line));
        } else {
            self.left_out += 1;
        }
    }

    /// Every field of `v` as taken out (`-`) or put in (`+`).
    fn whole(&mut self, tone: Tone, mark: char, v: &serde_json::Value, path: &str) {
        let mut m = BTreeMap::new();
        flatten(v, path, &mut m);
        for (k, x) in m {
            self.push(tone, format!("{mark} {k}: {x}"));
        }
    }

    /// The fields that differ between `a` and `b`, both at `path`.
    fn compare(&mut self, path: &str, a: &serde_json::Value, b: &serde_json::Value) {
        use serde_json::Value as J;
        if a == b {
            return;
        }
        match (a, b) {
            (J::Array(a), J::Array(b)) => self.compare_lists(path, a, b),
            _ => match (variant(a), variant(b)) {
                (Some((ka, ia)), Some((kb, ib))) if ka == kb => match ia {
                    // A struct-like variant keeps the path, as in `flatten`.
                    J::Object(_) => self.compare(path, ia, ib),
                    _ => self.compare(&join(path, &crate::text::snake_case(ka)), ia, ib),
                },
                (None, None) if a.is_object() && b.is_object() => {
                    let (J::Object(ma), J::Object(mb)) = (a, b) else {
                        return;
                    };
                    for (k, x) in ma {
                        match mb.get(k) {
                            Some(y) => self.compare(&join(path, k), x, y),
                            None => self.whole(Tone::Removed, '-', x, &join(path, k)),
                        }
                    }
                    for (k, y) in mb.iter().filter(|(k, _)| !ma.contains_key(*k)) {
                        self.whole(Tone::Added, '+', y, &join(path, k));
                    }
                }
                // Another kind of value, or another variant: leaf by leaf.
                _ => {
                    let (mut ma, mut mb) = (BTreeMap::new(), BTreeMap::new());
                    flatten(a, path, &mut ma);
                    flatten(b, path, &mut mb);
                    for (k, v) in &ma {
                        match mb.get(k) {
                            Some(w) if w != v => {
                                self.push(Tone::Plain, format!("~ {k}: {v} → {w}"))
                            }
                            None => self.push(Tone::Removed, format!("- {k}: {v}")),
                            _ => {}
                        }
                    }
                    for (k, w) in mb.iter().filter(|(k, _)| !ma.contains_key(*k)) {
                        self.push(Tone::Added, format!("+ {k}: {w}"));
                    }
                }
            },
        }
    }

    /// Two lists, item matched to item: a data field taken out of the middle reads as taken
    /// out, not as every field after it turned into the next. Unchanged items are matched
    /// first, as a line diff matches lines; among the rest, an item is matched to the one it
    /// shares most fields with, in order. A taken-out item is named by its place in the old
    /// list, a put-in one by its place in the new list, and a matched one by both when they
    /// differ: `~ data[3→2].retention_days: 1095 → 400`.
    fn compare_lists(&mut self, path: &str, a: &[serde_json::Value], b: &[serde_json::Value]) {
        let key = |v: &serde_json::Value| serde_json::to_string(v).unwrap_or_default();
        let (ka, kb): (Vec<String>, Vec<String>) =
            (a.iter().map(key).collect(), b.iter().map(key).collect());
        let deadline = std::time::Instant::now() + DIFF_DEADLINE;
        let (mut old, mut new) = (Vec::new(), Vec::new());
        for op in similar::capture_diff_slices_deadline(
            similar::Algorithm::Myers,
            &ka,
            &kb,
            Some(deadline),
        ) {
            if op.tag() != similar::DiffTag::Equal {
                old.extend(op.old_range());
                new.extend(op.new_range());
            }
        }
        let at = |i: usize| format!("{path}[{i}]");
        let (mut i, mut j) = (0, 0);
        let pairs = pair_up(
            &old.iter().map(|&x| &a[x]).collect::<Vec<_>>(),
            &new.iter().map(|&y| &b[y]).collect::<Vec<_>>(),
        );
        for (pi, pj) in pairs.into_iter().chain([(old.len(), new.len())]) {
            for &x in &old[i..pi] {
                self.whole(Tone::Removed, '-', &a[x], &at(x));
            }
            for &y in &new[j..pj] {
                self.whole(Tone::Added, '+', &b[y], &at(y));
            }
            if let (Some(&x), Some(&y)) = (old.get(pi), new.get(pj)) {
                // An item whose place changed is named by both: `data[3→2]`.
                let both = if x == y {
                    at(y)
                } else {
                    format!("{path}[{x}→{y}]")
                };
                if a[x] == b[y] {
                    let mut leaves = BTreeMap::new();
                    flatten(&a[x], "", &mut leaves);
                    let what: Vec<String> = leaves
                        .iter()
                        .take(4)
                        .map(|(k, v)| {
                            if k.is_empty() {
                                v.clone()
                            } else {
                                format!("{k} {v}")
                            }
                        })
                        .collect();
                    let more = if leaves.len() > 4 { ", …" } else { "" };
                    self.push(
                        Tone::Plain,
                        format!(
                            "~ {both}: moved, nothing in it changed ({}{more})",
                            what.join(", ")
                        ),
                    );
                } else {
                    self.compare(&both, &a[x], &b[y]);
                }
            }
            (i, j) = (pi + 1, pj + 1);
        }
    }
}

/// How many fields two list items share, value for value.
fn shared_fields(a: &serde_json::Value, b: &serde_json::Value) -> usize {
    let (mut ma, mut mb) = (BTreeMap::new(), BTreeMap::new());
    flatten(a, "", &mut ma);
    flatten(b, "", &mut mb);
    ma.iter().filter(|(k, v)| mb.get(*k) == Some(v)).count()
}

/// Which changed items of two lists are one item edited: the in-order matching that shares
/// the most fields (a weighted longest common subsequence), as index pairs. Items that share
/// nothing stay unmatched. Past a few hundred comparisons, items are matched by position.
fn pair_up(a: &[&serde_json::Value], b: &[&serde_json::Value]) -> Vec<(usize, usize)> {
    const MAX_COMPARISONS: usize = 400;
    if a.len() * b.len() > MAX_COMPARISONS {
        return (0..a.len().min(b.len())).map(|i| (i, i)).collect();
    }
    let score: Vec<Vec<usize>> = a
        .iter()
        .map(|x| b.iter().map(|y| shared_fields(x, y)).collect())
        .collect();
    // best[i][j]: the most fields shared by a matching of a[i..] and b[j..].
    let mut best = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            let matched = if score[i][j] > 0 {
                score[i][j] + best[i + 1][j + 1]
            } else {
                0
            };
            best[i][j] = matched.max(best[i + 1][j]).max(best[i][j + 1]);
        }
    }
    let (mut i, mut j, mut pairs) = (0, 0, Vec::new());
    while i < a.len() && j < b.len() {
        if score[i][j] > 0 && best[i][j] == score[i][j] + best[i + 1][j + 1] {
            pairs.push((i, j));
            (i, j) = (i + 1, j + 1);
        } else if best[i][j] == best[i + 1][j] {
            i += 1;
        } else {
            j += 1;
        }
    }
    pairs
}

/// What changed field by field: "~ status: \"Draft\" → \"Approved\"", with the same paths
/// as findings. List items are matched by what they hold, not by their place in the list.
pub fn field_diff(old: &Campaign, new: &Campaign) -> Lines {
    let mut out = FieldLines::default();
    if let (Ok(a), Ok(b)) = (serde_json::to_value(old), serde_json::to_value(new)) {
        out.compare("", &a, &b);
    }
    let FieldLines {
        mut lines,
        left_out,
    } = out;
    if left_out > 0 {
        lines.push((
            Tone::Plain,
            format!("… and {left_out} more changed fields, not shown."),
        ));
    }
    if lines.is_empty() {
        lines.push((Tone::Dim, "No differences.".into()));
    }
    lines
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
