//! What a reviewer reads: a campaign file summarised part by part, its findings, its disclosure
//! in each language, earlier decisions and what changed since. Plain data, so the review screen
//! and `candor review --print` show the same thing.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::checks::{self, Finding};
use crate::model::ron_io::{self, LoadError};
use crate::model::vocab::vocab;
use crate::model::*;
use crate::store::{Review, Store, hash_text};
use crate::text::clean;

use super::fields::{booster_text, describe_condition, list, opt_out_text};

/// How a line of a review is meant to look.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Heading,
    Plain,
    Dim,
    Error,
    Warning,
    Info,
    Good,
    Added,
    Removed,
}

pub type Lines = Vec<(Tone, String)>;

fn kv(out: &mut Lines, indent: usize, key: &str, value: impl AsRef<str>) {
    out.push((
        Tone::Plain,
        format!("{}{key}: {}", "  ".repeat(indent), value.as_ref()),
    ));
}

use crate::text::variant_words as words;

fn tree(out: &mut Lines, node: &Condition, depth: usize) {
    let mark = match node {
        Condition::Attribute(a) => super::fields::attribute_mark(&a.attribute)
            .map(|m| format!(" [{m}]"))
            .unwrap_or_default(),
        _ => String::new(),
    };
    out.push((
        Tone::Plain,
        format!(
            "{}{}{mark}",
            "  ".repeat(depth + 1),
            describe_condition(node)
        ),
    ));
    if let Condition::Attribute(a) = node
        && let Some(j) = a.justification.as_deref().filter(|j| !j.trim().is_empty())
    {
        out.push((
            Tone::Dim,
            format!("{}reason given: \"{}\"", "  ".repeat(depth + 3), clean(j)),
        ));
    }
    match node {
        Condition::All(items) | Condition::Any(items) => {
            items.iter().for_each(|i| tree(out, i, depth + 1))
        }
        Condition::Not(inner) => tree(out, inner, depth + 1),
        _ => {}
    }
}

/// Every part of a campaign in words, top to bottom.
/// A typed text as a reviewer reads it: plain as it is, translated as "[en] … · [es] …".
fn in_each_language(t: &Text) -> String {
    match t {
        Text::Plain(s) => clean(s),
        Text::Translated(m) => m
            .iter()
            .map(|(l, s)| format!("[{}] {}", clean(l), clean(s)))
            .collect::<Vec<_>>()
            .join(" · "),
    }
}

/// When a campaign runs, in words: "from 2026-12-01 to 2026-12-24 (Europe/Madrid)".
pub fn schedule_text(c: &Campaign) -> String {
    match &c.schedule {
        None => "always (no dates set)".into(),
        Some(s) => match &s.end {
            Some(end) => format!(
                "from {} to {} ({})",
                clean(&s.start),
                clean(end),
                clean(&s.time_zone)
            ),
            None => format!("from {}, no end ({})", clean(&s.start), clean(&s.time_zone)),
        },
    }
}

