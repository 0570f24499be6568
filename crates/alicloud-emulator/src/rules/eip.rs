//! EIP rules: association targets and modes (cut-through included), status preconditions,
//! disassociation of cut-through EIPs, release of subscription EIPs, attribute limits.

use super::{incorrect_eip_status, task_conflict};
use crate::protocol::ApiError;
use crate::state::RegionState;
use crate::state::model::WireName as _;
use crate::state::model::{
    BindMode, BindTarget, ChargeType, Eip, EipStatus, Eni, EniStatus, EniType, Instance,
    InstanceStatus,
};

/// Target types the real API knows but the emulator has no resources for.
const UNMODELLED_TARGETS: &[&str] = &["Nat", "SlbInstance", "HaVip", "IpAddress"];

/// Parses `Mode`; `IllegalParam.Mode` for anything but `NAT`, `MULTI_BINDED`, `BINDED`.
pub fn parse_mode(mode: Option<&str>) -> Result<Option<BindMode>, ApiError> {
    match mode {
        None => Ok(None),
        Some(m) => m.parse::<BindMode>().ok().map(Some).ok_or_else(|| {
            ApiError::bad(
                "IllegalParam.Mode",
                format!("The specified Mode \u{201c}{m}\u{201d} is illegal, it must be NAT, MULTI_BINDED or BINDED."),
            )
        }),
    }
}

/// Parses `InstanceType` (default `EcsInstance`).
pub fn parse_target(text: Option<&str>) -> Result<BindTarget, ApiError> {
    let text = text.unwrap_or("EcsInstance");
    if let Ok(t) = text.parse::<BindTarget>() {
        return Ok(t);
    }
    if UNMODELLED_TARGETS.contains(&text) {
        return Err(ApiError::bind_target_not_found());
    }
    Err(ApiError::bad(
        "InvalidInstanceType.ValueNotSupported",
        format!("The specified InstanceType \u{201c}{text}\u{201d} is not supported."),
    ))
}

/// The EIP can start an association with `instance_id`.
pub fn check_associable(eip: &Eip, instance_id: &str) -> Result<(), ApiError> {
    match eip.status {
        EipStatus::Available => Ok(()),
        EipStatus::Associating | EipStatus::Unassociating => Err(task_conflict()),
        EipStatus::InUse
            if eip
                .binding
                .as_ref()
                .is_some_and(|b| b.instance_id == instance_id) =>
        {
            Err(duplicated())
        }
        EipStatus::InUse | EipStatus::Releasing => Err(incorrect_eip_status()),
    }
}

fn duplicated() -> ApiError {
    ApiError::bad(
        "InvalidAssociation.Duplicated",
        "Specified instance already is associated.",
    )
}

/// Mode and target agree, and the region supports cut-through when asked for.
pub fn check_mode_target(
    mode: BindMode,
    target: BindTarget,
    cut_through_region: bool,
) -> Result<(), ApiError> {
    if mode == BindMode::Binded {
        if target != BindTarget::NetworkInterface {
            return Err(direct_bind_type());
        }
        if !cut_through_region {
            return Err(ApiError::bad(
                "UnsupportedRegion",
                "The cut-through mode (BINDED) is not supported in this region.",
            ));
        }
    }
    if mode == BindMode::MultiBinded && target == BindTarget::EcsInstance {
        return Err(ApiError::bad(
            "OperationUnsupported.EipBindModel",
            "The instance type of ecs does not support MULTI_BINDED model Eip.",
        ));
    }
    Ok(())
}

fn direct_bind_type() -> ApiError {
    ApiError::bad(
        "Invalid.DirectEip.BindType",
        "The direct eip can be only associated with eni.",
    )
}

/// EIPs whose association with `target_id` is current or in progress.
pub fn eips_on<'a>(region: &'a RegionState, target_id: &str) -> Vec<&'a Eip> {
    region
        .eips
        .values()
        .filter(|e| {
            matches!(
                e.status,
                EipStatus::Associating | EipStatus::InUse | EipStatus::Unassociating
            ) && e
                .binding
                .as_ref()
                .is_some_and(|b| b.instance_id == target_id)
        })
        .collect()
}

/// Checks an ECS instance as target; returns the private IP the EIP maps to.
pub fn check_instance_target(
    region: &RegionState,
    instance: &Instance,
) -> Result<String, ApiError> {
    if !matches!(
        instance.status,
        InstanceStatus::Running | InstanceStatus::Stopped
    ) {
        return Err(ApiError::bad(
            "IncorrectInstanceStatus",
            "The current status of the resource does not support this operation.",
        ));
    }
    if !eips_on(region, &instance.id).is_empty() {
        return Err(duplicated());
    }
    Ok(region
        .enis
        .get(&instance.primary_eni_id)
        .map(|e| e.primary_ip.clone())
        .unwrap_or_default())
}

