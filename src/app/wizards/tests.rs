//! Each wizard driven without a screen: its steps, titles, answers and what it adds.

use super::*;
use crate::model::vocab::vocab;

/// Answers every step with its default (a name where one is needed, a tick on a checklist) and
/// returns the titles asked.
fn drive(w: Box<dyn Wizard>, c: &mut Campaign) -> (Vec<String>, Placed) {
    let mut r = Running::new(w);
    let mut titles = Vec::new();
    while let Some(step) = r.step() {
        let ask = r.wizard.ask(step);
        titles.push(r.title(&ask));
        let v = match ask {
            Ask::Pick { selected, .. } => EditValue::Index(selected),
            Ask::Checklist { checked, .. } => {
                let mut checked = checked;
                checked[0] = true;
                EditValue::Flags(checked)
            }
            Ask::Prompt {
                value,
                numeric,
                hint,
                ..
            } if value.is_empty() => EditValue::Text(
                if numeric {
                    "1"
                } else if hint.starts_with("https://") {
                    "https://example.com/x"
                } else {
                    "x"
                }
                .into(),
            ),
            Ask::Prompt { value, .. } => EditValue::Text(value),
        };
        r.answer(v).expect("a default answer is accepted");
        assert!(titles.len() < 20, "the wizard never ends");
    }
    let placed = r.wizard.finish(c).expect("it finishes");
    (titles, placed)
}

fn campaign() -> Campaign {
    Campaign::blank("t", "T")
}

#[test]
fn the_intent_wizard_counts_only_the_steps_it_asks() {
    let mut c = campaign();
    let (titles, placed) = drive(Box::new(IntentWizard::new(Vec::new())), &mut c);
    assert_eq!(
        titles,
        [
            "Intent 1/6: what did the person do?",
            "Intent 2/6: on what?",
            "Intent 3/6: which one?",
            "Intent 4/6: how often?",
            "Intent 5/6: how many times?",
            "Intent 6/6: within how many days?",
        ]
    );
    assert!(matches!(
        placed,
        Placed::Condition {
            replaced: false,
            ..
        }
    ));
    assert_eq!(c.conditions().len(), 1);

    // "anything" needs no name: the step drops out and the count says so.
    let mut r = Running::new(Box::new(IntentWizard::new(Vec::new())));
    r.answer(EditValue::Index(0)).unwrap();
    r.answer(EditValue::Index(0)).unwrap();
    let ask = r.wizard.ask(r.step().unwrap());
    assert_eq!(r.title(&ask), "Intent 3/5: how often?");
}

#[test]
fn the_intent_wizard_refuses_an_empty_name_and_bad_numbers_without_moving() {
    let mut r = Running::new(Box::new(IntentWizard::new(Vec::new())));
    r.answer(EditValue::Index(0)).unwrap();
    r.answer(EditValue::Index(2)).unwrap();
    assert_eq!(r.step(), Some("which"));
    assert!(r.answer(EditValue::Text("  ".into())).is_err());
    assert_eq!(r.step(), Some("which"));
    r.answer(EditValue::Text("running".into())).unwrap();
    r.answer(EditValue::Index(0)).unwrap();
    assert!(r.answer(EditValue::Text("many".into())).is_err());
    assert!(r.answer(EditValue::Text("1001".into())).is_err());
    // "At least 0 times" is everyone: refused, with the way on.
    let zero = r.answer(EditValue::Text("0".into())).unwrap_err();
    assert!(zero.contains("enter 1 or more"), "{zero}");
    assert_eq!(r.step(), Some("times"));
    r.answer(EditValue::Text("3".into())).unwrap();
    assert!(r.answer(EditValue::Text("0".into())).is_err());
    // "At most 0 times" (never) is a count worth asking.
    let mut r = Running::new(Box::new(IntentWizard::new(Vec::new())));
    for v in [0, 0, 1] {
        r.answer(EditValue::Index(v)).unwrap();
    }
    assert_eq!(r.step(), Some("times"));
    r.answer(EditValue::Text("0".into())).unwrap();
}

