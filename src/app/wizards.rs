//! The step-by-step builders: intent and attribute conditions, zones, data fields, recipients, activations, models, opt-outs; and their vocabularies of choices.

use super::*;
use crate::model::vocab::{AttributeKind, vocab};
use crate::model::*;
use fields::{EditValue, flags, picked, required};

impl App {
    pub(super) fn start_intent(&mut self, existing: Option<(IntentCondition, Vec<usize>)>) {
        self.ensure_audience();
        let (cond, at, replace) = match existing {
            Some((c, p)) => (c, p, true),
            None => (
                IntentCondition {
                    action: Action::CategoryView,
                    target: Target::Category(String::new()),
                    count: Count::AtLeast(1),
                    within_days: 30,
                },
                self.selected_node(),
                false,
            ),
        };
        self.run_wizard(Wizard::Intent {
            cond,
            at,
            replace,
            step: 0,
        });
    }

    pub(super) fn start_attribute(&mut self, existing: Option<(AttributeCondition, Vec<usize>)>) {
        self.ensure_audience();
        let (cond, at, replace) = match existing {
            Some((c, p)) => (c, p, true),
            None => (
                AttributeCondition {
                    attribute: "loyalty_tier".into(),
                    operator: Operator::Is,
                    value: String::new(),
                    justification: None,
                },
                self.selected_node(),
                false,
            ),
        };
        self.run_wizard(Wizard::Attribute {
            cond,
            at,
            replace,
            step: 0,
        });
    }

