//! VPC EIP mutations: AllocateEipAddress, AssociateEipAddress (NAT / MULTI_BINDED / BINDED),
//! UnassociateEipAddress, ReleaseEipAddress, ModifyEipAddressAttribute, ModifyEipForwardMode.
//! Rules come from [`crate::rules::eip`]; transitions are scheduled with the configured delays.

use serde_json::{Map, Value, json};

use super::views::DEFAULT_RESOURCE_GROUP;
use super::{ActionResult, Ctx, obj};
use crate::protocol::ApiError;
use crate::rules::eip as rules;
use crate::state::model::{
    BindMode, BindTarget, Binding, ChargeType, Eip, EipStatus, Pending, PendingKind,
};
use crate::state::regions::{self, Region};

const ISPS: &[&str] = &[
    "BGP",
    "BGP_PRO",
    "ChinaTelecom",
    "ChinaUnicom",
    "ChinaMobile",
    "ChinaTelecom_L2",
    "ChinaUnicom_L2",
    "ChinaMobile_L2",
    "BGP_FinanceCloud",
];

/// `RegionId` when given, else the VPC API's default region (cn-hangzhou).
fn region_or_default(ctx: &Ctx<'_>) -> Result<&'static Region, ApiError> {
    match ctx.params.get("RegionId") {
        Some(id) => regions::find(id).ok_or_else(|| ApiError::region_not_found(id)),
        None => {
            regions::find("cn-hangzhou").ok_or_else(|| ApiError::region_not_found("cn-hangzhou"))
        }
    }
}

fn eip_mut<'a>(ctx: &'a mut Ctx<'_>, region: &Region, id: &str) -> Result<&'a mut Eip, ApiError> {
    ctx.resources(region)
        .eips
        .get_mut(id)
        .ok_or_else(ApiError::eip_not_found)
}

/// `AllocateEipAddress`.
pub fn allocate(ctx: &mut Ctx<'_>) -> ActionResult {
    let region = ctx.region()?;
    let p = ctx.params;
    let charge = match p.get("InstanceChargeType") {
        None => ChargeType::PostPaid,
        Some(c) => c.parse::<ChargeType>().map_err(|_| {
            ApiError::invalid_param("InstanceChargeType", "It must be PrePaid or PostPaid.")
        })?,
    };
    let internet = p.get("InternetChargeType").unwrap_or("PayByBandwidth");
    if !matches!(internet, "PayByBandwidth" | "PayByTraffic") {
        return Err(ApiError::invalid_param(
            "InternetChargeType",
            "It must be PayByBandwidth or PayByTraffic.",
        ));
    }
    if charge == ChargeType::PrePaid && internet != "PayByBandwidth" {
        return Err(ApiError::invalid_param(
            "InternetChargeType",
            "Subscription (PrePaid) EIPs support PayByBandwidth only.",
        ));
    }
    let bandwidth = rules::check_bandwidth(p.int("Bandwidth", 5)?, charge, internet)?;
    let isp = p.get("ISP").unwrap_or("BGP");
    if !ISPS.contains(&isp) {
        return Err(ApiError::invalid_param("ISP", "Unknown line type."));
    }
    let name = p.get("Name").unwrap_or("");
    let description = p.get("Description").unwrap_or("");
    rules::check_text("Name", name, 128)?;
    rules::check_text("Description", description, 256)?;
    let expires_ms = if charge == ChargeType::PrePaid {
        let period = p
            .opt_int("Period")?
            .ok_or_else(|| ApiError::missing("Period"))?;
        let months = match p.get("PricingCycle").unwrap_or("Month") {
            "Month" if (1..=9).contains(&period) => period,
            "Year" if (1..=5).contains(&period) => period * 12,
            _ => return Err(ApiError::invalid_param("Period", "Month: 1-9, Year: 1-5.")),
        };
        Some(ctx.now_ms + months * 30 * 86_400_000)
    } else {
        None
    };
    let tags = p.tags();
    let id = ctx.world.next_id("eip", region.id);
    let key = ctx.world.next_key("eip-ip");
    let ip = ctx.world.hashed_public_ip(region.id, &key).ok_or_else(|| {
        ApiError::bad(
            "ReserveIpFail",
            "No public IP address is available in the region.",
        )
    })?;
    let eip = Eip {
        id: id.clone(),
        ip: ip.clone(),
        name: name.to_string(),
        description: description.to_string(),
        status: EipStatus::Available,
        charge_type: charge,
        internet_charge_type: internet.to_string(),
        bandwidth,
        isp: isp.to_string(),
        allocated_ms: ctx.now_ms,
        expires_ms,
        binding: None,
        mode: None,
        pending: None,
        resource_group_id: p
            .get("ResourceGroupId")
            .unwrap_or(DEFAULT_RESOURCE_GROUP)
            .to_string(),
        tags,
    };
    ctx.resources(region).eips.insert(eip);
    let mut body = obj([
        ("AllocationId", json!(id)),
        ("ResourceGroupId", json!(DEFAULT_RESOURCE_GROUP)),
    ]);
    if charge == ChargeType::PostPaid {
        body.insert("EipAddress".into(), json!(ip));
    } else {
        let order: u64 = crate::state::ids::numeric(&id, 15).parse().unwrap_or(0);
        body.insert("OrderId".into(), json!(order));
    }
    Ok(body.into())
}

/// `AssociateEipAddress`.
pub fn associate(ctx: &mut Ctx<'_>) -> ActionResult {
    let region = ctx.region()?;
    let p = ctx.params;
    let allocation_id = p.required("AllocationId")?;
    let instance_id = p.required("InstanceId")?;
    let target = rules::parse_target(p.get("InstanceType"))?;
    let requested_mode = rules::parse_mode(p.get("Mode"))?;
    let private_ip = p.get("PrivateIpAddress");
    let cut_through = ctx.cut_through(region);
    let delay = ctx.settings.delays.associate_ms;
    let now = ctx.now_ms;
    let res = ctx.resources(region);
    let eip = res
        .eips
        .get(allocation_id)
        .ok_or_else(ApiError::eip_not_found)?;
    let mode = requested_mode.or(eip.mode).unwrap_or(BindMode::Nat);
    rules::check_associable(eip, instance_id)?;
    rules::check_mode_target(mode, target, cut_through)?;
    let (ip, vpc) = match target {
        BindTarget::EcsInstance => {
            let instance = res
                .instances
                .get(instance_id)
                .ok_or_else(ApiError::bind_target_not_found)?;
            (
                rules::check_instance_target(res, instance)?,
                instance.vpc_id.clone(),
            )
        }
        BindTarget::NetworkInterface => {
            let eni = res
                .enis
                .get(instance_id)
                .ok_or_else(ApiError::bind_target_not_found)?;
            (
                rules::check_eni_target(res, eni, mode, private_ip)?,
                eni.vpc_id.clone(),
            )
        }
    };
    let binding = Binding {
        target,
        instance_id: instance_id.to_string(),
        mode,
        private_ip: ip,
        vpc_id: vpc,
    };
    let eip = res
        .eips
        .get_mut(allocation_id)
        .ok_or_else(ApiError::eip_not_found)?;
    eip.binding = Some(binding);
    eip.mode = None;
    start(
        eip,
        EipStatus::Associating,
        EipStatus::InUse,
        PendingKind::Associate,
        now,
        delay,
    );
    if delay > 0 {
        res.schedule(allocation_id, now + delay as i64);
    }
    Ok(Map::new().into())
}

/// Sets the transitional status and schedules the outcome, or applies it at once when the delay
/// is zero.
fn start(
    eip: &mut Eip,
    during: EipStatus,
    after: EipStatus,
    kind: PendingKind,
    now: i64,
    delay: u64,
) {
    if delay == 0 {
        eip.status = after;
        eip.pending = None;
        if kind == PendingKind::Unassociate {
            eip.binding = None;
        }
    } else {
        eip.status = during;
        eip.pending = Some(Pending {
            kind,
            due_ms: now + delay as i64,
        });
    }
}

/// `UnassociateEipAddress`.
pub fn unassociate(ctx: &mut Ctx<'_>) -> ActionResult {
    let region = region_or_default(ctx)?;
    let p = ctx.params;
    let allocation_id = p.required("AllocationId")?;
    let instance_id = p.get("InstanceId");
    let target = p.get("InstanceType");
    let delay = ctx.settings.delays.unassociate_ms;
    let now = ctx.now_ms;
    let res = ctx.resources(region);
    let eip = res
        .eips
        .get(allocation_id)
        .ok_or_else(ApiError::eip_not_found)?;
    rules::check_unassociable(res, eip, instance_id, target)?;
    let eip = res
        .eips
        .get_mut(allocation_id)
        .ok_or_else(ApiError::eip_not_found)?;
    start(
        eip,
        EipStatus::Unassociating,
        EipStatus::Available,
        PendingKind::Unassociate,
        now,
        delay,
    );
    if delay > 0 {
        res.schedule(allocation_id, now + delay as i64);
    }
    Ok(Map::new().into())
}

/// `ReleaseEipAddress`.
pub fn release(ctx: &mut Ctx<'_>) -> ActionResult {
    let region = region_or_default(ctx)?;
    let allocation_id = ctx.params.required("AllocationId")?;
    let delay = ctx.settings.delays.release_ms;
    let now = ctx.now_ms;
    let eip = eip_mut(ctx, region, allocation_id)?;
    rules::check_releasable(eip)?;
    if delay == 0 {
        let ip = eip.ip.clone();
        ctx.resources(region).eips.remove(allocation_id);
        ctx.world.release_public_ip(region.id, &ip);
    } else {
        eip.status = EipStatus::Releasing;
        eip.pending = Some(Pending {
            kind: PendingKind::Release,
            due_ms: now + delay as i64,
        });
        ctx.resources(region)
            .schedule(allocation_id, now + delay as i64);
    }
    Ok(Map::new().into())
}

/// `ModifyEipAddressAttribute`.
pub fn modify_attribute(ctx: &mut Ctx<'_>) -> ActionResult {
    let region = region_or_default(ctx)?;
    let p = ctx.params;
    let allocation_id = p.required("AllocationId")?;
    let bandwidth = p.opt_int("Bandwidth")?;
    let name = p.raw("Name").map(str::to_string);
    let description = p.raw("Description").map(str::to_string);
    if let Some(n) = &name {
        rules::check_text("Name", n, 128)?;
    }
    if let Some(d) = &description {
        rules::check_text("Description", d, 256)?;
    }
    let eip = eip_mut(ctx, region, allocation_id)?;
    if eip.status == EipStatus::Releasing {
        return Err(crate::rules::incorrect_eip_status());
    }
    if let Some(b) = bandwidth {
        eip.bandwidth = rules::check_bandwidth(b, eip.charge_type, &eip.internet_charge_type)?;
    }
    if let Some(n) = name {
        eip.name = n;
    }
    if let Some(d) = description {
        eip.description = d;
    }
    Ok(Map::new().into())
}

/// `ModifyEipForwardMode` (`InstanceId` is the EIP's AllocationId). Synchronous.
pub fn modify_forward_mode(ctx: &mut Ctx<'_>) -> ActionResult {
    let region = ctx.region()?;
    let p = ctx.params;
    let allocation_id = p.required("InstanceId")?;
    let mode = rules::parse_mode(Some(p.required("Mode")?))?.unwrap_or(BindMode::Nat);
    let cut_through = ctx.cut_through(region);
    let res = ctx.resources(region);
    let eip = res
        .eips
        .get(allocation_id)
        .ok_or_else(ApiError::eip_not_found)?;
    rules::check_forward_mode(res, eip, mode, cut_through)?;
    let eip = res
        .eips
        .get_mut(allocation_id)
        .ok_or_else(ApiError::eip_not_found)?;
    match eip.binding.as_mut() {
        Some(b) => b.mode = mode,
        None => eip.mode = Some(mode).filter(|m| *m != BindMode::Nat),
    }
    Ok(Map::<String, Value>::new().into())
}
