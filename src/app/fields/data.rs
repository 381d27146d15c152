//! Data collected: fields, their recipients, activations and predictive models.
//! Its rows, how each is edited and how an edit is applied, in one place.

use super::*;

pub(super) fn rows(c: &Campaign, _lang: &str, out: &mut Vec<Row>) {
    // What the campaign reads without declaring it comes first: it is what the notice
    // cannot explain yet. Each row sits at the finding's location, so it carries its mark.
    let map = crate::model::data_map(c);
    let undeclared: Vec<_> = map.undeclared(c).collect();
    if c.data.is_empty() && undeclared.is_empty() {
        out.push(row(
            "Nothing is collected or read. Press a to declare a field.",
            "",
            Field::Note,
            "data",
        ));
    }
    if !undeclared.is_empty() {
        out.push(header(
            "Read, not declared (d declares it)",
            Field::Note,
            "data",
        ));
        for u in undeclared {
            let Some(first) = u.places.first() else {
                continue;
            };
            let more = match u.places.len() {
                1 => String::new(),
                n => format!(" +{} more", n - 1),
            };
            // In words first, as the notice says it; the place after.
            let words = crate::disclosure::locale("en")
                .zip(vocab().category(&u.category))
                .map_or_else(|| clean(&u.category), |(l, d)| l.text(&d.label));
            out.push(indented(
                row(
                    format!("{words}: {}{more}", first.what),
                    "",
                    Field::Note,
                    first.path.clone(),
                ),
                1,
            ));
        }
    }
    for (i, d) in c.data.iter().enumerate() {
        let p = format!("data[{i}]");
        out.push(header(
            format!("Field {}: {}", i + 1, clean(&d.category)),
            Field::DataHeader(i),
            p.clone(),
        ));
        let mut under = nested(out, 1, &p);
        under.row(
            "Category",
            clean(&d.category),
            Field::DataCategory(i),
            "category",
        );
        under.row(
            "Purposes",
            list(&d.purposes, |u| clean(u)),
            Field::DataPurposes(i),
            "purposes",
        );
        under.row(
            "Collected by",
            words_of(&d.collected_by),
            Field::DataCollected(i),
            "collected_by",
        );
        if d.collected_by == Collection::Import || d.source.is_some() {
            under.row("Comes from", opt(&d.source), Field::DataSource(i), "source");
        }
        under.row(
            "Consent",
            words_of(&d.consent),
            Field::DataConsent(i),
            "consent",
        );
        under.row(
            "Legal basis",
            words_of(&d.legal_basis),
            Field::DataBasis(i),
            "legal_basis",
        );
        under.row(
            "Kept (days)",
            d.retention_days.to_string(),
            Field::DataRetention(i),
            "retention_days",
        );
        for (j, r) in d.recipients.iter().enumerate() {
            let value = format!("{} ({})", clean(&r.name), words_of(&r.kind));
            let key = format!("recipients[{j}]");
            nested(out, 1, &p).row("Recipient", value, Field::Recipient(i, j), &key);
        }
    }
    for (i, a) in c.activations.iter().enumerate() {
        let p = format!("activations[{i}]");
        out.push(header(
            format!("Activation {}: sends to {}", i + 1, clean(&a.destination)),
            Field::ActHeader(i),
            p.clone(),
        ));
        let mut under = nested(out, 1, &p);
        under.row(
            "Destination",
            or_dash(&a.destination),
            Field::ActDestination(i),
            "destination",
        );
        under.row("Kind", words_of(&a.kind), Field::ActKind(i), "kind");
        under.row(
            "Sends",
            list(&a.sends, |s| clean(s)),
            Field::ActSends(i),
            "sends",
        );
    }
    for (i, m) in c.models.iter().enumerate() {
        let p = format!("models[{i}]");
        out.push(header(
            format!("Model {}: {}", i + 1, clean(&m.name)),
            Field::ModelHeader(i),
            p.clone(),
        ));
        let mut under = nested(out, 1, &p);
        under.row("Name", or_dash(&m.name), Field::ModelName(i), "name");
        under.row("Kind", words_of(&m.kind), Field::ModelKind(i), "kind");
        under.row(
            "Features",
            list(&m.features, |f| clean(&f.input)),
            Field::ModelFeatures(i),
            "features",
        );
        for (j, f) in m.features.iter().enumerate() {
            let reason = format!(
                "{}: {}",
                clean(&f.input),
                reason_text(f.reason.as_deref(), f.justification.as_deref())
            );
            if !accepted_reasons(&f.input).is_empty() {
                out.push(indented(
                    row(
                        "Reason kind",
                        f.reason
                            .as_deref()
                            .and_then(|r| vocab().reason(r))
                            .map_or_else(|| "none".to_string(), |r| r.label.clone()),
                        Field::ModelFeatureReason(i, j),
                        format!("{p}.features[{j}].reason"),
                    ),
                    1,
                ));
            }
            let mut r = row(
                "Reason",
                reason,
                Field::ModelFeature(i, j),
                format!("{p}.features[{j}].input"),
            );
            r.mark = attribute_mark(&f.input);
            out.push(indented(r, 2));
        }
    }
}

