//! A new activation: where the audience or its data is sent, what kind of company that is, and
//! what is sent.

use super::*;
use crate::model::vocab::vocab;

#[derive(Debug, Clone, PartialEq)]
pub struct NewActivation {
    pub act: Activation,
}

impl Default for NewActivation {
    fn default() -> NewActivation {
        NewActivation {
            act: Activation {
                destination: String::new(),
                kind: RecipientKind::AdPlatform,
                sends: Vec::new(),
            },
        }
    }
}

impl Wizard for NewActivation {
    fn name(&self) -> &'static str {
        "Activation"
    }

    fn steps(&self) -> Vec<Step> {
        vec!["destination", "kind", "sends"]
    }

    fn ask(&self, step: Step) -> Ask {
        match step {
            "destination" => Ask::Prompt {
                question: "destination".into(),
                hint: "the platform or company the data goes to".into(),
                value: self.act.destination.clone(),
                numeric: false,
            },
            "kind" => Ask::Pick {
                question: "kind".into(),
                options: recipient_kind_options(),
                selected: RecipientKind::ALL
                    .iter()
                    .position(|k| *k == self.act.kind)
                    .unwrap_or(0),
            },
            _ => Ask::Checklist {
                question: "what is sent? (space ticks)".into(),
                options: vocab()
                    .categories
                    .iter()
                    .map(|c| fields::category_option(&c.name))
                    .collect(),
                checked: vocab()
                    .categories
                    .iter()
                    .map(|c| self.act.sends.contains(&c.name))
                    .collect(),
            },
        }
    }

    fn answer(&mut self, step: Step, v: EditValue) -> Result<(), String> {
        let act = &mut self.act;
        match step {
            "destination" => act.destination = fields::required(text(&v), "the destination")?,
            "kind" => act.kind = fields::picked(&RecipientKind::ALL, &v)?,
            _ => {
                act.sends = fields::flags(&vocab().categories, &v)?
                    .into_iter()
                    .map(|c| c.name)
                    .collect();
            }
        }
        Ok(())
    }

    fn finish(self: Box<Self>, c: &mut Campaign) -> Result<Placed, String> {
        Ok(append("activations", &mut c.activations, self.act))
    }
}
