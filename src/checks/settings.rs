//! A project's check settings, from `candor.toml`: which rules run, at what severity (for the
//! whole project or per path), the languages every campaign offers, how long each purpose may
//! keep data, and whether minors use the service. Found by walking up from the checked path, as
//! ruff finds its configuration.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use globset::{Glob, GlobSet, GlobSetBuilder};
use serde::Deserialize;
use toml::Spanned;

use super::{RULES, Severity};
use crate::model::Pos;
use crate::model::ron_io::LoadError;
use crate::model::vocab::{closest, covers, vocab};
use crate::text::clean;

/// The file name searched for.
pub const FILE_NAME: &str = "candor.toml";

/// Where a finding's explanation is read, `{rule}` standing for the rule id. The default is
/// the page `candor explain --markdown` writes into this repository's `docs/rules/`.
pub const DEFAULT_RULE_DOCS: &str = "docs/rules/{rule}.md";

/// A rule's level in a project: a severity, or off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Error,
    Warning,
    #[serde(alias = "note")]
    Info,
    Off,
}

impl Level {
    pub fn severity(self) -> Option<Severity> {
        match self {
            Level::Error => Some(Severity::Error),
            Level::Warning => Some(Severity::Warning),
            Level::Info => Some(Severity::Info),
            Level::Off => None,
        }
    }

    fn label(self) -> &'static str {
        match self {
            Level::Error => "error",
            Level::Warning => "warning",
            Level::Info => "info",
            Level::Off => "off",
        }
    }
}

/// Severities and ignored rules for the files matching some globs.
#[derive(Debug, Clone)]
pub struct PerPath {
    pub paths: Vec<String>,
    set: GlobSet,
    pub ignore: Vec<String>,
    pub severity: BTreeMap<String, Level>,
}

