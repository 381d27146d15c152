//! The translation round trip for teams that send text to translators: a campaign's visitor
//! texts out as a gettext PO file for one language, and back in.
//!
//! PO because the tools translators already use (Poedit, Weblate, Crowdin, Lokalize, OmegaT)
//! open it, it is line-based text that diffs well in git, and `polib` reads and writes it.
//! Each text is keyed by its stable path in the campaign (`msgctxt "value_exchange.immediate"`),
//! carries the source text as `msgid` and what it is as a comment; the campaign's id is the
//! `Project-Id-Version`, the target language the `Language` header. An import refuses a file
//! whose source texts changed since export, listing those keys, so a translation is never
//! attached to a text it was not made for.

use std::io::BufWriter;

use polib::catalog::Catalog;
use polib::message::Message;
use polib::metadata::CatalogMetadata;

use super::Campaign;
use crate::text::clean;

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum TranslationError {
    #[error(
        "\"{0}\" is not one of this campaign's languages ({1}); add it first, under Languages on the editor's Overview or to `locales` in the file"
    )]
    NotOffered(String, String),
    #[error(
        "\"{0}\" is the campaign's first language: its texts are the source, not a translation"
    )]
    SourceLanguage(String),
    #[error("the file could not be read as PO: {0}")]
    Parse(String),
    #[error("the file names no target language (its \"Language:\" header is empty)")]
    NoLanguage,
    #[error("the file is for campaign \"{found}\", not \"{expected}\"")]
    WrongCampaign { found: String, expected: String },
    #[error(
        "the source text changed since export for {}: {}; export again and translate those",
        plural_texts(.0.len()),
        .0.join(", ")
    )]
    Stale(Vec<String>),
}

fn plural_texts(n: usize) -> String {
    if n == 1 {
        "1 text".to_string()
    } else {
        format!("{n} texts")
    }
}

/// What an import changed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Imported {
    pub lang: String,
    /// Texts whose translation was written (new or changed).
    pub changed: usize,
    /// Texts whose translation was already the same.
    pub unchanged: usize,
    /// Keys the translator left empty or marked fuzzy: nothing was written for them.
    pub untranslated: Vec<String>,
}