pub fn summary(c: &Campaign) -> Lines {
    let mut out = Vec::new();
    out.push((
        Tone::Heading,
        format!("{} ({})", clean(&c.name), clean(&c.id)),
    ));
    kv(&mut out, 1, "Status", c.status.label());
    kv(&mut out, 1, "Objective", clean(&c.objective));
    kv(&mut out, 1, "Owner", clean(&c.owner));
    kv(
        &mut out,
        1,
        "Channels",
        list(&c.channels, |ch| ch.label().to_string()),
    );
    if let Some(r) = c.regulated_category {
        kv(&mut out, 1, "Regulated category", words(&r));
    }
    kv(&mut out, 1, "Runs", schedule_text(c));
    kv(
        &mut out,
        1,
        "Disclosure languages",
        list(&c.locales, |l| clean(l)),
    );
    kv(
        &mut out,
        1,
        "Asked by",
        format!(
            "{} ({})",
            clean(&c.controller.name),
            clean(&c.controller.contact)
        ),
    );
    if let Some(p) = &c.controller.security_page {
        kv(&mut out, 1, "Security page", clean(p));
    }
    if let Some(p) = &c.controller.technology_partner {
        kv(&mut out, 1, "Technology partner", clean(p));
    }
    if let Some(a) = &c.controller.authority {
        kv(&mut out, 1, "Complaints to", clean(a));
    }

    out.push((Tone::Heading, "Audience".into()));
    tree(&mut out, &c.audience, 0);
    for m in &c.models {
        out.push((
            Tone::Plain,
            format!(
                "  Model \"{}\" ({}): uses {}",
                clean(&m.name),
                words(&m.kind),
                list(&m.features, |f| clean(&f.input))
            ),
        ));
        for f in m.features.iter().filter(|f| {
            f.justification
                .as_deref()
                .is_some_and(|j| !j.trim().is_empty())
        }) {
            let reason = clean(f.justification.as_deref().unwrap_or_default());
            out.push((
                Tone::Dim,
                format!("      reason for {}: \"{reason}\"", clean(&f.input)),
            ));
        }
    }

    out.push((Tone::Heading, format!("Content zones ({})", c.zones.len())));
    for z in &c.zones {
        out.push((
            Tone::Plain,
            format!(
                "  {} — {}, shown to {}, priority {}",
                clean(&z.name),
                z.kind.label(),
                z.visibility.label(),
                z.priority
            ),
        ));
        let k = &z.content;
        for (label, t) in [
            ("headline", &k.headline),
            ("text", &k.body),
            ("button", &k.button),
            ("image text", &k.image_alt),
        ] {
            if let Some(t) = t {
                kv(&mut out, 2, label, in_each_language(t));
            }
        }
        for (label, v) in [
            ("link", &k.link),
            ("image", &k.image),
            ("coupon", &k.coupon),
        ] {
            if let Some(v) = v {
                kv(&mut out, 2, label, clean(v));
            }
        }
        if !z.uses.is_empty() {
            kv(&mut out, 2, "also reads", list(&z.uses, |u| clean(u)));
        }
        if let Some(r) = &z.recipe {
            kv(&mut out, 2, "recipe", list(&r.ingredients, words));
            kv(&mut out, 2, "leaves out", list(&r.exclusions, words));
            if !r.boosters.is_empty() {
                kv(&mut out, 2, "boosts", list(&r.boosters, booster_text));
            }
        }
    }

    out.push((Tone::Heading, format!("Data collected ({})", c.data.len())));
    for d in &c.data {
        let sens = vocab().sensitivity(&d.category);
        out.push((
            Tone::Plain,
            format!("  {} (sensitivity {sens})", clean(&d.category)),
        ));
        kv(&mut out, 2, "for", list(&d.purposes, |p| clean(p)));
        kv(
            &mut out,
            2,
            "how",
            format!(
                "{}, consent {}, basis {}, kept {}",
                words(&d.collected_by),
                words(&d.consent),
                words(&d.legal_basis),
                crate::text::plural(d.retention_days as usize, "day", "days")
            ),
        );
        if let Some(src) = &d.source {
            kv(&mut out, 2, "comes from", clean(src));
        }
        if !d.recipients.is_empty() {
            kv(
                &mut out,
                2,
                "shared with",
                list(&d.recipients, |r| {
                    format!("{} ({})", clean(&r.name), words(&r.kind))
                }),
            );
        }
    }
    if !c.activations.is_empty() {
        out.push((Tone::Heading, "Activations (where data is sent)".into()));
        for a in &c.activations {
            out.push((
                Tone::Plain,
                format!(
                    "  {} ({}): {}",
                    clean(&a.destination),
                    words(&a.kind),
                    list(&a.sends, |s| clean(s))
                ),
            ));
        }
    }

    // What the campaign reads, worked out from its parts: the reviewer sees at a glance what
    // the declarations above leave out.
    let map = data_map(c);
    out.push((
        Tone::Heading,
        format!("What it reads ({} categories)", map.uses.len()),
    ));
    if map.is_empty() {
        out.push((Tone::Dim, "  nothing about the person".into()));
    }
    for u in &map.uses {
        let declared = datamap::is_declared(c, &u.category);
        let mut hows: Vec<&str> = u.places.iter().map(|p| p.how.label()).collect();
        hows.dedup();
        out.push((
            if declared { Tone::Plain } else { Tone::Error },
            format!(
                "  {}{} ({})",
                clean(&u.category),
                if declared { "" } else { ": NOT DECLARED" },
                hows.join(", ")
            ),
        ));
        let mut places: Vec<&str> = Vec::new();
        for p in &u.places {
            if !places.contains(&p.what.as_str()) {
                places.push(&p.what);
            }
        }
        kv(&mut out, 2, "read by", places.join("; "));
    }

    out.push((Tone::Heading, "Value exchange".into()));
    let ve = &c.value_exchange;
    kv(
        &mut out,
        1,
        "Right away",
        ve.immediate.as_ref().map_or("—".into(), in_each_language),
    );
    kv(
        &mut out,
        1,
        "Over time",
        list(&ve.ongoing, in_each_language),
    );
    kv(
        &mut out,
        1,
        "Email promise",
        ve.email_promise
            .as_ref()
            .map_or("—".into(), in_each_language),
    );
    kv(
        &mut out,
        1,
        "Login benefit",
        ve.login_benefit
            .as_ref()
            .map_or("—".into(), in_each_language),
    );
    let v = crate::disclosure::value_exchange(c);
    let tone = match v.verdict {
        crate::disclosure::Verdict::Thin => Tone::Warning,
        crate::disclosure::Verdict::NothingOffered => Tone::Error,
        _ => Tone::Good,
    };
    out.push((
        tone,
        format!("  Verdict: {}. {}", v.verdict.label(), v.reason),
    ));
    if v.given > 0 {
        out.push((
            Tone::Dim,
            format!("  {}", crate::disclosure::value_exchange::how_counted()),
        ));
    }

    out.push((Tone::Heading, "Consent and choice".into()));
    kv(
        &mut out,
        1,
        "Opt-out",
        list(&c.consent.opt_out, opt_out_text),
    );
    kv(
        &mut out,
        1,
        "Email permission",
        c.consent
            .email_permission
            .map_or("not required".into(), |p| words(&p)),
    );
    if let Some(t) = &c.custom_disclosure {
        out.push((
            Tone::Heading,
            "Custom disclosure (shown instead of the generated one)".into(),
        ));
        // One block per language, each under its code; a plain text is just the text.
        let blocks: Vec<(Option<&str>, &str)> = match t {
            Text::Plain(text) => vec![(None, text.as_str())],
            Text::Translated(m) => m
                .iter()
                .map(|(l, t)| (Some(l.as_str()), t.as_str()))
                .collect(),
        };
        for (lang, text) in blocks {
            if let Some(lang) = lang {
                out.push((Tone::Dim, format!("  [{}]", clean(lang))));
            }
            for line in crate::text::clean_multiline(text).lines() {
                out.push((Tone::Plain, format!("  {line}")));
            }
        }
    }
    out
}

