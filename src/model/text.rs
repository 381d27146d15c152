//! Text a visitor reads that a marketer typed (an offer, a benefit, a custom notice): one string
//! in the campaign's first language, or one string per language.
//!
//! In a campaign file the plain form stays a plain string, so old files load unchanged and a
//! one-language campaign reads as before; the translated form is a map from language code to
//! text, one line each, so a translation is a one-line diff:
//!
//! ```text
//! immediate: "10% off your first order",
//! immediate: {
//!     "en": "10% off your first order",
//!     "es": "10 % de descuento en tu primer pedido",
//! },
//! ```

use std::collections::BTreeMap;
use std::fmt;

use serde::de::{self, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Text {
    /// In the campaign's first language.
    Plain(String),
    /// By language code.
    Translated(BTreeMap<String, String>),
}

impl From<&str> for Text {
    fn from(s: &str) -> Text {
        Text::Plain(s.to_string())
    }
}

impl From<String> for Text {
    fn from(s: String) -> Text {
        Text::Plain(s)
    }
}

/// A piece of text with the language it is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InLanguage<'a> {
    pub text: &'a str,
    pub lang: &'a str,
}

impl Text {
    /// The text written for `lang` itself, if any (a plain text is in `first`).
    pub fn exact<'a>(&'a self, lang: &str, first: &str) -> Option<&'a str> {
        let s = match self {
            Text::Plain(s) if lang == first => Some(s.as_str()),
            Text::Plain(_) => None,
            Text::Translated(m) => m.get(lang).map(String::as_str),
        };
        s.filter(|s| !s.trim().is_empty())
    }

    /// The text a reader of `lang` sees: theirs, else the campaign's first language, else any.
    /// The result says which language it is in, so a notice can mark a fallback.
    pub fn resolve<'a>(&'a self, lang: &'a str, first: &'a str) -> Option<InLanguage<'a>> {
        if let Some(text) = self.exact(lang, first) {
            return Some(InLanguage { text, lang });
        }
        if let Some(text) = self.exact(first, first) {
            return Some(InLanguage { text, lang: first });
        }
        match self {
            Text::Plain(_) => None,
            Text::Translated(m) => {
                m.iter()
                    .find(|(_, t)| !t.trim().is_empty())
                    .map(|(l, t)| InLanguage {
                        text: t.as_str(),
                        lang: l.as_str(),
                    })
            }
        }
    }

    /// The source text translators start from: the first language's, else any.
    pub fn source<'a>(&'a self, first: &'a str) -> Option<&'a str> {
        self.resolve(first, first).map(|t| t.text)
    }

    /// Every text written, in any language.
    pub fn all(&self) -> Vec<&str> {
        match self {
            Text::Plain(s) => vec![s.as_str()],
            Text::Translated(m) => m.values().map(String::as_str).collect(),
        }
        .into_iter()
        .filter(|s| !s.trim().is_empty())
        .collect()
    }

    /// Whether no language has any text.
    pub fn is_blank(&self) -> bool {
        match self {
            Text::Plain(s) => s.trim().is_empty(),
            Text::Translated(m) => m.values().all(|t| t.trim().is_empty()),
        }
    }

    /// The languages among `wanted` that have no text of their own.
    pub fn missing<'a>(&self, wanted: &'a [String], first: &str) -> Vec<&'a str> {
        wanted
            .iter()
            .map(String::as_str)
            .filter(|l| self.exact(l, first).is_none())
            .collect()
    }

    /// Sets the text for `lang`. A plain text stays plain while only the first language is
    /// written; writing another language turns it into the translated form. An empty value
    /// removes that language.
    pub fn set(&mut self, lang: &str, first: &str, value: &str) {
        let value = value.trim();
        match self {
            Text::Plain(s) if lang == first => *s = value.to_string(),
            Text::Plain(s) => {
                let mut m = BTreeMap::new();
                if !s.trim().is_empty() {
                    m.insert(first.to_string(), std::mem::take(s));
                }
                if !value.is_empty() {
                    m.insert(lang.to_string(), value.to_string());
                }
                *self = Text::Translated(m);
            }
            Text::Translated(m) => {
                if value.is_empty() {
                    m.remove(lang);
                } else {
                    m.insert(lang.to_string(), value.to_string());
                }
            }
        }
    }

    /// A text set for `lang` only, as [`Text::set`] would build it from nothing.
    pub fn new_in(lang: &str, first: &str, value: &str) -> Text {
        let mut t = Text::Plain(String::new());
        t.set(lang, first, value);
        t
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Text::Plain(t) => s.serialize_str(t),
            Text::Translated(m) => {
                let mut map = s.serialize_map(Some(m.len()))?;
                for (k, v) in m {
                    map.serialize_entry(k, v)?;
                }
                map.end()
            }
        }
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Text, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Text;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(
                    "a text in quotes, or one text per language such as { \"en\": \"...\", \"es\": \"...\" }",
                )
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<Text, E> {
                Ok(Text::Plain(v.to_string()))
            }

            fn visit_string<E: de::Error>(self, v: String) -> Result<Text, E> {
                Ok(Text::Plain(v))
            }

            fn visit_map<A: MapAccess<'de>>(self, mut a: A) -> Result<Text, A::Error> {
                let mut m = BTreeMap::new();
                while let Some((k, v)) = a.next_entry::<String, String>()? {
                    if m.insert(k.clone(), v).is_some() {
                        return Err(de::Error::custom(format!(
                            "the language \"{}\" is given twice",
                            crate::text::clean(&k)
                        )));
                    }
                }
                Ok(Text::Translated(m))
            }
        }
        d.deserialize_any(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_the_first_language_and_stays_plain_until_translated() {
        let mut t = Text::from("10% off");
        assert_eq!(t.exact("en", "en"), Some("10% off"));
        assert_eq!(t.exact("es", "en"), None);
        assert_eq!(
            t.resolve("es", "en"),
            Some(InLanguage {
                text: "10% off",
                lang: "en"
            })
        );
        t.set("en", "en", "15% off");
        assert_eq!(t, Text::from("15% off"));
        t.set("es", "en", "15 % de descuento");
        assert_eq!(t.exact("es", "en"), Some("15 % de descuento"));
        assert_eq!(t.exact("en", "en"), Some("15% off"));
        assert_eq!(
            t.missing(&["en".into(), "es".into(), "fr".into()], "en"),
            ["fr"]
        );
        t.set("es", "en", "");
        assert_eq!(t.exact("es", "en"), None);
    }

    #[test]
    fn both_forms_round_trip_through_ron() {
        for t in [
            Text::from("Free gift wrapping"),
            Text::new_in("fr", "en", "Emballage cadeau offert"),
        ] {
            let s = ron::to_string(&t).unwrap();
            let back: Text = ron::from_str(&s).unwrap();
            assert_eq!(back, t, "{s}");
        }
        assert_eq!(
            ron::to_string(&Text::from("x")).unwrap(),
            "\"x\"",
            "a plain text is written as a plain string"
        );
        let err = ron::from_str::<Text>("{\"en\": \"a\", \"en\": \"b\"}").unwrap_err();
        assert!(err.to_string().contains("given twice"), "{err}");
        let err = ron::from_str::<Text>("42").unwrap_err();
        assert!(err.to_string().contains("one text per language"), "{err}");
    }
}
