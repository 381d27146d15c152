//! Every sample campaign loads, round-trips byte for byte, and has pinned findings.

use std::collections::BTreeSet;
use std::path::Path;

use candor::checks::{self, RULES, Severity};
use candor::model::ron_io;
use candor::samples::SAMPLES;

#[test]
fn the_embedded_list_matches_the_folder() {
    let on_disk: BTreeSet<String> = std::fs::read_dir("campaigns")
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".ron"))
        .collect();
    let embedded: BTreeSet<String> = SAMPLES.iter().map(|(n, _)| n.to_string()).collect();
    assert_eq!(on_disk, embedded, "add new samples to src/samples.rs");
    assert!(SAMPLES.len() >= 10);
}

#[test]
fn every_sample_round_trips_byte_for_byte() {
    for (name, _) in SAMPLES {
        let path = Path::new("campaigns").join(name);
        let original = std::fs::read_to_string(&path).unwrap();
        let doc = ron_io::load_file(&path).unwrap_or_else(|e| panic!("{e}"));
        assert!(
            doc.leading_comment.starts_with("// "),
            "{name} needs a comment saying what it shows"
        );
        let saved = ron_io::document_text(&doc.campaign, &doc.leading_comment).unwrap();
        assert_eq!(
            saved, original,
            "{name} is not in canonical form: run `candor fmt campaigns/`"
        );
        let again = ron_io::load_str(name, &saved).unwrap();
        assert_eq!(again.campaign, doc.campaign);
    }
}

#[test]
fn saving_to_disk_and_loading_gives_the_same_campaign() {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in SAMPLES {
        let doc = ron_io::load_str(name, text).unwrap();
        let path = dir.path().join(name);
        ron_io::save_file(&path, &doc).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), *text);
        assert_eq!(ron_io::load_file(&path).unwrap().campaign, doc.campaign);
    }
}

#[test]
fn findings_of_every_sample_are_pinned() {
    let mut report = String::new();
    for (name, text) in SAMPLES {
        let doc = ron_io::load_str(name, text).unwrap();
        report.push_str(&format!("{name}\n"));
        for f in checks::check_document(&doc) {
            let pos = f
                .pos
                .map(|p| format!("{}:{}", p.line, p.column))
                .unwrap_or_default();
            let waived = if f.waived.is_some() { " (waived)" } else { "" };
            report.push_str(&format!(
                "  {pos:7} {:7} {:30} {}{waived}\n",
                f.severity.label(),
                f.rule,
                f.location
            ));
        }
    }
    insta::assert_snapshot!(report);
}

#[test]
fn samples_show_every_rule_and_some_are_exemplary() {
    let mut fired = BTreeSet::new();
    let mut exemplary = 0;
    for (name, text) in SAMPLES {
        let doc = ron_io::load_str(name, text).unwrap();
        let findings = checks::check(&doc.campaign);
        if findings.iter().all(|f| f.severity == Severity::Info) {
            exemplary += 1;
        }
        fired.extend(findings.iter().map(|f| f.rule));
    }
    let missing: Vec<_> = RULES
        .iter()
        .map(|r| r.id)
        .filter(|id| !fired.contains(id))
        .collect();
    assert!(missing.is_empty(), "no sample shows {missing:?}");
    assert!(exemplary >= 4, "only {exemplary} exemplary samples");
}

/// "No findings" praises only what a campaign does: a campaign with nothing in it yet is told
/// what it still lacks, not that it targets intent and gives back.
#[test]
fn no_findings_praises_only_what_the_campaign_does() {
    let text = std::fs::read_to_string("campaigns/skincare-recommendations.ron").unwrap();
    let full = ron_io::load_str("skincare", &text).unwrap().campaign;
    assert!(checks::check(&full).iter().all(|f| !f.counts()));
    assert_eq!(
        checks::no_findings_words(&full),
        "No findings. This campaign targets intent, discloses plainly and gives back."
    );
    let mut empty = full.clone();
    empty.audience = candor::model::Condition::All(Vec::new());
    empty.zones.clear();
    empty.value_exchange = Default::default();
    assert_eq!(
        checks::no_findings_words(&empty),
        "No findings so far, but it still needs an audience (everyone sees it for now), a content zone and an offer for the visitor."
    );
    empty.objective.clear();
    assert!(checks::no_findings_words(&empty).contains("needs an objective, an audience"));
}
