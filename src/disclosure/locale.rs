//! The disclosure languages, one folder each in `assets/locales/` (found by build.rs): Fluent
//! messages plus `locale.ron` (readability formula, threshold, punctuation).

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use rustc_hash::FxHashMap;
use serde::Deserialize;

use super::readability::{Formula, SyllableMethod};

include!(concat!(env!("OUT_DIR"), "/locales.rs"));

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct LocaleFile {
    name: String,
    formula: Formula,
    threshold: f64,
    syllables: SyllableMethod,
    /// Marks this language sets apart from the word before them with a narrow no-break space
    /// (French `: ; ? !`); applied to typed text too.
    #[serde(default)]
    spaced_punctuation: String,
    #[serde(default)]
    lowercase_after_colon: bool,
}

pub struct Locale {
    pub code: &'static str,
    /// The language's own name for itself.
    pub name: String,
    pub formula: Formula,
    /// Scores below this are not plain language in this language.
    pub threshold: f64,
    pub syllables: SyllableMethod,
    pub spaced_punctuation: String,
    /// Whether a sentence that follows a colon starts in lower case.
    pub lowercase_after_colon: bool,
    bundle: FluentBundle<FluentResource>,
    /// Messages that are plain text (no arguments, no selectors), already formatted.
    plain: FxHashMap<String, String>,
    /// The ids of every message, for the completeness test.
    pub message_ids: Vec<String>,
}

impl std::fmt::Debug for Locale {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Locale").field("code", &self.code).finish()
    }
}

/// Why a locale folder could not be loaded. The folders are compiled in and tested, so this
/// only shows up while someone is adding a language.
#[derive(Debug, thiserror::Error)]
#[error("assets/locales/{code}/{file}: {message}")]
pub struct LocaleError {
    pub code: String,
    pub file: &'static str,
    pub message: String,
}

fn load(code: &'static str, ron_text: &str, ftl: &str) -> Result<Locale, LocaleError> {
    let err = |file, message: String| LocaleError {
        code: code.to_string(),
        file,
        message,
    };
    let meta: LocaleFile = ron::from_str(ron_text).map_err(|e| err("locale.ron", e.to_string()))?;
    let resource = FluentResource::try_new(ftl.to_string())
        .map_err(|(_, errs)| err("disclosure.ftl", format!("{errs:?}")))?;
    let message_ids: Vec<String> = resource
        .entries()
        .filter_map(|e| match e {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
            _ => None,
        })
        .collect();
    let langid = code
        .parse()
        .map_err(|e| err("locale.ron", format!("{code} is not a language code: {e}")))?;
    let mut bundle = FluentBundle::new_concurrent(vec![langid]);
    // Isolation marks would reach the terminal as invisible bidi controls; the text is one
    // direction per language, so they are not needed.
    bundle.set_use_isolating(false);
    bundle
        .add_resource(resource)
        .map_err(|e| err("disclosure.ftl", format!("{e:?}")))?;
    let plain = message_ids
        .iter()
        .filter_map(|id: &String| {
            let pattern = bundle.get_message(id)?.value()?;
            let text_only = pattern
                .elements
                .iter()
                .all(|e| matches!(e, fluent_syntax::ast::PatternElement::TextElement { .. }));
            let mut errors = Vec::new();
            text_only.then(|| {
                let text = bundle.format_pattern(pattern, None, &mut errors);
                (id.clone(), text.into_owned())
            })
        })
        .collect();
    Ok(Locale {
        code,
        name: meta.name,
        formula: meta.formula,
        threshold: meta.threshold,
        syllables: meta.syllables,
        spaced_punctuation: meta.spaced_punctuation,
        lowercase_after_colon: meta.lowercase_after_colon,
        bundle,
        plain,
        message_ids,
    })
}

/// Every built-in language, sorted by code.
pub fn locales() -> &'static [Locale] {
    static LOCALES: OnceLock<Vec<Locale>> = OnceLock::new();
    LOCALES.get_or_init(|| {
        LOCALE_FILES
            .iter()
            .map(|(code, ron_text, ftl)| {
                load(code, ron_text, ftl).expect("assets/locales are valid (tested)")
            })
            .collect()
    })
}

/// Loads every locale folder, reporting problems instead of panicking (for tests).
pub fn check_locale_files() -> Vec<LocaleError> {
    LOCALE_FILES
        .iter()
        .filter_map(|(c, r, f)| load(c, r, f).err())
        .collect()
}

