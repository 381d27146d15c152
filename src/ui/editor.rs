use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, Borders, Paragraph, Tabs, Wrap};

use super::theme::{Theme, severity_word};
use crate::app::fields::{self, Field};
use crate::app::{App, Editor, Focus, PanelTab, layout};
use crate::checks::Severity;
use crate::disclosure::{Arg, Presence, Verdict, locale};
use crate::text::{clean, truncate};

pub fn draw(frame: &mut Frame, app: &App, e: &Editor, theme: Theme) {
    let l = layout::editor(frame.area(), app.status_rows(frame.area().width));
    let c = &e.campaign;
    // The note after the name; the name gives way so the note stays whole.
    const KEPT: &str = "  not saved: kept in a file";
    let note_extra = if e.dirty() {
        // " (edits kept …)" after "● unsaved", which the name's allowance already covers.
        e.draft_note.as_ref().map_or(0, |n| n.chars().count() + 3)
    } else if e.kept_in.is_some() {
        KEPT.len() - "  saved".len()
    } else {
        0
    };
    let mut head = vec![
        Span::styled(" Candor ", theme.accent()),
        Span::raw(format!(
            "· {} · {} · revision {}",
            truncate(
                &clean(&c.name),
                usize::from(l.header.width.saturating_sub(46))
                    .saturating_sub(note_extra)
                    .max(8)
            ),
            c.status.label(),
            e.revision_number
        )),
    ];
    if e.dirty() {
        head.push(Span::styled("  ● unsaved", theme.bold()));
        if let Some(n) = &e.draft_note {
            head.push(Span::styled(format!(" ({n})"), theme.dim()));
        }
    } else if e.kept_in.is_some() {
        head.push(Span::styled(KEPT, theme.bold()));
    } else {
        head.push(Span::styled("  saved", theme.dim()));
    }
    frame.render_widget(Paragraph::new(Line::from(head)), l.header);

    let titles = app.section_titles();
    let current = crate::app::fields::Section::ALL
        .iter()
        .position(|s| *s == e.section)
        .unwrap_or(0);
    let tabs = Tabs::new(titles)
        .select(current)
        .highlight_style(theme.selected())
        .divider("│")
        .padding(" ", " ");
    frame.render_widget(tabs, l.tabs);

    draw_form(frame, e, theme, l.form);
    draw_panel(frame, app, e, theme, l.panel);
    let hint = match e.focus {
        Focus::Form => whole_row(e, l.form.width.saturating_sub(2))
            .map(|whole| {
                const EDIT: &str = " · Enter edits";
                let room = usize::from(l.status.width).saturating_sub(EDIT.chars().count());
                format!("{}{EDIT}", truncate(&whole, room))
            })
            .unwrap_or_else(|| "Enter edits the selected field; Tab moves to the preview.".into()),
        Focus::Panel => {
            "↑↓ move through the preview; p shows its next tab; Tab goes back to the form.".into()
        }
    };
    frame.render_widget(
        Paragraph::new(super::status_line(app, theme, &hint, l.status.width))
            .wrap(Wrap { trim: false }),
        l.status,
    );
    frame.render_widget(
        Paragraph::new(super::footer(app, theme, l.footer.width)),
        l.footer,
    );
}

