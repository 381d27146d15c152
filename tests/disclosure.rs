//! The generated disclosure: golden texts, completeness in every language, escaping, and our own
//! words.

use std::collections::HashSet;
use std::path::Path;

use candor::checks::RULES;
use candor::disclosure::{self, Element, Presence, locale, locales, render};
use candor::model::vocab::vocab;
use candor::model::{OptOut, ron_io};
use candor::samples::SAMPLES;

fn sample(name: &str) -> candor::model::Campaign {
    let text = SAMPLES.iter().find(|s| s.0 == name).unwrap().1;
    ron_io::load_str(name, text).unwrap().campaign
}

#[test]
fn golden_disclosures_in_three_languages() {
    for name in [
        "welcome-email.ron",
        "quiet-ad-sync.ron",
        "birthday-newsletter.ron",
        "lookalike-loans.ron",
    ] {
        let c = sample(name);
        for l in locales() {
            let d = disclosure::generate(&c, l);
            let r = d.readability;
            let report = format!(
                "{}\n-- readability {} ({} words, {} sentences, {} syllables)\n-- completeness {:?}\n",
                render::text(&d),
                l.number(r.score, 1),
                r.words,
                r.sentences,
                r.syllables,
                d.completeness
            );
            insta::assert_snapshot!(
                format!("{}-{}", name.trim_end_matches(".ron"), l.code),
                report
            );
        }
    }
}

/// Samples whose notice Candor generates (no custom text), by name.
fn generated_samples() -> impl Iterator<Item = (&'static str, candor::model::Campaign)> {
    SAMPLES
        .iter()
        .map(|(n, _)| (*n, sample(n)))
        .filter(|(_, c)| c.custom_disclosure.is_none())
}

#[test]
fn every_declared_element_appears_in_every_language() {
    for (name, c) in generated_samples() {
        for l in locales() {
            let d = disclosure::generate(&c, l);
            let text = d.prose();
            for f in &c.data {
                let label = vocab().category(&f.category).unwrap().label.clone();
                assert!(
                    text.contains(&l.text(&label)),
                    "{name}/{}: field {} missing",
                    l.code,
                    f.category
                );
                for p in &f.purposes {
                    let use_label = vocab().data_use(p).unwrap().label.clone();
                    assert!(
                        text.contains(&l.text(&use_label)),
                        "{name}/{}: purpose {p} missing",
                        l.code
                    );
                }
                for r in &f.recipients {
                    assert!(
                        text.contains(&r.name),
                        "{name}/{}: recipient {} missing",
                        l.code,
                        r.name
                    );
                }
            }
            let retention = d
                .sections
                .iter()
                .find(|s| s.kind == disclosure::SectionKind::Retention);
            assert_eq!(
                retention.map_or(0, |s| s.lines.len()),
                c.data.len(),
                "{name}/{}: retention per field",
                l.code
            );
            for o in &c.consent.opt_out {
                if let OptOut::Link(u) | OptOut::PreferenceCentre(u) = o {
                    assert!(
                        text.contains(u.as_str()),
                        "{name}/{}: opt-out {u} missing",
                        l.code
                    );
                }
            }
            assert!(
                text.contains(&c.controller.contact),
                "{name}/{}: contact missing",
                l.code
            );
        }
    }
}

#[test]
fn generated_notices_are_plain_language_in_every_language() {
    for (name, c) in generated_samples() {
        for l in locales() {
            let d = disclosure::generate(&c, l);
            assert!(
                d.readability.is_plain(),
                "{name}/{}: {:?}",
                l.code,
                d.readability
            );
        }
    }
}

#[test]
fn completeness_reports_what_is_missing() {
    let c = sample("blast-to-everyone.ron");
    let d = disclosure::generate(&c, locale("en").unwrap());
    assert!(
        d.completeness
            .contains(&(Element::RightsAndOptOut, Presence::Missing))
    );
    let c = sample("quiet-ad-sync.ron");
    let d = disclosure::generate(&c, locale("en").unwrap());
    assert!(d.custom.is_some());
    assert!(
        d.completeness
            .contains(&(Element::Recipients, Presence::Missing)),
        "{:?}",
        d.completeness
    );
    assert!(
        d.completeness
            .contains(&(Element::Retention, Presence::Unknown))
    );
}