pub fn locale(code: &str) -> Option<&'static Locale> {
    locales().iter().find(|l| l.code == code)
}

pub fn codes() -> Vec<&'static str> {
    locales().iter().map(|l| l.code).collect()
}

/// The value of a message argument.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    Text(String),
    /// A whole number, which the message may use to choose a plural form.
    Count(u32),
}

/// Formatted sentences each thread remembers before starting over.
const MEMO_LINES: usize = 4096;

impl Locale {
    /// Formats a message without arguments. A message missing here falls back to English,
    /// then to its id, so a half-finished translation shows up in review instead of breaking
    /// the preview.
    pub fn text(&self, id: &str) -> String {
        match self.plain.get(id) {
            Some(text) => text.clone(),
            None => self.format(id, None),
        }
    }

    /// Whether this language has a message `id` of its own.
    pub fn has(&self, id: &str) -> bool {
        self.bundle.has_message(id)
    }

    /// Formats a message with arguments, falling back like [`Locale::text`].
    ///
    /// Results are remembered per thread (up to [`MEMO_LINES`]): a notice repeats most of its
    /// sentences from one keystroke, or one imported campaign, to the next, and Fluent resolves
    /// a message afresh each time. The Fluent arguments are only built when a sentence is new.
    pub fn text_with(&self, id: &str, args: &[(&str, Arg)]) -> String {
        use std::cell::RefCell;
        use std::fmt::Write;
        thread_local! {
            // The key being built, and the sentences formatted so far.
            static MEMO: RefCell<(String, FxHashMap<String, String>)> = RefCell::default();
        }
        MEMO.with(|memo| {
            let mut memo = memo.borrow_mut();
            let (key, done) = &mut *memo;
            // Language, message and each argument, separated by a character no text contains
            // (control characters are stripped from everything typed).
            key.clear();
            key.push_str(self.code);
            key.push('\u{1f}');
            key.push_str(id);
            for (name, value) in args {
                key.push('\u{1f}');
                key.push_str(name);
                key.push('\u{1f}');
                match value {
                    Arg::Text(s) => key.push_str(s),
                    Arg::Count(n) => {
                        let _ = write!(key, "{n}#");
                    }
                }
            }
            if let Some(text) = done.get(key.as_str()) {
                return text.clone();
            }
            let mut fluent = FluentArgs::with_capacity(args.len());
            for (name, value) in args {
                match value {
                    Arg::Text(s) => fluent.set(*name, s.as_str()),
                    Arg::Count(n) => fluent.set(*name, *n),
                }
            }
            let text = self.format(id, Some(&fluent));
            if done.len() >= MEMO_LINES {
                done.clear();
            }
            done.insert(key.clone(), text.clone());
            text
        })
    }

    fn format(&self, id: &str, args: Option<&FluentArgs>) -> String {
        if let Some(msg) = self.bundle.get_message(id)
            && let Some(pattern) = msg.value()
        {
            let mut errors = Vec::new();
            return self
                .bundle
                .format_pattern(pattern, args, &mut errors)
                .into_owned();
        }
        match locale("en") {
            Some(en) if self.code != "en" => en.format(id, args),
            _ => format!("[{id}]"),
        }
    }

