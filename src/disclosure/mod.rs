//! What a visitor reads: the plain-language disclosure generated from a campaign's own
//! declarations, in the visitor's language, with its readability and completeness; and the
//! value exchange. Pure functions of a campaign, returning plain data the screens and tests use.

pub mod locale;
pub mod readability;
pub mod render;
pub mod value_exchange;
pub mod why;

use crate::model::vocab::vocab;
use crate::model::{
    Campaign, Channel, Collection, ConsentMoment, DataMap, LegalBasis, OptOut, RecipientKind, Text,
    ZoneKind, data_map,
};
use crate::text::clean;

pub use locale::{Arg, Locale, locale, locales};
pub use readability::Readability;
pub use value_exchange::{ValueExchangeView, Verdict, value_exchange, value_exchange_with};
pub use why::ZoneWhy;

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
    /// Where data came from when the person did not give it.
    Sources,
    /// The authority a visitor can complain to.
    Complaint,
}

impl Element {
    pub const ALL: [Element; 8] = [
        Element::Purposes,
        Element::Recipients,
        Element::Retention,
        Element::RightsAndOptOut,
        Element::Contact,
        Element::Profiling,
        Element::Sources,
        Element::Complaint,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Element::Purposes => "purposes",
            Element::Recipients => "recipients",
            Element::Retention => "retention",
            Element::RightsAndOptOut => "rights and opt-out",
            Element::Contact => "contact",
            Element::Profiling => "profiling",
            Element::Sources => "sources",
            // The notice always says a visitor can complain; what can be missing is the
            // authority's name, so that is what the label says.
            Element::Complaint => "authority named",
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

/// A typed text that appears in a notice in another language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Foreign {
    pub text: String,
    pub lang: &'static str,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Disclosure {
    pub locale: &'static str,
    pub title: String,
    /// The generated notice. Empty when a custom text replaces it.
    pub sections: Vec<Section>,
    /// The campaign's hand-written notice, shown instead of the generated one.
    pub custom: Option<String>,
    /// The language the custom notice is written in: this notice's, or the campaign's first
    /// language when it has no text in this one.
    pub custom_lang: &'static str,
    /// Typed texts shown in another language than the notice's, because no translation exists.
    pub foreign: Vec<Foreign>,
    /// "Why am I seeing this?" for each zone, from the conditions that let a person in.
    pub why: Vec<ZoneWhy>,
    /// The heading above the zones' explanations, in this language.
    pub why_heading: String,
    /// The question a visitor clicks to open one zone's explanation.
    pub why_question: String,
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

/// A retention of 0 days is one nobody set, which the notice says in words of its own, so a
/// length here is never 0.
fn duration(l: &Locale, days: std::num::NonZeroU32) -> String {
    let (key, count) = match days.get() {
        d if d % 365 == 0 => ("duration-years", d / 365),
        d if d % 30 == 0 => ("duration-months", d / 30),
        d => ("duration-days", d),
    };
    l.text_with(
        key,
        &[
            ("count", Arg::Count(count)),
            ("n", Arg::Text(l.count_words(count))),
        ],
    )
}

/// Text a marketer typed, made safe and without a trailing full stop (the sentence adds one).
fn typed(s: &str) -> String {
    clean(s.trim()).trim_end_matches('.').to_string()
}

/// Adds `item` to the group keyed `key`, keeping first-seen order and leaving out repeats.
fn group(groups: &mut Vec<(String, Vec<String>)>, key: String, item: String) {
    match groups.iter_mut().find(|(k, _)| *k == key) {
        Some((_, items)) if items.contains(&item) => {}
        Some((_, items)) => items.push(item),
        None => groups.push((key, vec![item])),
    }
}

/// A sentence around typed text that ends in its own question or exclamation mark does not
/// take the template's full stop as well: "Right away: great news?" not "great news?.".
fn close_sentence(line: String) -> String {
    if line.contains("?.") || line.contains("!.") {
        line.replace("?.", "?").replace("!.", "!")
    } else {
        line
    }
}

/// Builds the disclosure of `campaign` in `locale`.
pub fn generate(campaign: &Campaign, l: &'static Locale) -> Disclosure {
    generate_with(campaign, &data_map(campaign), l)
}

/// Builds the disclosure from a data map already worked out for `campaign`.
pub fn generate_with(campaign: &Campaign, map: &DataMap, l: &'static Locale) -> Disclosure {
    build(campaign, map, l, true)
}

/// The notice and its scores without the zones' explanations, which no check reads: writing
/// them for every language of a thousand-condition audience is most of the work.
fn build(campaign: &Campaign, map: &DataMap, l: &'static Locale, with_why: bool) -> Disclosure {
    let c = campaign;
    let brand = typed(&c.controller.name);
    let brand = if brand.is_empty() {
        "?".to_string()
    } else {
        brand
    };
    // Read but not declared: told all the same, with nothing promised about them.
    let undeclared: Vec<&str> = map.undeclared(c).map(|u| u.category.as_str()).collect();
    let handles_data = !c.data.is_empty() || !map.is_empty();
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
    let partner = filled(&c.controller.technology_partner);

    // Who is asking.
    let mut who = vec![l.text_with("who-brand", &args([("brand", brand.clone())]))];
    if !c.controller.contact.trim().is_empty() {
        // One writes to an address, and goes to a page: the languages word them apart.
        let contact = c.controller.contact.trim();
        let kind = if contact.contains('@') && !contact.contains("://") {
            "email"
        } else {
            "web"
        };
        who.push(l.text_with(
            "who-contact",
            &args([("contact", typed(contact)), ("kind", kind.to_string())]),
        ));
    }
    if let Some(p) = &partner {
        who.push(l.text_with("who-partner", &args([("partner", p.clone())])));
    }
    if let Some(p) = filled(&c.controller.security_page) {
        who.push(l.text_with("who-security", &args([("page", p)])));
    }
    section(SectionKind::Who, "heading-who", who);

    // What is collected or read, and why.
    // Fields whose purposes read the same share one sentence: "We collect your email address
    // and your first name to send you emails", not one near-identical sentence each.
    let mut by_purpose: Vec<(String, Vec<String>)> = Vec::new();
    for f in &c.data {
        let topic = vocab()
            .category(f.category.trim())
            .map_or("other", |d| d.topic.as_str());
        let purposes: Vec<String> = f
            .purposes
            .iter()
            .map(|p| {
                let key = vocab()
                    .data_use(p)
                    .map_or("use-essential", |u| u.label.as_str());
                let topic = if key == "use-personalize-limited" {
                    limited_topic(map, &f.category, topic)
                } else {
                    topic
                };
                l.text_with(key, &[("topic", Arg::Text(topic.to_string()))])
            })
            .collect();
        group(
            &mut by_purpose,
            l.join(&purposes),
            category_label(l, &f.category),
        );
    }
    let mut what: Vec<String> = by_purpose
        .into_iter()
        .map(|(purposes, data)| {
            let data = l.join(&data);
            if purposes.is_empty() {
                l.text_with("collect-line-no-purpose", &args([("data", data)]))
            } else {
                l.text_with(
                    "collect-line",
                    &args([("data", data), ("purposes", purposes)]),
                )
            }
        })
        .collect();
    if !undeclared.is_empty() {
        let data: Vec<String> = undeclared.iter().map(|c| category_label(l, c)).collect();
        what.push(l.text_with("collect-line-undeclared", &args([("data", l.join(&data))])));
    }
    // Imported data, one sentence per source (and one for what came from a source not yet
    // told), not the same sentence again for each field.
    let mut by_source: Vec<(String, Vec<String>)> = Vec::new();
    for f in c
        .data
        .iter()
        .filter(|f| f.collected_by == Collection::Import)
    {
        let source = filled(&f.source).unwrap_or_default();
        group(&mut by_source, source, category_label(l, &f.category));
    }
    for (source, data) in by_source {
        let data = l.join(&data);
        what.push(if source.is_empty() {
            l.text_with("collect-source-unknown", &args([("data", data)]))
        } else {
            l.text_with(
                "collect-source",
                &args([("data", data), ("source", source)]),
            )
        });
    }
    if map.builds_profile(c) {
        what.push(profile_line(c, map, l));
    }
    if !handles_data {
        what.push(l.text("collect-nothing"));
    }
    section(SectionKind::What, "heading-what", what);

    // What the visitor gets, in the visitor's language; a text not yet translated is shown in
    // the campaign's first language and says so.
    let ve = &c.value_exchange;
    let first = c.first_locale();
    let mut foreign: Vec<Foreign> = Vec::new();
    let mut typed_text =
        |t: Option<&Text>| t.and_then(|t| in_notice_language(t, l, first, &mut foreign));
    let mut get = Vec::new();
    if let Some(offer) = typed_text(ve.immediate.as_ref()) {
        get.push(close_sentence(
            l.text_with("get-immediate", &args([("offer", offer)])),
        ));
    }
    for b in &ve.ongoing {
        if let Some(b) = typed_text(Some(b)) {
            get.push(close_sentence(
                l.text_with("get-ongoing", &args([("benefit", b)])),
            ));
        }
    }
    let asks_email = c.data.iter().any(|f| f.category == "user.contact.email")
        || map.get("user.contact.email").is_some();
    if asks_email && let Some(p) = typed_text(ve.email_promise.as_ref()) {
        get.push(close_sentence(
            l.text_with("get-email", &args([("promise", p)])),
        ));
    }
    if let Some(b) = typed_text(ve.login_benefit.as_ref()) {
        get.push(close_sentence(
            l.text_with("get-login", &args([("benefit", b)])),
        ));
    }
    if get.is_empty() && handles_data {
        get.push(l.text("get-nothing"));
    }
    section(SectionKind::Get, "heading-get", get);

    // Who else receives it: the technology partner, then the declared recipients with what
    // each gets. "Nobody outside" is said only when that is true.
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
    let mut rec_lines = Vec::new();
    if handles_data && let Some(p) = &partner {
        rec_lines.push(l.text_with("recipient-partner", &args([("partner", p.clone())])));
    }
    for (name, kind, data) in &recipients {
        let kind = l.text(&format!("kind-{}", kind.key()));
        rec_lines.push(l.text_with(
            "recipient-line",
            &args([
                ("name", typed(name)),
                ("data", l.join(data)),
                ("kind", kind),
            ]),
        ));
    }
    if recipients.is_empty() && handles_data {
        // With a partner, the partner is named again: "nobody else" right after it read as
        // if the partner were inside the brand.
        let line = match &partner {
            Some(p) => l.text_with(
                "recipients-none-else",
                &args([("brand", brand.clone()), ("partner", p.clone())]),
            ),
            None => l.text_with("recipients-none", &args([("brand", brand.clone())])),
        };
        rec_lines.push(line);
    }
    section(SectionKind::Recipients, "heading-recipients", rec_lines);

    // How long.
    // A retention of 0 days is one nobody set (retention-over-limit says so): it is told as
    // not yet said, never as a reassuring length.
    let mut by_duration: Vec<(String, Vec<String>)> = Vec::new();
    for f in &c.data {
        if let Some(days) = std::num::NonZeroU32::new(f.retention_days) {
            group(
                &mut by_duration,
                duration(l, days),
                category_label(l, &f.category),
            );
        }
    }
    let mut retention: Vec<String> = by_duration
        .into_iter()
        .map(|(duration, data)| {
            l.text_with(
                "retention-line",
                &args([("data", l.join(&data)), ("duration", duration)]),
            )
        })
        .collect();
    let unset: Vec<String> = c
        .data
        .iter()
        .filter(|f| f.retention_days == 0)
        .map(|f| category_label(l, &f.category))
        .chain(undeclared.iter().map(|c| category_label(l, c)))
        .collect();
    if !unset.is_empty() {
        retention.push(l.text_with("retention-unknown", &args([("data", l.join(&unset))])));
    }
    section(SectionKind::Retention, "heading-retention", retention);

    // On what basis, grouped, as the campaign really has it (see `basis_shown`).
    let mut bases: Vec<BasisShown> = c.data.iter().map(|f| basis_shown(c, f)).collect();
    bases.sort();
    bases.dedup();
    let mut basis_lines = Vec::new();
    for basis in bases {
        let data: Vec<String> = c
            .data
            .iter()
            .filter(|f| basis_shown(c, f) == basis)
            .map(|f| category_label(l, &f.category))
            .collect();
        let b = l.text(&basis.message());
        basis_lines.push(l.text_with("basis-line", &args([("basis", b), ("data", l.join(&data))])));
    }
    section(SectionKind::Basis, "heading-basis", basis_lines);

    // Choices. "We ask you before we collect anything" only when everything rests on a yes
    // asked for first; otherwise the notice names what is asked for first, and what is not.
    let mut choices = Vec::new();
    if !c.data.is_empty() {
        let on_consent = |f: &&crate::model::DataField| {
            basis_shown(c, f) == BasisShown::Declared(LegalBasis::Consent)
        };
        let late: Vec<String> = c
            .data
            .iter()
            .filter(on_consent)
            .filter(|f| f.consent != ConsentMoment::BeforeCollection)
            .map(|f| category_label(l, &f.category))
            .collect();
        // Imported data was not collected from the visitor, so "we ask you before we collect"
        // cannot be said of it (the notice says where it came from instead).
        let first: Vec<String> = c
            .data
            .iter()
            .filter(on_consent)
            .filter(|f| f.consent == ConsentMoment::BeforeCollection)
            .filter(|f| f.collected_by != Collection::Import)
            .map(|f| category_label(l, &f.category))
            .collect();
        if !late.is_empty() {
            choices.push(l.text_with("choices-consent-late", &args([("data", l.join(&late))])));
        }
        if first.len() == c.data.len() && undeclared.is_empty() {
            choices.push(l.text("choices-consent-first"));
        } else if !first.is_empty() {
            choices.push(l.text_with(
                "choices-consent-first-some",
                &args([("data", l.join(&first))]),
            ));
        }
    }
    if !undeclared.is_empty() {
        let data: Vec<String> = undeclared.iter().map(|c| category_label(l, c)).collect();
        choices.push(l.text_with("choices-consent-unknown", &args([("data", l.join(&data))])));
    }
    // A preference centre and the account settings both change the visitor's choices: one
    // sentence names both, rather than two saying the same thing.
    let opt_outs = &c.consent.opt_out;
    let centre_and_account = opt_outs.contains(&OptOut::AccountSettings)
        && opt_outs
            .iter()
            .any(|o| matches!(o, OptOut::PreferenceCentre(_)));
    let mut account_told = false;
    for o in opt_outs {
        choices.push(match o {
            OptOut::Link(url) => l.text_with("choices-opt-out-link", &args([("url", typed(url))])),
            OptOut::PreferenceCentre(url) if centre_and_account && !account_told => {
                account_told = true;
                l.text_with(
                    "choices-opt-out-centre-or-account",
                    &args([("url", typed(url))]),
                )
            }
            OptOut::PreferenceCentre(url) => {
                l.text_with("choices-opt-out-centre", &args([("url", typed(url))]))
            }
            OptOut::ReplyStop => l.text("choices-opt-out-stop"),
            OptOut::AccountSettings if centre_and_account => continue,
            OptOut::AccountSettings => l.text("choices-opt-out-account"),
        });
    }
    if handles_data {
        if c.consent.opt_out.is_empty() {
            choices.push(l.text("choices-opt-out-none"));
        } else if c.data.iter().any(|f| f.legal_basis == LegalBasis::Consent) {
            // Only where there is a way to do it: a notice must not promise what it lacks.
            choices.push(l.text("choices-withdraw"));
        }
        choices.push(l.text("choices-rights"));
        choices.push(match filled(&c.controller.authority) {
            Some(a) => l.text_with("choices-complain", &args([("authority", a)])),
            None => l.text("choices-complain-any"),
        });
    }
    section(SectionKind::Choices, "heading-choices", choices);

    // A hand-written notice, in the visitor's language or, failing that, the first language.
    let custom_in = c
        .custom_disclosure
        .as_ref()
        .and_then(|t| t.resolve(l.code, first));
    let custom = custom_in.map(|t| crate::text::clean_multiline(t.text.trim()));
    let custom_lang = custom_in.map_or(l.code, |t| locale(t.lang).map_or(l.code, |x| x.code));
    let completeness = completeness(c, map, custom.as_deref());
    let mut d = Disclosure {
        locale: l.code,
        title,
        sections: if custom.is_some() {
            Vec::new()
        } else {
            sections
        },
        custom,
        custom_lang,
        foreign,
        why: if with_why {
            why::explain(c, map, l)
        } else {
            Vec::new()
        },
        why_heading: l.text("heading-why"),
        why_question: l.text("why-question"),
        completeness,
        readability: readability::score(readability::Counts::default(), l.formula, l.threshold),
    };
    d.readability = match &d.custom {
        // A custom text is scored as what it is: in its own language, by that language's rule.
        Some(text) => {
            let own = locale(d.custom_lang).unwrap_or(l);
            readability::measure(text, own.formula, own.syllables, own.threshold)
        }
        None => {
            let mut counts = d
                .sections
                .iter()
                .flat_map(|s| s.lines.iter())
                .fold(readability::Counts::default(), |acc, line| {
                    acc + readability::count_cached(line, l.syllables)
                });
            // Typed text in another language has its syllables counted by that language's rule.
            for f in &d.foreign {
                if let Some(own) = locale(f.lang) {
                    let as_notice = readability::count(&f.text, l.syllables).syllables;
                    let as_own = readability::count(&f.text, own.syllables).syllables;
                    counts.syllables = counts.syllables.saturating_sub(as_notice) + as_own;
                }
            }
            readability::score(counts, l.formula, l.threshold)
        }
    };
    d
}

/// A typed text as the notice of `l` shows it: the visitor's own language, or the campaign's
/// first language marked with its name ("10% off (en inglés)") and recorded in `foreign`, so
/// HTML can tag it for screen readers and readability can count it in its own language.
fn in_notice_language(
    t: &Text,
    l: &Locale,
    first: &str,
    foreign: &mut Vec<Foreign>,
) -> Option<String> {
    let found = t.resolve(l.code, first)?;
    let text = typed(found.text);
    if text.is_empty() {
        return None;
    }
    if found.lang == l.code {
        return Some(l.typeset(&text));
    }
    let lang = locale(found.lang).map_or("", |x| x.code);
    if !lang.is_empty() && !foreign.iter().any(|f| f.text == text) {
        foreign.push(Foreign {
            text: text.clone(),
            lang,
        });
    }
    Some(l.text_with(
        "foreign-text",
        &args([
            ("text", text),
            ("language", l.text(&format!("language-{}", found.lang))),
        ]),
    ))
}

/// The topic a limited personalization is worded for. The data's own kind words it ("to show
/// you products like the ones you viewed" for browsing) only where the campaign does that with
/// it: a recipe or a zone that shows it, or, for what the visitor did (searches, cart,
/// preferences, emails read), a condition that picks what they see. Otherwise the specific
/// purpose would be untrue (products for a banner that shows none; "to greet you by name" with
/// a name nothing shows), and the notice says what is: "to choose what we show you". Purchases
/// read only to leave bought items out of suggestions say that.
fn limited_topic<'t>(map: &DataMap, category: &str, topic: &'t str) -> &'t str {
    use crate::model::datamap::Source;
    let places: Vec<_> = map
        .uses
        .iter()
        .filter(|u| crate::model::vocab::covers(category.trim(), &u.category))
        .flat_map(|u| &u.places)
        .collect();
    let shown = places
        .iter()
        .any(|p| matches!(p.source, Source::Zone | Source::Recipe));
    let picks = places.iter().any(|p| p.source == Source::Audience);
    let fits = match topic {
        "browsing" | "purchases" | "saved" | "location" | "name" => shown,
        "cart" | "searches" | "preferences" | "engagement" => shown || picks,
        _ => true,
    };
    if fits {
        topic
    } else if topic == "purchases" && places.iter().any(|p| p.source == Source::RecipeExclusion) {
        "purchases-left-out"
    } else {
        "personal"
    }
}