    /// Shows the overlay for the wizard's current step, or finishes it.
    pub(super) fn run_wizard(&mut self, w: Wizard) {
        let then = |w: &Wizard| Then::Wizard(Box::new(w.clone()));
        match &w {
            Wizard::Intent { cond, step, .. } => match step {
                0 => {
                    let options = Action::ALL.iter().map(|a| opt(a.label(), "")).collect();
                    let sel = Action::ALL
                        .iter()
                        .position(|a| *a == cond.action)
                        .unwrap_or(0);
                    self.pick(
                        "Intent 1/5: what did the person do?",
                        options,
                        sel,
                        then(&w),
                    );
                }
                1 => {
                    let sel = TARGET_KINDS
                        .iter()
                        .position(|(k, _)| *k == target_kind(&cond.target))
                        .unwrap_or(0);
                    let options = TARGET_KINDS.iter().map(|(k, d)| opt(*k, *d)).collect();
                    self.pick("Intent 2/5: on what?", options, sel, then(&w));
                }
                2 => {
                    let hint = format!("the {} (a name or a path)", target_kind(&cond.target));
                    self.prompt(
                        "Intent 3/5: which one?",
                        &hint,
                        target_value(&cond.target),
                        then(&w),
                        false,
                    );
                }
                3 => {
                    let (kind, n) = count_parts(cond.count);
                    let options = ["at least", "at most", "exactly"]
                        .iter()
                        .map(|k| opt(format!("{k} … times"), ""))
                        .collect();
                    let _ = n;
                    self.pick("Intent 4/5: how often?", options, kind, then(&w));
                }
                4 => {
                    let (_, n) = count_parts(cond.count);
                    self.prompt(
                        "Intent 4/5: how many times?",
                        "a whole number from 0 to 1000",
                        n.to_string(),
                        then(&w),
                        true,
                    );
                }
                5 => self.prompt(
                    "Intent 5/5: within how many days?",
                    "a whole number of days from 1 to 3650",
                    cond.within_days.to_string(),
                    then(&w),
                    true,
                ),
                _ => self.finish_wizard(w),
            },
            Wizard::Attribute { cond, step, .. } => match step {
                0 => {
                    let attrs = attributes_by_risk();
                    let options = attrs
                        .iter()
                        .map(|a| PickOption {
                            label: a.label.clone(),
                            detail: attribute_detail(&a.kind),
                            mark: fields::attribute_mark(&a.id),
                        })
                        .collect();
                    let sel = attrs
                        .iter()
                        .position(|a| a.id == cond.attribute)
                        .unwrap_or(0);
                    self.pick(
                        "Attribute 1/3: which attribute? (marked ones are checked)",
                        options,
                        sel,
                        then(&w),
                    );
                }
                1 => {
                    let options = Operator::ALL.iter().map(|o| opt(o.label(), "")).collect();
                    let sel = Operator::ALL
                        .iter()
                        .position(|o| *o == cond.operator)
                        .unwrap_or(0);
                    self.pick("Attribute 2/3: how to compare?", options, sel, then(&w));
                }
                2 => {
                    let hint = if matches!(cond.operator, Operator::OneOf | Operator::NoneOf) {
                        "values separated by commas"
                    } else {
                        "the value"
                    };
                    self.prompt(
                        "Attribute 3/3: the value",
                        hint,
                        cond.value.clone(),
                        then(&w),
                        false,
                    );
                }
                3 => {
                    let needs = vocab().attribute(&cond.attribute).is_some_and(|a| {
                        matches!(a.kind, AttributeKind::Proxy(_) | AttributeKind::Age)
                    });
                    if needs {
                        self.prompt(
                            "Why is this needed?",
                            "a written reason (4 words or more) lowers the finding to a note, e.g. a legal age gate or the nearest store; leave empty if there is none",
                            cond.justification.clone().unwrap_or_default(),
                            then(&w),
                            false,
                        );
                    } else {
                        self.finish_wizard(w);
                    }
                }
                _ => self.finish_wizard(w),
            },
            Wizard::Zone { zone, step } => match step {
                0 => self.prompt(
                    "New zone 1/3: name",
                    "a name for this place on the page",
                    zone.name.clone(),
                    then(&w),
                    false,
                ),
                1 => {
                    let options = ZoneKind::ALL
                        .iter()
                        .map(|k| PickOption {
                            label: k.label().into(),
                            detail: String::new(),
                            mark: k.is_personal().then_some("PERSONAL"),
                        })
                        .collect();
                    self.pick("New zone 2/3: kind", options, 0, then(&w));
                }
                2 => {
                    let options = Visibility::ALL.iter().map(|v| opt(v.label(), "")).collect();
                    let sel = if zone.kind.is_personal() { 2 } else { 0 };
                    self.pick("New zone 3/3: shown to", options, sel, then(&w));
                }
                _ => self.finish_wizard(w),
            },
            Wizard::DataField { field, step } => match step {
                0 => {
                    let options = vocab()
                        .categories
                        .iter()
                        .map(|c| opt(c.name.clone(), format!("sensitivity {}", c.sensitivity)))
                        .collect();
                    self.pick("New field 1/3: what is collected?", options, 0, then(&w));
                }
                1 => {
                    let uses: Vec<PickOption> = vocab()
                        .uses
                        .iter()
                        .map(|u| {
                            opt(
                                u.name.clone(),
                                if u.needs_consent { "needs consent" } else { "" },
                            )
                        })
                        .collect();
                    let checked = vocab()
                        .uses
                        .iter()
                        .map(|u| field.purposes.contains(&u.name))
                        .collect();
                    self.overlay = Some(Overlay::Pick {
                        title: "New field 2/3: why? (space ticks)".into(),
                        options: uses,
                        selected: 0,
                        then: then(&w),
                        checked: Some(checked),
                        error: None,
                    });
                }
                2 => {
                    let options = Collection::ALL
                        .iter()
                        .map(|c| opt(format!("{c:?}"), ""))
                        .collect();
                    self.pick("New field 3/3: collected by", options, 0, then(&w));
                }
                _ => self.finish_wizard(w),
            },
            Wizard::Recipient {
                recipient, step, ..
            } => match step {
                0 => self.prompt(
                    "Recipient: name",
                    "the company that receives the data",
                    recipient.name.clone(),
                    then(&w),
                    false,
                ),
                1 => {
                    let options = recipient_kind_options();
                    let sel = RecipientKind::ALL
                        .iter()
                        .position(|k| *k == recipient.kind)
                        .unwrap_or(0);
                    self.pick("Recipient: kind", options, sel, then(&w));
                }
                _ => self.finish_wizard(w),
            },
            Wizard::Activation { act, step } => match step {
                0 => self.prompt(
                    "Activation 1/3: destination",
                    "the platform or company the data goes to",
                    act.destination.clone(),
                    then(&w),
                    false,
                ),
                1 => {
                    let options = recipient_kind_options();
                    self.pick("Activation 2/3: kind", options, 0, then(&w));
                }
                2 => {
                    let options = vocab()
                        .categories
                        .iter()
                        .map(|c| opt(c.name.clone(), ""))
                        .collect();
                    let checked = vocab()
                        .categories
                        .iter()
                        .map(|c| act.sends.contains(&c.name))
                        .collect();
                    self.overlay = Some(Overlay::Pick {
                        title: "Activation 3/3: what is sent? (space ticks)".into(),
                        options,
                        selected: 0,
                        then: then(&w),
                        checked: Some(checked),
                        error: None,
                    });
                }
                _ => self.finish_wizard(w),
            },
            Wizard::Model { model, step } => match step {
                0 => self.prompt(
                    "Model 1/2: name",
                    "what the score is called",
                    model.name.clone(),
                    then(&w),
                    false,
                ),
                1 => {
                    let options = [
                        ModelKind::Propensity,
                        ModelKind::Affinity,
                        ModelKind::Lookalike,
                    ]
                    .iter()
                    .map(|k| opt(format!("{k:?}"), ""))
                    .collect();
                    self.pick("Model 2/2: kind", options, 0, then(&w));
                }
                _ => self.finish_wizard(w),
            },
            Wizard::OptOut { kind, step } => match step {
                0 => {
                    let options = OPT_OUT_KINDS.iter().map(|k| opt(*k, "")).collect();
                    self.pick("Opt-out: how?", options, 0, then(&w));
                }
                1 if *kind < 2 => self.prompt(
                    "Opt-out: web address",
                    "https://…",
                    String::new(),
                    then(&w),
                    false,
                ),
                _ => self.finish_wizard(w),
            },
        }
    }

