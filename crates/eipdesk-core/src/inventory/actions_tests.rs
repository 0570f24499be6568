//! Row actions on the relation tests' hand-built region: each action's availability and the
//! form it opens the sheet with.

use super::*;
use crate::inventory::relations::tests::rows;

fn actions(kind: ResourceKind, id: &str) -> Vec<RowAction> {
    let r = ResourceRef {
        kind,
        id: id.into(),
        region_id: "cn-hangzhou".into(),
    };
    actions_for(&rows(), &r).unwrap()
}

fn find(actions: &[RowAction], id: RowActionId) -> &RowAction {
    actions.iter().find(|a| a.id == id).unwrap()
}

#[test]
fn a_free_eip_can_be_bound_but_not_unbound_or_switched() {
    let a = actions(ResourceKind::Eip, "eip-free");
    let bind = find(&a, RowActionId::BindEip);
    assert_eq!(bind.unavailable, None);
    assert!(bind.primary);
    assert_eq!(bind.sheet.mode, Some(BindMode::CutThrough));
    assert_eq!(bind.sheet.allocation_id.as_deref(), Some("eip-free"));
    assert!(find(&a, RowActionId::UnbindEip).unavailable.is_some());
    assert!(find(&a, RowActionId::SwitchMode).unavailable.is_some());
}

#[test]
fn a_cut_through_eip_unbinds_back_to_its_instance_and_switches_to_nat() {
    let a = actions(ResourceKind::Eip, "eip-ct");
    assert_eq!(
        find(&a, RowActionId::BindEip).unavailable.as_deref(),
        Some("The EIP is InUse, already bound.")
    );
    let unbind = find(&a, RowActionId::UnbindEip);
    assert_eq!(unbind.unavailable, None);
    assert_eq!(unbind.sheet.intent, SheetIntent::Unbind);
    assert_eq!(unbind.sheet.current_mode, Some(BindMode::CutThrough));
    assert_eq!(unbind.sheet.attach_to.as_deref(), Some("i-web02"));
    let switch = find(&a, RowActionId::SwitchMode);
    assert_eq!(switch.unavailable, None);
    assert_eq!(switch.sheet.mode, Some(BindMode::Nat));
}

#[test]
fn a_nat_eip_on_an_instance_cannot_switch_mode_and_unbinds_without_attach() {
    let a = actions(ResourceKind::Eip, "eip-nat");
    assert!(find(&a, RowActionId::SwitchMode).unavailable.is_some());
    let unbind = find(&a, RowActionId::UnbindEip);
    assert_eq!(unbind.unavailable, None);
    assert_eq!(unbind.sheet.attach_to, None);
}

#[test]
fn eni_actions_follow_its_cut_through_eligibility() {
    let free = actions(ResourceKind::Eni, "eni-free");
    assert_eq!(
        find(&free, RowActionId::BindEniCutThrough).unavailable,
        None
    );
    assert_eq!(find(&free, RowActionId::BindEniNat).unavailable, None);
    // Attached: the plan detaches it first, so cut-through stays available.
    let attached = actions(ResourceKind::Eni, "eni-data");
    assert_eq!(
        find(&attached, RowActionId::BindEniCutThrough).unavailable,
        None
    );
    let active = actions(ResourceKind::Eni, "eni-ct");
    assert_eq!(
        find(&active, RowActionId::BindEniCutThrough)
            .unavailable
            .as_deref(),
        Some("This interface already has a cut-through EIP.")
    );
    assert!(find(&active, RowActionId::BindEniNat).unavailable.is_some());
    let primary = actions(ResourceKind::Eni, "eni-p1");
    assert!(
        find(&primary, RowActionId::BindEniCutThrough)
            .unavailable
            .is_some()
    );
}

#[test]
fn an_instance_with_an_eip_cannot_take_another() {
    let a = actions(ResourceKind::Instance, "i-web01");
    assert_eq!(
        a[0].unavailable.as_deref(),
        Some("The instance already has EIP 47.98.0.10.")
    );
    assert_eq!(a[0].sheet.target_kind, Some(TargetKind::EcsInstance));
}

#[test]
fn an_unknown_row_has_no_actions() {
    let r = ResourceRef {
        kind: ResourceKind::Eip,
        id: "eip-none".into(),
        region_id: "cn-hangzhou".into(),
    };
    assert_eq!(actions_for(&rows(), &r), None);
}