/// The purpose a declaration gives to data used to build a profile.
const PROFILING: &str = "personalize.content.profiling";

/// How the campaign builds a profile from behaviour, from what, and what that decides.
fn profile_line(c: &Campaign, map: &DataMap, l: &Locale) -> String {
    // What the campaign reads to build the profile, then what its declarations say is for
    // profiling: purchases declared for it are in the profile even when only a recipe reads
    // them.
    let read = map
        .uses
        .iter()
        .filter(|u| u.builds_profile())
        .map(|u| u.category.as_str());
    let declared = c
        .data
        .iter()
        .filter(|f| f.purposes.iter().any(|p| p == PROFILING))
        .map(|f| f.category.as_str());
    let mut data: Vec<String> = Vec::new();
    for category in read.chain(declared) {
        let label = category_label(l, category);
        if !data.contains(&label) {
            data.push(label);
        }
    }
    if data.is_empty() {
        data.push(l.text("profile-what-you-do"));
    }
    // What the profile decides, from the zones it fills and the channels it reaches.
    let zones = c.zones.iter().filter_map(|z| match z.kind {
        ZoneKind::Banner | ZoneKind::PopUp => Some("decides-offers"),
        ZoneKind::Recommendations => Some("decides-products"),
        ZoneKind::EmailBlock => Some("decides-emails"),
        ZoneKind::ProgressiveForm => Some("decides-questions"),
        ZoneKind::Form
        | ZoneKind::RecentlyViewed
        | ZoneKind::PurchaseHistory
        | ZoneKind::SavedItems => None,
    });
    let email = c
        .channels
        .contains(&Channel::Email)
        .then_some("decides-emails");
    // An audience sent to an ad platform decides the ads shown elsewhere.
    let ads = c
        .activations
        .iter()
        .any(|a| a.kind == RecipientKind::AdPlatform)
        .then_some("decides-ads");
    let mut decides: Vec<&str> = Vec::new();
    for key in zones.chain(email).chain(ads) {
        if !decides.contains(&key) {
            decides.push(key);
        }
    }
    if decides.is_empty() {
        decides.push("decides-content");
    }
    let decides: Vec<String> = decides.into_iter().map(|k| l.text(k)).collect();
    let line = l.text_with(
        "profile-line",
        &args([("data", l.join(&data)), ("decides", l.join(&decides))]),
    );
    // A lookalike model does not work out what the visitor wants: it scores how much they
    // resemble the customers it was built on, and the notice says so.
    if c.models
        .iter()
        .any(|m| m.kind == crate::model::ModelKind::Lookalike)
    {
        format!("{line} {}", l.text("profile-lookalike"))
    } else {
        line
    }
}

