//! The check engine: a pure function from a campaign to findings. One file per rule in `rules/`,
//! each with its explanation beside the code (what `candor explain ID` prints); [`RULES`] lists
//! them. Rule ids are a public interface: never rename one.

pub mod files;
pub mod fixes;
pub mod rules;
pub mod settings;
mod waivers;

use std::fmt;

use serde::Serialize;

use crate::disclosure::{Disclosure, ValueExchangeView, notices_for_checks, value_exchange_with};
use crate::model::vocab::{AttributeDef, Vocabulary, vocab};
use crate::model::{Campaign, Condition, DataMap, Document, Operator, Pos, Status, data_map};

pub use fixes::Fix;
pub use rules::RULES;
pub use settings::Settings;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn label(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    /// The severity as a capitalised word, for screens where it must read without colour.
    pub fn word(self) -> &'static str {
        match self {
            Severity::Info => "NOTE",
            Severity::Warning => "WARNING",
            Severity::Error => "ERROR",
        }
    }

    /// A mark readable without colour.
    pub fn symbol(self) -> &'static str {
        match self {
            Severity::Info => "i",
            Severity::Warning => "!",
            Severity::Error => "x",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// The four risks every rule traces back to (DOMAIN.md, principle 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Risk {
    /// Breaches and careless handling.
    Security,
    /// Data collected, shared or used in ways people did not expect.
    UnexpectedUse,
    /// Personalization that feels invasive or unwanted.
    Invasive,
    /// Hidden bias from leaning on who people are instead of what they do.
    Bias,
}

impl Risk {
    pub fn label(self) -> &'static str {
        match self {
            Risk::Security => "security incidents",
            Risk::UnexpectedUse => "data used in ways people did not expect",
            Risk::Invasive => "personalization that feels invasive or unwanted",
            Risk::Bias => "hidden bias from demographic targeting",
        }
    }
}

/// A rule: its stable id, what it guards against, its explanation and its check.
pub struct Rule {
    pub id: &'static str,
    pub severity: Severity,
    pub risk: Risk,
    /// One line for `candor explain --list`.
    pub summary: &'static str,
    /// The long explanation: what it checks, why, a bad and a good example, the fix.
    pub explanation: &'static str,
    pub check: fn(&Context, &mut Vec<Finding>),
    /// Whether the editor shows this rule's audience findings at once, in the warning banner
    /// above the audience (targeting problems a marketer should see as they choose).
    pub instant: bool,
    /// Whether the fix is an intent condition in place of what the finding is about (or
    /// beside a demographic-only audience), which the editor's `f` can apply.
    pub intent_advice: bool,
    /// Whether a waiver in the campaign may accept its findings. Rules on what the law forbids
    /// outright are not.
    pub waivable: bool,
    /// The change that resolves a finding, which `candor check --fix` applies.
    pub fix: Option<Fix>,
}

impl fmt::Debug for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Rule").field("id", &self.id).finish()
    }
}

impl Rule {
    /// One section of the explanation (the text under `## heading`), its lines joined into one
    /// paragraph; example code is left out.
    pub fn section(&self, heading: &str) -> Option<String> {
        let start = self.explanation.find(&format!("## {heading}\n"))? + heading.len() + 4;
        let body = &self.explanation[start..];
        let body = &body[..body.find("\n## ").unwrap_or(body.len())];
        let text: Vec<&str> = body
            .lines()
            .filter(|l| !l.starts_with("    "))
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        (!text.is_empty()).then(|| text.join(" "))
    }
}

