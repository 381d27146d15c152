//! Structural checks that serde cannot do: names that must come from a vocabulary and ids with a
//! fixed form. A typo here is an error, not a silent pass: `postcode` for `postal_code` would
//! otherwise slip past the proxy check.

use super::campaign::{Campaign, Condition, Count, MAX_AUDIENCE_DEPTH, Operator};
use super::vocab::{closest, vocab};

/// One thing wrong with a campaign's structure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub message: String,
    pub hint: Option<String>,
}

impl Problem {
    /// The problem and what to do about it, in one sentence (without the path): how the
    /// editor and the store say it to a person.
    pub fn sentence(&self) -> String {
        match &self.hint {
            Some(h) => format!("{}; {h}", self.message),
            None => self.message.clone(),
        }
    }
}

pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !id.starts_with('-')
        && !id.ends_with('-')
}

/// Turns a name into an id: "Spring Sale 2026" becomes "spring-sale-2026".
pub fn slugify(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out
        .trim_end_matches('-')
        .chars()
        .take(64)
        .collect::<String>();
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() {
        "campaign".to_string()
    } else {
        out
    }
}

fn unknown(path: String, what: &str, found: &str, known: Vec<&str>) -> Problem {
    let near = closest(found, known.iter().copied());
    let hint = if near.is_empty() {
        format!("known {what}s are listed by `candor vocab`")
    } else {
        format!(
            "did you mean {}? (`candor vocab` lists every known {what})",
            near.iter()
                .map(|n| format!("\"{n}\""))
                .collect::<Vec<_>>()
                .join(", ")
        )
    };
    Problem {
        path,
        message: format!("unknown {what} \"{}\"", crate::text::clean(found)),
        hint: Some(hint),
    }
}

/// Refuses an edit that takes the audience deeper than [`MAX_AUDIENCE_DEPTH`] (or, for one
/// already past it, any deeper), so what the editor keeps always reads back. Not a rule of
/// loading: any file that parsed is within the format's own limit, and a campaign saved by an
/// older Candor past the limit still opens, to be flattened a step at a time.
pub fn deeper_than_allowed(before: &Campaign, after: &Campaign) -> Option<Problem> {
    let depth = after.audience.depth();
    if depth <= MAX_AUDIENCE_DEPTH || depth <= before.audience.depth() {
        return None;
    }
    Some(Problem {
        path: "audience".into(),
        message: format!(
            "that would nest the audience {depth} levels deep; groups and exclusions go at most {MAX_AUDIENCE_DEPTH} deep"
        ),
        hint: Some(
            "flatten the audience: put conditions side by side in one All or Any group".into(),
        ),
    })
}