/// Checks an ENI as target in `mode`; returns the private IP the EIP maps to.
pub fn check_eni_target(
    region: &RegionState,
    eni: &Eni,
    mode: BindMode,
    private_ip: Option<&str>,
) -> Result<String, ApiError> {
    if !matches!(eni.status, EniStatus::Available | EniStatus::InUse) {
        return Err(ApiError::bad(
            "InvalidStatus.EniStatusNotSupport",
            format!(
                "The status {} of the eni does not support this operation.",
                eni.status.as_str()
            ),
        ));
    }
    let existing = eips_on(region, &eni.id);
    if mode == BindMode::Binded {
        if eni.kind == EniType::Primary {
            return Err(direct_bind_type());
        }
        if eni.instance_id.is_some() {
            return Err(eni_attached());
        }
        if !eni.secondary_ips.is_empty() {
            return Err(ApiError::bad(
                "Eni.HasSubIp",
                "Eni has sub ip can not bind direct eip.",
            ));
        }
        if let Some(other) = existing.first() {
            return Err(
                if other
                    .binding
                    .as_ref()
                    .is_some_and(|b| b.mode == BindMode::Binded)
                {
                    duplicated()
                } else {
                    mode_conflict()
                },
            );
        }
        if private_ip.is_some_and(|ip| ip != eni.primary_ip) {
            return Err(ApiError::invalid_param(
                "PrivateIpAddress",
                "In BINDED mode it must be the primary private IP of the ENI.",
            ));
        }
        return Ok(eni.primary_ip.clone());
    }
    if eni.kind == EniType::Primary {
        return Err(ApiError::bad(
            "InvalidParameter.EniInstanceId",
            "A primary ENI cannot be associated directly; associate its instance (EcsInstance).",
        ));
    }
    for other in &existing {
        let other_mode = other.binding.as_ref().map_or(BindMode::Nat, |b| b.mode);
        if other_mode == BindMode::Binded {
            return Err(mode_conflict());
        }
        if other_mode != mode {
            return Err(ApiError::bad(
                "OperationFailed.EipBindModeConflict",
                "Eips can not bind Eni with NAT mode and MULTI_BINDED mode at the same time.",
            ));
        }
    }
    let ip = private_ip.unwrap_or(&eni.primary_ip);
    if ip != eni.primary_ip && !eni.secondary_ips.iter().any(|s| s == ip) {
        return Err(ApiError::invalid_param(
            "PrivateIpAddress",
            "It is not a private IP of the ENI.",
        ));
    }
    if existing
        .iter()
        .any(|e| e.binding.as_ref().is_some_and(|b| b.private_ip == ip))
    {
        return Err(duplicated());
    }
    Ok(ip.to_string())
}

fn eni_attached() -> ApiError {
    ApiError::bad(
        "Eni.Attached",
        "The eni should be detached from ecs when associating with direct eip.",
    )
}

fn mode_conflict() -> ApiError {
    ApiError::bad("Mode.Conflict", "The eni can bind only one mode of eip.")
}

/// The EIP can be disassociated (optionally from the named instance/type).
pub fn check_unassociable(
    region: &RegionState,
    eip: &Eip,
    instance_id: Option<&str>,
    target: Option<&str>,
) -> Result<(), ApiError> {
    match eip.status {
        EipStatus::InUse => {}
        EipStatus::Associating | EipStatus::Unassociating => return Err(task_conflict()),
        EipStatus::Available | EipStatus::Releasing => return Err(incorrect_eip_status()),
    }
    let Some(binding) = &eip.binding else {
        return Err(incorrect_eip_status());
    };
    if instance_id.is_some_and(|i| i != binding.instance_id)
        || target.is_some_and(|t| t != binding.target.as_str())
    {
        return Err(ApiError::bad(
            "InvalidBindingStatus",
            "The EIP is not associated with the specified instance.",
        ));
    }
    if binding.mode == BindMode::Binded
        && region
            .enis
            .get(&binding.instance_id)
            .is_some_and(|e| e.instance_id.is_some())
    {
        return Err(eni_attached());
    }
    Ok(())
}

/// The EIP can be released.
pub fn check_releasable(eip: &Eip) -> Result<(), ApiError> {
    if eip.charge_type == ChargeType::PrePaid {
        return Err(ApiError::bad(
            "Forbidden.ChargeTypeIsPrepaid",
            "It's forbidden to release a prepaid EIP",
        ));
    }
    match eip.status {
        EipStatus::Available => Ok(()),
        EipStatus::Associating | EipStatus::Unassociating => Err(task_conflict()),
        _ => Err(incorrect_eip_status()),
    }
}