fn draw_form(frame: &mut Frame, e: &Editor, theme: Theme, area: Rect) {
    let focused = e.focus == Focus::Form;
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border(focused))
        .title(format!(" {} ", e.section.title()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let banner_h = layout::banner_height(e, area).min(inner.height.saturating_sub(2));
    if banner_h > 0 {
        draw_banner(
            frame,
            e,
            theme,
            Rect::new(inner.x, inner.y, inner.width, banner_h),
            area,
        );
    }
    let body = Rect::new(
        inner.x,
        inner.y + banner_h,
        inner.width,
        inner.height.saturating_sub(banner_h),
    );
    let visible = usize::from(body.height);
    let offset = layout::scroll_offset(e.selected, visible);
    let width = usize::from(body.width);
    let mut lines = Vec::new();
    for (i, r) in e.derived.rows.iter().enumerate().skip(offset).take(visible) {
        let sev = e.row_severity(r);
        let mark = match sev {
            Some(s) => Span::styled(format!("{} ", s.symbol()), theme.severity(s)),
            None => Span::raw("  "),
        };
        let indent = "  ".repeat(usize::from(r.indent));
        let mut spans = vec![mark, Span::raw(indent.clone())];
        let used = 2 + indent.len();
        if r.value.is_empty() || matches!(r.field, Field::Node(_)) {
            let tag = r.mark.map(|m| format!(" [{m}]")).unwrap_or_default();
            let room = width.saturating_sub(used + tag.len());
            let style = if r.header {
                theme.bold()
            } else {
                ratatui::style::Style::default()
            };
            let label = match &r.field {
                Field::Node(path) => crate::model::audience::node(&e.campaign.audience, path)
                    .map_or_else(
                        || truncate(&r.label, room),
                        |n| fields::condition_fitted(n, room),
                    ),
                _ => truncate(&r.label, room),
            };
            spans.push(Span::styled(label, style));
            if let Some(m) = r.mark {
                let s = sev.unwrap_or(Severity::Warning);
                spans.push(Span::styled(format!(" [{m}]"), theme.severity(s)));
            }
        } else {
            let (lw, room) = value_room(width, indent.len());
            spans.push(Span::styled(
                format!("{:lw$} ", truncate(&r.label, lw)),
                theme.dim(),
            ));
            spans.push(Span::raw(truncate(&r.value, room)));
        }
        let mut line = Line::from(spans);
        if i == e.selected {
            line = line.style(if focused {
                theme.selected()
            } else {
                theme.bold()
            });
        }
        lines.push(line);
    }
    frame.render_widget(Paragraph::new(lines), body);
}

/// The columns a field's label and its value get in a form `width` wide, on a row indented by
/// `indent` columns after the two of its mark.
fn value_room(width: usize, indent: usize) -> (usize, usize) {
    let label = 18usize.min(width / 3).saturating_sub(indent).max(6);
    (label, width.saturating_sub(2 + indent + label + 1))
}

/// The selected row in full when the form, `width` columns inside its border, cuts it: at 80
/// columns a value gets about 25, and an address or a schedule cut there cannot be read. The
/// status line shows it instead of the hint.
fn whole_row(e: &Editor, width: u16) -> Option<String> {
    let r = e.derived.rows.get(e.selected)?;
    let width = usize::from(width);
    let used = 2 + 2 * usize::from(r.indent);
    // A condition reads as its full wording, a heading as its label: one line with its tag.
    let line = match &r.field {
        Field::Node(path) => Some(
            crate::model::audience::node(&e.campaign.audience, path)
                .map_or_else(|| r.label.clone(), fields::describe_condition),
        ),
        _ if r.value.is_empty() => Some(r.label.clone()),
        _ => None,
    };
    if let Some(text) = line {
        let tag = r.mark.map_or(0, |m| m.chars().count() + 3);
        return (text.chars().count() + tag > width.saturating_sub(used)).then_some(text);
    }
    let (label, room) = value_room(width, used - 2);
    (r.value.chars().count() > room || r.label.chars().count() > label)
        .then(|| format!("{}: {}", r.label, r.value))
}

/// The instant warning above the audience: what was chosen, why it is a problem, what to do.
fn draw_banner(frame: &mut Frame, e: &Editor, theme: Theme, area: Rect, form: Rect) {
    let worst = layout::audience_warnings(e)
        .iter()
        .map(|f| f.severity)
        .max()
        .unwrap_or(Severity::Warning);
    let (width, max) = layout::banner_room(e, form);
    let lines: Vec<Line> = layout::banner_lines(e, width, max)
        .into_iter()
        .map(|(kind, text)| match kind {
            layout::BannerLine::Message(f) => Line::styled(text, theme.severity(f.severity)),
            layout::BannerLine::Hint => Line::raw(format!("  {text}")),
            layout::BannerLine::More => Line::styled(text, theme.dim()),
        })
        .collect();
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.severity(worst))
        .title(" Targeting check ");
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

fn draw_panel(frame: &mut Frame, app: &App, e: &Editor, theme: Theme, area: Rect) {
    let focused = e.focus == Focus::Panel;
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border(focused))
        .title(" Live preview ");
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.height < 2 {
        return;
    }
    let current = PanelTab::ALL
        .iter()
        .position(|t| *t == e.panel)
        .unwrap_or(0);
    let titles = app.panel_titles(inner.width);
    let pad = if layout::tabs_fit_padded(&titles, inner.width) {
        " "
    } else {
        ""
    };
    // The notice points to the findings by the tab's title as shown: "Findings 1x", or on a
    // narrow panel its counts alone.
    let findings_tab = PanelTab::ALL
        .iter()
        .position(|t| *t == PanelTab::Findings)
        .and_then(|i| titles.get(i))
        .cloned()
        .unwrap_or_default();
    let tabs = Tabs::new(titles)
        .select(current)
        .highlight_style(theme.selected())
        .divider("│")
        .padding(pad, pad);
    frame.render_widget(tabs, Rect::new(inner.x, inner.y, inner.width, 1));
    let body = Rect::new(inner.x, inner.y + 1, inner.width, inner.height - 1);
    // Where each finding starts, on the Findings tab, to keep the selected one in view.
    let mut starts = Vec::new();
    let text = match e.panel {
        PanelTab::Disclosure => disclosure_text(e, theme, &findings_tab),
        PanelTab::Why => zones_text(e, theme, usize::from(body.width)),
        PanelTab::Value => value_text(e, theme),
        PanelTab::Reach => super::reach::reach_text(app, e, theme, usize::from(body.width)),
        PanelTab::Findings => {
            let (text, s) = findings_text(e, theme, focused);
            starts = s;
            text
        }
    };
    let scroll = if e.panel == PanelTab::Findings {
        finding_scroll(&text, &starts, e.finding, body)
    } else {
        // The text stops with its last line at the bottom; the editor keeps to the same limit.
        let rows: usize = line_rows(&text, usize::from(body.width)).iter().sum();
        let max = u16::try_from(rows.saturating_sub(usize::from(body.height))).unwrap_or(u16::MAX);
        e.panel_max_scroll.set(max);
        e.panel_scroll.min(max)
    };
    frame.render_widget(
        Paragraph::new(text)
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0)),
        body,
    );
}

