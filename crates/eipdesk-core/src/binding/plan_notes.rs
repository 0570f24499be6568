//! The plan's notes: plain information shown above the steps (no confirmation needed), as a
//! message family (`note_<key>`, see [`crate::text`]): what happens to the ENI's attachment,
//! the guest OS and remote access, what a lifecycle job costs or leaves. The UI words them;
//! [`Message::english`](crate::text::Message::english) gives the English.
//!
//! The journal stores the plan with its notes; a plan journaled before the notes were keys
//! carried English strings, which [`lenient`] drops when it is read back (notes are shown
//! only by a fresh preflight, never from the journal).

use crate::lifecycle::Billing;
use serde::{Deserialize, Deserializer, Serialize};
use ts_rs::TS;

/// One note of a plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "key", rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum PlanNote {
    /// The ENI is detached first and attached to the same instance at the end.
    ReattachesSame {
        eni: String,
        instance: String,
    },
    /// The ENI is detached and attached to another instance.
    Moves {
        eni: String,
        from: String,
        to: String,
    },
    LeavesDetached {
        eni: String,
        instance: String,
    },
    AttachesAtEnd {
        eni: String,
        instance: String,
    },
    StaysDetached {
        eni: String,
    },
    /// The user enables DHCP in the guest after the run (no guest steps).
    EnableDhcp,
    PrivateIpBack {
        eni: String,
        ip: String,
    },
    /// Unbinding a subscription EIP in cut-through mode (see [`super::guide_notes`]).
    PrepaidUnbind {
        eip: String,
        eni: String,
    },
    /// What a switch of mode changes in the guest OS, planned or done, with the instance
    /// known or not yet.
    SwitchToCutThrough {
        instance: String,
        ip: String,
        eni: String,
    },
    SwitchToCutThroughUnattached {
        ip: String,
        eni: String,
    },
    SwitchedToCutThrough {
        instance: String,
        ip: String,
        eni: String,
    },
    SwitchedToCutThroughUnattached {
        ip: String,
        eni: String,
    },
    SwitchToNat {
        instance: String,
        ip: String,
        eni: String,
    },
    SwitchToNatUnattached {
        ip: String,
        eni: String,
    },
    SwitchedToNat {
        instance: String,
        ip: String,
        eni: String,
    },
    SwitchedToNatUnattached {
        ip: String,
        eni: String,
    },
    /// Guest steps: not on production unless asked, or not wanted, or no script for the OS.
    GuestManualProduction,
    GuestManualChosen,
    GuestOsUnsupported {
        instance: String,
        os: String,
    },
    GuestConfigured {
        mac: String,
        instance: String,
        ip: String,
    },
    GuestRevert {
        run: String,
        mac: String,
        instance: String,
    },
    GuestRevertElsewhereLinux {
        run: String,
        mac: String,
        instance: String,
    },
    GuestRevertElsewhereWindows {
        run: String,
        mac: String,
        instance: String,
    },
    /// Remote access: the rules the run adds (`first`, `second`: `TCP 22/22`, `ICMP (ping)`),
    /// the rules an undo removes (`rules`: `TCP 22/22 203.0.113.0/24 → sg-…`, joined by `; `).
    AccessAdded {
        first: String,
        second: String,
        cidr: String,
        group: String,
        eni: String,
    },
    AccessAddedUnknownEni {
        first: String,
        second: String,
        cidr: String,
        group: String,
    },
    AccessRevoked {
        rules: String,
    },
    /// Nothing in the ENI's security groups lets SSH, RDP or ICMP in (`groups` joined by `, `).
    NoRemoteAccess {
        eni: String,
        groups: String,
        count: u32,
    },
    SecurityGroupsUnreadable {
        eni: String,
        code: String,
    },
    /// Lifecycle jobs.
    BillingStarts {
        billing: Billing,
    },
    SubscriptionLocked,
    BandwidthRange {
        billing: Billing,
        min: u32,
        max: u32,
        current: u32,
    },
    EniCapacity {
        instance: String,
        instance_type: String,
        quota: u32,
        attached: u32,
    },
    EniCapacityUnknown {
        instance: String,
        instance_type: String,
        attached: u32,
    },
    UndoesOnFailure,
    ReleasedInTurn,
    EniCreatedIn {
        vpc: String,
        zone: String,
    },
}

impl crate::text::Message for PlanNote {
    const PREFIX: &'static str = "note";
}

impl std::fmt::Display for PlanNote {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::text::Message::english(self))
    }
}

/// Reads a journaled plan's notes: keyed notes as they are, the English strings of a plan
/// journaled before (and anything else unreadable) dropped.
pub fn lenient<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<PlanNote>, D::Error> {
    let values = Vec::<serde_json::Value>::deserialize(d)?;
    Ok(values
        .into_iter()
        .filter_map(|v| serde_json::from_value(v).ok())
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Message;

    #[test]
    fn a_journaled_plan_keeps_keyed_notes_and_drops_old_english_ones() {
        #[derive(Deserialize)]
        struct Plan {
            #[serde(deserialize_with = "lenient")]
            notes: Vec<PlanNote>,
        }
        let plan: Plan = serde_json::from_str(
            r#"{ "notes": ["eni-1 stays detached.", { "key": "staysDetached", "eni": "eni-2" }] }"#,
        )
        .unwrap();
        assert_eq!(
            plan.notes,
            [PlanNote::StaysDetached {
                eni: "eni-2".into()
            }]
        );
        assert_eq!(plan.notes[0].english(), "eni-2 stays detached.");
    }
}
