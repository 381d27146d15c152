//! A new opt-out method: how the customer says stop, and the web address where there is one.

use super::*;

const KINDS: [&str; 4] = [
    "one-click link",
    "preference centre",
    "reply STOP to texts",
    "account settings",
];

#[derive(Debug, Clone, PartialEq, Default)]
pub struct NewOptOut {
    /// An index into the kinds.
    pub kind: usize,
    pub address: String,
    /// The campaign sends no text messages, so a STOP reply is no way out for its people.
    pub no_texts: bool,
}

impl NewOptOut {
    pub fn for_campaign(c: &Campaign) -> NewOptOut {
        NewOptOut {
            no_texts: !c.channels.contains(&crate::model::Channel::Sms),
            ..NewOptOut::default()
        }
    }

    fn needs_address(&self) -> bool {
        self.kind < 2
    }
}

impl Wizard for NewOptOut {
    fn name(&self) -> &'static str {
        "Opt-out"
    }

    fn steps(&self) -> Vec<Step> {
        if self.needs_address() {
            vec!["how", "address"]
        } else {
            vec!["how"]
        }
    }

    fn ask(&self, step: Step) -> Ask {
        match step {
            "how" => Ask::Pick {
                question: "how?".into(),
                options: KINDS
                    .iter()
                    .enumerate()
                    .map(|(i, k)| match i {
                        // Said before it is picked: no-opt-out fires when it is the only way.
                        2 if self.no_texts => {
                            opt(*k, "only for texts, and this campaign sends none")
                        }
                        _ => opt(*k, ""),
                    })
                    .collect(),
                selected: self.kind,
            },
            _ => Ask::Prompt {
                question: "web address".into(),
                hint: "https://…".into(),
                value: self.address.clone(),
                numeric: false,
            },
        }
    }

    fn answer(&mut self, step: Step, v: EditValue) -> Result<(), String> {
        match step {
            "how" => self.kind = index(&v).min(KINDS.len() - 1),
            _ => {
                let address = fields::required(text(&v), "the web address")?;
                // The same rule a file must keep, said while the prompt is still open.
                if !crate::model::validate::is_web_address(&address) {
                    return Err(format!(
                        "\"{}\" is not a web address a person can open to opt out; write the whole address, starting with https:// (or a path on the site starting with /)",
                        crate::text::clean(&address)
                    ));
                }
                self.address = address;
            }
        }
        Ok(())
    }

    fn finish(self: Box<Self>, c: &mut Campaign) -> Result<Placed, String> {
        let o = match self.kind {
            0 => OptOut::Link(self.address),
            1 => OptOut::PreferenceCentre(self.address),
            2 => OptOut::ReplyStop,
            _ => OptOut::AccountSettings,
        };
        c.consent.opt_out.push(o);
        Ok(Placed::Row(format!(
            "consent.opt_out[{}]",
            c.consent.opt_out.len() - 1
        )))
    }
}
