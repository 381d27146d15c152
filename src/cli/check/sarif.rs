//! SARIF 2.1.0, the format code hosts read to show findings on the lines of a pull request.
//! Built with serde_json from the specification's object model; a test validates the output
//! against the official schema.

use std::io::Write;

use anyhow::Result;
use serde_json::{Value, json};

use super::report::{help_uri, items};
use super::{LOAD_ERROR, Run, fingerprint};
use candor::checks::{RULES, Severity};

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

pub fn write(run: &Run, out: &mut dyn Write) -> Result<()> {
    let mut rules: Vec<Value> = RULES
        .iter()
        .map(|r| {
            let mut rule = json!({
                "id": r.id,
                "name": camel(r.id),
                "shortDescription": { "text": r.summary },
                "fullDescription": { "text": r.section("What it checks").unwrap_or_default() },
                "help": { "text": r.explanation, "markdown": r.markdown() },
                "defaultConfiguration": { "level": level(r.severity) },
                "properties": {
                    "fix": r.fix_label(),
                    "waivable": r.waivable,
                    "risk": r.risk.label(),
                },
            });
            if let Some(uri) = absolute(help_uri(run, r.id)) {
                rule["helpUri"] = json!(uri);
            }
            rule
        })
        .collect();
    let mut load = json!({
        "id": LOAD_ERROR,
        "name": "LoadError",
        "shortDescription": { "text": "A campaign file could not be read or parsed" },
        "defaultConfiguration": { "level": "error" },
    });
    if let Some(uri) = absolute(help_uri(run, LOAD_ERROR)) {
        load["helpUri"] = json!(uri);
    }
    rules.push(load);
    let index = |id: &str| RULES.iter().position(|r| r.id == id).unwrap_or(RULES.len());
    let results: Vec<Value> = items(run)
        .into_iter()
        .map(|i| {
            let mut region = serde_json::Map::new();
            if let Some(l) = i.line {
                region.insert("startLine".into(), json!(l));
            }
            if let Some(c) = i.column {
                region.insert("startColumn".into(), json!(c));
            }
            let mut physical = json!({ "artifactLocation": { "uri": uri(i.file) } });
            if !region.is_empty() {
                physical["region"] = Value::Object(region);
            }
            let mut location = json!({ "physicalLocation": physical });
            if !i.location.is_empty() {
                location["logicalLocations"] = json!([{
                    "fullyQualifiedName": format!("{}/{}", i.campaign, i.location),
                    "kind": "member",
                }]);
            }
            let mut result = json!({
                "ruleId": i.rule,
                "ruleIndex": index(i.rule),
                "level": level(i.severity),
                "message": { "text": format!("{}. {}", i.message.trim_end_matches('.'), i.hint) },
                "locations": [location],
            });
            if !i.campaign.is_empty() {
                result["partialFingerprints"] =
                    json!({ "candorFinding/v1": fingerprint(i.rule, i.campaign, i.location) });
            }
            if let Some(w) = i.waived {
                result["suppressions"] = json!([{
                    "kind": "inSource",
                    "status": "accepted",
                    "justification": w.describe(),
                }]);
            }
            result
        })
        .collect();
    let log = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "candor",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            "results": results,
            "columnKind": "unicodeCodePoints",
        }],
    });
    candor::text::json::to_writer_pretty(&mut *out, &log)?;
    writeln!(out)?;
    Ok(())
}

/// SARIF wants an absolute URI for a rule's help; the default (a path into this repository's
/// `docs/rules/`) is left out, and the full explanation travels in `help` instead. Setting
/// `rule-docs` in candor.toml to where the pages are hosted adds the link.
fn absolute(uri: String) -> Option<String> {
    let scheme = uri.split_once(':')?.0;
    let valid = scheme.len() > 1
        && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c));
    valid.then_some(uri)
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// "recommends-purchased" as "RecommendsPurchased", the form SARIF suggests for rule names.
fn camel(id: &str) -> String {
    id.split('-')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        })
        .collect()
}

/// A file path as a relative URI reference: forward slashes, everything outside the
/// characters a URI path allows percent-encoded.
fn uri(path: &str) -> String {
    let mut out = String::new();
    for b in path.replace('\\', "/").bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/!$&'()*+,;=:@".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn paths_become_uri_references() {
        assert_eq!(super::uri("campaigns/a b.ron"), "campaigns/a%20b.ron");
        assert_eq!(super::uri("año/x#1.ron"), "a%C3%B1o/x%231.ron");
        assert_eq!(super::camel("no-opt-out"), "NoOptOut");
        assert_eq!(super::absolute("docs/rules/a.md".into()), None);
        assert_eq!(super::absolute("C:/rules/a.md".into()), None);
        assert!(super::absolute("https://x.example/a".into()).is_some());
    }
}