/// The rows each line of `text` takes when the panel wraps it `width` columns wide.
fn line_rows(text: &Text, width: usize) -> Vec<usize> {
    text.lines
        .iter()
        .map(|l| {
            let s: String = l.spans.iter().map(|s| s.content.as_ref()).collect();
            crate::text::wrapped_rows(&s, width)
        })
        .collect()
}

/// How far to scroll the Findings tab so the whole of the selected finding is in view (its
/// start, when it is taller than the panel), counted in rows as the panel wraps them.
fn finding_scroll(text: &Text, starts: &[usize], selected: usize, body: Rect) -> u16 {
    let rows = line_rows(text, usize::from(body.width));
    let Some(&start) = starts.get(selected) else {
        return 0;
    };
    let end = starts.get(selected + 1).copied().unwrap_or(rows.len());
    let top: usize = rows[..start.min(rows.len())].iter().sum();
    let bottom: usize = rows[..end.min(rows.len())].iter().sum();
    let height = usize::from(body.height);
    let scroll = if bottom > height {
        (bottom - height).min(top)
    } else {
        0
    };
    u16::try_from(scroll).unwrap_or(u16::MAX)
}

fn disclosure_text(e: &Editor, theme: Theme, findings_tab: &str) -> Text<'static> {
    let d = &e.derived.disclosure;
    let l = locale(d.locale);
    let r = d.readability;
    let name = l.map_or(d.locale.to_string(), |l| l.name.clone());
    let score = crate::text::decimal(r.score, 1);
    // Upper case when it is a problem, so it stands out without colour.
    let verdict = if r.is_plain() {
        (r.verdict().to_string(), theme.good())
    } else {
        (
            r.verdict().to_uppercase(),
            theme.severity(Severity::Warning),
        )
    };
    let mut lines = Vec::new();
    // Before anything else: visitors would read something untrue (see NOTICE_UNTRUE).
    let untrue: Vec<_> = e
        .derived
        .findings
        .iter()
        .filter(|f| crate::checks::NOTICE_UNTRUE.contains(&f.rule) && f.counts())
        .collect();
    if !untrue.is_empty() {
        let tab = if findings_tab.starts_with("Findings") {
            "the Findings tab".to_string()
        } else {
            format!("the findings, tab {findings_tab}")
        };
        lines.push(Line::styled(
            format!(
                "x NOT TRUE YET: {}; {} so (see {tab})",
                crate::checks::untrue_words(untrue.iter().copied()),
                crate::text::plural(untrue.len(), "finding says", "findings say")
            ),
            theme.severity(Severity::Error),
        ));
    }
    lines.push(Line::from(vec![
        Span::styled(format!("{name} (L) · "), theme.dim()),
        Span::raw(format!("readability {score} ")),
        Span::styled(verdict.0, verdict.1),
        Span::styled(format!(" · {}", r.formula.name()), theme.dim()),
    ]));
    let mut parts = vec![Span::styled("Complete: ", theme.dim())];
    let mut seen: Vec<&str> = Vec::new();
    for (el, p) in &d.completeness {
        let (mark, style, meaning) = match p {
            Presence::Present => ("+", theme.good(), "+ said"),
            Presence::Missing => ("-", theme.severity(Severity::Error), "- missing"),
            Presence::NotApplicable => ("·", theme.dim(), "· not needed"),
            Presence::Unknown => ("?", theme.severity(Severity::Warning), "? unclear"),
        };
        if !seen.contains(&meaning) {
            seen.push(meaning);
        }
        parts.push(Span::styled(format!("{mark}{} ", el.label()), style));
    }
    // What the marks mean, for the ones shown, always in the same order.
    let legend: Vec<&str> = ["+ said", "- missing", "· not needed", "? unclear"]
        .into_iter()
        .filter(|m| seen.contains(m))
        .collect();
    parts.push(Span::styled(
        format!("({})", legend.join(", ")),
        theme.dim(),
    ));
    lines.push(Line::from(parts));
    lines.push(Line::raw(""));
    lines.push(Line::styled(d.title.clone(), theme.bold()));
    match &d.custom {
        Some(t) => {
            lines.push(Line::styled(
                "(the campaign's own text, shown instead of Candor's)",
                theme.dim(),
            ));
            if d.custom_lang != d.locale {
                lines.push(Line::styled(
                    format!(
                        "NOT TRANSLATED: shown in {} (missing-translation)",
                        locale(d.custom_lang).map_or(d.custom_lang.to_string(), |l| l.name.clone())
                    ),
                    theme.severity(Severity::Warning),
                ));
            }
            for para in t.lines() {
                lines.push(Line::raw(para.to_string()));
            }
        }
        None => {
            for s in &d.sections {
                lines.push(Line::raw(""));
                lines.push(Line::styled(s.heading.clone(), theme.accent()));
                for line in &s.lines {
                    lines.push(Line::raw(line.clone()));
                }
            }
        }
    }
    Text::from(lines)
}

