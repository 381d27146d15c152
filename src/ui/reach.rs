//! The Reach tab: how many people the audience takes in on a population, what each condition
//! on who people are leaves out, and a few bars where a picture reads faster than numbers.
//! Only draws the latest report; the counting happens on another thread (`app::reach`).

use ratatui::text::{Line, Span, Text};

use super::theme::Theme;
use crate::app::reach::Status;
use crate::app::{App, Editor};
use crate::checks::Severity;
use crate::reach::Report;
use crate::reach::report::{share_words, thousands};
use crate::text::clean;

pub fn reach_text(app: &App, e: &Editor, theme: Theme, width: usize) -> Text<'static> {
    let r = &app.reach;
    let path = r
        .path
        .as_ref()
        .map(|p| clean(&p.display().to_string()))
        .unwrap_or_default();
    let mut lines: Vec<Line<'static>> = Vec::new();
    match &r.status {
        Status::Off => {
            lines.push(Line::styled(
                "Reach is not counted in this window: no population was given.",
                theme.dim(),
            ));
            return Text::from(lines);
        }
        Status::Missing => {
            lines.push(Line::styled("No population to count on yet.", theme.bold()));
            lines.push(Line::raw(""));
            let press = if e.focus == crate::app::Focus::Panel {
                "Press g"
            } else {
                "Press Tab, then g,"
            };
            lines.extend(wrapped(
                &format!(
                    "{press} to make a sample of {} synthetic people, kept in {path}. It takes a few seconds; then the figures follow every edit.",
                    thousands(r.sample_people)
                ),
                ratatui::style::Style::default(),
                width,
            ));
            lines.push(Line::raw(""));
            lines.push(Line::styled(
                "Or count on your own customers: candor population import --people people.csv --events events.csv (the README lists the columns).",
                theme.dim(),
            ));
            return Text::from(lines);
        }
        Status::Loading => {
            lines.extend(wrapped(
                &format!("Reading the population in {path}…"),
                theme.dim(),
                width,
            ));
            return Text::from(lines);
        }
        Status::Failed(why) if r.population.is_none() => {
            lines.push(Line::styled(
                "The population cannot be used.",
                theme.severity(Severity::Error),
            ));
            lines.push(Line::raw(clean(why)));
            lines.push(Line::raw(""));
            lines.push(Line::styled(
                "Start Candor with --population FILE, a file made by candor population generate or candor population import.",
                theme.dim(),
            ));
            return Text::from(lines);
        }
        Status::Generating { written, total } => {
            lines.extend(wrapped(
                &format!(
                    "Writing the sample to {path}: {} of {} people…",
                    thousands(*written),
                    thousands(*total)
                ),
                theme.dim(),
                width,
            ));
        }
        _ => {}
    }
    let Some(report) = r.shown() else {
        lines.push(Line::styled(
            format!("Counting \"{}\"…", clean(&e.campaign.name)),
            theme.dim(),
        ));
        return Text::from(lines);
    };
    let updating = if r.current() { "" } else { " · updating…" };
    lines.push(Line::styled(
        format!(
            "On {}, behaviour up to {}{updating}",
            report.population,
            report.as_of.get(..10).unwrap_or(&report.as_of)
        ),
        theme.dim(),
    ));
    lines.extend(figures(report, theme, width));
    Text::from(lines)
}

/// A line that names a file, wrapped here so a long path breaks after a `/` rather than in
/// the middle of a name (the panel's own wrapping cuts words where the width ends).
fn wrapped(text: &str, style: ratatui::style::Style, width: usize) -> Vec<Line<'static>> {
    crate::app::layout::wrap_words(text, width.max(1))
        .into_iter()
        .map(|l| Line::styled(l, style))
        .collect()
}

/// One bar: a label, a number and a run of blocks as long as `n` is against `max`.
fn bar(
    label: &str,
    n: usize,
    max: usize,
    width: usize,
    style: ratatui::style::Style,
) -> Line<'static> {
    const LABEL: usize = 13;
    const NUMBER: usize = 8;
    let room = width.saturating_sub(LABEL + NUMBER + 1).min(40);
    let filled = (n * room + max / 2)
        .checked_div(max)
        .map_or(0, |f| f.max(usize::from(n > 0)));
    Line::from(vec![
        Span::raw(format!("{label:<LABEL$}{:>NUMBER$} ", thousands(n))),
        Span::styled("█".repeat(filled), style),
    ])
}