pub(super) fn edit_kind(c: &Campaign, f: &Field, _lang: &str) -> EditKind {
    let v = vocab();
    match f {
        Field::DataSource(i) => opt_text(
            &c.data[*i].source,
            "where the data comes from, as a visitor should read it",
        ),
        Field::DataCategory(i) => {
            let all = categories();
            let selected = all
                .iter()
                .position(|x| *x == c.data[*i].category)
                .unwrap_or(0);
            EditKind::Choice {
                options: all,
                selected,
            }
        }
        Field::DataPurposes(i) => multi(
            v.uses.iter().map(|u| u.name.clone()).collect(),
            &c.data[*i].purposes,
        ),
        Field::DataCollected(i) => {
            choice(&Collection::ALL, c.data[*i].collected_by, |x| words_of(&x))
        }
        Field::DataConsent(i) => choice(&ConsentMoment::ALL, c.data[*i].consent, |x| words_of(&x)),
        Field::DataBasis(i) => choice(&LegalBasis::ALL, c.data[*i].legal_basis, |x| words_of(&x)),
        Field::DataRetention(i) => EditKind::Number {
            value: c.data[*i].retention_days,
            min: 0,
            max: 36_500,
        },
        Field::Recipient(..) => EditKind::Wizard,
        Field::ActDestination(i) => text(
            &c.activations[*i].destination,
            false,
            "the platform or company the data goes to",
        ),
        Field::ActKind(i) => choice(&RecipientKind::ALL, c.activations[*i].kind, |x| {
            words_of(&x)
        }),
        Field::ActSends(i) => multi(categories(), &c.activations[*i].sends),
        Field::ModelName(i) => text(&c.models[*i].name, false, "what the score is called"),
        Field::ModelKind(i) => choice(
            &[
                ModelKind::Propensity,
                ModelKind::Affinity,
                ModelKind::Lookalike,
            ],
            c.models[*i].kind,
            |x| words_of(&x),
        ),
        Field::ModelFeatures(i) => {
            let mut options: Vec<String> = v.attributes.iter().map(|a| a.id.clone()).collect();
            options.extend(
                categories()
                    .into_iter()
                    .filter(|c| c.starts_with("user.behavior")),
            );
            let chosen: Vec<String> = c.models[*i]
                .features
                .iter()
                .map(|f| f.input.clone())
                .collect();
            multi(options, &chosen)
        }
        Field::ModelFeature(i, j) => opt_text(
            &c.models[*i].features[*j].justification,
            "why the model needs this input, in 4 words or more; with a kind of reason this input accepts, it lowers a proxy or age finding to a note (never a special category)",
        ),
        Field::ModelFeatureReason(i, j) => {
            let f = &c.models[*i].features[*j];
            let accepted = accepted_reasons(&f.input);
            let mut options = vec!["none".to_string()];
            options.extend(
                accepted
                    .iter()
                    .map(|r| format!("{} ({})", r.label, r.description)),
            );
            let selected = accepted
                .iter()
                .position(|r| Some(r.id.as_str()) == f.reason.as_deref())
                .map_or(0, |p| p + 1);
            EditKind::Choice { options, selected }
        }
        _ => EditKind::None,
    }
}

pub(super) fn apply(c: &mut Campaign, f: &Field, v: EditValue, _lang: &str) -> Result<(), String> {
    let cats = categories();
    match f {
        Field::DataSource(i) => set_opt(&mut c.data[*i].source, text_of(v)?),
        Field::DataCategory(i) => {
            c.data[*i].category =
                picked(&cats.iter().map(String::as_str).collect::<Vec<_>>(), &v)?.to_string()
        }
        Field::DataPurposes(i) => {
            let uses: Vec<String> = vocab().uses.iter().map(|u| u.name.clone()).collect();
            c.data[*i].purposes = flags(&uses, &v)?;
        }
        Field::DataCollected(i) => c.data[*i].collected_by = picked(&Collection::ALL, &v)?,
        Field::DataConsent(i) => c.data[*i].consent = picked(&ConsentMoment::ALL, &v)?,
        Field::DataBasis(i) => c.data[*i].legal_basis = picked(&LegalBasis::ALL, &v)?,
        Field::DataRetention(i) => c.data[*i].retention_days = in_range(number_of(v)?, 0, 36_500)?,
        Field::ActDestination(i) => {
            c.activations[*i].destination = required(text_of(v)?, "the destination")?
        }
        Field::ActKind(i) => c.activations[*i].kind = picked(&RecipientKind::ALL, &v)?,
        Field::ActSends(i) => c.activations[*i].sends = flags(&cats, &v)?,
        Field::ModelName(i) => c.models[*i].name = required(text_of(v)?, "the model name")?,
        Field::ModelKind(i) => {
            c.models[*i].kind = picked(
                &[
                    ModelKind::Propensity,
                    ModelKind::Affinity,
                    ModelKind::Lookalike,
                ],
                &v,
            )?
        }
        Field::ModelFeatures(i) => {
            let mut options: Vec<String> =
                vocab().attributes.iter().map(|a| a.id.clone()).collect();
            options.extend(cats.into_iter().filter(|c| c.starts_with("user.behavior")));
            let chosen = flags(&options, &v)?;
            let old = std::mem::take(&mut c.models[*i].features);
            c.models[*i].features = chosen
                .into_iter()
                .map(|input| {
                    // A feature kept keeps its reason.
                    match old.iter().find(|f| f.input == input) {
                        Some(f) => f.clone(),
                        None => Feature {
                            input,
                            reason: None,
                            justification: None,
                        },
                    }
                })
                .collect();
        }
        Field::ModelFeature(i, j) => {
            set_opt(&mut c.models[*i].features[*j].justification, text_of(v)?)
        }
        Field::ModelFeatureReason(i, j) => {
            let f = &mut c.models[*i].features[*j];
            let accepted = accepted_reasons(&f.input);
            let EditValue::Index(k) = v else {
                return Err("expected a choice".into());
            };
            f.reason = match k {
                0 => None,
                k => Some(accepted.get(k - 1).ok_or("no such choice")?.id.clone()),
            };
        }
        _ => return Err("this row cannot be edited".into()),
    }
    Ok(())
}