/// Whether the campaign builds profiles: a profiling purpose, a predictive model, or behaviour
/// read over time.
fn profiles(c: &Campaign, map: &DataMap) -> bool {
    map.builds_profile(c)
        || c.data
            .iter()
            .any(|f| f.purposes.iter().any(|p| p == PROFILING))
}

fn completeness(c: &Campaign, map: &DataMap, custom: Option<&str>) -> Vec<(Element, Presence)> {
    let has_data = !c.data.is_empty() || !map.is_empty();
    let all_declared = map.undeclared(c).next().is_none();
    let recipients: Vec<&str> = c
        .data
        .iter()
        .flat_map(|f| f.recipients.iter().map(|r| r.name.as_str()))
        .chain(c.activations.iter().map(|a| a.destination.as_str()))
        .collect();
    let imported: Vec<&crate::model::DataField> = c
        .data
        .iter()
        .filter(|f| f.collected_by == Collection::Import)
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
                (Element::Purposes, None) => {
                    yes_no(all_declared && c.data.iter().all(|f| !f.purposes.is_empty()))
                }
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
                (Element::Retention, None) => {
                    yes_no(all_declared && c.data.iter().all(|f| f.retention_days > 0))
                }
                (Element::RightsAndOptOut, None) => yes_no(!c.consent.opt_out.is_empty()),
                (Element::Contact, None) => yes_no(!c.controller.contact.trim().is_empty()),
                (Element::Contact, Some(text)) => {
                    let contact = c.controller.contact.trim();
                    yes_no(!contact.is_empty() && text.contains(contact))
                }
                (Element::Profiling, _) if !profiles(c, map) => Presence::NotApplicable,
                (Element::Profiling, None) => Presence::Present,
                (Element::Sources, _) if imported.is_empty() => Presence::NotApplicable,
                (Element::Sources, None) => yes_no(
                    imported
                        .iter()
                        .all(|f| f.source.as_deref().is_some_and(|s| !s.trim().is_empty())),
                ),
                (Element::Complaint, None) => yes_no(
                    c.controller
                        .authority
                        .as_deref()
                        .is_some_and(|a| !a.trim().is_empty()),
                ),
                (_, Some(_)) => Presence::Unknown,
            };
            (e, p)
        })
        .collect()
}

