//! `candor disclosure FILE.ron|ID`: the notice a visitor would read.

use std::io::Write;
use std::process::ExitCode;

use anyhow::{Result, bail};

use candor::disclosure::{self, locale, render, value_exchange};
use candor::model::Campaign;
use candor::text::decimal;

use super::files::plural;

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum DisclosureFormat {
    /// The notice, then Candor's notes on it (readability, completeness, value exchange).
    Text,
    /// The notice alone, as Markdown.
    Markdown,
    /// The notice alone, as an HTML snippet with every value escaped.
    Html,
}

/// Says that the campaign has no texts of its own in `l`'s language, so its typed texts are
/// shown in its first language (each marked as such in the notice).
fn not_offered(c: &Campaign, l: &disclosure::Locale) -> Option<String> {
    (!c.locales.iter().any(|x| x == l.code)).then(|| {
        format!(
            "The campaign does not offer {} ({}); its languages: {}. Texts missing in {} are shown in {}.",
            l.name,
            l.code,
            candor::text::clean(&c.locales.join(", ")),
            l.code,
            candor::text::clean(c.first_locale())
        )
    })
}

/// `target` is the file or id as typed, for the closing advice.
pub fn run(
    c: &Campaign,
    target: &str,
    locale_code: Option<&str>,
    format: DisclosureFormat,
    out: &mut dyn Write,
) -> Result<ExitCode> {
    let code = locale_code
        .or(c.locales.first().map(String::as_str))
        .unwrap_or("en");
    // "ES" and "Fr" name the same languages as "es" and "fr".
    let code = code.trim().to_ascii_lowercase();
    let Some(l) = locale::locale(&code) else {
        bail!(
            "there is no disclosure language \"{}\"; available: {}",
            candor::text::clean(&code),
            locale::codes().join(", ")
        );
    };
    let d = disclosure::generate(c, l);
    // An untrue notice is marked in the output itself, visibly, in every format: stderr alone
    // is lost when the output goes to a file that someone later publishes.
    let untrue = candor::checks::untrue_notice(c);
    let target = candor::text::clean(target);
    // `check` reads files; a campaign named by id is checked in the editor's Findings tab.
    let is_file = target.ends_with(".ron") || std::path::Path::new(&target).is_file();
    if !untrue.is_empty() {
        let until = if is_file {
            format!("`candor check {target}` finds")
        } else {
            "the editor's Findings tab shows".to_string()
        };
        let what = format!(
            "{}. Do not publish it until {until} none of: {}.",
            candor::checks::untrue_words(&untrue),
            candor::checks::untrue_rules(&untrue).join(", ")
        );
        match format {
            DisclosureFormat::Text => writeln!(out, "NOT TRUE YET: {what}\n")?,
            DisclosureFormat::Markdown => writeln!(out, "> **Not true yet: {what}**\n")?,
            DisclosureFormat::Html => writeln!(
                out,
                "<p class=\"candor-not-true\"><strong>Not true yet: {}</strong></p>",
                render::html_escape(&what)
            )?,
        }
    }
    // Markdown and HTML are the notice alone, to be published: a language the campaign does
    // not offer is said beside them, on standard error.
    if !matches!(format, DisclosureFormat::Text)
        && let Some(note) = not_offered(c, l)
    {
        eprintln!("note: {note}");
    }
    match format {
        DisclosureFormat::Markdown => write!(out, "{}", render::markdown(&d))?,
        DisclosureFormat::Html => write!(out, "{}", render::html(&d))?,
        DisclosureFormat::Text => {
            write!(out, "{}", render::text(&d))?;
            let r = d.readability;
            writeln!(out, "\n---- Candor's notes (not part of the notice)")?;
            if let Some(note) = not_offered(c, l) {
                writeln!(out, "{note}")?;
            }
            if d.custom.is_some() && d.custom_lang != l.code {
                let written = locale::locale(d.custom_lang)
                    .map_or(d.custom_lang.to_string(), |w| w.name.clone());
                writeln!(
                    out,
                    "The campaign's own notice is not written in {} ({}): it is shown, and scored, in {written}.",
                    l.name, l.code
                )?;
            }
            writeln!(
                out,
                "Readability: {} on {} ({}; plain language is {} or more). {}, {}, {}.",
                decimal(r.score, 1),
                r.formula.name(),
                r.verdict(),
                decimal(r.threshold, 0),
                plural(r.words, "word", "words"),
                plural(r.sentences, "sentence", "sentences"),
                plural(r.syllables, "syllable", "syllables")
            )?;
            let parts: Vec<String> = d
                .completeness
                .iter()
                .map(|(e, p)| format!("{} {}", e.label(), p.label()))
                .collect();
            writeln!(out, "Completeness: {}.", parts.join(", "))?;
            let ve = value_exchange(c);
            writeln!(out, "Value exchange: {}. {}", ve.verdict.label(), ve.reason)?;
            if d.custom.is_some() {
                writeln!(
                    out,
                    "This campaign replaces the generated notice with its own text."
                )?;
            }
        }
    }
    // Printed all the same, for the reviewer who asked; said, so nobody pastes it as it is.
    if untrue.is_empty() {
        return Ok(ExitCode::SUCCESS);
    }
    out.flush()?;
    let mut err = std::io::stderr().lock();
    writeln!(
        err,
        "candor: this notice is not true to the campaign yet: {} ({}):",
        candor::checks::untrue_words(&untrue),
        plural(untrue.len(), "finding", "findings")
    )?;
    for f in &untrue {
        writeln!(err, "  {} [{}]", f.message, f.rule)?;
    }
    let shows = if is_file {
        format!("`candor check {target}` shows where")
    } else {
        "open it in `candor`: the editor's Findings tab shows where".to_string()
    };
    writeln!(err, "Fix them before showing it to visitors: {shows}.")?;
    Ok(ExitCode::from(1))
}
