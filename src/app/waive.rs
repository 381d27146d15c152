//! `w` on a finding: the team accepts it, with a reason and an optional end date, written into
//! the campaign's `waivers` (undoable, saved with the campaign like any edit).

use super::*;
use crate::checks::MIN_JUSTIFICATION_WORDS;
use crate::checks::rules::invalid_waiver;
use crate::model::Waiver;

impl App {
    pub(super) fn waive_finding(&mut self) {
        let Some(e) = self.editor.as_ref() else {
            return;
        };
        let Some(f) = e.derived.findings.get(e.finding).cloned() else {
            return;
        };
        if let Some(w) = &f.waived {
            return self.say(
                format!(
                    "Already {}; u undoes a waiver added now, or edit waivers in the file",
                    w.describe()
                ),
                None,
            );
        }
        if checks::rule(f.rule).is_some_and(|r| !r.waivable) {
            // Why, in a word: not a severity, which would read as one more finding.
            let why = if checks::NOTICE_UNTRUE.contains(&f.rule) {
                "while it stands, the notice visitors read is not true"
            } else {
                "the law forbids what it finds"
            };
            return self.say(
                format!(
                    "This finding ({}) cannot be waived: {why}. Fix it instead; Enter shows where",
                    f.rule
                ),
                None,
            );
        }
        self.prompt(
            &format!("Waive {}: why does the team accept it?", f.rule),
            &format!(
                "{MIN_JUSTIFICATION_WORDS} words or more; reviewers read this in the file and in review"
            ),
            String::new(),
            Then::WaiveReason {
                rule: f.rule.to_string(),
                location: f.location.clone(),
            },
            false,
        );
    }

    pub(super) fn waive_reason(
        &mut self,
        rule: String,
        location: String,
        reason: String,
    ) -> AppResult {
        let reason = reason.trim().to_string();
        if reason.split_whitespace().count() < MIN_JUSTIFICATION_WORDS {
            return Err(AppError::Refused(format!(
                "Write the reason in {MIN_JUSTIFICATION_WORDS} words or more, so a reviewer can judge it"
            )));
        }
        self.prompt(
            "Waive until (year-month-day, empty: no end date)",
            "after this day the finding counts again",
            String::new(),
            Then::WaiveUntil {
                rule,
                location,
                reason,
            },
            false,
        );
        Ok(())
    }

    pub(super) fn waive_until(
        &mut self,
        rule: String,
        location: String,
        reason: String,
        until: String,
    ) -> AppResult {
        let until = until.trim();
        let mut waiver = Waiver {
            rule: rule.clone(),
            location: Some(location),
            reason,
            accepted_by: self.store.author().to_string(),
            expires: (!until.is_empty()).then(|| until.to_string()),
        };
        match invalid_waiver::expiry(&waiver) {
            Some(Err(())) => {
                return Err(AppError::Refused(
                    "Write the date as year-month-day, such as 2027-06-30, or leave it empty"
                        .into(),
                ));
            }
            Some(Ok(day)) if day < checks::today() => {
                return Err(AppError::Refused(format!(
                    "{day} has passed: a waiver ending then would accept nothing"
                )));
            }
            Some(Ok(day)) => waiver.expires = Some(day.to_string()),
            None => {}
        }
        let who = clean(&waiver.accepted_by);
        if self.change(|c| {
            c.waivers.push(waiver);
            Ok(())
        }) {
            self.say(
                format!("Waived {rule} (accepted by {who}); it stays listed as waived. u undoes"),
                None,
            );
        }
        Ok(())
    }
}