/// The findings with their hints and a line of each rule's reasoning.
pub fn findings(f: &[Finding]) -> Lines {
    let mut out = Vec::new();
    if f.is_empty() {
        out.push((Tone::Good, "No findings.".into()));
    }
    for x in f {
        let tone = match x.severity {
            checks::Severity::Error => Tone::Error,
            checks::Severity::Warning => Tone::Warning,
            checks::Severity::Info => Tone::Info,
        };
        let at = x
            .pos
            .map(|p| format!(" (line {}, column {})", p.line, p.column))
            .unwrap_or_default();
        if let Some(w) = &x.waived {
            // Accepted by the team: listed, so the reviewer judges the reason, but not counted.
            out.push((
                Tone::Dim,
                format!("~ WAIVED {} [{}] {}", x.severity.word(), x.rule, x.message),
            ));
            out.push((Tone::Dim, format!("    at {}{at}", x.location)));
            out.push((Tone::Plain, format!("    {}", capitalise(&w.describe()))));
            continue;
        }
        out.push((
            tone,
            format!(
                "{} {} [{}] {}",
                x.severity.symbol(),
                x.severity.word(),
                x.rule,
                x.message
            ),
        ));
        out.push((Tone::Dim, format!("    at {}{at}", x.location)));
        out.push((Tone::Plain, format!("    Instead: {}", x.hint)));
        if let Some(r) = checks::rule(x.rule) {
            let why = r
                .section("Why it matters")
                .unwrap_or_else(|| r.summary.to_string());
            out.push((Tone::Dim, format!("    Why it matters: {why}")));
            out.push((
                Tone::Dim,
                format!(
                    "    Risk: {}. More: `candor explain {}`",
                    r.risk.label(),
                    r.id
                ),
            ));
        }
    }
    out
}