pub fn validate(c: &Campaign) -> Vec<Problem> {
    let v = vocab();
    let attributes = || {
        v.attributes
            .iter()
            .map(|a| a.id.as_str())
            .collect::<Vec<_>>()
    };
    let categories = || {
        v.categories
            .iter()
            .map(|a| a.name.as_str())
            .collect::<Vec<_>>()
    };
    let uses = || v.uses.iter().map(|a| a.name.as_str()).collect::<Vec<_>>();
    let mut out = Vec::new();

    if !is_valid_id(&c.id) {
        out.push(Problem {
            path: "id".into(),
            message: format!(
                "\"{}\" is not a valid campaign id",
                crate::text::clean(&c.id)
            ),
            hint: Some(format!(
                "use lowercase letters, digits and dashes, up to 64 characters, such as \"{}\"",
                slugify(&c.id)
            )),
        });
    }
    if c.locales.is_empty() {
        out.push(Problem {
            path: "locales".into(),
            message: "the campaign offers its disclosure in no language".into(),
            hint: Some(format!(
                "add at least one of {}",
                super::vocab::LOCALE_CODES.join(", ")
            )),
        });
    }
    if c.name.trim().is_empty() {
        out.push(Problem {
            path: "name".into(),
            message: "the campaign has no name".into(),
            hint: Some("give it a name a colleague would recognise".into()),
        });
    }
    for (i, l) in c.locales.iter().enumerate() {
        let ok = (2..=3).contains(&l.len()) && l.chars().all(|ch| ch.is_ascii_lowercase());
        if ok && !super::vocab::LOCALE_CODES.contains(&l.as_str()) {
            out.push(Problem {
                path: format!("locales[{i}]"),
                message: format!("Candor has no disclosure text in \"{l}\""),
                hint: Some(format!(
                    "available: {}; a language is added as a folder in assets/locales/",
                    super::vocab::LOCALE_CODES.join(", ")
                )),
            });
        }
        if !ok {
            out.push(Problem {
                path: format!("locales[{i}]"),
                message: format!("\"{}\" is not a language code", crate::text::clean(l)),
                hint: Some("use a two-letter code such as \"en\", \"es\" or \"fr\"".into()),
            });
        }
    }
    for cond in c.conditions() {
        if let Condition::Attribute(a) = cond.condition
            && v.attribute(&a.attribute).is_none()
        {
            out.push(unknown(
                format!("{}.attribute", cond.path),
                "attribute",
                &a.attribute,
                attributes(),
            ));
        }
    }
    for (m, model) in c.models.iter().enumerate() {
        for (f, feature) in model.features.iter().enumerate() {
            if !v.is_feature_input(&feature.input) {
                let mut known = attributes();
                known.extend(categories());
                out.push(unknown(
                    format!("models[{m}].features[{f}].input"),
                    "feature input",
                    &feature.input,
                    known,
                ));
            }
        }
    }
    for (z, zone) in c.zones.iter().enumerate() {
        for (u, used) in zone.uses.iter().enumerate() {
            if v.category(used).is_none() {
                out.push(unknown(
                    format!("zones[{z}].uses[{u}]"),
                    "data category",
                    used,
                    categories(),
                ));
            }
        }
    }
    // A count everyone meets: "viewed at least 0 times" would take in every visitor while the
    // campaign and its notice speak of an interest.
    for cond in c.conditions() {
        if let Condition::Intent(i) = cond.condition
            && i.count == Count::AtLeast(0)
        {
            out.push(Problem {
                path: format!("{}.count", cond.path),
                message:
                    "\"at least 0 times\" is met by everyone, so the condition picks no one out"
                        .into(),
                hint: Some("count 1 or more, or remove the condition".into()),
            });
        }
    }
    // Values of the attribute's type, and reasons of a kind the attribute accepts.
    for cond in c.conditions() {
        if let Condition::Attribute(a) = cond.condition
            && let Some(def) = v.attribute(&a.attribute)
        {
            let values: Vec<&str> = if matches!(a.operator, Operator::OneOf | Operator::NoneOf) {
                a.value.split(',').map(str::trim).collect()
            } else {
                vec![a.value.trim()]
            };
            if let Some(bad) = values.iter().find(|x| !def.value.accepts(x)) {
                out.push(Problem {
                    path: format!("{}.value", cond.path),
                    message: format!(
                        "\"{}\" is not a value of {}",
                        crate::text::clean(bad),
                        def.label.to_lowercase()
                    ),
                    hint: Some(format!(
                        "{} is compared with {}",
                        def.label,
                        def.value.describe()
                    )),
                });
            }
            if let Some(r) = &a.reason {
                out.extend(reason_problem(&format!("{}.reason", cond.path), def, r));
            }
        }
    }
    for (m, model) in c.models.iter().enumerate() {
        for (f, feature) in model.features.iter().enumerate() {
            if let Some(r) = &feature.reason {
                let path = format!("models[{m}].features[{f}].reason");
                match v.attribute(&feature.input) {
                    Some(def) => out.extend(reason_problem(&path, def, r)),
                    None if v.reason(r).is_none() => out.push(unknown(
                        path,
                        "kind of reason",
                        r,
                        v.reasons.iter().map(|x| x.id.as_str()).collect(),
                    )),
                    None => {}
                }
            }
        }
    }
    for (d, field) in c.data.iter().enumerate() {
        if v.category(&field.category).is_none() {
            out.push(unknown(
                format!("data[{d}].category"),
                "data category",
                &field.category,
                categories(),
            ));
        }
        for (p, purpose) in field.purposes.iter().enumerate() {
            if v.data_use(purpose).is_none() {
                out.push(unknown(
                    format!("data[{d}].purposes[{p}]"),
                    "purpose",
                    purpose,
                    uses(),
                ));
            }
        }
    }
    for (a, act) in c.activations.iter().enumerate() {
        for (s, sent) in act.sends.iter().enumerate() {
            if v.category(sent).is_none() {
                out.push(unknown(
                    format!("activations[{a}].sends[{s}]"),
                    "data category",
                    sent,
                    categories(),
                ));
            }
        }
    }
    for (z, zone) in c.zones.iter().enumerate() {
        let content = &zone.content;
        for (key, value) in [("link", &content.link), ("image", &content.image)] {
            if let Some(v) = value
                && !is_web_address(v)
            {
                out.push(Problem {
                    path: format!("zones[{z}].content.{key}"),
                    message: format!("\"{}\" is not a web address", crate::text::clean(v)),
                    hint: Some(
                        "write the whole address, starting with https:// (or a path on the site starting with /)"
                            .into(),
                    ),
                });
            }
        }
    }
    // A way out must be a page a browser opens: a `javascript:` or `data:` link would run
    // code or show a page nobody can check, instead of stopping anything.
    for (i, way) in c.consent.opt_out.iter().enumerate() {
        let (kind, url) = match way {
            super::OptOut::Link(u) => ("Link", u),
            super::OptOut::PreferenceCentre(u) => ("PreferenceCentre", u),
            _ => continue,
        };
        if !is_web_address(url) {
            out.push(Problem {
                path: format!("consent.opt_out[{i}]"),
                message: format!(
                    "{kind}(\"{}\") is not a web address a person can open to opt out",
                    crate::text::clean(url)
                ),
                hint: Some(
                    "write the whole address, starting with https:// (or a path on the site starting with /)"
                        .into(),
                ),
            });
        }
    }
    if let Some(s) = &c.schedule {
        out.extend(schedule_problems(s));
    }
    out
}