impl Rule {
    /// "fix", "unsafe fix" or "-", for `candor explain --list`.
    pub fn fix_label(&self) -> &'static str {
        match self.fix {
            Some(f) if f.safe => "fix",
            Some(_) => "unsafe fix",
            None => "-",
        }
    }

    /// Whether `candor check --fix` resolves its findings, in a sentence.
    pub fn fix_sentence(&self) -> String {
        match self.fix {
            Some(f) if f.safe => format!("Fixable: `candor check --fix` {}.", f.summary),
            Some(f) => format!(
                "Fixable with care: `candor check --fix --unsafe-fixes` {}; look at it with --diff first.",
                f.summary
            ),
            None => "No automatic fix: the change needs a person's judgement.".to_string(),
        }
    }

    /// The rule's page, as `docs/rules/ID.md` holds it and finding links point to.
    pub fn markdown(&self) -> String {
        let mut body = String::new();
        for line in self.explanation.lines() {
            // The explanation's examples are indented four spaces: Markdown code already.
            match line.strip_prefix("## ") {
                Some(h) => body.push_str(&format!("## {h}")),
                None => body.push_str(line),
            }
            body.push('\n');
        }
        let waivable = if self.waivable {
            "A waiver in the campaign can accept its findings."
        } else {
            "Cannot be waived: a waiver in the campaign does not accept its findings."
        };
        format!(
            "<!-- Written by `candor explain --write-docs docs/rules`; edit the rule's source instead. -->\n# {}\n\n{}\n\nSeverity by default: {}. Guards against: {}.\n{}\n{}\n\n{body}",
            self.id,
            self.summary,
            self.severity,
            self.risk.label(),
            self.fix_sentence(),
            waivable,
        )
    }
}

pub fn rule(id: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.id == id)
}

/// One thing a rule found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub rule: &'static str,
    pub severity: Severity,
    pub message: String,
    /// A readable path into the campaign, such as `audience.all[1].attribute`.
    pub location: String,
    /// What to do instead.
    pub hint: String,
    /// Line and column in the RON file, when the campaign came from one.
    #[serde(skip)]
    pub pos: Option<Pos>,
    /// The waiver that accepts it, if one does: it is still reported, but no longer counts.
    pub waived: Option<Waived>,
}

/// Why a finding is accepted, and by whom, from the campaign's waiver.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Waived {
    pub reason: String,
    pub accepted_by: String,
    pub expires: Option<String>,
    /// Where the waiver is in the campaign: `waivers[0]`.
    pub waiver: String,
}

impl Waived {
    /// "waived by Ana until 2027-06-30: the partner's contract ends then".
    pub fn describe(&self) -> String {
        let until = match &self.expires {
            Some(d) => format!(" until {d}"),
            None => String::new(),
        };
        format!("waived by {}{until}: {}", self.accepted_by, self.reason)
    }
}

impl Finding {
    pub fn new(
        rule: &Rule,
        location: impl Into<String>,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) -> Finding {
        Finding {
            rule: rule.id,
            severity: rule.severity,
            message: message.into(),
            location: location.into(),
            hint: hint.into(),
            pos: None,
            waived: None,
        }
    }

    /// Whether it counts toward the exit code and the review gate: it is not waived.
    pub fn counts(&self) -> bool {
        self.waived.is_none()
    }

    pub fn with_severity(mut self, severity: Severity) -> Finding {
        self.severity = severity;
        self
    }
}

/// What a rule may look at: the campaign and what other layers computed from it.
pub struct Context<'a> {
    pub campaign: &'a Campaign,
    pub vocab: &'static Vocabulary,
    /// Every category the campaign reads, where and how.
    pub data_map: DataMap,
    pub value_exchange: ValueExchangeView,
    /// The disclosure in each of the campaign's languages (without the zones' explanations).
    pub disclosures: Vec<Disclosure>,
    /// The project's settings (retention limits, languages, minors).
    pub settings: &'a Settings,
    /// The day waivers and dates are judged against.
    pub today: time::Date,
    /// See [`Context::targeting_inputs`]; worked out once, as several rules read it.
    inputs: Vec<Input<'a>>,
}