/// The effective settings: the defaults, overridden by a `candor.toml` when there is one.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The file they were read from.
    pub file: Option<PathBuf>,
    /// Only these rules run; none means every rule.
    pub select: Option<Vec<String>>,
    pub ignore: Vec<String>,
    pub severity: BTreeMap<String, Level>,
    pub per_path: Vec<PerPath>,
    /// Every campaign offers its notice in these languages.
    pub languages: Vec<String>,
    pub used_by_minors: bool,
    /// The longest a purpose (or every purpose inside it) may keep data, in days.
    pub max_retention_days: BTreeMap<String, u32>,
    pub rule_docs: String,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            file: None,
            select: None,
            ignore: Vec::new(),
            severity: BTreeMap::new(),
            per_path: Vec::new(),
            languages: Vec::new(),
            used_by_minors: false,
            max_retention_days: BTreeMap::new(),
            rule_docs: DEFAULT_RULE_DOCS.to_string(),
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Raw {
    select: Option<Vec<Spanned<String>>>,
    #[serde(default)]
    ignore: Vec<Spanned<String>>,
    #[serde(default)]
    severity: BTreeMap<Spanned<String>, Level>,
    #[serde(default)]
    per_path: Vec<RawPerPath>,
    #[serde(default)]
    languages: Vec<Spanned<String>>,
    #[serde(default)]
    used_by_minors: bool,
    #[serde(default)]
    max_retention_days: BTreeMap<Spanned<String>, u32>,
    rule_docs: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawPerPath {
    paths: Vec<Spanned<String>>,
    #[serde(default)]
    ignore: Vec<Spanned<String>>,
    #[serde(default)]
    severity: BTreeMap<Spanned<String>, Level>,
}

static DEFAULTS: OnceLock<Settings> = OnceLock::new();

impl Settings {
    /// The settings of a project without a `candor.toml`.
    pub fn defaults() -> &'static Settings {
        DEFAULTS.get_or_init(Settings::default)
    }

    /// The `candor.toml` in `start` or the nearest folder above it, if any.
    pub fn find(start: &Path) -> Option<PathBuf> {
        let start = std::path::absolute(start).unwrap_or_else(|_| start.to_path_buf());
        let mut dir = if start.is_dir() {
            Some(start.as_path())
        } else {
            start.parent()
        };
        while let Some(d) = dir {
            let candidate = d.join(FILE_NAME);
            if candidate.is_file() {
                return Some(candidate);
            }
            dir = d.parent();
        }
        None
    }

    /// The settings for `start`: the nearest `candor.toml`, or the defaults.
    pub fn discover(start: &Path) -> Result<Settings, LoadError> {
        match Settings::find(start) {
            Some(file) => Settings::load(&file),
            None => Ok(Settings::default()),
        }
    }

    pub fn load(file: &Path) -> Result<Settings, LoadError> {
        let shown = clean(&file.display().to_string());
        let text =
            crate::model::ron_io::read_string_capped(file, 1 << 20).map_err(|e| LoadError {
                file: shown.clone(),
                pos: None,
                message: format!("cannot read the settings: {e}"),
                hint: None,
            })?;
        let mut s = Settings::parse(&shown, &text)?;
        s.file = Some(std::path::absolute(file).unwrap_or_else(|_| file.to_path_buf()));
        Ok(s)
    }

    /// Reads settings from TOML text; `name` is the file name errors give.
    pub fn parse(name: &str, text: &str) -> Result<Settings, LoadError> {
        let at = |span: std::ops::Range<usize>, message: String, hint: Option<String>| LoadError {
            file: name.to_string(),
            pos: Some(pos_of(text, span.start)),
            message,
            hint,
        };
        let raw: Raw = toml::from_str(text).map_err(|e| LoadError {
            file: name.to_string(),
            pos: e.span().map(|s| pos_of(text, s.start)),
            message: clean(e.message()),
            hint: Some(format!(
                "the keys {FILE_NAME} knows are listed under \"Project settings\" in the README"
            )),
        })?;
        let rule = |s: &Spanned<String>| -> Result<String, LoadError> {
            let id = s.get_ref();
            if RULES.iter().any(|r| r.id == id) {
                return Ok(id.clone());
            }
            let near = closest(id, RULES.iter().map(|r| r.id));
            Err(at(
                s.span(),
                format!("there is no rule `{}`", clean(id)),
                Some(match near.first() {
                    Some(n) => format!("did you mean `{n}`? `candor explain --list` lists them"),
                    None => "`candor explain --list` lists every rule".to_string(),
                }),
            ))
        };
        let rules = |list: &[Spanned<String>]| list.iter().map(rule).collect::<Result<Vec<_>, _>>();
        let levels = |map: &BTreeMap<Spanned<String>, Level>| {
            map.iter()
                .map(|(k, v)| Ok((rule(k)?, *v)))
                .collect::<Result<BTreeMap<_, _>, LoadError>>()
        };
        let mut s = Settings {
            select: raw.select.as_deref().map(rules).transpose()?,
            ignore: rules(&raw.ignore)?,
            severity: levels(&raw.severity)?,
            used_by_minors: raw.used_by_minors,
            ..Settings::default()
        };
        for p in &raw.per_path {
            let mut builder = GlobSetBuilder::new();
            for g in &p.paths {
                let glob = Glob::new(g.get_ref()).map_err(|e| {
                    at(
                        g.span(),
                        format!(
                            "\"{}\" is not a path pattern: {}",
                            clean(g.get_ref()),
                            e.kind()
                        ),
                        Some("write a pattern such as \"campaigns/drafts/**\"".into()),
                    )
                })?;
                builder.add(glob);
            }
            let set = builder.build().map_err(|e| LoadError {
                file: name.to_string(),
                pos: None,
                message: clean(&e.to_string()),
                hint: None,
            })?;
            s.per_path.push(PerPath {
                paths: p.paths.iter().map(|g| g.get_ref().clone()).collect(),
                set,
                ignore: rules(&p.ignore)?,
                severity: levels(&p.severity)?,
            });
        }
        for l in &raw.languages {
            let code = l.get_ref();
            if crate::disclosure::locale(code).is_none() {
                return Err(at(
                    l.span(),
                    format!("Candor cannot write a notice in \"{}\"", clean(code)),
                    Some(format!(
                        "the languages it writes are {}",
                        crate::disclosure::locale::codes().join(", ")
                    )),
                ));
            }
            s.languages.push(code.clone());
        }
        for (purpose, days) in &raw.max_retention_days {
            let name = purpose.get_ref();
            let known = vocab()
                .uses
                .iter()
                .any(|u| covers(name, &u.name) || covers(&u.name, name));
            if !known {
                let near = closest(name, vocab().uses.iter().map(|u| u.name.as_str()));
                return Err(at(
                    purpose.span(),
                    format!("there is no purpose \"{}\"", clean(name)),
                    Some(match near.first() {
                        Some(n) => format!("did you mean \"{n}\"? `candor vocab` lists them"),
                        None => "`candor vocab` lists the purposes".to_string(),
                    }),
                ));
            }
            s.max_retention_days.insert(name.clone(), *days);
        }
        if let Some(docs) = raw.rule_docs {
            if !docs.get_ref().contains("{rule}") {
                return Err(at(
                    docs.span(),
                    "rule-docs must contain {rule}, where each rule's id goes".into(),
                    Some("for example \"https://wiki.example.com/candor/{rule}\"".into()),
                ));
            }
            s.rule_docs = docs.into_inner();
        }
        Ok(s)
    }

    /// Whether `rule` runs at all in this project.
    pub fn runs(&self, rule: &str) -> bool {
        self.select
            .as_ref()
            .is_none_or(|s| s.iter().any(|r| r == rule))
            && !self.ignore.iter().any(|r| r == rule)
    }

    /// The severity of `rule`'s findings in `file` (none: the rule is off there), given its
    /// default. Per-path entries override the project's, later ones override earlier ones.
    pub fn level(&self, rule: &str, default: Severity, file: Option<&Path>) -> Option<Severity> {
        if !self.runs(rule) {
            return None;
        }
        let mut level = self.severity.get(rule).copied();
        if let Some(file) = file
            && !self.per_path.is_empty()
        {
            let rel = self.relative(file);
            for p in &self.per_path {
                if p.set.is_match(&rel) {
                    if p.ignore.iter().any(|r| r == rule) {
                        level = Some(Level::Off);
                    }
                    if let Some(l) = p.severity.get(rule) {
                        level = Some(*l);
                    }
                }
            }
        }
        match level {
            Some(l) => l.severity(),
            None => Some(default),
        }
    }

    /// `file` relative to the folder of the settings file, for matching per-path globs.
    fn relative(&self, file: &Path) -> PathBuf {
        let abs = std::path::absolute(file).unwrap_or_else(|_| file.to_path_buf());
        match self.file.as_deref().and_then(Path::parent) {
            Some(root) => abs
                .strip_prefix(root)
                .map_or(abs.clone(), Path::to_path_buf),
            None => file.to_path_buf(),
        }
    }

    /// The most a purpose may keep data, from the most specific entry covering it.
    pub fn max_retention(&self, purpose: &str) -> Option<(&str, u32)> {
        self.max_retention_days
            .iter()
            .filter(|(p, _)| covers(p, purpose))
            .max_by_key(|(p, _)| p.len())
            .map(|(p, d)| (p.as_str(), *d))
    }

    /// Where `rule`'s explanation is read.
    pub fn help_uri(&self, rule: &str) -> String {
        self.rule_docs.replace("{rule}", rule)
    }

    /// The effective settings as TOML, every key written out, for `--show-settings`.
    pub fn show(&self) -> String {
        let list = |l: &[String]| {
            let items: Vec<String> = l.iter().map(|s| format!("{s:?}")).collect();
            format!("[{}]", items.join(", "))
        };
        let mut out = String::new();
        let from = match &self.file {
            Some(f) => clean(&f.display().to_string()),
            None => format!("no {FILE_NAME} found: the defaults"),
        };
        let _ = writeln!(out, "# Settings from {from}");
        let _ = match &self.select {
            Some(s) => writeln!(out, "select = {}", list(s)),
            None => writeln!(out, "# select: every rule"),
        };
        let _ = writeln!(out, "ignore = {}", list(&self.ignore));
        let _ = writeln!(out, "languages = {}", list(&self.languages));
        let _ = writeln!(out, "used-by-minors = {}", self.used_by_minors);
        let _ = writeln!(out, "rule-docs = {:?}", self.rule_docs);
        let _ = writeln!(out, "\n[max-retention-days]");
        if self.max_retention_days.is_empty() {
            let _ = writeln!(out, "# none: only fields with no retention are flagged");
        }
        for (p, d) in &self.max_retention_days {
            let _ = writeln!(out, "{p:?} = {d}");
        }
        let _ = writeln!(
            out,
            "\n# Each rule's level in this project (per-path entries below can change it)."
        );
        let _ = writeln!(out, "[severity]");
        for r in RULES {
            let level = match self.level(r.id, r.severity, None) {
                Some(s) => s.label(),
                None => Level::Off.label(),
            };
            let _ = writeln!(out, "{} = {level:?}", r.id);
        }
        for p in &self.per_path {
            let _ = writeln!(out, "\n[[per-path]]");
            let _ = writeln!(out, "paths = {}", list(&p.paths));
            let _ = writeln!(out, "ignore = {}", list(&p.ignore));
            let levels: Vec<String> = p
                .severity
                .iter()
                .map(|(r, l)| format!("{r} = {:?}", l.label()))
                .collect();
            let _ = writeln!(out, "severity = {{ {} }}", levels.join(", "));
        }
        out
    }
}