/// What a visitor reads next to each zone when they ask why they see it.
/// Each zone drawn small, as the visitor would see it in the preview language, then what the
/// visitor reads when they ask why they see it.
fn zones_text(e: &Editor, theme: Theme, width: usize) -> Text<'static> {
    let d = &e.derived.disclosure;
    let l = locale(d.locale);
    let name = l.map_or(d.locale.to_string(), |l| l.name.clone());
    let mut lines = vec![
        Line::from(vec![
            Span::styled(format!("{name} (L) · "), theme.dim()),
            Span::styled("each zone as a visitor sees it, and why", theme.dim()),
        ]),
        Line::raw(""),
    ];
    if e.campaign.zones.is_empty() {
        lines.push(Line::styled(
            "No zones yet. Add one in Zones to see it here.",
            theme.dim(),
        ));
    }
    for (z, w) in e.campaign.zones.iter().zip(&d.why) {
        lines.extend(zone_preview(&e.campaign, z, d.locale, width, theme));
        let heading = l.map_or_else(
            || format!("{}: {}", w.zone, d.why_question),
            |l| {
                l.text_with(
                    "why-zone",
                    &[
                        ("zone", Arg::Text(w.zone.clone())),
                        ("text", Arg::Text(d.why_question.clone())),
                    ],
                )
            },
        );
        lines.push(Line::styled(heading, theme.accent()));
        lines.push(Line::raw(w.text.clone()));
        lines.push(Line::raw(""));
    }
    Text::from(lines)
}