impl<'a> Context<'a> {
    pub fn new(campaign: &'a Campaign) -> Context<'a> {
        Context::with_map(campaign, data_map(campaign))
    }

    /// A context for a data map the caller already worked out for `campaign`.
    pub fn with_map(campaign: &'a Campaign, map: DataMap) -> Context<'a> {
        Context::with_settings(campaign, map, Settings::defaults())
    }

    /// A context for a project's settings.
    pub fn with_settings(
        campaign: &'a Campaign,
        map: DataMap,
        settings: &'a Settings,
    ) -> Context<'a> {
        Context {
            campaign,
            settings,
            today: today(),
            vocab: vocab(),
            value_exchange: value_exchange_with(campaign, &map),
            disclosures: notices_for_checks(campaign, &map),
            inputs: inputs(campaign, vocab()),
            data_map: map,
        }
    }

    /// Whether people under 18 use the service, by the campaign or the project's settings.
    pub fn used_by_minors(&self) -> bool {
        self.campaign.used_by_minors || self.settings.used_by_minors
    }

    /// Whether the campaign collects or reads any personal data, declared or not.
    pub fn handles_data(&self) -> bool {
        !self.campaign.data.is_empty() || !self.data_map.is_empty()
    }

    /// Every attribute that drives targeting: audience conditions (exclusions included) and
    /// model features, with the vocabulary entry and written justification of each.
    pub fn targeting_inputs(&self) -> &[Input<'a>] {
        &self.inputs
    }
}

fn inputs<'a>(campaign: &'a Campaign, vocab: &'static Vocabulary) -> Vec<Input<'a>> {
    let mut out = Vec::new();
    for cond in campaign.conditions() {
        if let Condition::Attribute(a) = cond.condition
            && let Some(def) = vocab.attribute(&a.attribute)
        {
            out.push(Input {
                path: format!("{}.attribute", cond.path),
                def,
                operator: Some(a.operator),
                value: Some(a.value.as_str()),
                reason: a.reason.as_deref(),
                justification: a.justification.as_deref(),
                negated: cond.negated,
                model: None,
            });
        }
    }
    for (m, model) in campaign.models.iter().enumerate() {
        for (f, feature) in model.features.iter().enumerate() {
            // A feature names an attribute, or the data category the attribute is read from:
            // both spellings meet the same rules. A broad category reads every attribute in it.
            let input = feature.input.trim();
            let defs: Vec<&'static AttributeDef> = match vocab.attribute(input) {
                Some(def) => vec![def],
                None if input.is_empty() => Vec::new(),
                None => vocab.attributes_in(input).collect(),
            };
            for def in defs {
                out.push(Input {
                    path: format!("models[{m}].features[{f}].input"),
                    def,
                    operator: None,
                    value: None,
                    reason: feature.reason.as_deref(),
                    justification: feature.justification.as_deref(),
                    negated: false,
                    model: Some(model.name.as_str()),
                });
            }
        }
    }
    out
}

/// An attribute used for targeting, in an audience condition or as a model feature.
#[derive(Debug, Clone)]
pub struct Input<'a> {
    pub path: String,
    pub def: &'static AttributeDef,
    pub operator: Option<Operator>,
    pub value: Option<&'a str>,
    /// The kind of reason given, and the team's words for it.
    pub reason: Option<&'a str>,
    pub justification: Option<&'a str>,
    pub negated: bool,
    /// The model's name, when the input is a model feature.
    pub model: Option<&'a str>,
}

impl Input<'_> {
    /// "your audience" or "the model \"churn\"", for messages.
    pub fn used_by(&self) -> String {
        match self.model {
            Some(m) => format!("model \"{}\" uses", crate::text::clean(m)),
            None if self.negated => "the audience excludes by".to_string(),
            None => "the audience selects by".to_string(),
        }
    }
}

/// Minimum length of a written justification, so that "ok" or "needed" do not count.
pub const MIN_JUSTIFICATION_WORDS: usize = 4;

/// A reason that lowers a finding: a kind of reason the attribute accepts, explained in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AcceptedReason {
    /// The kind, in words ("A legal minimum age").
    pub kind: String,
    /// The team's words, made safe.
    pub text: String,
}

/// The input's reason, if it lowers a finding: its kind is one the attribute accepts and it is
/// written down with enough words for a reviewer to judge. "Because we want to" is not a kind
/// of reason any attribute accepts.
pub fn accepted_reason(input: &Input) -> Option<AcceptedReason> {
    let kind = input.reason?;
    if !input.def.reasons.iter().any(|r| r == kind) {
        return None;
    }
    let text = input.justification?.trim();
    if text.split_whitespace().count() < MIN_JUSTIFICATION_WORDS {
        return None;
    }
    let label = vocab().reason(kind).map_or(kind, |r| r.label.as_str());
    Some(AcceptedReason {
        kind: label.to_string(),
        text: crate::text::clean(text),
    })
}

/// What to write to lower a finding on this attribute, in words ("a kind of reason it accepts
/// (a legal minimum age) and why, in 4 words or more"), or that nothing can.
pub fn reason_advice(def: &AttributeDef) -> Option<String> {
    let kinds: Vec<String> = def
        .reasons
        .iter()
        .filter_map(|r| vocab().reason(r))
        .map(|r| r.label.to_lowercase())
        .collect();
    (!kinds.is_empty()).then(|| {
        format!(
            "choose the kind of reason ({}) and say why in {MIN_JUSTIFICATION_WORDS} words or more",
            kinds.join(" or ")
        )
    })
}