#[test]
fn the_attribute_wizard_asks_a_kind_of_reason_for_age_and_counts_its_steps() {
    let attrs = attributes_by_risk();
    let age = attrs
        .iter()
        .position(|a| matches!(a.kind, vocab::AttributeKind::Age))
        .unwrap();
    let mut r = Running::new(Box::new(AttributeWizard::new(Vec::new())));
    let first = r.wizard.ask(r.step().unwrap());
    assert_eq!(
        r.title(&first),
        "Attribute 1/3: which attribute? (marked ones are checked)"
    );
    r.answer(EditValue::Index(age)).unwrap();
    let ask = r.wizard.ask(r.step().unwrap());
    assert_eq!(r.title(&ask), "Attribute 2/4: how to compare age?");
    r.answer(EditValue::Index(4)).unwrap();
    // The value step names the attribute and refuses what is not an age.
    let ask = r.wizard.ask(r.step().unwrap());
    assert_eq!(r.title(&ask), "Attribute 3/4: Age is at least …?");
    let err = r.answer(EditValue::Text("twenty-five".into())).unwrap_err();
    assert!(err.contains("a whole number from 0 to 120"), "{err}");
    r.answer(EditValue::Text("18".into())).unwrap();
    let Ask::Pick { options, .. } = r.wizard.ask(r.step().unwrap()) else {
        panic!("a pick")
    };
    assert_eq!(options[1].label, "A legal minimum age");
    // Choosing a kind adds the step that says why.
    r.answer(EditValue::Index(1)).unwrap();
    let ask = r.wizard.ask(r.step().unwrap());
    assert_eq!(r.title(&ask), "Attribute 5/5: say why, in your words");
    r.answer(EditValue::Text(
        "Wine may only be advertised to adults".into(),
    ))
    .unwrap();
    let mut c = campaign();
    r.wizard.finish(&mut c).unwrap();
    let Condition::Attribute(a) = c.conditions()[0].condition else {
        panic!("an attribute condition")
    };
    assert_eq!(a.reason.as_deref(), Some("legal_minimum_age"));
    assert_eq!(
        a.justification.as_deref(),
        Some("Wine may only be advertised to adults")
    );
    let f = crate::checks::check(&c)
        .into_iter()
        .find(|f| f.rule == "sensitive-attribute")
        .unwrap();
    assert_eq!(f.severity, crate::checks::Severity::Info);
}

#[test]
fn gender_is_chosen_from_a_list_and_one_of_is_ticked() {
    let attrs = attributes_by_risk();
    let gender = attrs.iter().position(|a| a.id == "gender").unwrap();
    let mut r = Running::new(Box::new(AttributeWizard::new(Vec::new())));
    r.answer(EditValue::Index(gender)).unwrap();
    r.answer(EditValue::Index(0)).unwrap();
    let Ask::Pick { options, .. } = r.wizard.ask(r.step().unwrap()) else {
        panic!("a list to pick from")
    };
    assert!(options.iter().any(|o| o.label == "non-binary"));
    let mut r = Running::new(Box::new(AttributeWizard::new(Vec::new())));
    r.answer(EditValue::Index(gender)).unwrap();
    r.answer(EditValue::Index(2)).unwrap();
    let Ask::Checklist { options, .. } = r.wizard.ask(r.step().unwrap()) else {
        panic!("ticks for one of")
    };
    let mut ticks = vec![false; options.len()];
    assert!(
        r.answer(EditValue::Flags(ticks.clone())).is_err(),
        "nothing ticked"
    );
    ticks[0] = true;
    ticks[2] = true;
    r.answer(EditValue::Flags(ticks)).unwrap();
    assert_eq!(r.step(), None, "gender accepts no reason");
    let mut c = campaign();
    r.wizard.finish(&mut c).unwrap();
    let Condition::Attribute(a) = c.conditions()[0].condition else {
        panic!("an attribute condition")
    };
    assert_eq!(a.value, "female, non-binary");
}

#[test]
fn a_condition_wizard_editing_replaces_instead_of_adding() {
    let mut c = campaign();
    drive(Box::new(IntentWizard::new(Vec::new())), &mut c);
    let Condition::Intent(existing) = c.conditions()[0].condition.clone() else {
        panic!("an intent")
    };
    let Placed::Condition { at, .. } = place_condition(
        &mut campaign(),
        Condition::Intent(existing.clone()),
        &[],
        false,
    )
    .unwrap() else {
        panic!("placed")
    };
    let (_, placed) = drive(Box::new(IntentWizard::edit(existing, at)), &mut c);
    assert!(matches!(placed, Placed::Condition { replaced: true, .. }));
    assert_eq!(c.conditions().len(), 1);
}

/// How many of the things a wizard adds the campaign has.
type Count = fn(&Campaign) -> usize;

