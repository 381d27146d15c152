//! An intent condition: what a person did, on what, how often, within how many days.

use super::*;

#[derive(Debug, Clone, PartialEq)]
pub struct IntentWizard {
    pub cond: IntentCondition,
    /// Where in the audience tree it goes (or the condition it replaces).
    pub at: Vec<usize>,
    pub replace: bool,
}

impl IntentWizard {
    /// A new condition added beside the node at `at`.
    pub fn new(at: Vec<usize>) -> IntentWizard {
        IntentWizard {
            cond: IntentCondition {
                action: Action::CategoryView,
                target: Target::Category(String::new()),
                count: Count::AtLeast(1),
                within_days: 30,
            },
            at,
            replace: false,
        }
    }

    /// Editing the condition at `at`.
    pub fn edit(cond: IntentCondition, at: Vec<usize>) -> IntentWizard {
        IntentWizard {
            cond,
            at,
            replace: true,
        }
    }
}

impl Wizard for IntentWizard {
    fn name(&self) -> &'static str {
        "Intent"
    }

    fn steps(&self) -> Vec<Step> {
        let mut s = vec!["action", "target"];
        if self.cond.target != Target::Anything {
            s.push("which");
        }
        s.extend(["how often", "times", "days"]);
        s
    }

    fn ask(&self, step: Step) -> Ask {
        let cond = &self.cond;
        match step {
            "action" => Ask::Pick {
                question: "what did the person do?".into(),
                options: Action::ALL.iter().map(|a| opt(a.label(), "")).collect(),
                selected: Action::ALL
                    .iter()
                    .position(|a| *a == cond.action)
                    .unwrap_or(0),
            },
            "target" => Ask::Pick {
                question: "on what?".into(),
                options: TARGET_KINDS.iter().map(|(k, d)| opt(*k, *d)).collect(),
                selected: TARGET_KINDS
                    .iter()
                    .position(|(k, _)| *k == target_kind(&cond.target))
                    .unwrap_or(0),
            },
            "which" => Ask::Prompt {
                question: "which one?".into(),
                hint: format!("the {} (a name or a path)", target_kind(&cond.target)),
                value: target_value(&cond.target),
                numeric: false,
            },
            "how often" => Ask::Pick {
                question: "how often?".into(),
                options: ["at least", "at most", "exactly"]
                    .iter()
                    .map(|k| opt(format!("{k} … times"), ""))
                    .collect(),
                selected: count_parts(cond.count).0,
            },
            "times" => Ask::Prompt {
                question: "how many times?".into(),
                hint: format!("a whole number from {} to 1000", min_times(cond.count)),
                value: count_parts(cond.count).1.to_string(),
                numeric: true,
            },
            _ => Ask::Prompt {
                question: "within how many days?".into(),
                hint: "a whole number of days from 1 to 3650".into(),
                value: cond.within_days.to_string(),
                numeric: true,
            },
        }
    }

    fn answer(&mut self, step: Step, v: EditValue) -> Result<(), String> {
        let cond = &mut self.cond;
        match step {
            "action" => cond.action = fields::picked(&Action::ALL, &v)?,
            "target" => {
                let kind = fields::picked(&TARGET_KINDS, &v)?.0;
                cond.target = make_target(kind, target_value(&cond.target));
            }
            "which" => {
                let value = text(&v);
                if value.is_empty() {
                    return Err(
                        "enter a name, or go back (Shift-Tab) and choose \"anything\"".into(),
                    );
                }
                cond.target = make_target(target_kind(&cond.target), value);
            }
            "how often" => cond.count = make_count(index(&v), count_parts(cond.count).1),
            "times" => {
                let n = number(&v, min_times(cond.count), 1000).map_err(|e| {
                    if matches!(cond.count, Count::AtLeast(_)) && text(&v) == "0" {
                        "\"at least 0 times\" is everyone: enter 1 or more, or go back (Shift-Tab) and choose \"at most\"".to_string()
                    } else {
                        e
                    }
                })?;
                cond.count = make_count(count_parts(cond.count).0, n);
            }
            _ => cond.within_days = number(&v, 1, 3650)?,
        }
        Ok(())
    }

    fn finish(self: Box<Self>, c: &mut Campaign) -> Result<Placed, String> {
        place_condition(c, Condition::Intent(self.cond), &self.at, self.replace)
    }
}

pub(crate) const TARGET_KINDS: [(&str, &str); 8] = [
    ("anything", "any page or product"),
    ("page", "a page of the site"),
    ("category", "a catalogue category"),
    ("product", "one product"),
    ("brand", "a brand in the catalogue"),
    ("style", "a style in the catalogue"),
    ("search term", "words the person searched for"),
    ("preference", "a preference the person set"),
];

fn target_kind(t: &Target) -> &'static str {
    match t {
        Target::Anything => "anything",
        Target::Page(_) => "page",
        Target::Category(_) => "category",
        Target::Product(_) => "product",
        Target::Brand(_) => "brand",
        Target::Style(_) => "style",
        Target::SearchTerm(_) => "search term",
        Target::Preference(_) => "preference",
    }
}

fn target_value(t: &Target) -> String {
    t.value().unwrap_or_default().to_string()
}

fn make_target(kind: &str, v: String) -> Target {
    match kind {
        "page" => Target::Page(v),
        "category" => Target::Category(v),
        "product" => Target::Product(v),
        "brand" => Target::Brand(v),
        "style" => Target::Style(v),
        "search term" => Target::SearchTerm(v),
        "preference" => Target::Preference(v),
        _ => Target::Anything,
    }
}

/// The smallest count worth asking: "at least 0 times" is met by everyone.
fn min_times(c: Count) -> u32 {
    u32::from(matches!(c, Count::AtLeast(_)))
}

fn count_parts(c: Count) -> (usize, u32) {
    match c {
        Count::AtLeast(n) => (0, n),
        Count::AtMost(n) => (1, n),
        Count::Exactly(n) => (2, n),
    }
}

fn make_count(kind: usize, n: u32) -> Count {
    match kind {
        1 => Count::AtMost(n),
        2 => Count::Exactly(n),
        _ => Count::AtLeast(n),
    }
}