/// The 1-based line and column of a byte offset.
fn pos_of(text: &str, offset: usize) -> Pos {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    Pos { line, column }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_keys_and_rules_are_located() {
        let e = Settings::parse("candor.toml", "ignore = []\nsevrity = {}\n").unwrap_err();
        assert_eq!(e.pos, Some(Pos { line: 2, column: 1 }), "{e}");
        assert!(e.message.contains("sevrity"), "{e}");
        let e = Settings::parse("candor.toml", "ignore = [\"recomends-purchased\"]\n").unwrap_err();
        assert_eq!(
            e.pos,
            Some(Pos {
                line: 1,
                column: 11
            }),
            "{e}"
        );
        assert!(e.hint.unwrap().contains("recommends-purchased"));
        let e = Settings::parse(
            "candor.toml",
            "[max-retention-days]\n\"marketing.nope\" = 3\n",
        )
        .unwrap_err();
        assert_eq!(e.pos.map(|p| p.line), Some(2));
        let e = Settings::parse("candor.toml", "languages = [\"de\"]").unwrap_err();
        assert!(e.message.contains("\"de\""), "{e}");
    }

    #[test]
    fn levels_follow_the_project_then_the_paths() {
        let s = Settings::parse(
            "candor.toml",
            r#"
ignore = ["unused-data-field"]
[severity]
missing-translation = "error"
[[per-path]]
paths = ["drafts/**"]
severity = { missing-translation = "off", recommends-purchased = "info" }
"#,
        )
        .unwrap();
        let w = Severity::Warning;
        assert_eq!(s.level("unused-data-field", w, None), None);
        assert_eq!(
            s.level("missing-translation", w, None),
            Some(Severity::Error)
        );
        let draft = Path::new("drafts/a.ron");
        assert_eq!(s.level("missing-translation", w, Some(draft)), None);
        assert_eq!(
            s.level("recommends-purchased", w, Some(draft)),
            Some(Severity::Info)
        );
        assert_eq!(
            s.level("recommends-purchased", w, Some(Path::new("live/a.ron"))),
            Some(w)
        );
    }

    #[test]
    fn the_most_specific_retention_limit_wins() {
        let s = Settings::parse(
            "candor.toml",
            "[max-retention-days]\n\"marketing\" = 730\n\"marketing.communications.email\" = 365\n",
        )
        .unwrap();
        assert_eq!(
            s.max_retention("marketing.communications.email"),
            Some(("marketing.communications.email", 365))
        );
        assert_eq!(
            s.max_retention("marketing.advertising.third_party.targeted"),
            Some(("marketing", 730))
        );
        assert_eq!(s.max_retention("personalize.content.profiling"), None);
    }

    #[test]
    fn select_keeps_only_the_rules_named() {
        let s = Settings::parse("candor.toml", "select = [\"no-opt-out\"]").unwrap();
        assert!(s.runs("no-opt-out"));
        assert!(!s.runs("missing-purpose"));
        assert!(Settings::parse("x", "").unwrap().runs("missing-purpose"));
    }
}