fn figures(r: &Report, theme: Theme, width: usize) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    let i = &r.interest;
    let reachable = if r.reached == 0 {
        String::new()
    } else if r.reachable == r.reached {
        " all of them can be reached with their consent.".to_string()
    } else {
        format!(
            " {} of them can be reached with their consent.",
            thousands(r.reachable)
        )
    };
    lines.push(Line::from(vec![
        Span::raw("Takes in "),
        Span::styled(thousands(r.reached), theme.bold()),
        Span::raw(format!(
            " of {} people ({}){}{reachable}",
            thousands(r.people),
            share_words(r.reached, r.people),
            if r.reached == 0 { "." } else { ";" }
        )),
    ]));
    let reasons: Vec<_> = r.unreachable.iter().filter(|u| u.people > 0).collect();
    for u in &reasons {
        lines.push(Line::styled(
            format!("  {} have {}", thousands(u.people), u.why),
            theme.dim(),
        ));
    }
    if reasons.len() > 1 {
        lines.push(Line::styled(
            format!("  ({})", crate::reach::report::REASONS_OVERLAP),
            theme.dim(),
        ));
    }
    for t in &r.unknown_targets {
        lines.push(Line::styled(
            format!(
                "No event in this population is about {t}, so that condition matches nobody: is it spelled as in the catalogue?"
            ),
            theme.severity(Severity::Warning),
        ));
    }
    if r.demographic_only {
        lines.push(Line::from(vec![
            Span::styled("DEMOGRAPHIC-ONLY: ", theme.severity(Severity::Warning)),
            Span::raw(format!(
                "{} of the people it takes in showed this interest, against {} of everyone; it misses {} interested people.",
                share_words(i.reached_interested, r.reached),
                share_words(i.interested, r.people),
                thousands(i.missed)
            )),
        ]));
    }
    lines.push(Line::raw(""));
    lines.push(Line::from(vec![
        Span::styled(
            format!("Compared with interest ({}): ", i.source),
            theme.accent(),
        ),
        Span::raw(i.condition.clone()),
    ]));
    let max = i.interested.max(r.reached);
    lines.push(bar("audience", r.reached, max, width, theme.accent()));
    lines.push(bar("interested", i.interested, max, width, theme.good()));
    lines.push(bar(
        "  taken in",
        i.reached_interested,
        max,
        width,
        theme.good(),
    ));
    lines.push(bar(
        "  left out",
        i.missed,
        max,
        width,
        theme.severity(Severity::Warning),
    ));
    lines.push(bar(
        "by interest",
        i.interested_reachable,
        max,
        width,
        theme.accent(),
    ));
    let without = i.interested.saturating_sub(i.interested_reachable);
    lines.push(Line::styled(
        if without > 0 {
            format!(
                "by interest: whom targeting the interest instead reaches; the {} other interested people gave no consent for it",
                thousands(without)
            )
        } else {
            "by interest: whom targeting the interest instead reaches, all with their consent".into()
        },
        theme.dim(),
    ));
    if !r.attributes.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            "What each condition on who people are leaves out",
            theme.accent(),
        ));
        for a in &r.attributes {
            lines.push(Line::styled(a.condition.clone(), theme.bold()));
            if a.unknown_attribute {
                lines.push(Line::styled(
                    "  no one in the population has a value for it: it matches nobody",
                    theme.severity(Severity::Warning),
                ));
            }
            let of = a.among(r.people);
            lines.push(Line::raw(format!(
                "  excludes {} of {of}, and {} of the {} interested among them.",
                thousands(a.excluded),
                thousands(a.interested_excluded),
                thousands(a.interested_rest),
            )));
        }
        if r.attributes.len() > 1 {
            lines.push(Line::styled(
                "One person can be left out by several conditions, so these do not add up.",
                theme.dim(),
            ));
        }
    }
    lines
}
