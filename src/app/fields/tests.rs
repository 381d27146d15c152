//! Every row editable or a note; edits applied or refused without change.
use super::*;

fn sample() -> Campaign {
    let text = crate::samples::SAMPLES
        .iter()
        .find(|s| s.0 == "welcome-email.ron")
        .unwrap()
        .1;
    crate::model::ron_io::load_str("x", text).unwrap().campaign
}

#[test]
fn every_row_of_every_section_has_an_editor_or_is_a_note() {
    let c = sample();
    for s in Section::ALL {
        for r in rows(s, &c, "en") {
            let k = edit_kind(&c, &r.field, "en");
            if k == EditKind::None {
                assert!(
                    matches!(
                        r.field,
                        Field::Note
                            | Field::ZoneHeader(_)
                            | Field::DataHeader(_)
                            | Field::ActHeader(_)
                            | Field::ModelHeader(_)
                            | Field::OptOut(_)
                    ),
                    "{:?} has no editor",
                    r.field
                );
            }
        }
    }
}

#[test]
fn edits_apply_and_bad_values_are_refused_without_change() {
    let mut c = sample();
    apply(
        &mut c,
        &Field::DataRetention(0),
        EditValue::Text("90".into()),
        "en",
    )
    .unwrap();
    assert_eq!(c.data[0].retention_days, 90);
    let before = c.clone();
    assert!(
        apply(
            &mut c,
            &Field::DataRetention(0),
            EditValue::Text("ninety".into()),
            "en"
        )
        .is_err()
    );
    assert!(apply(&mut c, &Field::Name, EditValue::Text("  ".into()), "en").is_err());
    assert!(
        apply(
            &mut c,
            &Field::Channels,
            EditValue::Flags(vec![false; 4]),
            "en"
        )
        .is_err()
    );
    assert_eq!(c, before);
    apply(&mut c, &Field::ZoneRecipe(0), EditValue::Index(1), "en").unwrap();
    apply(
        &mut c,
        &Field::RecipeBoosters(0),
        EditValue::Text("on sale, category: Skin Care".into()),
        "en",
    )
    .unwrap();
    assert_eq!(
        c.zones[0].recipe.as_ref().unwrap().boosters,
        vec![Booster::OnSale, Booster::Category("Skin Care".into())]
    );
    assert!(
        apply(
            &mut c,
            &Field::RecipeBoosters(0),
            EditValue::Text("cheap stuff".into()),
            "en"
        )
        .is_err()
    );
}

#[test]
fn a_model_feature_reason_can_be_written_and_lowers_the_proxy_finding() {
    let mut c = sample();
    c.models.push(PredictiveModel {
        name: "Store visits".into(),
        kind: ModelKind::Propensity,
        features: vec![Feature {
            input: "postal_code".into(),
            reason: None,
            justification: None,
        }],
    });
    let sev = |c: &Campaign| {
        crate::checks::check(c)
            .into_iter()
            .find(|f| f.rule == "proxy-attribute")
            .map(|f| f.severity)
    };
    assert_eq!(sev(&c), Some(crate::checks::Severity::Warning));
    let row = rows(Section::Data, &c, "en")
        .into_iter()
        .find(|r| r.field == Field::ModelFeature(0, 0))
        .unwrap();
    assert_eq!(row.mark, Some("PROXY"));
    apply(
        &mut c,
        &Field::ModelFeature(0, 0),
        EditValue::Text("Finds the store nearest to the customer".into()),
        "en",
    )
    .unwrap();
    // Words alone lower nothing: the kind of reason is chosen too.
    assert_eq!(sev(&c), Some(crate::checks::Severity::Warning));
    let Some(EditKind::Choice { options, .. }) =
        Some(edit_kind(&c, &Field::ModelFeatureReason(0, 0), "en"))
    else {
        panic!("a choice")
    };
    assert!(options[1].starts_with("The nearest store"), "{options:?}");
    apply(
        &mut c,
        &Field::ModelFeatureReason(0, 0),
        EditValue::Index(1),
        "en",
    )
    .unwrap();
    assert_eq!(
        c.models[0].features[0].reason.as_deref(),
        Some("nearest_store")
    );
    assert_eq!(sev(&c), Some(crate::checks::Severity::Info));
}

#[test]
fn sections_of_locations() {
    assert_eq!(
        Section::of_location("audience.all[1].attribute"),
        Section::Audience
    );
    assert_eq!(
        Section::of_location("activations[0].sends[1]"),
        Section::Data
    );
    assert_eq!(Section::of_location("consent.opt_out"), Section::Value);
    assert_eq!(Section::of_location("locales[0]"), Section::Overview);
}