/// Bandwidth limits by billing: PrePaid 1–1000, PayByTraffic 1–200, PayByBandwidth 1–500.
pub fn check_bandwidth(value: i64, charge: ChargeType, internet: &str) -> Result<u32, ApiError> {
    let max = match (charge, internet) {
        (ChargeType::PrePaid, _) => 1000,
        (_, "PayByTraffic") => 200,
        _ => 500,
    };
    if (1..=max).contains(&value) {
        Ok(u32::try_from(value).unwrap_or(1))
    } else {
        Err(ApiError::invalid_param(
            "Bandwidth",
            &format!("It must be between 1 and {max} Mbit/s."),
        ))
    }
}

/// Name (0–128 chars) and description (0–256) limits; no `http://`/`https://` prefix.
pub fn check_text(field: &str, value: &str, max: usize) -> Result<(), ApiError> {
    if value.chars().count() > max || value.starts_with("http://") || value.starts_with("https://")
    {
        return Err(ApiError::invalid_param(
            field,
            &format!(
                "It must be at most {max} characters and must not start with http:// or https://."
            ),
        ));
    }
    Ok(())
}

fn forward_mode_error(code: &str, message: &str) -> ApiError {
    ApiError::bad(code, message)
}

/// A mode change with `ModifyEipForwardMode` is allowed, with the documented error codes:
/// `Region.NotSupport` (BINDED outside the cut-through regions),
/// `Forbidden.PrePaidBindedEip` (a subscription EIP cannot become BINDED),
/// `Instance.StatusError` (EIP transitioning), `BindInstance.NotSupport` (bound to anything
/// but an ENI), `IncorrectStatus.EipInstance` (its ENI transitioning or gone), `ENI.BindEcs`
/// (into or out of BINDED with the ENI attached) and `Instance.ModeError` (the ENI cannot hold
/// that mode: BINDED needs a secondary ENI without secondary IPs and no other EIP; NAT and
/// MULTI_BINDED are not mixed on one ENI). An unbound (`Available`) EIP may change mode.
pub fn check_forward_mode(
    region: &RegionState,
    eip: &Eip,
    to: BindMode,
    cut_through_region: bool,
) -> Result<(), ApiError> {
    if to == BindMode::Binded && !cut_through_region {
        return Err(forward_mode_error(
            "Region.NotSupport",
            "Region not support.",
        ));
    }
    if to == BindMode::Binded && eip.charge_type == ChargeType::PrePaid {
        return Err(forward_mode_error(
            "Forbidden.PrePaidBindedEip",
            "prepaid eip cannot be direct.",
        ));
    }
    match eip.status {
        EipStatus::Available => return Ok(()),
        EipStatus::InUse => {}
        _ => {
            return Err(forward_mode_error(
                "Instance.StatusError",
                "eip status error.",
            ));
        }
    }
    let eip_instance = || {
        forward_mode_error(
            "IncorrectStatus.EipInstance",
            "Eip instance's status is invalid.",
        )
    };
    let Some(binding) = &eip.binding else {
        return Err(eip_instance());
    };
    if binding.target != BindTarget::NetworkInterface {
        return Err(forward_mode_error(
            "BindInstance.NotSupport",
            "eip can only change mode when it is allocated or bind eni.",
        ));
    }
    if binding.mode == to {
        return Ok(());
    }
    let eni = region
        .enis
        .get(&binding.instance_id)
        .filter(|e| matches!(e.status, EniStatus::Available | EniStatus::InUse))
        .ok_or_else(eip_instance)?;
    if (to == BindMode::Binded || binding.mode == BindMode::Binded) && eni.instance_id.is_some() {
        return Err(forward_mode_error("ENI.BindEcs", "eni bind ecs."));
    }
    let others: Vec<&Eip> = eips_on(region, &eni.id)
        .into_iter()
        .filter(|o| o.id != eip.id)
        .collect();
    let fits = match to {
        BindMode::Binded => {
            others.is_empty()
                && eni.kind == EniType::Secondary
                && eni.secondary_ips.is_empty()
                && binding.private_ip == eni.primary_ip
        }
        BindMode::Nat | BindMode::MultiBinded => others
            .iter()
            .all(|o| o.binding.as_ref().is_some_and(|b| b.mode == to)),
    };
    if fits {
        Ok(())
    } else {
        Err(forward_mode_error(
            "Instance.ModeError",
            "eip instance mode error.",
        ))
    }
}