/// A reason's kind must exist and be one the attribute accepts.
fn reason_problem(path: &str, def: &super::vocab::AttributeDef, r: &str) -> Option<Problem> {
    let v = vocab();
    if v.reason(r).is_none() {
        return Some(unknown(
            path.to_string(),
            "kind of reason",
            r,
            v.reasons.iter().map(|x| x.id.as_str()).collect(),
        ));
    }
    if def.reasons.iter().any(|x| x == r) {
        return None;
    }
    let accepted: Vec<String> = def
        .reasons
        .iter()
        .filter_map(|x| v.reason(x))
        .map(|x| format!("\"{}\" ({})", x.id, x.label.to_lowercase()))
        .collect();
    Some(Problem {
        path: path.to_string(),
        message: format!(
            "\"{}\" is not a reason {} accepts",
            crate::text::clean(r),
            def.label.to_lowercase()
        ),
        hint: Some(if accepted.is_empty() {
            format!("no reason lowers a finding on {}", def.label.to_lowercase())
        } else {
            format!("{} accepts {}", def.label, accepted.join(" or "))
        }),
    })
}

/// A web address a visitor's browser can follow: http(s) with a host, or a path on the site.
pub fn is_web_address(s: &str) -> bool {
    let s = s.trim();
    if s.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return false;
    }
    if let Some(rest) = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"))
    {
        let host = rest.split(['/', '?', '#']).next().unwrap_or("");
        return host.contains('.') || host.starts_with("localhost");
    }
    s.starts_with('/') && !s.starts_with("//")
}

