//! Value and consent: what the customer gets, how they say stop, email permission.
//! Its rows, how each is edited and how an edit is applied, in one place.

use super::*;

pub(super) fn rows(c: &Campaign, lang: &str, out: &mut Vec<Row>) {
    let ve = &c.value_exchange;
    out.push(header(
        "What the customer gets",
        Field::Note,
        "value_exchange",
    ));
    nested(out, 1, "value_exchange").row(
        "Right away",
        shown(ve.immediate.as_ref(), c, lang),
        Field::Immediate,
        "immediate",
    );
    for (i, b) in ve.ongoing.iter().enumerate() {
        let key = format!("ongoing[{i}]");
        nested(out, 1, "value_exchange").row(
            "Over time",
            shown(Some(b), c, lang),
            Field::Ongoing(i),
            &key,
        );
    }
    let mut under = nested(out, 1, "value_exchange");
    under.row(
        "By email",
        shown(ve.email_promise.as_ref(), c, lang),
        Field::EmailPromise,
        "email_promise",
    );
    under.row(
        "If logged in",
        shown(ve.login_benefit.as_ref(), c, lang),
        Field::LoginBenefit,
        "login_benefit",
    );
    out.push(header("Consent and choice", Field::Note, "consent"));
    for (i, o) in c.consent.opt_out.iter().enumerate() {
        let key = format!("opt_out[{i}]");
        nested(out, 1, "consent").row("Opt-out", opt_out_text(o), Field::OptOut(i), &key);
    }
    if c.consent.opt_out.is_empty() {
        nested(out, 1, "consent").row(
            "Opt-out",
            "none (press a to add one)",
            Field::Note,
            "opt_out",
        );
    }
    let perm = c
        .consent
        .email_permission
        .map_or("not required".to_string(), |p| words_of(&p));
    nested(out, 1, "consent").row(
        "Email opt-in",
        perm,
        Field::EmailPermission,
        "email_permission",
    );
}

pub(super) fn edit_kind(c: &Campaign, f: &Field, lang: &str) -> EditKind {
    match f {
        Field::Immediate => text(
            &text_in(c.value_exchange.immediate.as_ref(), c, lang),
            true,
            "what the customer gets right away",
        ),
        Field::Ongoing(i) => text(
            &text_in(Some(&c.value_exchange.ongoing[*i]), c, lang),
            true,
            "a benefit over time; empty in every language removes it",
        ),
        Field::EmailPromise => text(
            &text_in(c.value_exchange.email_promise.as_ref(), c, lang),
            true,
            "what subscribers will receive, and how often",
        ),
        Field::LoginBenefit => text(
            &text_in(c.value_exchange.login_benefit.as_ref(), c, lang),
            true,
            "why logging in is worth it",
        ),
        Field::OptOut(i) => match &c.consent.opt_out[*i] {
            OptOut::Link(u) | OptOut::PreferenceCentre(u) => text(u, false, "the web address"),
            _ => EditKind::None,
        },
        Field::EmailPermission => choice(&PERMISSIONS, c.consent.email_permission, |p| {
            p.map_or("not required".into(), |p| words_of(&p))
        }),
        _ => EditKind::None,
    }
}

pub(super) fn apply(c: &mut Campaign, f: &Field, v: EditValue, lang: &str) -> Result<(), String> {
    match f {
        Field::Immediate => {
            let first = c.first_locale().to_string();
            set_text(&mut c.value_exchange.immediate, &first, lang, &text_of(v)?)
        }
        Field::Ongoing(i) => {
            let first = c.first_locale().to_string();
            let mut slot = Some(c.value_exchange.ongoing[*i].clone());
            set_text(&mut slot, &first, lang, &text_of(v)?);
            match slot {
                Some(t) => c.value_exchange.ongoing[*i] = t,
                None => {
                    c.value_exchange.ongoing.remove(*i);
                }
            }
        }
        Field::EmailPromise => {
            let first = c.first_locale().to_string();
            set_text(
                &mut c.value_exchange.email_promise,
                &first,
                lang,
                &text_of(v)?,
            )
        }
        Field::LoginBenefit => {
            let first = c.first_locale().to_string();
            set_text(
                &mut c.value_exchange.login_benefit,
                &first,
                lang,
                &text_of(v)?,
            )
        }
        Field::OptOut(i) => {
            let url = required(text_of(v)?, "the address")?;
            match &mut c.consent.opt_out[*i] {
                OptOut::Link(u) | OptOut::PreferenceCentre(u) => *u = url,
                _ => {}
            }
        }
        Field::EmailPermission => c.consent.email_permission = picked(&PERMISSIONS, &v)?,
        _ => return Err("this row cannot be edited".into()),
    }
    Ok(())
}

pub fn opt_out_text(o: &OptOut) -> String {
    match o {
        OptOut::Link(u) => format!("link {}", clean(u)),
        OptOut::PreferenceCentre(u) => format!("preference centre {}", clean(u)),
        OptOut::ReplyStop => "reply STOP".into(),
        OptOut::AccountSettings => "account settings".into(),
    }
}
