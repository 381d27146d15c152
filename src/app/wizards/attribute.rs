//! An attribute condition: which attribute, how to compare, the value, and for age and proxies
//! a written reason.

use super::*;
use crate::model::vocab::{AttributeDef, AttributeKind, vocab};

#[derive(Debug, Clone, PartialEq)]
pub struct AttributeWizard {
    pub cond: AttributeCondition,
    pub at: Vec<usize>,
    pub replace: bool,
}

impl AttributeWizard {
    pub fn new(at: Vec<usize>) -> AttributeWizard {
        AttributeWizard {
            cond: AttributeCondition {
                attribute: "loyalty_tier".into(),
                operator: Operator::Is,
                value: String::new(),
                justification: None,
            },
            at,
            replace: false,
        }
    }

    pub fn edit(cond: AttributeCondition, at: Vec<usize>) -> AttributeWizard {
        AttributeWizard {
            cond,
            at,
            replace: true,
        }
    }

    /// Age and proxies need a written reason to be lowered to a note.
    fn needs_reason(&self) -> bool {
        vocab()
            .attribute(&self.cond.attribute)
            .is_some_and(|a| matches!(a.kind, AttributeKind::Proxy(_) | AttributeKind::Age))
    }
}

impl Wizard for AttributeWizard {
    fn name(&self) -> &'static str {
        "Attribute"
    }

    fn steps(&self) -> Vec<Step> {
        let mut s = vec!["attribute", "compare", "value"];
        if self.needs_reason() {
            s.push("reason");
        }
        s
    }

    fn ask(&self, step: Step) -> Ask {
        let cond = &self.cond;
        match step {
            "attribute" => {
                let attrs = attributes_by_risk();
                Ask::Pick {
                    question: "which attribute? (marked ones are checked)".into(),
                    options: attrs
                        .iter()
                        .map(|a| PickOption {
                            label: a.label.clone(),
                            detail: attribute_detail(&a.kind),
                            mark: fields::attribute_mark(&a.id),
                        })
                        .collect(),
                    selected: attrs
                        .iter()
                        .position(|a| a.id == cond.attribute)
                        .unwrap_or(0),
                }
            }
            "compare" => Ask::Pick {
                question: "how to compare?".into(),
                options: Operator::ALL.iter().map(|o| opt(o.label(), "")).collect(),
                selected: Operator::ALL
                    .iter()
                    .position(|o| *o == cond.operator)
                    .unwrap_or(0),
            },
            "value" => Ask::Prompt {
                question: "the value".into(),
                hint: if matches!(cond.operator, Operator::OneOf | Operator::NoneOf) {
                    "values separated by commas"
                } else {
                    "the value"
                }
                .into(),
                value: cond.value.clone(),
                numeric: false,
            },
            _ => Ask::Prompt {
                question: "why is this needed?".into(),
                hint: "a written reason (4 words or more) lowers the finding to a note, e.g. a legal age gate or the nearest store; leave empty if there is none".into(),
                value: cond.justification.clone().unwrap_or_default(),
                numeric: false,
            },
        }
    }

    fn answer(&mut self, step: Step, v: EditValue) -> Result<(), String> {
        let cond = &mut self.cond;
        match step {
            "attribute" => cond.attribute = fields::picked(&attributes_by_risk(), &v)?.id.clone(),
            "compare" => cond.operator = fields::picked(&Operator::ALL, &v)?,
            "value" => cond.value = fields::required(text(&v), "the value")?,
            _ => cond.justification = Some(text(&v)).filter(|t| !t.is_empty()),
        }
        Ok(())
    }

    fn finish(self: Box<Self>, c: &mut Campaign) -> Result<Placed, String> {
        place_condition(c, Condition::Attribute(self.cond), &self.at, self.replace)
    }
}

/// The attributes in the order a picker offers them: the person's relationship with the brand
/// first, special categories last.
pub fn attributes_by_risk() -> Vec<&'static AttributeDef> {
    let rank = |k: &AttributeKind| match k {
        AttributeKind::Neutral => 0,
        AttributeKind::Demographic => 1,
        AttributeKind::Gender | AttributeKind::Age => 2,
        AttributeKind::Proxy(_) => 3,
        AttributeKind::SpecialCategory(_) => 4,
    };
    let mut v: Vec<_> = vocab().attributes.iter().collect();
    v.sort_by_key(|a| rank(&a.kind));
    v
}

pub fn attribute_detail(k: &AttributeKind) -> String {
    match k {
        AttributeKind::SpecialCategory(_) => {
            "special category: always an error, no reason lowers it".into()
        }
        AttributeKind::Age => "age: a warning unless a legal reason is written down".into(),
        AttributeKind::Gender => "gender: binary values are flagged".into(),
        AttributeKind::Proxy(s) => {
            let names: Vec<String> = s
                .iter()
                .map(|id| {
                    vocab()
                        .attribute(id)
                        .map_or_else(|| id.replace('_', " "), |a| a.label.to_lowercase())
                })
                .collect();
            format!(
                "can stand in for {}: needs a written reason",
                names.join(" and ")
            )
        }
        AttributeKind::Demographic => "demographic: pair it with an intent condition".into(),
        AttributeKind::Neutral => "the person's relationship with the brand".into(),
    }
}