/// "2026-12-01" or "2026-12-01 09:00", as a string that sorts by time.
pub fn parse_moment(s: &str) -> Option<String> {
    let s = s.trim();
    let (date, time) = match s.split_once(' ') {
        Some((d, t)) => (d, Some(t.trim())),
        None => (s, None),
    };
    let parts: Vec<&str> = date.split('-').collect();
    let [y, m, d] = parts[..] else { return None };
    let (y, m, d): (u32, u32, u32) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        _ => return None,
    };
    if !(1900..=2200).contains(&y) || d == 0 || d > days {
        return None;
    }
    let (h, min) = match time {
        None => (0, 0),
        Some(t) => {
            let (h, min) = t.split_once(':')?;
            let (h, min): (u32, u32) = (h.parse().ok()?, min.parse().ok()?);
            if h > 23 || min > 59 {
                return None;
            }
            (h, min)
        }
    };
    Some(format!("{y:04}-{m:02}-{d:02} {h:02}:{min:02}"))
}

/// A time zone's name in the form the IANA database uses ("Europe/Madrid", "UTC").
pub fn is_time_zone(s: &str) -> bool {
    let s = s.trim();
    s == "UTC"
        || (s.contains('/')
            && s.split('/').all(|p| {
                !p.is_empty()
                    && p.chars().next().is_some_and(|c| c.is_ascii_uppercase())
                    && p.chars()
                        .all(|c| c.is_ascii_alphanumeric() || "_-+".contains(c))
            }))
}

