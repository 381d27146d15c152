//! The overview: name, objective, status, channels, languages, who is asking, a custom notice.
//! Its rows, how each is edited and how an edit is applied, in one place.

use super::*;

pub(super) fn rows(c: &Campaign, lang: &str, out: &mut Vec<Row>) {
    out.push(row("Name", or_dash(&c.name), Field::Name, "name"));
    out.push(row(
        "Objective",
        or_dash(&c.objective),
        Field::Objective,
        "objective",
    ));
    out.push(row(
        "About",
        if c.about.is_empty() {
            "— (catalogue categories it offers)".to_string()
        } else {
            list(&c.about, |a| clean(a))
        },
        Field::About,
        "about",
    ));
    out.push(row("Owner", or_dash(&c.owner), Field::Owner, "owner"));
    out.push(row("Status", c.status.label(), Field::Status, "status"));
    out.push(row(
        "Channels",
        list(&c.channels, |ch| ch.label().to_string()),
        Field::Channels,
        "channels",
    ));
    let reg = c
        .regulated_category
        .map_or("none".to_string(), |r| words_of(&r));
    out.push(row(
        "Regulated",
        reg,
        Field::Regulated,
        "regulated_category",
    ));
    out.push(row(
        "Languages",
        list(&c.locales, |l| clean(l)),
        Field::Locales,
        "locales",
    ));
    match &c.schedule {
        None => out.push(row(
            "Runs",
            "always (Enter sets a start date)",
            Field::ScheduleStart,
            "schedule",
        )),
        Some(s) => {
            out.push(header("When it runs", Field::Note, "schedule"));
            let mut under = nested(out, 1, "schedule");
            under.row("Starts", clean(&s.start), Field::ScheduleStart, "start");
            under.row(
                "Ends",
                s.end.as_deref().map_or("— (no end)".into(), clean),
                Field::ScheduleEnd,
                "end",
            );
            under.row(
                "Time zone",
                clean(&s.time_zone),
                Field::ScheduleZone,
                "time_zone",
            );
        }
    }
    out.push(header("Who is asking", Field::Note, "controller"));
    let mut under = nested(out, 1, "controller");
    under.row(
        "Brand",
        or_dash(&c.controller.name),
        Field::ControllerName,
        "name",
    );
    under.row(
        "Contact",
        or_dash(&c.controller.contact),
        Field::Contact,
        "contact",
    );
    under.row(
        "Security",
        opt(&c.controller.security_page),
        Field::SecurityPage,
        "security_page",
    );
    under.row(
        "Partner",
        opt(&c.controller.technology_partner),
        Field::TechPartner,
        "technology_partner",
    );
    under.row(
        "Authority",
        opt(&c.controller.authority),
        Field::Authority,
        "authority",
    );
    let custom = match &c.custom_disclosure {
        None => "— (Candor writes it)".to_string(),
        Some(_) => crate::text::truncate(&shown(c.custom_disclosure.as_ref(), c, lang), 60),
    };
    out.push(row(
        "Custom notice",
        custom,
        Field::CustomDisclosure,
        "custom_disclosure",
    ));
}