/// A campaign's disclosure in one language, as lines.
/// `findings` are the campaign's, as the Findings tab shows them: not checked again per draw.
/// On screen it names the keys and tabs to go on with; printed, where there are none, it
/// points at the findings printed above.
pub fn disclosure(c: &Campaign, findings: &[Finding], code: &str, on_screen: bool) -> Lines {
    let Some(l) = crate::disclosure::locale(code) else {
        return vec![(Tone::Error, format!("no language {code}"))];
    };
    let d = crate::disclosure::generate(c, l);
    let mut out = Vec::new();
    // Before the notice: what the reviewer is about to read is not true yet.
    let untrue: Vec<&Finding> = findings
        .iter()
        .filter(|f| checks::NOTICE_UNTRUE.contains(&f.rule) && f.counts())
        .collect();
    if !untrue.is_empty() {
        out.push((
            Tone::Error,
            format!(
                "x NOT TRUE YET: {}; {}: {}",
                checks::untrue_words(untrue.iter().copied()),
                checks::untrue_count(untrue.iter().copied()),
                if on_screen {
                    "see the Findings tab"
                } else {
                    "see Findings above"
                }
            ),
        ));
    }
    out.push((Tone::Heading, d.title.clone()));
    let r = d.readability;
    // The key that shows the next language is said where the language is named.
    let next = if on_screen && c.locales.len() > 1 {
        " (L: next language)"
    } else {
        ""
    };
    out.push((
        Tone::Dim,
        format!(
            "{}{next} · readability {} on {} ({})",
            l.name,
            crate::text::decimal(r.score, 1),
            r.formula.name(),
            r.verdict()
        ),
    ));
    match &d.custom {
        Some(t) => t
            .lines()
            .for_each(|line| out.push((Tone::Plain, line.to_string()))),
        None => {
            for s in &d.sections {
                out.push((Tone::Heading, s.heading.clone()));
                s.lines
                    .iter()
                    .for_each(|line| out.push((Tone::Plain, format!("  {line}"))));
            }
        }
    }
    if !d.why.is_empty() {
        out.push((Tone::Heading, d.why_heading.clone()));
        for w in &d.why {
            out.push((Tone::Plain, format!("  {}", w.line)));
        }
    }
    out
}

/// A RON file opened for review.
pub struct ReviewState {
    pub file: PathBuf,
    /// The path as recorded with decisions.
    pub shown: String,
    pub text: String,
    pub hash: String,
    /// What a decision must have been made on to cover this file, status aside
    /// (`store::subject_hash`).
    pub subject: String,
    pub doc: Result<(Campaign, Vec<Finding>), LoadError>,
    pub decisions: Vec<Review>,
    /// For each decision, whether it was made on another file: resolved once when the review
    /// opens, not on every frame.
    pub elsewhere: Vec<bool>,
    pub tab: ReviewTab,
    pub scroll: u16,
    pub locale: &'static str,
    /// Earlier decisions could not be read: shown instead of pretending there are none.
    pub decisions_problem: Option<String>,
    /// The file's text could not be read at all (gone, not a regular file, too large): there
    /// is no content to record a decision on.
    pub unreadable: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewTab {
    Summary,
    Findings,
    Disclosure,
    Decisions,
}

impl ReviewTab {
    pub const ALL: [ReviewTab; 4] = [
        ReviewTab::Summary,
        ReviewTab::Findings,
        ReviewTab::Disclosure,
        ReviewTab::Decisions,
    ];
}

impl ReviewState {
    pub fn open(store: &Store, file: &Path) -> ReviewState {
        let shown = clean(&file.display().to_string());
        // One read, capped, of a regular file only: a pipe or /dev/zero is refused, not read.
        let read = ron_io::read_text(file);
        let text = read.as_ref().map(|(_, t)| t.clone()).unwrap_or_default();
        let unreadable = read.is_err();
        let doc = read
            .and_then(|(name, t)| ron_io::load_str(&name, &t))
            .map(|d| {
                let f = checks::check_document(&d);
                (d.campaign, f)
            });
        let hash = hash_text(&text);
        let subject = match &doc {
            Ok((c, _)) => crate::store::subject_hash_of(c),
            Err(_) => hash.clone(),
        };
        let campaign_id = doc.as_ref().ok().map(|(c, _)| c.id.clone());
        let (decisions, decisions_problem) = match store.reviews_for(&shown, campaign_id.as_deref())
        {
            Ok(d) => (d, None),
            Err(e) => (Vec::new(), Some(e.to_string())),
        };
        let elsewhere = decisions
            .iter()
            .map(|r| !same_file(&r.file_path, &shown))
            .collect();
        let locale = doc
            .as_ref()
            .ok()
            .and_then(|(c, _)| c.locales.first())
            .and_then(|l| crate::disclosure::locale(l))
            .map_or("en", |l| l.code);
        ReviewState {
            file: file.to_path_buf(),
            shown,
            text,
            hash,
            subject,
            doc,
            decisions,
            elsewhere,
            tab: ReviewTab::Summary,
            scroll: 0,
            locale,
            decisions_problem,
            unreadable,
        }
    }

