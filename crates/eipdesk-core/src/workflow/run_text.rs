//! A run's message line ([`RunMessage`]) and a guest step's lines ([`GuestNote`]) as message
//! keys (see [`crate::text`]). The journal keeps both the English (`runs.message`,
//! `guest_invocations.summary/note`, for the CLI, logs and exports) and the value as JSON
//! (`message_json`, `summary_json`, `note_json`, schema version 5), so the UI words a run in
//! the user's language; a run journaled before version 5 shows its English.
//!
//! Some inputs are themselves messages: the step a message is about ([`StepTitle`]), what
//! the cloud looks like after a roll back ([`OutcomeText`], a list), what the verification
//! found ([`VerifiedText`]), what a skipped script left undone ([`LeftUndone`]), and the
//! lines a completed run adds ([`GuestNote`]s and a [`PlanNote`]). The English here and the
//! UI's renderers (`ui/src/lib/workflow/run_text.ts`) word them first, then fill them in.

use crate::binding::outcome::OutcomeText;
use crate::binding::plan_notes::PlanNote;
use crate::binding::step_text::{StepTitle, english};
use crate::text::Message;
use crate::workflow::guest_view::VerifiedText;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

/// What a skipped guest script left for the user to do (`gleft_<key>`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "key", rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum LeftUndone {
    /// Configure or verify: the guest OS was not configured.
    NotConfigured { mac: String },
    /// Revert on Linux: the DHCP configuration is still in the guest.
    StillInGuest { mac: String },
    /// Revert on Windows.
    StillInGuestWindows { mac: String },
}

impl Message for LeftUndone {
    const PREFIX: &'static str = "gleft";
}

/// A guest step's line: what it found, or why it ran no script (`gnote_<key>`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "key", rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum GuestNote {
    /// The verification found the EIP on the NIC.
    Verified { verified: VerifiedText },
    /// The revert removed the DHCP configuration.
    Removed { mac: String, instance: String },
    /// Cloud Assistant is not online on the instance.
    Offline { instance: String, left: LeftUndone },
    /// Cloud Assistant's status could not be read (the error code).
    StatusUnread {
        instance: String,
        code: String,
        left: LeftUndone,
    },
    /// Cloud Assistant went offline while the script was due (the cloud's words).
    WentOffline {
        instance: String,
        info: String,
        left: LeftUndone,
    },
    /// An undo with no earlier script that changed the guest.
    NothingChanged,
    /// An undo whose script never ran.
    NothingRan,
    /// A line journaled before the lines were message keys, in English.
    Verbatim { text: String },
}

/// `text` as JSON with the inputs in `inputs` replaced by their words.
fn worded<T: Serialize>(text: &T, inputs: Vec<(&str, String)>) -> Value {
    let mut value = serde_json::to_value(text).unwrap_or(Value::Null);
    if let Value::Object(map) = &mut value {
        for (name, words) in inputs {
            map.insert(name.to_string(), Value::String(words));
        }
    }
    value
}

impl Message for GuestNote {
    const PREFIX: &'static str = "gnote";

    fn english(&self) -> String {
        let nested = match self {
            GuestNote::Verified { verified } => vec![("verified", verified.english())],
            GuestNote::Offline { left, .. }
            | GuestNote::StatusUnread { left, .. }
            | GuestNote::WentOffline { left, .. } => vec![("left", left.english())],
            _ => vec![],
        };
        crate::text::english_of(Self::PREFIX, &worded(self, nested))
    }
}

impl GuestNote {
    /// A line read from the journal: its JSON when it has one, else its English.
    pub fn from_journal(json: Option<&str>, english: Option<&str>) -> Option<Self> {
        json.and_then(|j| serde_json::from_str(j).ok())
            .or_else(|| english.map(|text| GuestNote::Verbatim { text: text.into() }))
    }
}

