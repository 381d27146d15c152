//! A campaign's parts reached by path: a blank campaign, the texts a visitor reads, the
//! conditions of its audience.

use super::*;

impl Campaign {
    /// A minimal, valid campaign to start from.
    pub fn blank(id: &str, name: &str) -> Campaign {
        Campaign {
            version: FORMAT_VERSION,
            id: id.to_string(),
            name: name.to_string(),
            objective: String::new(),
            about: Vec::new(),
            owner: String::new(),
            status: Status::Draft,
            schedule: None,
            channels: vec![Channel::Web],
            regulated_category: None,
            used_by_minors: false,
            locales: vec!["en".to_string()],
            controller: Controller {
                name: String::new(),
                contact: String::new(),
                security_page: None,
                technology_partner: None,
                authority: None,
            },
            audience: Condition::default(),
            models: Vec::new(),
            zones: Vec::new(),
            data: Vec::new(),
            activations: Vec::new(),
            value_exchange: ValueExchange::default(),
            consent: Consent::default(),
            custom_disclosure: None,
            waivers: Vec::new(),
        }
    }

    /// The language a plain text is in, and the one a notice falls back to: the first of
    /// `locales`.
    pub fn first_locale(&self) -> &str {
        self.locales.first().map_or("en", String::as_str)
    }

    /// Every text a visitor reads that the marketer typed, with its path in the file and what
    /// it is, in the order the notice shows them.
    pub fn visitor_texts(&self) -> Vec<(String, &'static str, &Text)> {
        let ve = &self.value_exchange;
        let mut out: Vec<(String, &'static str, &Text)> = Vec::new();
        if let Some(t) = &ve.immediate {
            out.push(("value_exchange.immediate".into(), "the offer", t));
        }
        for (i, t) in ve.ongoing.iter().enumerate() {
            out.push((
                format!("value_exchange.ongoing[{i}]"),
                "a benefit over time",
                t,
            ));
        }
        if let Some(t) = &ve.email_promise {
            out.push((
                "value_exchange.email_promise".into(),
                "the email promise",
                t,
            ));
        }
        if let Some(t) = &ve.login_benefit {
            out.push((
                "value_exchange.login_benefit".into(),
                "the login benefit",
                t,
            ));
        }
        if let Some(t) = &self.custom_disclosure {
            out.push(("custom_disclosure".into(), "the custom notice", t));
        }
        for (i, z) in self.zones.iter().enumerate() {
            let content = &z.content;
            for (key, what, t) in [
                ("headline", "a zone's headline", &content.headline),
                ("body", "a zone's text", &content.body),
                ("button", "a zone's button", &content.button),
                (
                    "image_alt",
                    "a zone's image description",
                    &content.image_alt,
                ),
            ] {
                if let Some(t) = t {
                    out.push((format!("zones[{i}].content.{key}"), what, t));
                }
            }
        }
        out
    }

    /// The typed text at a path [`Campaign::visitor_texts`] gives, to change it.
    pub fn visitor_text_mut(&mut self, path: &str) -> Option<&mut Text> {
        let ve = &mut self.value_exchange;
        match path {
            "value_exchange.immediate" => ve.immediate.as_mut(),
            "value_exchange.email_promise" => ve.email_promise.as_mut(),
            "value_exchange.login_benefit" => ve.login_benefit.as_mut(),
            "custom_disclosure" => self.custom_disclosure.as_mut(),
            _ if path.starts_with("zones[") => {
                let rest = path.strip_prefix("zones[")?;
                let (i, key) = rest.split_once("].content.")?;
                let content = &mut self.zones.get_mut(i.parse::<usize>().ok()?)?.content;
                match key {
                    "headline" => content.headline.as_mut(),
                    "body" => content.body.as_mut(),
                    "button" => content.button.as_mut(),
                    "image_alt" => content.image_alt.as_mut(),
                    _ => None,
                }
            }
            _ => {
                let i: usize = path
                    .strip_prefix("value_exchange.ongoing[")?
                    .strip_suffix(']')?
                    .parse()
                    .ok()?;
                ve.ongoing.get_mut(i)
            }
        }
    }

    /// Whether the campaign sends email: the Email channel, or an email block among its zones.
    pub fn sends_email(&self) -> bool {
        self.channels.contains(&super::Channel::Email)
            || self
                .zones
                .iter()
                .any(|z| z.kind == super::ZoneKind::EmailBlock)
    }

    /// Every leaf condition of the audience with its readable path and whether it sits under a
    /// `Not` (an exclusion).
    pub fn conditions(&self) -> Vec<ConditionRef<'_>> {
        let mut out = Vec::new();
        walk(&self.audience, "audience".to_string(), false, &mut out);
        out
    }
}

/// A leaf of the audience tree, found by [`Campaign::conditions`].
#[derive(Debug, Clone)]
pub struct ConditionRef<'a> {
    pub path: String,
    pub negated: bool,
    pub condition: &'a Condition,
}

fn walk<'a>(node: &'a Condition, path: String, negated: bool, out: &mut Vec<ConditionRef<'a>>) {
    match node {
        Condition::All(items) | Condition::Any(items) => {
            let key = node.group_key().unwrap_or("all");
            for (i, item) in items.iter().enumerate() {
                walk(item, format!("{path}.{key}[{i}]"), negated, out);
            }
        }
        Condition::Not(inner) => walk(inner, format!("{path}.not"), !negated, out),
        Condition::Intent(_) | Condition::Attribute(_) => out.push(ConditionRef {
            path,
            negated,
            condition: node,
        }),
    }
}