    /// The latest decision, and whether it covers this file: made on this exact text, or on
    /// one that differs only in its status or top comment.
    pub fn latest(&self) -> Option<(&Review, bool)> {
        self.decisions.first().map(|r| (r, self.covers(r)))
    }

    /// Whether the decision covers this file ([`ReviewState::latest`]).
    pub fn covers(&self, r: &Review) -> bool {
        r.file_hash == self.hash || (!r.subject_hash.is_empty() && r.subject_hash == self.subject)
    }

    pub fn tab_titles(&self) -> Vec<String> {
        let counts = self
            .doc
            .as_ref()
            .map(|(_, f)| checks::Counts::of(f))
            .unwrap_or_default();
        // Counts only where there are some, as the editor's Findings tab does.
        let mut findings = "Findings".to_string();
        for (n, mark) in [(counts.errors, "x"), (counts.warnings, "!")] {
            if n > 0 {
                findings.push_str(&format!(" {n}{mark}"));
            }
        }
        vec![
            "Summary".into(),
            findings,
            format!("Disclosure ({})", self.locale),
            format!("Decisions ({})", self.decisions.len()),
        ]
    }

    /// The lines of the current tab as drawn `width` columns wide: wrapped, each wrapped row
    /// indented as its line is.
    pub fn rows(&self, width: u16) -> Lines {
        self.lines()
            .into_iter()
            .flat_map(|(tone, line)| {
                crate::text::hanging_wrap(&line, usize::from(width))
                    .into_iter()
                    .map(move |row| (tone, row))
            })
            .collect()
    }

    /// The lines of the current tab.
    pub fn lines(&self) -> Lines {
        let (c, f) = match &self.doc {
            Ok(x) => x,
            Err(e) => return error_lines(e, &self.text),
        };
        match self.tab {
            ReviewTab::Summary => summary(c),
            ReviewTab::Findings => findings(f),
            ReviewTab::Disclosure => disclosure(c, f, self.locale, true),
            ReviewTab::Decisions => self.decision_lines(),
        }
    }

    /// Why this file cannot be approved, if it cannot: it does not load, or it has error
    /// findings (the same gate the editor applies to a campaign's status).
    pub fn approval_refusal(&self) -> Option<String> {
        match &self.doc {
            Err(_) => Some("the file does not load".into()),
            Ok((_, findings)) => {
                crate::checks::review_gate(crate::model::Status::Approved, findings)
                    .map(|g| g.to_string())
            }
        }
    }

    /// The warnings that stand (not waived): an approval over them needs a note saying why
    /// they are acceptable.
    pub fn standing_warnings(&self) -> usize {
        match &self.doc {
            Ok((_, findings)) => findings
                .iter()
                .filter(|f| f.severity == crate::checks::Severity::Warning && f.counts())
                .count(),
            Err(_) => 0,
        }
    }

