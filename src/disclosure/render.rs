//! A disclosure as plain text, Markdown, or an HTML snippet a web team can paste.

use super::Disclosure;

/// "(in English)", in the notice's language, under a custom text that has no translation.
fn untranslated_mark(d: &Disclosure) -> Option<String> {
    if d.custom_lang == d.locale {
        return None;
    }
    let l = super::locale(d.locale)?;
    Some(format!(
        "({})",
        l.text(&format!("language-{}", d.custom_lang))
    ))
}

/// Plain text: the title, then each heading with its sentences.
pub fn text(d: &Disclosure) -> String {
    let mut out = format!("{}\n\n", d.title);
    match &d.custom {
        Some(t) => {
            out.push_str(t);
            out.push('\n');
            if let Some(mark) = untranslated_mark(d) {
                out.push_str(&format!("{mark}\n"));
            }
        }
        None => {
            for s in &d.sections {
                out.push_str(&s.heading);
                out.push('\n');
                for line in &s.lines {
                    out.push_str(&format!("  {line}\n"));
                }
                out.push('\n');
            }
        }
    }
    if !d.why.is_empty() {
        if d.custom.is_some() {
            out.push('\n');
        }
        out.push_str(&format!("{}\n", d.why_heading));
        for w in &d.why {
            out.push_str(&format!("  {}\n", w.line));
        }
    }
    out.trim_end().to_string() + "\n"
}

fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if "\\`*_[]<>#|".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

pub fn markdown(d: &Disclosure) -> String {
    let mut out = format!("# {}\n\n", md_escape(&d.title));
    match &d.custom {
        Some(t) => {
            out.push_str(&format!("{}\n", md_escape(t)));
            if let Some(mark) = untranslated_mark(d) {
                out.push_str(&format!("\n{}\n", md_escape(&mark)));
            }
        }
        None => {
            for s in &d.sections {
                out.push_str(&format!("## {}\n\n", md_escape(&s.heading)));
                for line in &s.lines {
                    out.push_str(&format!("- {}\n", md_escape(line)));
                }
                out.push('\n');
            }
        }
    }
    if !d.why.is_empty() {
        if d.custom.is_some() {
            out.push('\n');
        }
        out.push_str(&format!("## {}\n\n", md_escape(&d.why_heading)));
        for w in &d.why {
            out.push_str(&format!("- {}\n", md_escape(&w.line)));
        }
    }
    out.trim_end().to_string() + "\n"
}

/// Escapes text for HTML element content and attribute values.
pub fn html_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// A line escaped for HTML, with each typed text in another language wrapped in a `lang`
/// span, so a screen reader reads it with the right voice.
fn tag_foreign(d: &Disclosure, line: &str) -> String {
    let mut out = html_escape(line);
    for f in &d.foreign {
        let plain = html_escape(&f.text);
        if out.contains(&plain) {
            out = out.replacen(
                &plain,
                &format!("<span lang=\"{}\">{plain}</span>", html_escape(f.lang)),
                1,
            );
        }
    }
    out
}

pub fn html(d: &Disclosure) -> String {
    let mut out = format!(
        "<section class=\"candor-disclosure\" lang=\"{}\">\n  <h2>{}</h2>\n",
        html_escape(d.locale),
        html_escape(&d.title)
    );
    match &d.custom {
        Some(t) => {
            // Not yet translated: the block says which language it is in.
            let (open, close) = if d.custom_lang == d.locale {
                (String::new(), "")
            } else {
                (
                    format!("  <div lang=\"{}\">\n", html_escape(d.custom_lang)),
                    "  </div>\n",
                )
            };
            out.push_str(&open);
            for para in t.split("\n\n") {
                out.push_str(&format!("  <p>{}</p>\n", html_escape(para.trim())));
            }
            out.push_str(close);
        }
        None => {
            for s in &d.sections {
                out.push_str(&format!("  <h3>{}</h3>\n", html_escape(&s.heading)));
                for line in &s.lines {
                    out.push_str(&format!("  <p>{}</p>\n", tag_foreign(d, line)));
                }
            }
        }
    }
    out.push_str("</section>\n");
    // One disclosure widget per zone, for the web team to place next to the zone's content.
    for w in &d.why {
        out.push_str(&format!(
            "<details class=\"candor-why\" lang=\"{}\" data-zone=\"{}\">\n  <summary>{}</summary>\n  <p>{}</p>\n</details>\n",
            html_escape(d.locale),
            html_escape(&w.zone),
            html_escape(&d.why_question),
            html_escape(&w.text)
        ));
    }
    out
}
