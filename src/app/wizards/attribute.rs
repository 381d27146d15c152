//! An attribute condition: which attribute, how to compare, the value, and for age and proxies
//! a written reason.

use super::*;
use crate::model::vocab::{AttributeDef, AttributeKind, ReasonDef, ValueType, vocab};

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
                reason: None,
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

    fn def(&self) -> Option<&'static AttributeDef> {
        vocab().attribute(&self.cond.attribute)
    }

    fn is_list(&self) -> bool {
        matches!(self.cond.operator, Operator::OneOf | Operator::NoneOf)
    }

    /// The kinds of reason this attribute accepts (none: no reason can lower its finding).
    fn reasons(&self) -> Vec<&'static ReasonDef> {
        fields::accepted_reasons(&self.cond.attribute)
    }
}

impl Wizard for AttributeWizard {
    fn name(&self) -> &'static str {
        "Attribute"
    }

    fn steps(&self) -> Vec<Step> {
        let mut s = vec!["attribute", "compare", "value"];
        if !self.reasons().is_empty() {
            s.push("reason");
            if self.cond.reason.is_some() {
                s.push("why");
            }
        }
        s
    }

    fn ask(&self, step: Step) -> Ask {
        let cond = &self.cond;
        let label = self
            .def()
            .map_or_else(|| cond.attribute.clone(), |d| d.label.clone());
        match step {
            "attribute" => {
                let attrs = attributes_by_risk();
                Ask::Pick {
                    question: "which attribute? (marked ones are checked)".into(),
                    options: attrs
                        .iter()
                        .map(|a| PickOption {
                            label: a.label.clone(),
                            // What it is, then what Candor does with it; the special
                            // categories' line says both at once.
                            detail: match a.kind {
                                AttributeKind::SpecialCategory(_) => attribute_detail(&a.kind),
                                _ => format!("{} · {}", a.description, attribute_detail(&a.kind)),
                            },
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
                question: format!("how to compare {}?", label.to_lowercase()),
                options: Operator::ALL.iter().map(|o| opt(o.label(), "")).collect(),
                selected: Operator::ALL
                    .iter()
                    .position(|o| *o == cond.operator)
                    .unwrap_or(0),
            },
            "value" => {
                let ty = self.def().map(|d| d.value.clone()).unwrap_or_default();
                let question = format!("{label} {} …?", cond.operator.label());
                match ty.choices() {
                    // A list to choose from: ticks for "one of", one choice otherwise.
                    Some(choices) if self.is_list() => {
                        let chosen: Vec<String> = cond
                            .value
                            .split(',')
                            .map(|v| v.trim().to_lowercase())
                            .collect();
                        Ask::Checklist {
                            question: format!("{question} (space ticks)"),
                            checked: choices
                                .iter()
                                .map(|c| chosen.contains(&c.to_lowercase()))
                                .collect(),
                            options: choices.into_iter().map(|c| opt(c, "")).collect(),
                        }
                    }
                    Some(choices) => Ask::Pick {
                        question,
                        selected: choices
                            .iter()
                            .position(|c| c.eq_ignore_ascii_case(cond.value.trim()))
                            .unwrap_or(0),
                        options: choices.into_iter().map(|c| opt(c, "")).collect(),
                    },
                    None => Ask::Prompt {
                        question,
                        hint: if self.is_list() {
                            format!("values separated by commas, each {}", ty.describe())
                        } else {
                            ty.describe()
                        },
                        value: cond.value.clone(),
                        numeric: matches!(ty, ValueType::Number { .. }) && !self.is_list(),
                    },
                }
            }
            "reason" => {
                let reasons = self.reasons();
                let mut options = vec![opt(
                    "No reason",
                    "the finding stays as it is for a reviewer to weigh",
                )];
                options.extend(
                    reasons
                        .iter()
                        .map(|r| opt(r.label.clone(), r.description.clone())),
                );
                Ask::Pick {
                    question: format!("why target by {}?", label.to_lowercase()),
                    selected: reasons
                        .iter()
                        .position(|r| Some(r.id.as_str()) == cond.reason.as_deref())
                        .map_or(0, |p| p + 1),
                    options,
                }
            }
            _ => Ask::Prompt {
                question: "say why, in your words".into(),
                hint: format!(
                    "{} words or more a reviewer can check, e.g. the law and the product it applies to",
                    crate::checks::MIN_JUSTIFICATION_WORDS
                ),
                value: cond.justification.clone().unwrap_or_default(),
                numeric: false,
            },
        }
    }

    fn answer(&mut self, step: Step, v: EditValue) -> Result<(), String> {
        match step {
            "attribute" => {
                let id = fields::picked(&attributes_by_risk(), &v)?.id.clone();
                if id != self.cond.attribute {
                    // Another attribute: the old value and reason mean nothing for it.
                    self.cond.value.clear();
                    self.cond.reason = None;
                }
                self.cond.attribute = id;
            }
            "compare" => self.cond.operator = fields::picked(&Operator::ALL, &v)?,
            "value" => {
                let def = self.def();
                let ty = def.map(|d| d.value.clone()).unwrap_or_default();
                let value = match (&v, ty.choices()) {
                    (EditValue::Flags(_), Some(choices)) => {
                        let ticked = fields::flags(&choices, &v)?;
                        if ticked.is_empty() {
                            return Err("tick at least one".into());
                        }
                        ticked.join(", ")
                    }
                    (EditValue::Index(_), Some(choices)) => fields::picked(&choices, &v)?,
                    _ => fields::required(text(&v), "the value")?,
                };
                let values: Vec<&str> = if self.is_list() {
                    value.split(',').map(str::trim).collect()
                } else {
                    vec![value.as_str()]
                };
                if let Some(bad) = values.iter().find(|x| !ty.accepts(x)) {
                    let label = def.map_or("this attribute", |d| d.label.as_str());
                    return Err(format!(
                        "\"{}\" is not a value of {}: enter {}",
                        crate::text::clean(bad),
                        label.to_lowercase(),
                        ty.describe()
                    ));
                }
                self.cond.value = value;
            }
            "reason" => {
                let reasons = self.reasons();
                self.cond.reason = match index(&v) {
                    0 => None,
                    k => Some(reasons.get(k - 1).ok_or("no such choice")?.id.clone()),
                };
            }
            _ => self.cond.justification = Some(text(&v)).filter(|t| !t.is_empty()),
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