    pub fn decision_lines(&self) -> Lines {
        let mut out = Vec::new();
        if self.decisions.is_empty() {
            out.push((Tone::Dim, "No decision yet.".into()));
        }
        // What changed is shown under each decision made on another version, once per version.
        let mut diffed: Option<&str> = None;
        for (r, &elsewhere) in self.decisions.iter().zip(&self.elsewhere) {
            let tone = if r.decision == crate::store::Decision::Approve {
                Tone::Good
            } else {
                Tone::Warning
            };
            let rev = r
                .revision_number
                .map(|n| format!(" (same text as library revision {n})"))
                .unwrap_or_default();
            out.push((
                tone,
                format!(
                    "{} by {} on {}{rev}",
                    r.decision.label(),
                    clean(&r.reviewer),
                    super::short_time(&r.created_at)
                ),
            ));
            // Decisions on the same campaign come from any file that held it: say which.
            if elsewhere {
                out.push((
                    Tone::Dim,
                    format!("  on another file: {}", clean(&r.file_path)),
                ));
            }
            if !r.notes.trim().is_empty() {
                out.push((Tone::Plain, format!("  \"{}\"", clean(&r.notes))));
            }
            if r.file_hash != self.hash {
                if diffed == Some(r.file_hash.as_str()) {
                    out.push((
                        Tone::Warning,
                        "  ! Made on the same earlier version as the decision above".into(),
                    ));
                } else {
                    out.push(if self.covers(r) {
                        (Tone::Dim, "  made on this campaign before its status or top comment changed, so it still covers it. What changed since:".into())
                    } else {
                        (Tone::Warning, "  ! This decision was made on a different version of the file. What changed since:".into())
                    });
                    let diff = text_diff(&r.ron, &self.text);
                    if diff.is_empty() {
                        out.push((Tone::Dim, "    only spacing or line endings".into()));
                    }
                    for (t, line) in diff {
                        out.push((t, format!("    {line}")));
                    }
                    diffed = Some(&r.file_hash);
                }
            } else {
                out.push((Tone::Dim, "  made on this exact version of the file".into()));
            }
        }
        out
    }