/// The PO file for translating the campaign's visitor texts into `lang`, with the translations
/// it already has filled in.
pub fn export(c: &Campaign, lang: &str) -> Result<String, TranslationError> {
    offered(c, lang)?;
    let first = c.first_locale();
    let mut meta = CatalogMetadata::new();
    meta.project_id_version = c.id.clone();
    meta.language = lang.to_string();
    meta.mime_version = "1.0".into();
    meta.content_type = "text/plain; charset=UTF-8".into();
    meta.content_transfer_encoding = "8bit".into();
    // The language's own plural rule (polib's default, one form, is no language's): the
    // texts are singular, but translation tools check the header against the language.
    let rule = match lang {
        "fr" => "nplurals=2; plural=(n > 1);",
        _ => "nplurals=2; plural=(n != 1);",
    };
    meta.plural_rules = CatalogMetadata::parse(&format!("Plural-Forms: {rule}"))
        .map(|m| m.plural_rules)
        .unwrap_or_default();
    let mut catalog = Catalog::new(meta);
    catalog.preheader = vec![
        format!("Visitor texts of the campaign \"{}\"", clean(&c.name)),
        format!("from {first} into {lang}, written by candor translations export."),
        "Translate each msgstr; keep msgctxt as it is. Import with candor translations import."
            .into(),
    ];
    for (path, what, text) in c.visitor_texts() {
        let Some(source) = text.source(first) else {
            continue;
        };
        let msgstr = text.exact(lang, first).unwrap_or("").to_string();
        catalog.append_or_update(
            Message::build_singular()
                .with_extracted_comments(what.to_string())
                .with_msgctxt(path)
                .with_msgid(source.to_string())
                .with_msgstr(msgstr)
                .done(),
        );
    }
    let mut out = BufWriter::new(Vec::new());
    polib::po_file::write(&catalog, &mut out)
        .map_err(|e| TranslationError::Parse(e.to_string()))?;
    let bytes = out
        .into_inner()
        .map_err(|e| TranslationError::Parse(e.to_string()))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// Writes the translations of a PO file into the campaign. Nothing changes when the file is for
/// another campaign or any source text changed since export.
pub fn import(c: &mut Campaign, po: &str) -> Result<Imported, TranslationError> {
    check_lines(po)?;
    // The parser slices lines it has not checked; the lines were checked above, and a panic
    // that still gets through becomes an error like any other, never a crash.
    let parsed = std::panic::catch_unwind(|| polib::po_file::parse_from_reader(po.as_bytes()));
    let catalog = match parsed {
        Ok(Ok(c)) => c,
        Ok(Err(e)) => return Err(TranslationError::Parse(e.to_string())),
        Err(_) => return Err(TranslationError::Parse("the file is not valid PO".into())),
    };
    let lang = catalog.metadata.language.trim().to_string();
    if lang.is_empty() {
        return Err(TranslationError::NoLanguage);
    }
    let project = catalog.metadata.project_id_version.trim();
    if !project.is_empty() && project != c.id {
        return Err(TranslationError::WrongCampaign {
            found: clean(project),
            expected: clean(&c.id),
        });
    }
    offered(c, &lang)?;
    let first = c.first_locale().to_string();
    // Every entry must still match its source, or nothing is written.
    let texts = c.visitor_texts();
    let mut stale = Vec::new();
    for m in catalog.messages() {
        let key = m.msgctxt().unwrap_or("");
        let current = texts
            .iter()
            .find(|(p, _, _)| p == key)
            .and_then(|(_, _, t)| t.source(&first));
        if current != Some(m.msgid()) {
            stale.push(clean(key));
        }
    }
    if !stale.is_empty() {
        return Err(TranslationError::Stale(stale));
    }
    let mut done = Imported {
        lang: lang.clone(),
        ..Imported::default()
    };
    for m in catalog.messages() {
        let key = m.msgctxt().unwrap_or("");
        let value = m.msgstr().unwrap_or("");
        if value.trim().is_empty() || m.is_fuzzy() {
            done.untranslated.push(clean(key));
            continue;
        }
        let Some(text) = c.visitor_text_mut(key) else {
            continue;
        };
        if text.exact(&lang, &first) == Some(value) {
            done.unchanged += 1;
        } else {
            text.set(&lang, &first, value);
            done.changed += 1;
        }
    }
    Ok(done)
}

/// Checks that every line is blank, a comment, a keyword with a quoted string, or a quoted
/// continuation, and says which line is not.
fn check_lines(po: &str) -> Result<(), TranslationError> {
    // A string in quotes whose closing quote is not escaped (an even number of backslashes
    // before it).
    let quoted = |s: &str| {
        let s = s.trim();
        let Some(inner) = s.strip_prefix('"').and_then(|r| r.strip_suffix('"')) else {
            return false;
        };
        inner.chars().rev().take_while(|c| *c == '\\').count() % 2 == 0
    };
    for (n, line) in po.lines().enumerate() {
        let t = line.trim();
        let ok = t.is_empty()
            || t.starts_with('#')
            || quoted(t)
            || t.split_once(' ').is_some_and(|(k, rest)| {
                let keyword = matches!(k, "msgctxt" | "msgid" | "msgid_plural" | "msgstr")
                    || (k.starts_with("msgstr[") && k.ends_with(']'));
                keyword && quoted(rest)
            });
        if !ok {
            return Err(TranslationError::Parse(format!(
                "line {}: expected a keyword such as msgstr and a text in quotes, found \"{}\"",
                n + 1,
                clean(crate::text::truncate(t, 40).as_str())
            )));
        }
    }
    Ok(())
}

fn offered(c: &Campaign, lang: &str) -> Result<(), TranslationError> {
    if !c.locales.iter().any(|l| l == lang) {
        return Err(TranslationError::NotOffered(
            clean(lang),
            c.locales.join(", "),
        ));
    }
    if lang == c.first_locale() {
        return Err(TranslationError::SourceLanguage(clean(lang)));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Text, ron_io};

    fn welcome() -> (Campaign, String) {
        let text = crate::samples::SAMPLES
            .iter()
            .find(|s| s.0 == "welcome-email.ron")
            .unwrap()
            .1;
        (
            ron_io::load_str("w", text).unwrap().campaign,
            text.to_string(),
        )
    }

    #[test]
    fn export_then_import_changes_nothing_byte_for_byte() {
        let (mut c, text) = welcome();
        let doc = ron_io::load_str("w", &text).unwrap();
        for (lang, plural) in [("es", "(n != 1)"), ("fr", "(n > 1)")] {
            let po = export(&c, lang).unwrap();
            assert!(po.contains("msgctxt \"value_exchange.immediate\""), "{po}");
            assert!(po.contains(&format!("Language: {lang}")), "{po}");
            // The language's plural rule, which tools such as msgfmt check.
            assert!(
                po.contains(&format!("Plural-Forms: nplurals=2; plural={plural};")),
                "{po}"
            );
            let done = import(&mut c, &po).unwrap();
            assert_eq!(done.changed, 0);
            // The offer, a benefit, the email promise and the pop-up's four texts.
            assert_eq!(done.unchanged, 7);
        }
        let again = ron_io::document_text(&c, &doc.leading_comment).unwrap();
        assert_eq!(again, text);
    }

    #[test]
    fn a_translated_file_fills_the_missing_language() {
        let (mut c, _) = welcome();
        c.value_exchange.immediate = Some(Text::from("10% off your first order"));
        let po = export(&c, "es").unwrap();
        let po = po.replacen(
            "msgid \"10% off your first order\"\nmsgstr \"\"",
            "msgid \"10% off your first order\"\nmsgstr \"10 % de descuento\"",
            1,
        );
        let done = import(&mut c, &po).unwrap();
        assert_eq!(done.changed, 1);
        let offer = c.value_exchange.immediate.as_ref().unwrap();
        assert_eq!(offer.exact("es", "en"), Some("10 % de descuento"));
        assert_eq!(offer.exact("en", "en"), Some("10% off your first order"));
    }

    #[test]
    fn a_changed_source_is_refused_with_the_stale_keys() {
        let (mut c, _) = welcome();
        let po = export(&c, "fr").unwrap();
        let before = c.clone();
        c.value_exchange
            .immediate
            .as_mut()
            .unwrap()
            .set("en", "en", "15% off your first order");
        let mut changed = c.clone();
        let err = import(&mut changed, &po).unwrap_err();
        assert_eq!(
            err,
            TranslationError::Stale(vec!["value_exchange.immediate".into()])
        );
        assert_eq!(changed, c, "nothing is written");
        assert_ne!(c, before);
        assert!(err.to_string().contains("value_exchange.immediate"));
    }

    #[test]
    fn wrong_campaign_language_and_source_are_clear_errors() {
        let (mut c, _) = welcome();
        assert_eq!(
            export(&c, "de").unwrap_err(),
            TranslationError::NotOffered("de".into(), "en, es, fr".into())
        );
        assert_eq!(
            export(&c, "en").unwrap_err(),
            TranslationError::SourceLanguage("en".into())
        );
        let po = export(&c, "es").unwrap();
        c.id = "other".into();
        assert!(matches!(
            import(&mut c, &po).unwrap_err(),
            TranslationError::WrongCampaign { .. }
        ));
        // Malformed input is a located error, never a panic.
        for bad in [
            "msgid \"\nbroken",
            "msgid \"",
            "\"",
            "msgstr[0 \"x\"",
            "garbage here",
        ] {
            let err = import(&mut c, bad).unwrap_err();
            assert!(
                matches!(err, TranslationError::Parse(ref m) if m.starts_with("line ")),
                "{bad:?}: {err}"
            );
        }
    }
}
