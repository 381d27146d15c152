//! Structural checks that serde cannot do: names that must come from a vocabulary and ids with a
//! fixed form. A typo here is an error, not a silent pass: `postcode` for `postal_code` would
//! otherwise slip past the proxy check.

use super::campaign::{Campaign, Condition};
use super::vocab::{closest, vocab};

/// One thing wrong with a campaign's structure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub message: String,
    pub hint: Option<String>,
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
    out
}

#[cfg(test)]
mod tests {
    use super::*;

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