#[test]
fn html_output_escapes_every_value() {
    let mut c = sample("welcome-email.ron");
    c.controller.name = "<script>alert('x')</script> & Co".into();
    c.value_exchange.immediate = Some("\"quoted\" <b>bold</b>".into());
    let html = render::html(&disclosure::generate(&c, locale("fr").unwrap()));
    assert!(!html.contains("<script>"), "{html}");
    assert!(
        html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Co"),
        "{html}"
    );
    assert!(html.contains("&quot;quoted&quot; &lt;b&gt;bold&lt;/b&gt;"));
    assert!(html.starts_with("<section class=\"candor-disclosure\" lang=\"fr\">"));
    let md = render::markdown(&disclosure::generate(&c, locale("en").unwrap()));
    assert!(md.contains("\\<script\\>"), "{md}");
}

#[test]
fn control_characters_typed_by_a_marketer_never_reach_the_text() {
    let mut c = sample("welcome-email.ron");
    c.value_exchange.immediate = Some("10% off\u{1b}[2J now".into());
    let d = disclosure::generate(&c, locale("en").unwrap());
    assert!(!render::text(&d).contains('\u{1b}'));
    assert!(render::text(&d).contains("\\u{1b}[2J"));
}

/// Runs of this many words count as a copied sentence.
const RUN: usize = 7;

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

#[test]
fn no_sentence_of_the_seeds_appears_in_any_output() {
    let seeds = Path::new("../shared/seeds");
    let Ok(entries) = std::fs::read_dir(seeds) else {
        eprintln!("skipped: ../shared/seeds is not beside this checkout");
        return;
    };
    let mut runs = HashSet::new();
    for e in entries {
        let w = words(&std::fs::read_to_string(e.unwrap().path()).unwrap());
        for run in w.windows(RUN) {
            runs.insert(run.join(" "));
        }
    }
    assert!(runs.len() > 1000, "the seeds were not read");
    // Everything Candor writes: every disclosure of every sample in every language, every
    // message file, every rule explanation, every finding.
    let mut outputs = Vec::new();
    for (name, _) in SAMPLES {
        let c = sample(name);
        for l in locales() {
            outputs.push(render::text(&disclosure::generate(&c, l)));
        }
        for f in candor::checks::check(&c) {
            outputs.push(format!("{} {}", f.message, f.hint));
        }
    }
    for l in locales() {
        for id in &l.message_ids {
            outputs.push(l.text(id));
        }
    }
    for r in RULES {
        outputs.push(format!("{} {}", r.summary, r.explanation));
    }
    for out in &outputs {
        for run in words(out).windows(RUN) {
            let run = run.join(" ");
            assert!(
                !runs.contains(&run),
                "copied from the seeds: \"{run}\" in:\n{out}"
            );
        }
    }
}

#[test]
fn line_by_line_counts_equal_counting_the_whole_notice() {
    use candor::disclosure::readability::{Counts, count, count_cached};
    for (name, c) in generated_samples() {
        for l in locales() {
            let d = disclosure::generate(&c, l);
            let whole = count(&d.prose(), l.syllables);
            // Twice, so the second pass comes from the cache.
            for _ in 0..2 {
                let summed = d
                    .sections
                    .iter()
                    .flat_map(|s| s.lines.iter())
                    .fold(Counts::default(), |acc, line| {
                        acc + count_cached(line, l.syllables)
                    });
                assert_eq!(summed, whole, "{name}/{}", l.code);
            }
            assert_eq!(
                (d.readability.words, d.readability.syllables),
                (whole.words, whole.syllables)
            );
        }
    }
}