    /// The grammatical number of a message's text, from its `.number` attribute ("plural");
    /// "singular" when it has none. Sentences about a data label agree with it.
    pub fn grammatical_number(&self, id: &str) -> &'static str {
        let plural = self
            .bundle
            .get_message(id)
            .and_then(|m| m.get_attribute("number"))
            .is_some_and(|a| {
                let mut errors = Vec::new();
                self.bundle.format_pattern(a.value(), None, &mut errors) == "plural"
            });
        if plural { "plural" } else { "singular" }
    }

    /// Typed text with this language's spacing before punctuation: "Prêt pour le printemps ?"
    /// with a narrow no-break space, whether the marketer typed a space, none, or another kind.
    pub fn typeset(&self, text: &str) -> String {
        if self.spaced_punctuation.is_empty() {
            return text.to_string();
        }
        let mut out = String::with_capacity(text.len() + 4);
        let chars: Vec<char> = text.chars().collect();
        for (i, &c) in chars.iter().enumerate() {
            let closes = self.spaced_punctuation.contains(c)
                // Not inside an address such as https:// or a time such as 10:30.
                && chars.get(i + 1).is_none_or(|n| n.is_whitespace() || matches!(n, '»' | ')'));
            if closes {
                while out.ends_with([' ', '\u{a0}', '\u{202f}']) {
                    out.pop();
                }
                if !out.is_empty() {
                    out.push('\u{202f}');
                }
            }
            out.push(c);
        }
        out
    }

    /// A count as prose writes it: in words from two to nine ("three years"), in figures
    /// above. (One has its own plural form in every message.)
    pub fn count_words(&self, n: u32) -> String {
        if (2..=9).contains(&n) {
            self.text(&format!("number-{n}"))
        } else {
            n.to_string()
        }
    }

    /// A list joined the way this language joins lists: "a, b and c".
    pub fn join(&self, items: &[String]) -> String {
        self.join_with(items, "list-and")
    }

    /// A list of alternatives: "a, b or c".
    pub fn join_or(&self, items: &[String]) -> String {
        self.join_with(items, "list-or")
    }

    /// A list after a negation, where the language needs one: "a, b ni c".
    pub fn join_nor(&self, items: &[String]) -> String {
        self.join_with(items, "list-nor")
    }

    /// Items that each end in "on our site" share it: "the pages you visit and what you search
    /// for on our site", not the qualifier twice. The shared group leads, and a comma sets it
    /// off from the rest so it reads as one item: "…on our site, and what you buy from us".
    fn join_with(&self, items: &[String], word: &str) -> String {
        let suffix = format!(" {}", self.text("list-on-our-site"));
        let (site, rest): (Vec<&String>, Vec<&String>) =
            items.iter().partition(|i| i.ends_with(&suffix));
        if site.len() < 2 {
            return self.plain_join(items.iter(), word);
        }
        let bare = site.iter().map(|i| &i[..i.len() - suffix.len()]);
        let group = format!("{}{suffix}", self.plain_join(bare, word));
        match rest.len() {
            0 => group,
            1 => format!("{group}, {} {}", self.text(word), rest[0]),
            _ => format!("{group}, {}", self.plain_join(rest.into_iter(), word)),
        }
    }

    /// "a, b and c", with the language's word for "and" (or "or", or "nor").
    fn plain_join<S: AsRef<str>>(&self, items: impl Iterator<Item = S>, word: &str) -> String {
        let items: Vec<S> = items.collect();
        match items.as_slice() {
            [] => String::new(),
            [one] => one.as_ref().to_string(),
            [rest @ .., last] => {
                let rest: Vec<&str> = rest.iter().map(AsRef::as_ref).collect();
                format!("{} {} {}", rest.join(", "), self.text(word), last.as_ref())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// "on our site" is said once for the items that share it, in every language, and a list
    /// without two such items is joined as before.
    #[test]
    fn items_on_our_site_share_the_qualifier() {
        let pages = "the pages you visit on our site";
        let searches = "what you search for on our site";
        let bought = "what you buy from us";
        let email = "your email address";
        type Join = fn(&Locale, &[String]) -> String;
        let (and, or, nor): (Join, Join, Join) = (Locale::join, Locale::join_or, Locale::join_nor);
        let cases: [(&str, Join, &[&str], &str); 7] = [
            (
                "en",
                and,
                &[pages, searches],
                "the pages you visit and what you search for on our site",
            ),
            (
                "en",
                and,
                &[pages, bought, searches],
                "the pages you visit and what you search for on our site, and what you buy from us",
            ),
            (
                "en",
                and,
                &[email, pages, searches, bought],
                "the pages you visit and what you search for on our site, your email address and \
                 what you buy from us",
            ),
            (
                "en",
                or,
                &[pages, searches],
                "the pages you visit or what you search for on our site",
            ),
            // One item on the site: nothing to share, the list is as it was.
            (
                "en",
                and,
                &[pages, bought, email],
                "the pages you visit on our site, what you buy from us and your email address",
            ),
            (
                "es",
                and,
                &[
                    "las páginas que visitas en nuestra web",
                    "lo que buscas en nuestra web",
                    "lo que nos compras",
                ],
                "las páginas que visitas y lo que buscas en nuestra web, y lo que nos compras",
            ),
            (
                "fr",
                nor,
                &[
                    "les pages que vous consultez sur notre site",
                    "ce que vous cherchez sur notre site",
                ],
                "les pages que vous consultez ni ce que vous cherchez sur notre site",
            ),
        ];
        for (code, join, items, want) in cases {
            let items: Vec<String> = items.iter().map(|s| s.to_string()).collect();
            assert_eq!(
                join(locale(code).unwrap(), &items),
                want,
                "{code}: {items:?}"
            );
        }
    }

    /// Remembered sentences must be told apart by language, message and every argument.
    #[test]
    fn remembered_sentences_depend_on_every_argument() {
        let (en, es) = (locale("en").unwrap(), locale("es").unwrap());
        let brand =
            |l: &Locale, b: &str| l.text_with("who-brand", &[("brand", Arg::Text(b.into()))]);
        let days = |n: u32| {
            en.text_with(
                "duration-days",
                &[
                    ("count", Arg::Count(n)),
                    ("n", Arg::Text(en.count_words(n))),
                ],
            )
        };
        for _ in 0..2 {
            assert_eq!(brand(en, "Lumen"), "Lumen is asking for this data.");
            assert_eq!(brand(en, "Postbox"), "Postbox is asking for this data.");
            assert_eq!(brand(es, "Lumen"), "Lumen te pide estos datos.");
            assert_eq!(days(1), "one day");
            assert_eq!(days(12), "12 days");
        }
    }

    #[test]
    fn every_locale_folder_loads() {
        assert!(
            check_locale_files().is_empty(),
            "{:?}",
            check_locale_files()
        );
        assert_eq!(codes(), vec!["en", "es", "fr"]);
    }

    #[test]
    fn every_message_exists_in_every_language() {
        let en = locale("en").unwrap();
        for l in locales() {
            let mut missing: Vec<&String> = en
                .message_ids
                .iter()
                .filter(|id| !l.message_ids.contains(id))
                .collect();
            missing.extend(
                l.message_ids
                    .iter()
                    .filter(|id| !en.message_ids.contains(id)),
            );
            assert!(
                missing.is_empty(),
                "{} differs from en in {missing:?}",
                l.code
            );
        }
        // Every label the vocabularies name has a message.
        let v = crate::model::vocab::vocab();
        let labels = v
            .categories
            .iter()
            .map(|c| &c.label)
            .chain(v.uses.iter().map(|u| &u.label));
        for label in labels {
            assert!(en.message_ids.contains(label), "no message {label}");
        }
        // Every attribute has its own name for "why am I seeing this".
        for a in &v.attributes {
            let id = format!("attr-{}", a.id.replace('_', "-"));
            assert!(en.message_ids.contains(&id), "no message {id}");
        }
    }

    #[test]
    fn french_typed_text_gets_a_narrow_space_before_high_punctuation() {
        let fr = locale("fr").unwrap();
        assert_eq!(fr.typeset("Prêt ?"), "Prêt\u{202f}?");
        assert_eq!(fr.typeset("Prêt?"), "Prêt\u{202f}?");
        assert_eq!(
            fr.typeset("Offert : un cadeau"),
            "Offert\u{202f}: un cadeau"
        );
        assert_eq!(fr.typeset("https://a.example/x?y"), "https://a.example/x?y");
        assert_eq!(fr.typeset("à 10:30"), "à 10:30");
        assert_eq!(locale("en").unwrap().typeset("Ready ?"), "Ready ?");
    }

    #[test]
    fn plurals_and_numbers_follow_each_language() {
        let count = |code: &str, id: &str, n: u32| {
            let l = locale(code).unwrap();
            l.text_with(
                id,
                &[("count", Arg::Count(n)), ("n", Arg::Text(l.count_words(n)))],
            )
        };
        // One rule in every language: one and two to nine in words, larger numbers in figures.
        assert_eq!(count("fr", "duration-years", 1), "un an");
        assert_eq!(count("fr", "duration-years", 3), "trois ans");
        assert_eq!(count("es", "duration-years", 3), "tres años");
        assert_eq!(count("en", "duration-days", 3), "three days");
        assert_eq!(count("en", "duration-days", 12), "12 days");
        assert_eq!(count("es", "duration-months", 10), "10 meses");
        assert_eq!(
            locale("es")
                .unwrap()
                .join(&["a".into(), "b".into(), "c".into()]),
            "a, b y c"
        );
    }
}