    /// The whole review as text, every language included, for `candor review --print`.
    pub fn print(&self) -> String {
        let mut out: Lines = vec![(Tone::Heading, format!("Review of {}", self.shown))];
        match &self.doc {
            Err(e) => out.extend(error_lines(e, &self.text)),
            Ok((c, f)) => {
                out.extend(summary(c));
                out.push((Tone::Heading, "Findings".into()));
                out.extend(findings(f));
                for code in &c.locales {
                    out.push((Tone::Heading, format!("Disclosure ({})", clean(code))));
                    out.extend(disclosure(c, f, code, false));
                }
            }
        }
        out.push((Tone::Heading, "Decisions".into()));
        out.extend(self.decision_lines());
        let mut s = String::new();
        for (tone, line) in out {
            if tone == Tone::Heading {
                s.push('\n');
                s.push_str(&format!("== {line}\n"));
            } else {
                s.push_str(&line);
                s.push('\n');
            }
        }
        s.trim_start().to_string()
    }
}

/// A file that could not be read: the located error and the lines around it, escapes visible.
pub fn error_lines(e: &LoadError, text: &str) -> Lines {
    let mut out = vec![
        (
            Tone::Error,
            "This file could not be read, so there is nothing to review yet.".into(),
        ),
        (Tone::Plain, String::new()),
    ];
    out.push((
        Tone::Error,
        e.to_string().lines().next().unwrap_or("").to_string(),
    ));
    if let Some(h) = &e.hint {
        out.push((Tone::Plain, format!("help: {h}")));
    }
    if let Some(p) = e.pos {
        out.push((Tone::Plain, String::new()));
        let lines: Vec<&str> = text.lines().collect();
        let from = p.line.saturating_sub(3).max(1);
        let to = (p.line + 2).min(lines.len());
        for n in from..=to {
            let raw = lines.get(n - 1).copied().unwrap_or("");
            let line = clean(raw);
            let tone = if n == p.line { Tone::Plain } else { Tone::Dim };
            out.push((tone, format!("{n:>5} | {line}")));
            if n == p.line {
                // Under the column as shown: escapes such as \u{1b} and wide characters
                // before it move it right.
                let before: String = raw.chars().take(p.column.saturating_sub(1)).collect();
                let at = unicode_width::UnicodeWidthStr::width(clean(&before).as_str());
                out.push((Tone::Error, format!("      | {}^", " ".repeat(at))));
            }
        }
    }
    out.push((Tone::Plain, String::new()));
    out.push((
        Tone::Dim,
        "Fix the file in your editor and open it again; `candor check FILE` shows the same error."
            .into(),
    ));
    out
}

mod diff;
pub use diff::{field_diff, text_diff};

/// "waived by …" as "Waived by …", to start a line or a sentence.
pub fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// Whether two recorded paths name one file: the same text, or, where both still exist, the
/// same file once resolved (a decision recorded as `campaigns/x.ron` from the command line and
/// a review opened as `/work/campaigns/x.ron` in the TUI).
fn same_file(a: &str, b: &str) -> bool {
    a == b
        || matches!(
            (std::fs::canonicalize(a), std::fs::canonicalize(b)),
            (Ok(x), Ok(y)) if x == y
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(name: &str) -> Campaign {
        let text = crate::samples::SAMPLES
            .iter()
            .find(|s| s.0 == name)
            .unwrap()
            .1;
        ron_io::load_str(name, text).unwrap().campaign
    }

    #[test]
    fn field_diff_names_what_changed_with_finding_paths() {
        let a = sample("makeup-for-women.ron");
        let mut b = a.clone();
        b.status = Status::InReview;
        if let Condition::All(items) = &mut b.audience
            && let Condition::Attribute(x) = &mut items[0]
        {
            x.value = "any".into();
        }
        let d = field_diff(&a, &b);
        let text: Vec<&str> = d.iter().map(|(_, l)| l.as_str()).collect();
        assert!(
            text.contains(&"~ status: \"Draft\" → \"InReview\""),
            "{text:#?}"
        );
        assert!(
            text.contains(&"~ audience.all[0].value: \"female\" → \"any\""),
            "{text:#?}"
        );
        assert_eq!(field_diff(&a, &a)[0].1, "No differences.");
    }

    /// Taking a data field out of the middle reads as that field taken out, not as every
    /// field after it turned into the next; an item edited after it is matched to itself.
    #[test]
    fn field_diff_matches_list_items_by_what_they_hold() {
        let a = sample("skincare-recommendations.ron");
        assert_eq!(a.data.len(), 3, "the test needs three data fields");
        let mut b = a.clone();
        b.data.remove(0);
        let text = |d: Lines| d.into_iter().map(|(_, l)| l).collect::<Vec<_>>();
        let d = text(field_diff(&a, &b));
        assert!(d.iter().all(|l| l.starts_with("- data[0].")), "{d:#?}");
        assert!(
            d.contains(&"- data[0].category: \"user.behavior.browsing_history\"".to_string()),
            "{d:#?}"
        );

        // The purchase-history field, third before and second after, with a new retention.
        b.data[1].retention_days = 180;
        let d = text(field_diff(&a, &b));
        assert!(
            d.contains(&"~ data[2→1].retention_days: 365 → 180".to_string()),
            "{d:#?}"
        );
        assert!(
            !d.iter()
                .any(|l| l.contains("category") && l.starts_with('~')),
            "{d:#?}"
        );
        assert!(!d.iter().any(|l| l.starts_with('+')), "{d:#?}");

        // A field put in at the front reads as put in.
        let mut c = a.clone();
        c.data.insert(0, a.data[2].clone());
        let d = text(field_diff(&a, &c));
        assert!(d.iter().all(|l| l.starts_with("+ data[0].")), "{d:#?}");

        // Two fields swapped and one edited: the edit is still named on the field it is on.
        let mut e = a.clone();
        e.data.swap(0, 1);
        e.data[1].retention_days = 60;
        let d = text(field_diff(&a, &e));
        assert!(
            d.contains(&"~ data[0→1].retention_days: 90 → 60".to_string()),
            "{d:#?}"
        );
        assert!(!d.iter().any(|l| l.starts_with(['+', '-'])), "{d:#?}");

        // Two fields swapped and nothing else: one line says so.
        let mut f = a.clone();
        f.data.swap(0, 1);
        let d = text(field_diff(&a, &f));
        assert_eq!(d.len(), 1, "{d:#?}");
        assert!(
            d[0].contains("]: moved, nothing in it changed (category \"user.behavior."),
            "{d:#?}"
        );
    }

    #[test]
    fn text_diff_marks_lines() {
        let d = text_diff("a\nb\nc\n", "a\nB\nc\n");
        assert!(d.contains(&(Tone::Removed, "- b".into())));
        assert!(d.contains(&(Tone::Added, "+ B".into())));
    }

    #[test]
    fn summary_mentions_every_part() {
        let c = sample("quiet-ad-sync.ron");
        let text: String = summary(&c).into_iter().map(|(_, l)| l + "\n").collect();
        for part in [
            "Audience",
            "Content zones",
            "Data collected",
            "Activations",
            "Value exchange",
            "Consent and choice",
            "Custom disclosure",
            "AdReach",
            // The verdict's points are explained where they are given.
            "Points: each kind of data weighs its sensitivity",
        ] {
            assert!(text.contains(part), "{part} missing:\n{text}");
        }
    }
}