    /// Feeds a step's answer into the wizard and moves on. Errors keep the step open.
    pub(super) fn wizard_answer(&mut self, w: Wizard, v: EditValue) -> Result<(), String> {
        let idx = |v: &EditValue| if let EditValue::Index(i) = v { *i } else { 0 };
        let txt = |v: &EditValue| {
            if let EditValue::Text(t) = v {
                t.trim().to_string()
            } else {
                String::new()
            }
        };
        let num = |v: &EditValue, min: u32, max: u32| -> Result<u32, String> {
            let n: u32 = txt(v)
                .parse()
                .map_err(|_| "enter a whole number".to_string())?;
            if (min..=max).contains(&n) {
                Ok(n)
            } else {
                Err(format!("enter a number from {min} to {max}"))
            }
        };
        let next = match w {
            Wizard::Intent {
                mut cond,
                at,
                replace,
                step,
            } => {
                let mut step = step + 1;
                match step - 1 {
                    0 => cond.action = picked(&Action::ALL, &v)?,
                    1 => {
                        let kind = picked(&TARGET_KINDS, &v)?.0;
                        cond.target = make_target(kind, target_value(&cond.target));
                        if kind == "anything" {
                            step = 3;
                        }
                    }
                    2 => {
                        let value = txt(&v);
                        if value.is_empty() {
                            return Err("enter a name, or go back and choose \"anything\"".into());
                        }
                        cond.target = make_target(target_kind(&cond.target), value);
                    }
                    3 => cond.count = make_count(idx(&v), count_parts(cond.count).1),
                    4 => cond.count = make_count(count_parts(cond.count).0, num(&v, 0, 1000)?),
                    _ => cond.within_days = num(&v, 1, 3650)?,
                }
                Wizard::Intent {
                    cond,
                    at,
                    replace,
                    step,
                }
            }
            Wizard::Attribute {
                mut cond,
                at,
                replace,
                step,
            } => {
                match step {
                    0 => {
                        cond.attribute = picked(&attributes_by_risk(), &v)?.id.clone();
                    }
                    1 => cond.operator = picked(&Operator::ALL, &v)?,
                    2 => cond.value = required(txt(&v), "the value")?,
                    _ => cond.justification = Some(txt(&v)).filter(|t| !t.is_empty()),
                }
                Wizard::Attribute {
                    cond,
                    at,
                    replace,
                    step: step + 1,
                }
            }
            Wizard::Zone { mut zone, step } => {
                match step {
                    0 => zone.name = required(txt(&v), "the zone name")?,
                    1 => {
                        zone.kind = picked(&ZoneKind::ALL, &v)?;
                        if zone.kind == ZoneKind::Recommendations {
                            zone.recipe = Some(Recipe {
                                ingredients: vec![Ingredient::ViewedTogether],
                                exclusions: vec![
                                    Exclusion::AlreadyPurchased,
                                    Exclusion::OutOfStock,
                                ],
                                boosters: Vec::new(),
                            });
                        }
                    }
                    _ => zone.visibility = picked(&Visibility::ALL, &v)?,
                }
                Wizard::Zone {
                    zone,
                    step: step + 1,
                }
            }
            Wizard::DataField { mut field, step } => {
                match step {
                    0 => field.category = picked(&vocab().categories, &v)?.name,
                    1 => {
                        field.purposes = flags(&vocab().uses, &v)?
                            .into_iter()
                            .map(|u| u.name)
                            .collect();
                    }
                    _ => field.collected_by = picked(&Collection::ALL, &v)?,
                }
                Wizard::DataField {
                    field,
                    step: step + 1,
                }
            }
            Wizard::Recipient {
                data,
                index,
                mut recipient,
                step,
            } => {
                match step {
                    0 => recipient.name = required(txt(&v), "the recipient's name")?,
                    _ => recipient.kind = picked(&RecipientKind::ALL, &v)?,
                }
                Wizard::Recipient {
                    data,
                    index,
                    recipient,
                    step: step + 1,
                }
            }
            Wizard::Activation { mut act, step } => {
                match step {
                    0 => act.destination = required(txt(&v), "the destination")?,
                    1 => act.kind = picked(&RecipientKind::ALL, &v)?,
                    _ => {
                        act.sends = flags(&vocab().categories, &v)?
                            .into_iter()
                            .map(|c| c.name)
                            .collect();
                    }
                }
                Wizard::Activation {
                    act,
                    step: step + 1,
                }
            }
            Wizard::Model { mut model, step } => {
                match step {
                    0 => model.name = required(txt(&v), "the model name")?,
                    _ => {
                        model.kind = picked(
                            &[
                                ModelKind::Propensity,
                                ModelKind::Affinity,
                                ModelKind::Lookalike,
                            ],
                            &v,
                        )?
                    }
                }
                Wizard::Model {
                    model,
                    step: step + 1,
                }
            }
            Wizard::OptOut { kind, step } => match step {
                0 => Wizard::OptOut {
                    kind: idx(&v).min(OPT_OUT_KINDS.len() - 1),
                    step: 1,
                },
                _ => {
                    let url = required(txt(&v), "the web address")?;
                    let o = if kind == 0 {
                        OptOut::Link(url)
                    } else {
                        OptOut::PreferenceCentre(url)
                    };
                    self.change(|c| {
                        c.consent.opt_out.push(o);
                        Ok(())
                    });
                    return Ok(());
                }
            },
        };
        self.run_wizard(next);
        Ok(())
    }

