//! A new data field: what is collected, why, and how.

use super::*;
use crate::model::vocab::vocab;

#[derive(Debug, Clone, PartialEq)]
pub struct NewDataField {
    pub field: DataField,
}

impl Default for NewDataField {
    fn default() -> NewDataField {
        NewDataField {
            field: DataField {
                category: String::new(),
                purposes: Vec::new(),
                collected_by: Collection::Form,
                consent: ConsentMoment::BeforeCollection,
                legal_basis: LegalBasis::Consent,
                retention_days: 365,
                recipients: Vec::new(),
                source: None,
            },
        }
    }
}

impl Wizard for NewDataField {
    fn name(&self) -> &'static str {
        "New field"
    }

    fn steps(&self) -> Vec<Step> {
        vec!["category", "purposes", "collected by"]
    }

    fn ask(&self, step: Step) -> Ask {
        let v = vocab();
        match step {
            "category" => Ask::Pick {
                question: "what is collected?".into(),
                options: v
                    .categories
                    .iter()
                    .map(|c| fields::category_option(&c.name))
                    .collect(),
                selected: v
                    .categories
                    .iter()
                    .position(|c| c.name == self.field.category)
                    .unwrap_or(0),
            },
            "purposes" => Ask::Checklist {
                question: "why? (space ticks)".into(),
                options: v
                    .uses
                    .iter()
                    .map(|u| fields::purpose_option(&u.name))
                    .collect(),
                checked: v
                    .uses
                    .iter()
                    .map(|u| self.field.purposes.contains(&u.name))
                    .collect(),
            },
            _ => Ask::Pick {
                question: "collected by".into(),
                options: Collection::ALL
                    .iter()
                    .map(|c| opt(crate::text::variant_words(c), ""))
                    .collect(),
                selected: Collection::ALL
                    .iter()
                    .position(|c| *c == self.field.collected_by)
                    .unwrap_or(0),
            },
        }
    }

    fn answer(&mut self, step: Step, v: EditValue) -> Result<(), String> {
        let field = &mut self.field;
        match step {
            "category" => field.category = fields::picked(&vocab().categories, &v)?.name,
            "purposes" => {
                field.purposes = fields::flags(&vocab().uses, &v)?
                    .into_iter()
                    .map(|u| u.name)
                    .collect();
            }
            _ => field.collected_by = fields::picked(&Collection::ALL, &v)?,
        }
        Ok(())
    }

    fn finish(self: Box<Self>, c: &mut Campaign) -> Result<Placed, String> {
        Ok(append("data", &mut c.data, self.field))
    }
}
