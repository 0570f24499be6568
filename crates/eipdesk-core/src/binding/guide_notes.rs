//! The guide's notes the plan and the form state in words: what a subscription (PrePaid) EIP
//! in cut-through mode means for the ENI's private networking when it is unbound or
//! released, and what a switch of binding mode
//! changes inside the guest OS (the plan's note and the completed run's message).

use super::job::{BindMode, BindRequest};
use super::plan::BindPlan;
use super::plan_notes::PlanNote;

/// The note of an unbind (or a release) of a subscription EIP bound in cut-through mode.
pub fn prepaid_unbind_note(eip: &str, eni: &str) -> PlanNote {
    PlanNote::PrepaidUnbind {
        eip: eip.to_string(),
        eni: eni.to_string(),
    }
}

/// What a switch of binding mode changes inside the guest OS: in cut-through mode the EIP
/// replaces the ENI's private address on the NIC (which must use DHCP to get it); back in NAT
/// mode it leaves the NIC, which gets its private address again. `done`: the words of the
/// completed run rather than of the plan. `None` for any other job.
pub fn switch_mode_guest_note(plan: &BindPlan, done: bool) -> Option<PlanNote> {
    let BindRequest::SwitchMode { to, .. } = &plan.request else {
        return None;
    };
    let ctx = &plan.context;
    let (ip, eni) = (ctx.eip_address.clone(), ctx.eni.as_ref()?.to_string());
    Some(match (&ctx.final_instance, to, done) {
        (Some(i), BindMode::CutThrough, false) => PlanNote::SwitchToCutThrough {
            instance: i.to_string(),
            ip,
            eni,
        },
        (None, BindMode::CutThrough, false) => PlanNote::SwitchToCutThroughUnattached { ip, eni },
        (Some(i), BindMode::CutThrough, true) => PlanNote::SwitchedToCutThrough {
            instance: i.to_string(),
            ip,
            eni,
        },
        (None, BindMode::CutThrough, true) => PlanNote::SwitchedToCutThroughUnattached { ip, eni },
        (Some(i), BindMode::Nat, false) => PlanNote::SwitchToNat {
            instance: i.to_string(),
            ip,
            eni,
        },
        (None, BindMode::Nat, false) => PlanNote::SwitchToNatUnattached { ip, eni },
        (Some(i), BindMode::Nat, true) => PlanNote::SwitchedToNat {
            instance: i.to_string(),
            ip,
            eni,
        },
        (None, BindMode::Nat, true) => PlanNote::SwitchedToNatUnattached { ip, eni },
    })
}