pub(super) fn edit_kind(c: &Campaign, f: &Field, lang: &str) -> EditKind {
    match f {
        Field::ScheduleStart => text(
            c.schedule.as_ref().map_or("", |s| s.start.as_str()),
            true,
            "the first day, 2026-12-01, or a time too: 2026-12-01 09:00; empty: always runs",
        ),
        Field::ScheduleEnd => opt_text(
            &c.schedule.as_ref().and_then(|s| s.end.clone()),
            "the last moment, 2026-12-24 23:59; empty: no end",
        ),
        Field::ScheduleZone => text(
            c.schedule.as_ref().map_or("UTC", |s| s.time_zone.as_str()),
            false,
            "where the dates are read, such as Europe/Madrid, Europe/Paris or UTC",
        ),
        Field::Name => text(&c.name, false, "what colleagues will call it"),
        Field::Objective => text(&c.objective, true, "what the campaign is for, in one line"),
        Field::About => text(
            &c.about.join(", "),
            true,
            "the catalogue categories it offers, separated by commas: skincare, makeup",
        ),
        Field::Owner => text(&c.owner, true, "who answers for it"),
        Field::Status => choice(&Status::ALL, c.status, |s| s.label().to_string()),
        Field::Channels => EditKind::Multi {
            options: Channel::ALL
                .iter()
                .map(|ch| ch.label().to_string())
                .collect(),
            checked: Channel::ALL
                .iter()
                .map(|ch| c.channels.contains(ch))
                .collect(),
        },
        Field::Regulated => choice(&REGULATED, c.regulated_category, |r| {
            r.map_or("none".into(), |r| words_of(&r))
        }),
        Field::Locales => {
            let codes: Vec<String> = crate::model::vocab::LOCALE_CODES
                .iter()
                .map(|s| s.to_string())
                .collect();
            multi(codes, &c.locales)
        }
        Field::ControllerName => text(
            &c.controller.name,
            false,
            "the brand the visitor deals with",
        ),
        Field::Contact => text(
            &c.controller.contact,
            false,
            "an email address or web page for data questions",
        ),
        Field::SecurityPage => opt_text(
            &c.controller.security_page,
            "a page explaining how data is protected",
        ),
        Field::TechPartner => opt_text(
            &c.controller.technology_partner,
            "the company that runs the personalization",
        ),
        Field::Authority => opt_text(
            &c.controller.authority,
            "the authority a visitor can complain to, and its web address",
        ),
        Field::CustomDisclosure => text(
            &text_in(c.custom_disclosure.as_ref(), c, lang),
            true,
            "replaces the generated notice; leave empty to let Candor write it",
        ),
        _ => EditKind::None,
    }
}

pub(super) fn apply(c: &mut Campaign, f: &Field, v: EditValue, lang: &str) -> Result<(), String> {
    match f {
        Field::ScheduleStart => {
            let start = text_of(v)?.trim().to_string();
            if start.is_empty() {
                c.schedule = None;
            } else {
                match &mut c.schedule {
                    Some(s) => s.start = start,
                    None => {
                        c.schedule = Some(Schedule {
                            start,
                            end: None,
                            time_zone: "UTC".into(),
                        })
                    }
                }
            }
        }
        Field::ScheduleEnd => {
            let s = c
                .schedule
                .as_mut()
                .ok_or("set a start first: the campaign runs always")?;
            set_opt(&mut s.end, text_of(v)?);
        }
        Field::ScheduleZone => {
            let s = c
                .schedule
                .as_mut()
                .ok_or("set a start first: the campaign runs always")?;
            s.time_zone = required(text_of(v)?, "the time zone")?;
        }
        Field::Name => c.name = required(text_of(v)?, "the name")?,
        Field::Objective => c.objective = text_of(v)?.trim().to_string(),
        Field::About => {
            c.about = text_of(v)?
                .split(',')
                .map(|a| a.trim().to_string())
                .filter(|a| !a.is_empty())
                .collect();
        }
        Field::Owner => c.owner = text_of(v)?.trim().to_string(),
        Field::Status => c.status = picked(&Status::ALL, &v)?,
        Field::Channels => {
            let chosen = flags(&Channel::ALL, &v)?;
            if chosen.is_empty() {
                return Err("choose at least one channel".into());
            }
            c.channels = chosen;
        }
        Field::Regulated => c.regulated_category = picked(&REGULATED, &v)?,
        Field::Locales => {
            let codes: Vec<String> = crate::model::vocab::LOCALE_CODES
                .iter()
                .map(|s| s.to_string())
                .collect();
            let chosen = flags(&codes, &v)?;
            if chosen.is_empty() {
                return Err("choose at least one language for the disclosure".into());
            }
            c.locales = chosen;
        }
        Field::ControllerName => c.controller.name = required(text_of(v)?, "the brand")?,
        Field::Contact => c.controller.contact = required(text_of(v)?, "the privacy contact")?,
        Field::SecurityPage => set_opt(&mut c.controller.security_page, text_of(v)?),
        Field::TechPartner => set_opt(&mut c.controller.technology_partner, text_of(v)?),
        Field::Authority => set_opt(&mut c.controller.authority, text_of(v)?),
        Field::CustomDisclosure => {
            let first = c.first_locale().to_string();
            set_text(&mut c.custom_disclosure, &first, lang, &text_of(v)?)
        }
        _ => return Err("this row cannot be edited".into()),
    }
    Ok(())
}