/// Today, in UTC: the day waivers expire against.
pub fn today() -> time::Date {
    time::OffsetDateTime::now_utc().date()
}

/// The rules whose finding means the notice visitors read is not true to the campaign: it
/// leaves out what the campaign reads or who receives it, or names a placeholder. No waiver
/// lowers them, and `candor disclosure` says so, and fails, while one stands.
pub const NOTICE_UNTRUE: [&str; 3] = [
    "undisclosed-sharing",
    "undeclared-data-use",
    "placeholder-text",
];

/// What the findings of [`NOTICE_UNTRUE`] say is wrong with the notice, in a few words.
pub fn untrue_words<'a>(untrue: impl IntoIterator<Item = &'a Finding>) -> &'static str {
    let (mut placeholders, mut left_out) = (false, false);
    for f in untrue {
        if f.rule == "placeholder-text" {
            placeholders = true;
        } else {
            left_out = true;
        }
    }
    match (left_out, placeholders) {
        (true, true) => "it leaves out what the campaign does and names placeholders",
        (false, true) => "it names placeholders",
        _ => "it leaves out what the campaign does",
    }
}

/// Which findings make a notice untrue, for the banner above it in review: "2 findings say
/// so (undisclosed-sharing, undeclared-data-use)", each rule once, so a reviewer knows what
/// to look for in the list. (The editor's narrow preview gives only the count: its Findings
/// tab marks them.)
pub fn untrue_count<'a>(untrue: impl IntoIterator<Item = &'a Finding>) -> String {
    let untrue: Vec<&Finding> = untrue.into_iter().collect();
    format!(
        "{} so ({})",
        crate::text::plural(untrue.len(), "finding says", "findings say"),
        untrue_rules(untrue.iter().copied()).join(", ")
    )
}

/// The rules of the findings that make a notice untrue, each once, in the order the findings
/// come: what review mode's banner and `candor disclosure`'s mark both name.
pub fn untrue_rules<'a>(untrue: impl IntoIterator<Item = &'a Finding>) -> Vec<&'static str> {
    let mut rules: Vec<&'static str> = Vec::new();
    for f in untrue {
        if !rules.contains(&f.rule) {
            rules.push(f.rule);
        }
    }
    rules
}

/// What Candor says of a campaign with no findings. It praises only what the campaign does: a
/// campaign with nothing in it yet has no findings either, and is told what it still lacks
/// rather than that it "targets intent and gives back".
pub fn no_findings_words(c: &Campaign) -> String {
    let leaves = c.conditions();
    let mut lacks = Vec::new();
    if c.objective.trim().is_empty() {
        lacks.push("an objective");
    }
    if leaves.is_empty() {
        lacks.push("an audience (everyone sees it for now)");
    }
    if c.zones.is_empty() {
        lacks.push("a content zone");
    }
    if crate::disclosure::value_exchange(c).offered == 0 {
        lacks.push("an offer for the visitor");
    }
    if let Some((last, rest)) = lacks.split_last() {
        let list = if rest.is_empty() {
            (*last).to_string()
        } else {
            format!("{} and {last}", rest.join(", "))
        };
        return format!("No findings so far, but it still needs {list}.");
    }
    let intent = leaves
        .iter()
        .any(|r| !r.negated && matches!(r.condition, Condition::Intent(_)));
    if intent {
        "No findings. This campaign targets intent, discloses plainly and gives back.".into()
    } else {
        "No findings. This campaign discloses plainly and gives back.".into()
    }
}

/// The findings of `campaign` that make its notice untrue (see [`NOTICE_UNTRUE`]).
pub fn untrue_notice(campaign: &Campaign) -> Vec<Finding> {
    check(campaign)
        .into_iter()
        .filter(|f| NOTICE_UNTRUE.contains(&f.rule) && f.counts())
        .collect()
}

/// Runs every rule. Findings come sorted by severity (errors first), then by location; waived
/// findings are marked.
pub fn check(campaign: &Campaign) -> Vec<Finding> {
    check_with(Context::new(campaign))
}

