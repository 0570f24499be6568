//! The actions a row's details panel offers (bind, unbind, switch mode, bind in cut-through
//! or NAT mode) and whether each can run now, computed from the row, so the UI holds no cloud
//! rules: it shows each action, disables it with the reason given, and opens the bind sheet
//! with the form the action carries.

use crate::binding::texts::{ReasonText, WhyText};
use serde::Serialize;
use ts_rs::TS;

use super::rows::{
    BindingTarget, CutThroughReasonCode, CutThroughVerdict, EipRow, EniRow, InstanceRow,
    RegionRows, ResourceKind, ResourceRef,
};
use crate::binding::{BindMode, TargetKind};
use alicloud_api::states::EipStatus;

/// Which action a row offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum RowActionId {
    /// An EIP: bind it (cut-through by default).
    BindEip,
    UnbindEip,
    /// An EIP bound to an ENI: switch between NAT and cut-through.
    SwitchMode,
    /// An ENI: bind an EIP in cut-through mode.
    BindEniCutThrough,
    /// An ENI: bind an EIP in NAT mode.
    BindEniNat,
    /// An instance: bind an EIP (NAT) to it.
    BindInstance,
}

/// What the bind sheet is asked to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum SheetIntent {
    Bind,
    Unbind,
    Switch,
}

/// The bind sheet's starting form for an action.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SheetPrefill {
    pub region_id: String,
    pub intent: SheetIntent,
    pub mode: Option<BindMode>,
    pub allocation_id: Option<String>,
    pub target_kind: Option<TargetKind>,
    pub target_id: Option<String>,
    /// The EIP's mode now (unbind and switch).
    pub current_mode: Option<BindMode>,
    /// Unbinding a cut-through EIP: the instance the ENI goes back to (empty: stay detached).
    pub attach_to: Option<String>,
}

/// One action of a row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RowAction {
    pub id: RowActionId,
    /// The row's main action (shown first and emphasised).
    pub primary: bool,
    /// Why it cannot run now, in English; `None` when it can. The UI words `why`.
    pub unavailable: Option<String>,
    pub why: Option<ReasonText>,
    pub sheet: SheetPrefill,
}

/// Makes every action unavailable for `reason` (a run in progress is changing the row's
/// resource), keeping an earlier reason where there is one.
pub fn mark_unavailable(actions: &mut [RowAction], reason: &ReasonText) {
    for action in actions.iter_mut().filter(|a| a.unavailable.is_none()) {
        action.unavailable = Some(reason.english());
        action.why = Some(reason.clone());
    }
}

fn prefill(region_id: &str, intent: SheetIntent) -> SheetPrefill {
    SheetPrefill {
        region_id: region_id.to_string(),
        intent,
        mode: None,
        allocation_id: None,
        target_kind: None,
        target_id: None,
        current_mode: None,
        attach_to: None,
    }
}

fn action(id: RowActionId, why: Option<ReasonText>, sheet: SheetPrefill) -> RowAction {
    let primary = matches!(
        id,
        RowActionId::BindEip | RowActionId::BindEniCutThrough | RowActionId::BindInstance
    );
    RowAction {
        id,
        primary,
        unavailable: why.as_ref().map(ReasonText::english),
        why,
        sheet,
    }
}