#[test]
fn list_wizards_add_one_item_and_name_its_row() {
    let cases: Vec<(Box<dyn Wizard>, &str, Count)> = vec![
        (Box::new(NewZone::new(1)), "zones[", |c| c.zones.len()),
        (Box::new(NewDataField::default()), "data[", |c| c.data.len()),
        (Box::new(NewActivation::default()), "activations[", |c| {
            c.activations.len()
        }),
        (Box::new(NewModel::default()), "models[", |c| c.models.len()),
        (Box::new(NewOptOut::default()), "consent.opt_out[", |c| {
            c.consent.opt_out.len()
        }),
        (
            Box::new(NewBenefit::new("en")),
            "value_exchange.ongoing[",
            |c| c.value_exchange.ongoing.len(),
        ),
    ];
    for (w, prefix, count) in cases {
        let name = w.name();
        let mut c = campaign();
        let before = count(&c);
        let (_, placed) = drive(w, &mut c);
        assert_eq!(count(&c), before + 1, "{name} adds one");
        assert_eq!(
            crate::model::validate::validate(&c),
            [],
            "{name} leaves a campaign that saves and loads"
        );
        let Placed::Row(path) = placed else {
            panic!("{name} names a row")
        };
        assert!(path.starts_with(prefix), "{name}: {path}");
    }
}

#[test]
fn a_recipient_is_added_to_its_field_or_replaces_the_one_edited() {
    let mut c = campaign();
    drive(Box::new(NewDataField::default()), &mut c);
    let (_, placed) = drive(Box::new(RecipientWizard::new(0)), &mut c);
    assert_eq!(placed, Placed::Row("data[0].recipients[0]".into()));
    let r = c.data[0].recipients[0].clone();
    drive(Box::new(RecipientWizard::edit(0, 0, r)), &mut c);
    assert_eq!(c.data[0].recipients.len(), 1);
    // The field is gone: the wizard says so instead of adding somewhere else.
    assert!(Box::new(RecipientWizard::new(5)).finish(&mut c).is_err());
}

#[test]
fn an_opt_out_without_an_address_is_one_step() {
    let mut r = Running::new(Box::new(NewOptOut::default()));
    assert_eq!(r.wizard.steps().len(), 2);
    r.answer(EditValue::Index(2)).unwrap();
    assert_eq!(r.step(), None);
    let mut c = campaign();
    r.wizard.finish(&mut c).unwrap();
    assert_eq!(c.consent.opt_out, [OptOut::ReplyStop]);
}

/// "Reply STOP" is no way out of a campaign that sends no texts: the choice says so before it
/// is picked, and says nothing when the campaign does send texts.
#[test]
fn a_stop_reply_is_said_to_need_texts_when_the_campaign_sends_none() {
    let stop_detail = |c: &Campaign| {
        let w = NewOptOut::for_campaign(c);
        let Ask::Pick { options, .. } = w.ask("how") else {
            panic!("the first step is a pick");
        };
        assert_eq!(options[2].label, "reply STOP to texts");
        options[2].detail.clone()
    };
    let mut c = campaign();
    c.channels = vec![crate::model::Channel::Web];
    assert_eq!(
        stop_detail(&c),
        "only for texts, and this campaign sends none"
    );
    c.channels.push(crate::model::Channel::Sms);
    assert_eq!(stop_detail(&c), "");
}

#[test]
fn an_opt_out_address_a_browser_cannot_open_keeps_the_prompt_open() {
    let mut r = Running::new(Box::new(NewOptOut::default()));
    r.answer(EditValue::Index(0)).unwrap();
    for bad in ["|", "javascript:alert(1)", "example dot com"] {
        let err = r.answer(EditValue::Text(bad.into())).unwrap_err();
        assert!(err.contains("is not a web address"), "{bad}: {err}");
        assert_eq!(r.step(), Some("address"), "{bad}: the prompt stays open");
    }
    r.answer(EditValue::Text("https://shop.example/stop".into()))
        .unwrap();
    let mut c = campaign();
    r.wizard.finish(&mut c).unwrap();
    assert_eq!(
        c.consent.opt_out.last(),
        Some(&OptOut::Link("https://shop.example/stop".into()))
    );
}

#[test]
fn one_step_wizards_have_no_count_in_their_title() {
    let r = Running::new(Box::new(NewBenefit::new("en")));
    let ask = r.wizard.ask(r.step().unwrap());
    assert_eq!(
        r.title(&ask),
        "Benefit over time: what does the customer keep getting?"
    );
    // The data field wizard offers the vocabulary's categories.
    let w = NewDataField::default();
    let Ask::Pick { options, .. } = w.ask("category") else {
        panic!("a pick")
    };
    assert_eq!(options.len(), vocab().categories.len());
}

#[test]
fn the_add_menu_starts_the_wizard_each_choice_names() {
    for (choice, name) in [
        (AddChoice::DataField, "New field"),
        (AddChoice::Recipient(0), "Recipient"),
        (AddChoice::Activation, "Activation"),
        (AddChoice::Model, "Model"),
        (AddChoice::Benefit, "Benefit over time"),
        (AddChoice::OptOut, "Opt-out"),
    ] {
        assert_eq!(choice.wizard(&Campaign::blank("t", "T"), "en").name(), name);
        assert!(!choice.option().label.is_empty());
    }
}
