//! What a visitor reads: the plain-language disclosure generated from a campaign's own
//! declarations, in the visitor's language, with its readability and completeness; and the
//! value exchange. Pure functions of a campaign, returning plain data the screens and tests use.

pub mod locale;
pub mod readability;
pub mod render;
pub mod value_exchange;

use crate::model::vocab::vocab;
use crate::model::{Campaign, ConsentMoment, LegalBasis, OptOut, RecipientKind};
use crate::text::clean;

pub use locale::{Arg, Locale, locale, locales};
pub use readability::Readability;
pub use value_exchange::{ValueExchangeView, Verdict, value_exchange};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SectionKind {
    Who,
    What,
    Get,
    Recipients,
    Retention,
    Basis,
    Choices,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub kind: SectionKind,
    pub heading: String,
    /// Sentences, one paragraph each.
    pub lines: Vec<String>,
}

/// The parts a complete notice has (after the UK ICO's checklist).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Element {
    Purposes,
    Recipients,
    Retention,
    RightsAndOptOut,
    Contact,
    Profiling,
}

impl Element {
    pub const ALL: [Element; 6] = [
        Element::Purposes,
        Element::Recipients,
        Element::Retention,
        Element::RightsAndOptOut,
        Element::Contact,
        Element::Profiling,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Element::Purposes => "purposes",
            Element::Recipients => "recipients",
            Element::Retention => "retention",
            Element::RightsAndOptOut => "rights and opt-out",
            Element::Contact => "contact",
            Element::Profiling => "profiling",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Presence {
    Present,
    Missing,
    NotApplicable,
    /// A hand-written notice: Candor cannot tell from the text.
    Unknown,
}

impl Presence {
    pub fn label(self) -> &'static str {
        match self {
            Presence::Present => "present",
            Presence::Missing => "missing",
            Presence::NotApplicable => "not applicable",
            Presence::Unknown => "check by hand",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Disclosure {
    pub locale: &'static str,
    pub title: String,
    /// The generated notice. Empty when a custom text replaces it.
    pub sections: Vec<Section>,
    /// The campaign's hand-written notice, shown instead of the generated one.
    pub custom: Option<String>,
    pub completeness: Vec<(Element, Presence)>,
    pub readability: Readability,
}

impl Disclosure {
    /// The prose a visitor reads, for scoring and searching: sentences only, no headings.
    pub fn prose(&self) -> String {
        match &self.custom {
            Some(text) => text.clone(),
            None => self
                .sections
                .iter()
                .flat_map(|s| s.lines.iter().map(String::as_str))
                .collect::<Vec<_>>()
                .join(" "),
        }
    }
}

fn args<const N: usize>(pairs: [(&str, String); N]) -> [(&str, Arg); N] {
    pairs.map(|(k, v)| (k, Arg::Text(v)))
}

fn category_label(l: &Locale, category: &str) -> String {
    let key = vocab()
        .category(category)
        .map_or("data-other", |c| c.label.as_str());
    l.text(key)
}

fn duration(l: &Locale, days: u32) -> String {
    let (key, count) = match days {
        0 => return l.text("duration-visit"),
        d if d % 365 == 0 => ("duration-years", d / 365),
        d if d % 30 == 0 => ("duration-months", d / 30),
        d => ("duration-days", d),
    };
    l.text_with(key, &[("count", Arg::Count(count))])
}

/// Text a marketer typed, made safe and without a trailing full stop (the sentence adds one).
fn typed(s: &str) -> String {
    clean(s.trim()).trim_end_matches(['.', '!']).to_string()
}

/// Builds the disclosure of `campaign` in `locale`.
pub fn generate(campaign: &Campaign, l: &'static Locale) -> Disclosure {
    let c = campaign;
    let brand = typed(&c.controller.name);
    let brand = if brand.is_empty() {
        "?".to_string()
    } else {
        brand
    };
    let title = l.text_with("title", &args([("brand", brand.clone())]));
    let mut sections = Vec::new();
    let mut section = |kind, heading: &str, lines: Vec<String>| {
        if !lines.is_empty() {
            sections.push(Section {
                kind,
                heading: l.text(heading),
                lines,
            });
        }
    };

    // Optional texts the marketer typed, made safe; empty ones count as not given.
    let filled = |s: &Option<String>| s.as_deref().map(typed).filter(|s| !s.is_empty());

    // Who is asking.
    let mut who = vec![l.text_with("who-brand", &args([("brand", brand.clone())]))];
    if !c.controller.contact.trim().is_empty() {
        who.push(l.text_with(
            "who-contact",
            &args([("contact", typed(&c.controller.contact))]),
        ));
    }
    if let Some(p) = filled(&c.controller.technology_partner) {
        who.push(l.text_with("who-partner", &args([("partner", p)])));
    }
    if let Some(p) = filled(&c.controller.security_page) {
        who.push(l.text_with("who-security", &args([("page", p)])));
    }
    section(SectionKind::Who, "heading-who", who);

    // What is collected, and why.
    let what: Vec<String> = if c.data.is_empty() {
        vec![l.text("collect-nothing")]
    } else {
        c.data
            .iter()
            .map(|f| {
                let purposes: Vec<String> = f
                    .purposes
                    .iter()
                    .map(|p| {
                        l.text(
                            vocab()
                                .data_use(p)
                                .map_or("use-essential", |u| u.label.as_str()),
                        )
                    })
                    .collect();
                let data = category_label(l, &f.category);
                if purposes.is_empty() {
                    l.text_with("collect-line-no-purpose", &args([("data", data)]))
                } else {
                    l.text_with(
                        "collect-line",
                        &args([("data", data), ("purposes", l.join(&purposes))]),
                    )
                }
            })
            .collect()
    };
    section(SectionKind::What, "heading-what", what);

    // What the visitor gets.
    let ve = &c.value_exchange;
    let mut get = Vec::new();
    if let Some(offer) = filled(&ve.immediate) {
        get.push(l.text_with("get-immediate", &args([("offer", offer)])));
    }
    for b in ve
        .ongoing
        .iter()
        .map(|b| typed(b))
        .filter(|b| !b.is_empty())
    {
        get.push(l.text_with("get-ongoing", &args([("benefit", b)])));
    }
    let asks_email = c.data.iter().any(|f| f.category == "user.contact.email");
    if let Some(p) = filled(&ve.email_promise).filter(|_| asks_email) {
        get.push(l.text_with("get-email", &args([("promise", p)])));
    }
    if let Some(b) = filled(&ve.login_benefit) {
        get.push(l.text_with("get-login", &args([("benefit", b)])));
    }
    if get.is_empty() && !c.data.is_empty() {
        get.push(l.text("get-nothing"));
    }
    section(SectionKind::Get, "heading-get", get);

    // Who else receives it: the declared recipients, with what each gets.
    let mut recipients: Vec<(String, RecipientKind, Vec<String>)> = Vec::new();
    for f in &c.data {
        for r in &f.recipients {
            let label = category_label(l, &f.category);
            match recipients
                .iter_mut()
                .find(|(n, _, _)| n.eq_ignore_ascii_case(r.name.trim()))
            {
                Some((_, _, data)) => data.push(label),
                None => recipients.push((r.name.trim().to_string(), r.kind, vec![label])),
            }
        }
    }
    let rec_lines: Vec<String> = if recipients.is_empty() {
        if c.data.is_empty() {
            Vec::new()
        } else {
            vec![l.text_with("recipients-none", &args([("brand", brand.clone())]))]
        }
    } else {
        recipients
            .iter()
            .map(|(name, kind, data)| {
                let kind = l.text(&format!("kind-{}", kind.key()));
                l.text_with(
                    "recipient-line",
                    &args([
                        ("name", typed(name)),
                        ("data", l.join(data)),
                        ("kind", kind),
                    ]),
                )
            })
            .collect()
    };
    section(SectionKind::Recipients, "heading-recipients", rec_lines);

    // How long.
    let retention: Vec<String> = c
        .data
        .iter()
        .map(|f| {
            l.text_with(
                "retention-line",
                &args([
                    ("data", category_label(l, &f.category)),
                    ("duration", duration(l, f.retention_days)),
                ]),
            )
        })
        .collect();
    section(SectionKind::Retention, "heading-retention", retention);

    // On what basis, grouped.
    let mut basis_lines = Vec::new();
    for basis in LegalBasis::ALL {
        let data: Vec<String> = c
            .data
            .iter()
            .filter(|f| f.legal_basis == basis)
            .map(|f| category_label(l, &f.category))
            .collect();
        if !data.is_empty() {
            let b = l.text(&format!("basis-{}", basis.key()));
            basis_lines
                .push(l.text_with("basis-line", &args([("basis", b), ("data", l.join(&data))])));
        }
    }
    section(SectionKind::Basis, "heading-basis", basis_lines);

    // Choices.
    let mut choices = Vec::new();
    if !c.data.is_empty() {
        let late: Vec<String> = c
            .data
            .iter()
            .filter(|f| {
                f.consent != ConsentMoment::BeforeCollection && f.legal_basis == LegalBasis::Consent
            })
            .map(|f| category_label(l, &f.category))
            .collect();
        if late.is_empty() {
            choices.push(l.text("choices-consent-first"));
        } else {
            choices.push(l.text_with("choices-consent-late", &args([("data", l.join(&late))])));
        }
    }
    if profiles(c) {
        choices.push(l.text("choices-profiling"));
    }
    for o in &c.consent.opt_out {
        choices.push(match o {
            OptOut::Link(url) => l.text_with("choices-opt-out-link", &args([("url", typed(url))])),
            OptOut::PreferenceCentre(url) => {
                l.text_with("choices-opt-out-centre", &args([("url", typed(url))]))
            }
            OptOut::ReplyStop => l.text("choices-opt-out-stop"),
            OptOut::AccountSettings => l.text("choices-opt-out-account"),
        });
    }
    if c.consent.opt_out.is_empty() && !c.data.is_empty() {
        choices.push(l.text("choices-opt-out-none"));
    }
    if !c.data.is_empty() {
        choices.push(l.text("choices-rights"));
    }
    section(SectionKind::Choices, "heading-choices", choices);

    let custom = c
        .custom_disclosure
        .as_deref()
        .map(|t| crate::text::clean_multiline(t.trim()));
    let completeness = completeness(c, custom.as_deref());
    let mut d = Disclosure {
        locale: l.code,
        title,
        sections: if custom.is_some() {
            Vec::new()
        } else {
            sections
        },
        custom,
        completeness,
        readability: readability::score(readability::Counts::default(), l.formula, l.threshold),
    };
    d.readability = match &d.custom {
        Some(text) => readability::measure(text, l.formula, l.syllables, l.threshold),
        None => {
            let counts = d
                .sections
                .iter()
                .flat_map(|s| s.lines.iter())
                .fold(readability::Counts::default(), |acc, line| {
                    acc + readability::count_cached(line, l.syllables)
                });
            readability::score(counts, l.formula, l.threshold)
        }
    };
    d
}

/// Whether the campaign builds profiles: a profiling purpose or a predictive model.
fn profiles(c: &Campaign) -> bool {
    !c.models.is_empty()
        || c.data.iter().any(|f| {
            f.purposes
                .iter()
                .any(|p| p == "personalize.content.profiling")
        })
}

fn completeness(c: &Campaign, custom: Option<&str>) -> Vec<(Element, Presence)> {
    let has_data = !c.data.is_empty();
    let recipients: Vec<&str> = c
        .data
        .iter()
        .flat_map(|f| f.recipients.iter().map(|r| r.name.as_str()))
        .chain(c.activations.iter().map(|a| a.destination.as_str()))
        .collect();
    let yes_no = |ok: bool| {
        if ok {
            Presence::Present
        } else {
            Presence::Missing
        }
    };
    Element::ALL
        .into_iter()
        .map(|e| {
            let p = match (e, custom) {
                (_, _) if !has_data && e != Element::Contact => Presence::NotApplicable,
                (Element::Purposes, None) => yes_no(c.data.iter().all(|f| !f.purposes.is_empty())),
                (Element::Recipients, _) if recipients.is_empty() => Presence::NotApplicable,
                (Element::Recipients, None) => {
                    // Generated from declarations: an activation nobody declared is not told.
                    let declared: Vec<&str> = c
                        .data
                        .iter()
                        .flat_map(|f| f.recipients.iter().map(|r| r.name.as_str()))
                        .collect();
                    yes_no(recipients.iter().all(|r| {
                        declared
                            .iter()
                            .any(|d| d.trim().eq_ignore_ascii_case(r.trim()))
                    }))
                }
                (Element::Recipients, Some(text)) => {
                    let t = text.to_lowercase();
                    yes_no(
                        recipients
                            .iter()
                            .all(|r| t.contains(&r.trim().to_lowercase())),
                    )
                }
                (Element::Retention, None) => Presence::Present,
                (Element::RightsAndOptOut, None) => yes_no(!c.consent.opt_out.is_empty()),
                (Element::Contact, None) => yes_no(!c.controller.contact.trim().is_empty()),
                (Element::Contact, Some(text)) => {
                    let contact = c.controller.contact.trim();
                    yes_no(!contact.is_empty() && text.contains(contact))
                }
                (Element::Profiling, _) if !profiles(c) => Presence::NotApplicable,
                (Element::Profiling, None) => Presence::Present,
                (_, Some(_)) => Presence::Unknown,
            };
            (e, p)
        })
        .collect()
}

/// The disclosure in every language the campaign offers that Candor knows.
pub fn generate_all(campaign: &Campaign) -> Vec<Disclosure> {
    campaign
        .locales
        .iter()
        .filter_map(|code| locale(code))
        .map(|l| generate(campaign, l))
        .collect()
}