/// One zone in a small box: headline, text, image, button and coupon, in `lang` (a text not
/// yet written in `lang` shows the first language's, marked).
fn zone_preview(
    c: &crate::model::Campaign,
    z: &crate::model::Zone,
    lang: &str,
    width: usize,
    theme: Theme,
) -> Vec<Line<'static>> {
    let inner = width.saturating_sub(4).max(8);
    let first = c.first_locale();
    let words = |t: &Option<crate::model::Text>| -> Option<(String, bool)> {
        t.as_ref()
            .and_then(|t| t.resolve(lang, first))
            .map(|found| (clean(found.text), found.lang != lang))
    };
    let k = &z.content;
    let mut body: Vec<(String, ratatui::style::Style)> = Vec::new();
    let mut foreign = false;
    let mut add = |text: String, style, marked: bool, body: &mut Vec<_>| {
        foreign |= marked;
        for l in layout::wrap_words(&text, inner) {
            body.push((l, style));
        }
    };
    if let Some((t, m)) = words(&k.headline) {
        add(t, theme.bold(), m, &mut body);
    }
    if let Some((t, m)) = words(&k.body) {
        add(t, ratatui::style::Style::default(), m, &mut body);
    }
    if let Some(img) = &k.image {
        let (text, marked) = match words(&k.image_alt) {
            Some((a, m)) => (format!("[image: {a}]"), m),
            None => (
                format!("[image without a description: {}]", clean(img)),
                false,
            ),
        };
        add(text, theme.dim(), marked, &mut body);
    }
    if let Some((t, m)) = words(&k.button) {
        let to = k
            .link
            .as_deref()
            .map(clean)
            .unwrap_or_else(|| "no link yet".into());
        add(format!("[ {t} ] → {to}"), theme.accent(), m, &mut body);
    }
    if let Some(code) = &k.coupon {
        add(
            format!("Code: {}", clean(code)),
            theme.bold(),
            false,
            &mut body,
        );
    }
    if body.is_empty() {
        for l in layout::wrap_words("Nothing to see yet: give it a headline in Zones.", inner) {
            body.push((l, theme.dim()));
        }
    }
    let title = format!(" {} ", clean(&z.name));
    let title: String = title.chars().take(inner).collect();
    let mut out = vec![Line::styled(
        format!(
            "┌{title}{}┐",
            "─".repeat((inner + 2).saturating_sub(title.chars().count()))
        ),
        theme.dim(),
    )];
    for (text, style) in body {
        let pad = inner.saturating_sub(text.chars().count());
        out.push(Line::from(vec![
            Span::styled("│ ", theme.dim()),
            Span::styled(text, style),
            Span::raw(" ".repeat(pad)),
            Span::styled(" │", theme.dim()),
        ]));
    }
    out.push(Line::styled(
        format!("└{}┘", "─".repeat(inner + 2)),
        theme.dim(),
    ));
    if foreign {
        out.push(Line::styled(
            format!("Some words are not yet written in this language ({lang}): L switches."),
            theme.severity(Severity::Warning),
        ));
    }
    out
}