/// A run's message line (`rmsg_<key>`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "key", rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum RunMessage {
    /// An interrupted run (or one waiting for a decision) goes on.
    Resumed,
    /// A failed roll back is tried again.
    RollingBackAgain,
    /// The user chose to roll back.
    RollingBackAsRequested,
    /// The user cancelled: the completed steps are being undone.
    Cancelling,
    /// Every step is done, nothing more to say.
    Completed,
    /// Every step is done; what the guest steps found or why they were skipped, and for a
    /// switch of binding mode what changed inside the guest OS.
    CompletedWith {
        guest: Vec<GuestNote>,
        switched: Option<PlanNote>,
    },
    /// A step failed; the completed steps are undone automatically.
    FailedRollingBack {
        step: StepTitle,
        code: String,
    },
    /// A step failed; the user decides (retry or roll back).
    FailedAsk {
        step: StepTitle,
        code: String,
    },
    /// Undoing a step failed: the error code and the cloud's own message.
    UndoFailed {
        step: StepTitle,
        code: String,
        message: String,
    },
    /// Cancelled and rolled back; what is in place now.
    Cancelled {
        now: Vec<OutcomeText>,
    },
    CancelledNothing,
    /// Rolled back automatically after a failure.
    RolledBackAutomatically {
        code: String,
        now: Vec<OutcomeText>,
    },
    RolledBackAutomaticallyNothing {
        code: String,
    },
    /// Rolled back, as the user asked, after a failure.
    RolledBackAsRequested {
        code: String,
        now: Vec<OutcomeText>,
    },
    RolledBackAsRequestedNothing {
        code: String,
    },
    /// Rolled back as the user asked (no failure).
    RolledBack {
        now: Vec<OutcomeText>,
    },
    RolledBackNothing,
    /// EIP Desk stopped while the run was in progress.
    Interrupted,
}

/// Words that join the parts of a run's message (`rmsg_<key>`, not a message of its own).
#[derive(Serialize)]
#[serde(tag = "key", rename_all = "camelCase")]
enum Joint {
    /// Two sentences: `{first} {next}`.
    Join { first: String, next: String },
    /// Between two outcomes: `; `.
    NowSeparator,
}

impl Message for Joint {
    const PREFIX: &'static str = "rmsg";
}

impl Message for RunMessage {
    const PREFIX: &'static str = "rmsg";

    fn english(&self) -> String {
        let nested = match self {
            RunMessage::CompletedWith { guest, switched } => {
                let sentences = guest
                    .iter()
                    .map(Message::english)
                    .chain(switched.iter().map(Message::english));
                vec![("details", join_sentences(sentences))]
            }
            RunMessage::FailedRollingBack { step, .. }
            | RunMessage::FailedAsk { step, .. }
            | RunMessage::UndoFailed { step, .. } => vec![("step", english(step))],
            RunMessage::Cancelled { now }
            | RunMessage::RolledBackAutomatically { now, .. }
            | RunMessage::RolledBackAsRequested { now, .. }
            | RunMessage::RolledBack { now } => {
                let separator = Joint::NowSeparator.english();
                let now: Vec<String> = now.iter().map(english).collect();
                vec![("now", now.join(&separator))]
            }
            _ => vec![],
        };
        crate::text::english_of(Self::PREFIX, &worded(self, nested))
    }
}

/// Sentences one after the other (`rmsg_join`).
fn join_sentences(sentences: impl Iterator<Item = String>) -> String {
    sentences
        .reduce(|first, next| Joint::Join { first, next }.english())
        .unwrap_or_default()
}

impl RunMessage {
    /// The message of a completed run with these lines (deduplicated and ordered by their
    /// English, as the journal always wrote them).
    pub fn completed(guest: Vec<GuestNote>, switched: Option<PlanNote>) -> Self {
        let mut keyed: Vec<(String, GuestNote)> =
            guest.into_iter().map(|g| (g.english(), g)).collect();
        keyed.sort_by(|a, b| a.0.cmp(&b.0));
        keyed.dedup_by(|a, b| a.0 == b.0);
        if keyed.is_empty() && switched.is_none() {
            return RunMessage::Completed;
        }
        RunMessage::CompletedWith {
            guest: keyed.into_iter().map(|(_, g)| g).collect(),
            switched,
        }
    }
}

#[cfg(test)]
mod tests;
