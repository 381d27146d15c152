//! A recipient of a data field, new or edited: who receives it and what kind of company it is.

use super::*;

#[derive(Debug, Clone, PartialEq)]
pub struct RecipientWizard {
    /// The data field it receives.
    pub data: usize,
    /// The recipient edited, or `None` for a new one.
    pub index: Option<usize>,
    pub recipient: Recipient,
}

impl RecipientWizard {
    pub fn new(data: usize) -> RecipientWizard {
        RecipientWizard {
            data,
            index: None,
            recipient: Recipient {
                name: String::new(),
                kind: RecipientKind::Processor,
            },
        }
    }

    pub fn edit(data: usize, index: usize, recipient: Recipient) -> RecipientWizard {
        RecipientWizard {
            data,
            index: Some(index),
            recipient,
        }
    }
}

impl Wizard for RecipientWizard {
    fn name(&self) -> &'static str {
        "Recipient"
    }

    fn steps(&self) -> Vec<Step> {
        vec!["name", "kind"]
    }

    fn ask(&self, step: Step) -> Ask {
        match step {
            "name" => Ask::Prompt {
                question: "name".into(),
                hint: "the company that receives the data".into(),
                value: self.recipient.name.clone(),
                numeric: false,
            },
            _ => Ask::Pick {
                question: "kind".into(),
                options: recipient_kind_options(),
                selected: RecipientKind::ALL
                    .iter()
                    .position(|k| *k == self.recipient.kind)
                    .unwrap_or(0),
            },
        }
    }

    fn answer(&mut self, step: Step, v: EditValue) -> Result<(), String> {
        match step {
            "name" => self.recipient.name = fields::required(text(&v), "the recipient's name")?,
            _ => self.recipient.kind = fields::picked(&RecipientKind::ALL, &v)?,
        }
        Ok(())
    }

    fn finish(self: Box<Self>, c: &mut Campaign) -> Result<Placed, String> {
        let list = &mut c
            .data
            .get_mut(self.data)
            .ok_or("that field is gone")?
            .recipients;
        let j = match self.index {
            Some(j) if j < list.len() => {
                list[j] = self.recipient;
                j
            }
            _ => {
                list.push(self.recipient);
                list.len() - 1
            }
        };
        Ok(Placed::Row(format!("data[{}].recipients[{j}]", self.data)))
    }
}

pub fn recipient_kind_options() -> Vec<PickOption> {
    RecipientKind::ALL
        .iter()
        .map(|k| opt(crate::text::variant_words(k), recipient_detail(*k)))
        .collect()
}

pub fn recipient_detail(k: RecipientKind) -> &'static str {
    match k {
        RecipientKind::AdPlatform => "shows ads elsewhere",
        RecipientKind::Analytics => "measures use of the site",
        RecipientKind::Processor => "works for you, uses the data for nothing else",
        RecipientKind::Partner => "uses the data for its own purposes",
    }
}