#[test]
fn a_finding_belongs_to_the_row_with_the_longest_path_covering_it() {
    let c = sample();
    let rows = rows(Section::Data, &c, "en");
    let header = rows.iter().position(|r| r.path == "data[0]").unwrap();
    let retention = rows
        .iter()
        .position(|r| r.path == "data[0].retention_days")
        .unwrap();
    assert_eq!(row_for(&rows, "data[0].retention_days"), Some(retention));
    assert_eq!(row_for(&rows, "data[0].recipients[9]"), Some(header));
    // "data[1" is not below "data[0" just because the text starts the same way.
    assert!(!rows[header].covers("data[0]x"));
    assert!(rows[header].covers("data[0].purposes[0]"));
    assert_eq!(row_for(&rows, "nowhere"), None);
    // A note row claims only its own path, not everything under it.
    let note = Row {
        label: "Who is asking".into(),
        value: String::new(),
        field: Field::Note,
        path: "controller".into(),
        indent: 0,
        header: true,
        mark: None,
    };
    assert!(note.covers("controller"));
    assert!(!note.covers("controller.contact"));
}

#[test]
fn every_field_of_every_row_is_handled_by_the_section_that_shows_it() {
    let c = sample();
    for s in Section::ALL {
        for r in rows(s, &c, "en") {
            if let Some(owner) = r.field.section() {
                assert_eq!(owner, s, "{:?} is shown in {s:?}", r.field);
            }
        }
    }
}

#[test]
fn a_condition_fitted_to_a_narrow_row_keeps_its_numbers() {
    let cond = Condition::Intent(IntentCondition {
        action: Action::CategoryView,
        target: Target::Category("trail running shoes for rocky mountain paths".into()),
        count: Count::AtLeast(3),
        within_days: 30,
    });
    let full = describe_condition(&cond);
    assert_eq!(condition_fitted(&cond, 200), full);
    for room in [60, 45, 38, 30] {
        let fitted = condition_fitted(&cond, room);
        assert!(fitted.chars().count() <= room, "{room}: {fitted}");
        assert!(
            fitted.contains("≥3×") && fitted.contains("30 d"),
            "{room}: {fitted}"
        );
    }
    assert!(condition_fitted(&cond, 60).starts_with("Did: viewed category \"trail"));
    let attr = Condition::Attribute(AttributeCondition {
        attribute: "age".into(),
        operator: Operator::AtLeast,
        value: "55".into(),
        reason: None,
        justification: None,
    });
    assert_eq!(condition_fitted(&attr, 20), "Age is at least \"55\"");
}

#[test]
fn pickers_show_plain_words_with_the_vocabulary_name_as_detail() {
    let o = category_option("user.contact.email");
    assert_eq!(o.label, "Email address");
    assert_eq!(
        o.detail,
        "the address people type in a form; needed to send them anything · user.contact.email · sensitivity 2"
    );
    let o = category_option("user.behavior.browsing_history");
    assert_eq!(o.label, "Pages you visit on our site");
    let o = purpose_option("marketing.communications.email");
    assert_eq!(o.label, "To send you emails");
    assert!(o.detail.ends_with("needs consent"), "{}", o.detail);
    for u in &vocab().uses {
        let o = purpose_option(&u.name);
        assert!(
            !o.label.contains('.') && !o.label.contains('{'),
            "{}: {}",
            u.name,
            o.label
        );
    }
    for c in &vocab().categories {
        let o = category_option(&c.name);
        assert!(!o.label.contains("user."), "{}: {}", c.name, o.label);
    }
}

/// An affinity reads in the past after "Did:", as every other intent does, and without a count,
/// which says nothing about a score built over the whole window (the notice leaves it out too).
#[test]
fn an_affinity_reads_as_something_done_without_a_count() {
    let cond = Condition::Intent(IntentCondition {
        action: Action::CatalogAffinity,
        target: Target::Category("skincare".into()),
        count: Count::AtLeast(1),
        within_days: 90,
    });
    let words = describe_condition(&cond);
    assert!(
        words.starts_with("Did: showed steady interest in ")
            && words.ends_with(" in the last 90 days"),
        "{words}"
    );
    assert!(!words.contains("at least"), "{words}");
    let short = condition_fitted(&cond, 40);
    assert!(
        short.ends_with("\" in 90 d") && !short.contains('×'),
        "{short}"
    );
}

/// The findings tab names a finding's place as the form shows it, never as a file path.
#[test]
fn a_findings_place_is_named_in_the_forms_words() {
    let c = sample();
    let place = |loc: &str| place_of(&rows(Section::of_location(loc), &c, "en"), loc);
    assert_eq!(
        place("data[0].retention_days"),
        "Data collected › Field 1: user.contact.email › Kept (days)"
    );
    // A heading row is named once, not as its own heading.
    assert_eq!(
        place("data[1]"),
        "Data collected › Field 2: user.name.first"
    );
    assert_eq!(place("name"), "Overview › Name");
    // An audience condition by its words, cut to stay short; not under "All of these".
    let cond = place("audience.all[0].action");
    assert!(cond.starts_with("Audience › Did: viewed"), "{cond}");
    assert!(cond.chars().count() <= "Audience › ".len() + 60, "{cond}");
    // Where no row claims it, the section is still said.
    assert_eq!(place("nowhere"), "Overview");
}