/// The actions of an EIP row.
pub fn eip_actions(r: &EipRow) -> Vec<RowAction> {
    let current_mode = r.binding.as_ref().and_then(|b| BindMode::from_api(&b.mode));
    let in_use = r.status == EipStatus::InUse;
    let free = (r.status != EipStatus::Available || r.binding.is_some()).then(|| {
        let status = r.status.to_string();
        ReasonText::Why(if r.binding.is_some() {
            WhyText::EipAlreadyBound { status }
        } else {
            WhyText::EipNotFree { status }
        })
    });
    let bound = (r.binding.is_none() || !in_use).then_some(ReasonText::Why(WhyText::EipNotBound));
    let on_eni = r
        .binding
        .as_ref()
        .is_some_and(|b| b.target == BindingTarget::Eni);
    let switchable = (!on_eni || !in_use).then_some(ReasonText::Why(WhyText::NotOnEni));
    let eip = |intent| SheetPrefill {
        allocation_id: Some(r.allocation_id.clone()),
        current_mode,
        ..prefill(&r.region_id, intent)
    };
    let attach_to = (current_mode == Some(BindMode::CutThrough)).then(|| {
        r.binding
            .as_ref()
            .and_then(|b| b.instance_id.clone())
            .unwrap_or_default()
    });
    vec![
        action(
            RowActionId::BindEip,
            free,
            SheetPrefill {
                mode: Some(BindMode::CutThrough),
                current_mode: None,
                ..eip(SheetIntent::Bind)
            },
        ),
        action(
            RowActionId::UnbindEip,
            bound,
            SheetPrefill {
                attach_to,
                ..eip(SheetIntent::Unbind)
            },
        ),
        action(
            RowActionId::SwitchMode,
            switchable,
            SheetPrefill {
                mode: Some(match current_mode {
                    Some(BindMode::CutThrough) => BindMode::Nat,
                    _ => BindMode::CutThrough,
                }),
                ..eip(SheetIntent::Switch)
            },
        ),
    ]
}

/// The actions of an ENI row.
pub fn eni_actions(r: &EniRow) -> Vec<RowAction> {
    let cut_through = if r.cut_through.verdict == CutThroughVerdict::Active {
        Some(ReasonText::Why(WhyText::HasCutThroughEip))
    } else {
        // Being attached is not a blocker here: the plan detaches the ENI first.
        r.cut_through
            .reasons
            .iter()
            .find(|x| x.blocking && x.code != CutThroughReasonCode::Attached)
            .map(|x| ReasonText::CutThrough(x.text.clone()))
    };
    let nat = (!r.eips.is_empty()).then_some(ReasonText::Why(WhyText::EniHasEip));
    let target = |mode| SheetPrefill {
        mode: Some(mode),
        target_kind: Some(TargetKind::NetworkInterface),
        target_id: Some(r.network_interface_id.clone()),
        ..prefill(&r.region_id, SheetIntent::Bind)
    };
    vec![
        action(
            RowActionId::BindEniCutThrough,
            cut_through,
            target(BindMode::CutThrough),
        ),
        action(RowActionId::BindEniNat, nat, target(BindMode::Nat)),
    ]
}

/// The actions of an instance row.
pub fn instance_actions(r: &InstanceRow) -> Vec<RowAction> {
    let taken = r.eip.as_ref().map(|eip| {
        ReasonText::Why(WhyText::InstanceHasEip {
            ip: eip.ip_address.to_string(),
        })
    });
    vec![action(
        RowActionId::BindInstance,
        taken,
        SheetPrefill {
            mode: Some(BindMode::Nat),
            target_kind: Some(TargetKind::EcsInstance),
            target_id: Some(r.instance_id.clone()),
            ..prefill(&r.region_id, SheetIntent::Bind)
        },
    )]
}

/// The actions of the row `r` names in `rows`, or `None` when no such row is loaded.
pub fn actions_for(rows: &RegionRows, r: &ResourceRef) -> Option<Vec<RowAction>> {
    match r.kind {
        ResourceKind::Eip => rows
            .eips
            .iter()
            .find(|e| e.allocation_id == r.id)
            .map(eip_actions),
        ResourceKind::Eni => rows
            .enis
            .iter()
            .find(|e| e.network_interface_id == r.id)
            .map(eni_actions),
        ResourceKind::Instance => rows
            .instances
            .iter()
            .find(|i| i.instance_id == r.id)
            .map(instance_actions),
    }
}

#[cfg(test)]
#[path = "actions_tests.rs"]
mod tests;