/// Runs every rule in a context already built (see [`Context::with_map`]).
pub fn check_with(ctx: Context) -> Vec<Finding> {
    check_at(ctx, None)
}

/// Runs the rules the settings keep for `file`, at the severities they give there, then
/// applies the campaign's waivers.
pub fn check_at(ctx: Context, file: Option<&std::path::Path>) -> Vec<Finding> {
    let mut out = Vec::new();
    for rule in RULES {
        let Some(level) = ctx.settings.level(rule.id, rule.severity, file) else {
            continue;
        };
        let start = out.len();
        (rule.check)(&ctx, &mut out);
        if level != rule.severity {
            for f in &mut out[start..] {
                f.severity = level;
            }
        }
    }
    waivers::apply(&ctx, file, &mut out);
    out.sort_by(|a, b| {
        b.severity
            .cmp(&a.severity)
            .then_with(|| a.location.cmp(&b.location))
    });
    out
}

/// Runs every rule and places each finding in the document's text.
pub fn check_document(doc: &Document) -> Vec<Finding> {
    check_document_in(doc, Settings::defaults(), None)
}

/// As [`check_document`], for a file of a project with `settings`.
pub fn check_document_in(
    doc: &Document,
    settings: &Settings,
    file: Option<&std::path::Path>,
) -> Vec<Finding> {
    let c = &doc.campaign;
    let ctx = Context::with_settings(c, data_map(c), settings);
    let mut findings = check_at(ctx, file);
    for f in &mut findings {
        f.pos = doc.spans.find(&f.location);
    }
    // A reader goes down the file: within a severity, in the order of the text (a finding
    // with no place in it last, as it was).
    findings.sort_by_key(|f| {
        (
            std::cmp::Reverse(f.severity),
            f.pos.map_or((usize::MAX, 0), |p| (p.line, p.column)),
        )
    });
    findings
}

/// Why a campaign may not reach a status: the review gate. Error-level findings keep a campaign
/// a draft; warnings and notes do not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GateRefusal {
    pub status: Status,
    pub errors: u32,
    /// The first error, as "message [rule]".
    pub first: String,
}

impl fmt::Display for GateRefusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} fixed first, such as: {}",
            match self.errors {
                1 => "1 error must be".to_string(),
                n => format!("{n} errors must be"),
            },
            self.first
        )
    }
}

/// The review gate, for every caller that moves a campaign: the store when saving, the editor
/// when the status is picked.
pub fn review_gate(status: Status, findings: &[Finding]) -> Option<GateRefusal> {
    if !status.is_past_draft() {
        return None;
    }
    let first = findings
        .iter()
        .find(|f| f.severity == Severity::Error && f.counts())?;
    Some(GateRefusal {
        status,
        errors: Counts::of(findings).errors,
        first: format!("{} [{}]", first.message, first.rule),
    })
}

/// Counts of findings by severity.
#[cfg(test)]
mod tests {
    #[test]
    fn every_rule_explains_why_it_matters_and_the_fix() {
        for r in super::RULES {
            for heading in [
                "What it checks",
                "Risk",
                "Why it matters",
                "Example",
                "Instead",
                "Fix",
            ] {
                assert!(
                    r.explanation.contains(&format!("## {heading}\n")),
                    "{} lacks {heading}",
                    r.id
                );
            }
            let why = r.section("Why it matters").unwrap();
            assert!(
                !why.contains('\n') && !why.contains("##"),
                "{}: {why}",
                r.id
            );
        }
        let r = super::rule("proxy-attribute").unwrap();
        assert!(
            r.section("Why it matters")
                .unwrap()
                .starts_with("A postal code can pick out")
        );
        assert!(r.section("Nope").is_none());
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub errors: u32,
    pub warnings: u32,
    pub infos: u32,
    /// Findings a waiver accepts, of any severity; not in the three counts above.
    pub waived: u32,
}

impl Counts {
    pub fn of<'a>(findings: impl IntoIterator<Item = &'a Finding>) -> Counts {
        let mut c = Counts::default();
        for f in findings {
            if !f.counts() {
                c.waived += 1;
                continue;
            }
            match f.severity {
                Severity::Error => c.errors += 1,
                Severity::Warning => c.warnings += 1,
                Severity::Info => c.infos += 1,
            }
        }
        c
    }
}
