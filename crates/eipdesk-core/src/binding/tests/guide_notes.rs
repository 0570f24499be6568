//! The guide's notes: a subscription EIP in cut-through mode is warned about at unbind time
//! as well as at bind time; the instance choices show their type's ENI capacity.

use super::*;
use crate::binding::options::bind_options;
use crate::binding::preflight;
use crate::binding::{BindForm, JobKind};
use crate::text::Message;

#[test]
fn unbinding_a_prepaid_cut_through_eip_says_what_release_would_do() {
    let mut snap = snapshot();
    snap.eips
        .iter_mut()
        .find(|e| e.allocation_id.as_str() == "eip-ct")
        .unwrap()
        .charge_type = "PrePaid".into();
    let req = BindRequest::CutThroughUnbind {
        eip: AllocationId::parse("eip-ct").unwrap(),
        reattach_to: Some(InstanceId::parse("i-web").unwrap()),
    };
    let plan = preflight(&req, &snap, &regions(), &dev()).unwrap();
    assert!(
        plan.notes.iter().map(ToString::to_string).any(|n| n.contains("subscription (PrePaid)")
            && n.contains("releasing it while it is still bound would leave eni-ct without private networking")),
        "{:?}",
        plan.notes
    );
    let postpaid = preflight(&req, &snapshot(), &regions(), &dev()).unwrap();
    assert!(
        !postpaid
            .notes
            .iter()
            .any(|n| n.to_string().contains("PrePaid"))
    );
}

#[test]
fn instance_choices_show_the_eni_capacity_of_their_type() {
    let form = BindForm {
        region_id: "cn-hangzhou".into(),
        job: Some(JobKind::CutThroughBind),
        allocation_id: "eip-free".into(),
        target_id: Some("eni-free".into()),
        ..Default::default()
    };
    let options = bind_options(&form, &snapshot(), &regions());
    let detail = |id: &str| {
        options
            .instances
            .iter()
            .find(|c| c.id == id)
            .unwrap()
            .detail_text
            .english()
    };
    assert!(
        detail("i-web").contains("ENIs 3 of 4 (ecs.g6.large)"),
        "{}",
        detail("i-web")
    );
    assert!(
        detail("i-full").contains("ENIs 2 of 2"),
        "{}",
        detail("i-full")
    );
    assert!(detail("i-other").contains("capacity of ecs.g6.large unknown"));
}

#[test]
fn switching_mode_says_what_changes_inside_the_guest_os() {
    // eip-ct is bound in cut-through mode to eni-ct on i-web; eip-enat in NAT mode to the
    // detached eni-nat.
    let to_nat = BindRequest::SwitchMode {
        eip: AllocationId::parse("eip-ct").unwrap(),
        to: BindMode::Nat,
    };
    let plan = preflight(&to_nat, &snapshot(), &regions(), &dev()).unwrap();
    let note = plan
        .notes
        .iter()
        .map(ToString::to_string)
        .find(|n| n.starts_with("Inside the guest OS"))
        .unwrap_or_else(|| panic!("no guest-OS note: {:?}", plan.notes));
    assert!(
        note.contains("of i-web")
            && note.contains("disappears from the NIC of eni-ct")
            && note.contains("DHCP"),
        "{note}"
    );
    let done = crate::binding::guide_notes::switch_mode_guest_note(&plan, true)
        .unwrap()
        .to_string();
    assert!(done.contains("is no longer on the NIC of eni-ct"), "{done}");

    let to_ct = BindRequest::SwitchMode {
        eip: AllocationId::parse("eip-enat").unwrap(),
        to: BindMode::CutThrough,
    };
    let plan = preflight(&to_ct, &snapshot(), &regions(), &dev()).unwrap();
    let note = plan
        .notes
        .iter()
        .map(ToString::to_string)
        .find(|n| n.starts_with("Inside the guest OS"))
        .unwrap_or_else(|| panic!("no guest-OS note: {:?}", plan.notes));
    assert!(
        note.contains("once eni-nat is attached to an instance")
            && note.contains("appears on the NIC of eni-nat in place of its private address")
            && note.contains("DHCP must be on"),
        "{note}"
    );
    let done = crate::binding::guide_notes::switch_mode_guest_note(&plan, true)
        .unwrap()
        .to_string();
    assert!(done.contains("is on the NIC of eni-nat"), "{done}");

    // Binds and unbinds have their own guest steps and instructions: no switch note.
    let unbind = BindRequest::CutThroughUnbind {
        eip: AllocationId::parse("eip-ct").unwrap(),
        reattach_to: Some(InstanceId::parse("i-web").unwrap()),
    };
    let plan = preflight(&unbind, &snapshot(), &regions(), &dev()).unwrap();
    assert_eq!(
        crate::binding::guide_notes::switch_mode_guest_note(&plan, false),
        None
    );
}