fn value_text(e: &Editor, theme: Theme) -> Text<'static> {
    let v = &e.derived.value;
    let style = match v.verdict {
        Verdict::Balanced | Verdict::NothingCollected => theme.good(),
        Verdict::Thin => theme.severity(Severity::Warning),
        Verdict::NothingOffered => theme.severity(Severity::Error),
    };
    let en = locale("en");
    let mut lines = vec![
        Line::from(vec![
            Span::styled("Verdict: ", theme.dim()),
            Span::styled(v.verdict.label().to_uppercase(), style),
        ]),
        Line::raw(v.reason.clone()),
        Line::raw(""),
        Line::styled(
            format!(
                "The customer gives ({})",
                crate::disclosure::value_exchange::points(v.given)
            ),
            theme.bold(),
        ),
    ];
    if v.gives.is_empty() {
        lines.push(Line::styled("  nothing", theme.dim()));
    }
    for g in &v.gives {
        let label = en.map_or(g.category.clone(), |l| l.text(&g.label));
        let mut spans = vec![
            Span::styled(format!("  {:>2}  ", g.weight), theme.dim()),
            Span::raw(label),
        ];
        if !g.declared {
            // Read by the campaign without a declaration: counted all the same.
            spans.push(Span::styled(
                " (read, NOT DECLARED)",
                theme.severity(Severity::Error),
            ));
        }
        lines.push(Line::from(spans));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        format!(
            "The customer gets ({})",
            crate::disclosure::value_exchange::points(v.offered)
        ),
        theme.bold(),
    ));
    if v.gets.is_empty() {
        lines.push(Line::styled(
            "  nothing yet: add an offer in Value & consent",
            theme.severity(Severity::Warning),
        ));
    }
    for g in &v.gets {
        let kind = match g.kind {
            crate::disclosure::value_exchange::BenefitKind::Immediate => "now",
            crate::disclosure::value_exchange::BenefitKind::Ongoing => "over time",
            crate::disclosure::value_exchange::BenefitKind::EmailPromise => "by email",
            crate::disclosure::value_exchange::BenefitKind::LoginBenefit => "when logged in",
        };
        lines.push(Line::from(vec![
            Span::styled(format!("  {:>2}  {kind}: ", g.points), theme.dim()),
            Span::raw(g.text.clone()),
        ]));
    }
    if v.given > 0 {
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            crate::disclosure::value_exchange::how_counted(),
            theme.dim(),
        ));
    }
    Text::from(lines)
}

/// The Findings tab's text, and the line each finding starts on.
fn findings_text(e: &Editor, theme: Theme, focused: bool) -> (Text<'static>, Vec<usize>) {
    let f = &e.derived.findings;
    if f.is_empty() {
        let none = Line::styled(crate::checks::no_findings_words(&e.campaign), theme.good());
        return (Text::from(vec![none]), Vec::new());
    }
    let mut lines = Vec::new();
    let mut starts = Vec::new();
    for (i, x) in f.iter().enumerate() {
        starts.push(lines.len());
        // A waived finding stays listed, without its colour: the team accepted it.
        let (mark, style) = match x.waived {
            Some(_) => (
                format!("~ {} (waived) ", severity_word(x.severity)),
                theme.dim(),
            ),
            None => (
                format!("{} {} ", x.severity.symbol(), severity_word(x.severity)),
                theme.severity(x.severity),
            ),
        };
        let mut first = Line::from(vec![
            Span::styled(mark, style),
            Span::raw(x.message.clone()),
        ]);
        if focused && i == e.finding {
            first = first.style(theme.selected());
        }
        lines.push(first);
        if x.rule == "demographic-only-targeting"
            && let Some((figure, _)) = &e.reach_note
        {
            lines.push(Line::raw(format!("  {figure}")));
        }
        // Where in the form, in its words; the rule id is what `candor explain` takes.
        let place = e.derived.places.get(i).map_or(x.location.as_str(), |p| p);
        lines.push(Line::styled(
            format!("  at {place} (rule {})", x.rule),
            theme.dim(),
        ));
        if let Some(w) = &x.waived {
            lines.push(Line::styled(format!("  {}", w.describe()), theme.dim()));
        }
        lines.push(Line::raw(""));
    }
    if focused {
        let waivable = f.get(e.finding).is_some_and(|x| {
            x.waived.is_none() && crate::checks::rule(x.rule).is_some_and(|r| r.waivable)
        });
        lines.push(Line::styled(
            if waivable {
                "Enter: go to the field and read why it matters · w: waive it, with a reason"
            } else {
                "Enter: go to the field and read why it matters"
            },
            theme.dim(),
        ));
        if f.iter().any(|x| x.rule == "undeclared-data-use") {
            lines.push(Line::styled(
                "d on an undeclared-data-use finding: declare that data",
                theme.dim(),
            ));
        }
    } else {
        lines.push(Line::styled(
            "Tab here, then Enter on a finding to go to its field",
            theme.dim(),
        ));
    }
    (Text::from(lines), starts)
}