/// The legal basis the notice gives for a field, in the order the notice lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum BasisShown {
    Declared(LegalBasis),
    /// The address of a campaign that emails on an earlier purchase.
    EmailSoftOptIn,
    /// The address of a campaign that emails people it never asked.
    EmailNotAsked,
}

impl BasisShown {
    fn message(self) -> String {
        match self {
            BasisShown::Declared(b) => format!("basis-{}", b.key()),
            BasisShown::EmailSoftOptIn => "basis-email-soft-opt-in".into(),
            BasisShown::EmailNotAsked => "basis-email-not-asked".into(),
        }
    }
}

/// The legal basis the notice gives for field `f`: the one declared, except for the address of
/// a campaign that emails people without their explicit yes. Whatever its field says, that
/// address was not given "because you said yes", and the notice must not say so
/// (`email-without-permission` reports the campaign; the notice tells the truth meanwhile).
fn basis_shown(c: &Campaign, f: &crate::model::DataField) -> BasisShown {
    let permission = c.consent.email_permission;
    if c.sends_email()
        && f.category.trim() == "user.contact.email"
        && f.legal_basis == LegalBasis::Consent
        && !permission.is_some_and(|p| p.is_explicit())
    {
        return match permission {
            Some(crate::model::EmailPermission::SoftOptIn) => BasisShown::EmailSoftOptIn,
            _ => BasisShown::EmailNotAsked,
        };
    }
    BasisShown::Declared(f.legal_basis)
}

/// The disclosure in every language the campaign offers that Candor knows, without the
/// zones' "why" explanations: what the checks read.
pub fn notices_for_checks(campaign: &Campaign, map: &DataMap) -> Vec<Disclosure> {
    campaign
        .locales
        .iter()
        .filter_map(|code| locale(code))
        .map(|l| build(campaign, map, l, false))
        .collect()
}