    pub(super) fn finish_wizard(&mut self, w: Wizard) {
        match w {
            Wizard::Intent {
                cond, at, replace, ..
            } => self.place_condition(Condition::Intent(cond), at, replace),
            Wizard::Attribute {
                cond, at, replace, ..
            } => self.place_condition(Condition::Attribute(cond), at, replace),
            Wizard::Zone { zone, .. } => self.append("zones", zone, |c| &mut c.zones),
            Wizard::DataField { field, .. } => self.append("data", field, |c| &mut c.data),
            Wizard::Recipient {
                data,
                index,
                recipient,
                ..
            } => {
                self.change(|c| {
                    let list = &mut c.data.get_mut(data).ok_or("that field is gone")?.recipients;
                    match index {
                        Some(j) if j < list.len() => list[j] = recipient,
                        _ => list.push(recipient),
                    }
                    Ok(())
                });
            }
            Wizard::Activation { act, .. } => {
                self.append("activations", act, |c| &mut c.activations)
            }
            Wizard::Model { model, .. } => self.append("models", model, |c| &mut c.models),
            Wizard::OptOut { kind, .. } => {
                let o = if kind == 2 {
                    OptOut::ReplyStop
                } else {
                    OptOut::AccountSettings
                };
                self.change(|c| {
                    c.consent.opt_out.push(o);
                    Ok(())
                });
            }
        }
    }
}