fn schedule_problems(s: &super::campaign::Schedule) -> Vec<Problem> {
    let mut out = Vec::new();
    let moment = |path: &str, v: &str| Problem {
        path: format!("schedule.{path}"),
        message: format!("\"{}\" is not a date", crate::text::clean(v)),
        hint: Some("write it as 2026-12-01, or 2026-12-01 09:00 with a time".into()),
    };
    let start = parse_moment(&s.start);
    if start.is_none() {
        out.push(moment("start", &s.start));
    }
    if let Some(end) = &s.end {
        match (start, parse_moment(end)) {
            (_, None) => out.push(moment("end", end)),
            (Some(a), Some(b)) if b <= a => out.push(Problem {
                path: "schedule.end".into(),
                message: "the campaign ends before it starts".into(),
                hint: Some("make the end later than the start, or remove it".into()),
            }),
            _ => {}
        }
    }
    if !is_time_zone(&s.time_zone) {
        out.push(Problem {
            path: "schedule.time_zone".into(),
            message: format!(
                "\"{}\" is not a time zone",
                crate::text::clean(&s.time_zone)
            ),
            hint: Some(
                "use a name such as Europe/Madrid, Europe/Paris, America/New_York or UTC".into(),
            ),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_condition(
        attribute: &str,
        operator: Operator,
        value: &str,
        reason: Option<&str>,
    ) -> Campaign {
        let mut c = Campaign::blank("s", "S");
        c.audience = Condition::All(vec![Condition::Attribute(
            crate::model::AttributeCondition {
                attribute: attribute.into(),
                operator,
                value: value.into(),
                reason: reason.map(String::from),
                justification: None,
            },
        )]);
        c
    }

    /// "At least 0 times" is refused where it stands; a count someone meets only by acting,
    /// and one that reads as "never", are kept.
    #[test]
    fn a_count_everyone_meets_is_refused() {
        let with_count = |count| {
            let mut c = Campaign::blank("s", "S");
            c.audience = Condition::All(vec![Condition::Intent(crate::model::IntentCondition {
                action: crate::model::Action::CategoryView,
                target: crate::model::Target::Category("sofas".into()),
                count,
                within_days: 30,
            })]);
            validate(&c)
        };
        let problems = with_count(Count::AtLeast(0));
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].path, "audience.all[0].count");
        assert!(problems[0].sentence().contains("count 1 or more"));
        for count in [Count::AtLeast(1), Count::AtMost(0), Count::Exactly(0)] {
            assert_eq!(with_count(count), vec![], "{count:?}");
        }
    }

    #[test]
    fn attribute_values_must_be_of_the_attributes_type() {
        for (attribute, value) in [
            ("date_of_birth", "female"),
            ("age", "twenty-five"),
            ("age", "250"),
            ("gender", "robot"),
            ("country", "France"),
            ("email_opt_in", "maybe"),
        ] {
            let p = validate(&with_condition(attribute, Operator::Is, value, None));
            assert_eq!(p.len(), 1, "{attribute} {value}: {p:?}");
            assert_eq!(p[0].path, "audience.all[0].value");
        }
        for (attribute, op, value) in [
            ("date_of_birth", Operator::Is, "1990-05-01"),
            ("age", Operator::AtLeast, "18"),
            ("gender", Operator::OneOf, "female, non-binary"),
            ("country", Operator::Is, "FR"),
            ("loyalty_tier", Operator::OneOf, "gold, platinum"),
        ] {
            assert!(
                validate(&with_condition(attribute, op, value, None)).is_empty(),
                "{attribute} {value}"
            );
        }
        // A list is checked item by item.
        let p = validate(&with_condition(
            "gender",
            Operator::OneOf,
            "female, robot",
            None,
        ));
        assert!(p[0].message.contains("\"robot\""), "{p:?}");
    }

    #[test]
    fn a_reason_must_be_a_kind_the_attribute_accepts() {
        assert!(
            validate(&with_condition(
                "age",
                Operator::AtLeast,
                "18",
                Some("legal_minimum_age")
            ))
            .is_empty()
        );
        let p = validate(&with_condition(
            "age",
            Operator::AtLeast,
            "18",
            Some("nearest_store"),
        ));
        assert_eq!(p[0].path, "audience.all[0].reason");
        assert!(
            p[0].hint.as_deref().unwrap().contains("legal_minimum_age"),
            "{p:?}"
        );
        let p = validate(&with_condition(
            "age",
            Operator::AtLeast,
            "18",
            Some("because"),
        ));
        assert!(p[0].message.contains("unknown kind of reason"), "{p:?}");
        let p = validate(&with_condition(
            "religion",
            Operator::Is,
            "x",
            Some("legal_minimum_age"),
        ));
        assert!(
            p[0].hint.as_deref().unwrap().contains("no reason lowers"),
            "{p:?}"
        );
    }

    #[test]
    fn web_addresses_dates_and_time_zones() {
        for ok in [
            "https://lumen.example/offer",
            "http://shop.example",
            "/welcome?x=1",
        ] {
            assert!(is_web_address(ok), "{ok}");
        }
        for bad in [
            "lumen.example",
            "https://",
            "//cdn.example/x",
            "javascript:alert(1)",
            "https://a b.example",
        ] {
            assert!(!is_web_address(bad), "{bad}");
        }
        assert_eq!(
            parse_moment("2026-12-01").as_deref(),
            Some("2026-12-01 00:00")
        );
        assert_eq!(
            parse_moment("2028-02-29 9:05").as_deref(),
            Some("2028-02-29 09:05")
        );
        for bad in [
            "2026-02-29",
            "2026-13-01",
            "01/12/2026",
            "2026-12-01 24:00",
            "soon",
        ] {
            assert_eq!(parse_moment(bad), None, "{bad}");
        }
        assert!(is_time_zone("Europe/Madrid") && is_time_zone("America/Argentina/Buenos_Aires"));
        assert!(is_time_zone("UTC") && !is_time_zone("CET now") && !is_time_zone("europe/madrid"));
    }

    #[test]
    fn a_schedule_must_end_after_it_starts() {
        let mut c = Campaign::blank("s", "S");
        c.schedule = Some(crate::model::Schedule {
            start: "2026-12-24".into(),
            end: Some("2026-12-01".into()),
            time_zone: "Europe/Madrid".into(),
        });
        let p = validate(&c);
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(p[0].path, "schedule.end");
        c.schedule.as_mut().unwrap().end = Some("2026-12-31 23:59".into());
        assert!(validate(&c).is_empty());
        c.schedule.as_mut().unwrap().time_zone = "Madrid".into();
        assert_eq!(validate(&c)[0].path, "schedule.time_zone");
    }

    #[test]
    fn zone_links_and_images_are_web_addresses() {
        let mut c = Campaign::blank("s", "S");
        let mut z = crate::model::Zone::new(
            "Hero",
            crate::model::ZoneKind::Banner,
            crate::model::Visibility::Anyone,
            1,
        );
        z.content.link = Some("lumen.example/offer".into());
        z.content.image = Some("https://cdn.lumen.example/hero.jpg".into());
        c.zones.push(z);
        let p = validate(&c);
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(p[0].path, "zones[0].content.link");
    }

    /// A chain of `depth` levels of one kind of group (0 All, 1 Any, 2 Not, 3 the three in
    /// turn) around the first condition of `sample` that is an intent (or, with `attribute`,
    /// an attribute).
    fn nested(sample: &str, attribute: bool, depth: usize, kind: usize) -> Campaign {
        let (_, text) = crate::samples::SAMPLES
            .iter()
            .find(|(n, _)| n.starts_with(sample))
            .unwrap();
        let mut c = crate::model::ron_io::load_str("w", text).unwrap().campaign;
        let mut node = c
            .conditions()
            .into_iter()
            .find(|r| matches!(r.condition, Condition::Attribute(_)) == attribute)
            .unwrap()
            .condition
            .clone();
        for level in 1..depth {
            node = match if kind == 3 { level % 3 } else { kind } {
                0 => Condition::All(vec![node]),
                1 => Condition::Any(vec![node]),
                _ => Condition::Not(Box::new(node)),
            };
        }
        c.audience = node;
        c
    }

    /// The deepest audience the editor allows, of any kind of group around either kind of
    /// condition, saves and loads back (as a file and as a draft), so the editor never keeps a
    /// campaign that does not read again. An edit one level deeper is refused with the limit
    /// and what to do; a campaign already past it (saved by an older Candor) still loads, and
    /// may get shallower but not deeper.
    #[test]
    fn audiences_nest_to_the_limit_and_read_back() {
        use crate::model::ron_io;
        for (sample, attribute) in [("welcome-email", false), ("anti-ageing-55-plus", true)] {
            for kind in 0..4 {
                let at_limit = nested(sample, attribute, MAX_AUDIENCE_DEPTH, kind);
                assert_eq!(at_limit.audience.depth(), MAX_AUDIENCE_DEPTH);
                assert!(validate(&at_limit).is_empty(), "{kind}");
                let text = ron_io::to_ron(&at_limit).unwrap();
                assert_eq!(ron_io::load_str("t", &text).unwrap().campaign, at_limit);
                assert_eq!(ron_io::parse_unfinished("t", &text).unwrap().0, at_limit);
                let shallow = nested(sample, attribute, 2, kind);
                assert_eq!(deeper_than_allowed(&shallow, &at_limit), None);

                let past = nested(sample, attribute, MAX_AUDIENCE_DEPTH + 1, kind);
                let p = deeper_than_allowed(&at_limit, &past).unwrap();
                assert_eq!(p.path, "audience");
                assert_eq!(
                    p.sentence(),
                    format!(
                        "that would nest the audience {} levels deep; groups and exclusions go at most {MAX_AUDIENCE_DEPTH} deep; flatten the audience: put conditions side by side in one All or Any group",
                        MAX_AUDIENCE_DEPTH + 1
                    )
                );
                // Past the limit, as an older Candor could save it: it loads, and only a
                // deeper edit is refused.
                let text = ron_io::to_ron(&past).unwrap();
                assert_eq!(ron_io::load_str("t", &text).unwrap().campaign, past);
                let further = nested(sample, attribute, MAX_AUDIENCE_DEPTH + 2, kind);
                assert_eq!(deeper_than_allowed(&further, &past), None);
                assert!(deeper_than_allowed(&past, &further).is_some());
            }
        }
    }

    #[test]
    fn ids_and_slugs() {
        assert!(is_valid_id("spring-sale-2026"));
        assert!(!is_valid_id("Spring"));
        assert!(!is_valid_id("-x"));
        assert!(!is_valid_id(""));
        assert_eq!(slugify("Spring Sale 2026!"), "spring-sale-2026");
        assert_eq!(slugify("¡¡¡"), "campaign");
        assert!(is_valid_id(&slugify(&"Long name ".repeat(20))));
    }
}