pub(super) const TARGET_KINDS: [(&str, &str); 8] = [
    ("anything", "any page or product"),
    ("page", "a page of the site"),
    ("category", "a catalogue category"),
    ("product", "one product"),
    ("brand", "a brand in the catalogue"),
    ("style", "a style in the catalogue"),
    ("search term", "words the person searched for"),
    ("preference", "a preference the person set"),
];

pub(super) const OPT_OUT_KINDS: [&str; 4] = [
    "one-click link",
    "preference centre",
    "reply STOP to texts",
    "account settings",
];

pub(super) fn target_kind(t: &Target) -> &'static str {
    match t {
        Target::Anything => "anything",
        Target::Page(_) => "page",
        Target::Category(_) => "category",
        Target::Product(_) => "product",
        Target::Brand(_) => "brand",
        Target::Style(_) => "style",
        Target::SearchTerm(_) => "search term",
        Target::Preference(_) => "preference",
    }
}

pub(super) fn target_value(t: &Target) -> String {
    match t {
        Target::Anything => String::new(),
        Target::Page(v)
        | Target::Category(v)
        | Target::Product(v)
        | Target::Brand(v)
        | Target::Style(v)
        | Target::SearchTerm(v)
        | Target::Preference(v) => v.clone(),
    }
}

pub(super) fn make_target(kind: &str, v: String) -> Target {
    match kind {
        "page" => Target::Page(v),
        "category" => Target::Category(v),
        "product" => Target::Product(v),
        "brand" => Target::Brand(v),
        "style" => Target::Style(v),
        "search term" => Target::SearchTerm(v),
        "preference" => Target::Preference(v),
        _ => Target::Anything,
    }
}

pub(super) fn count_parts(c: Count) -> (usize, u32) {
    match c {
        Count::AtLeast(n) => (0, n),
        Count::AtMost(n) => (1, n),
        Count::Exactly(n) => (2, n),
    }
}

pub(super) fn make_count(kind: usize, n: u32) -> Count {
    match kind {
        1 => Count::AtMost(n),
        2 => Count::Exactly(n),
        _ => Count::AtLeast(n),
    }
}

/// The attributes in the order a picker offers them: the person's relationship with the brand
/// first, special categories last.
pub(super) fn attributes_by_risk() -> Vec<&'static crate::model::vocab::AttributeDef> {
    let rank = |k: &AttributeKind| match k {
        AttributeKind::Neutral => 0,
        AttributeKind::Demographic => 1,
        AttributeKind::Gender | AttributeKind::Age => 2,
        AttributeKind::Proxy(_) => 3,
        AttributeKind::SpecialCategory(_) => 4,
    };
    let mut v: Vec<_> = vocab().attributes.iter().collect();
    v.sort_by_key(|a| rank(&a.kind));
    v
}

pub(super) fn attribute_detail(k: &AttributeKind) -> String {
    match k {
        AttributeKind::SpecialCategory(_) => {
            "special category: always an error, no reason lowers it".into()
        }
        AttributeKind::Age => "age: a warning unless a legal reason is written down".into(),
        AttributeKind::Gender => "gender: binary values are flagged".into(),
        AttributeKind::Proxy(s) => {
            let names: Vec<String> = s
                .iter()
                .map(|id| {
                    vocab()
                        .attribute(id)
                        .map_or_else(|| id.replace('_', " "), |a| a.label.to_lowercase())
                })
                .collect();
            format!(
                "can stand in for {}: needs a written reason",
                names.join(" and ")
            )
        }
        AttributeKind::Demographic => "demographic: pair it with an intent condition".into(),
        AttributeKind::Neutral => "the person's relationship with the brand".into(),
    }
}

pub(super) fn recipient_kind_options() -> Vec<PickOption> {
    RecipientKind::ALL
        .iter()
        .map(|k| opt(format!("{k:?}"), recipient_detail(*k)))
        .collect()
}

pub(super) fn recipient_detail(k: RecipientKind) -> &'static str {
    match k {
        RecipientKind::AdPlatform => "shows ads elsewhere",
        RecipientKind::Analytics => "measures use of the site",
        RecipientKind::Processor => "works for you, uses the data for nothing else",
        RecipientKind::Partner => "uses the data for its own purposes",
    }
}
