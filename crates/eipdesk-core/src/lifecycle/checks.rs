//! The checks and helpers lifecycle preflight shares between its jobs: the failure list,
//! the text, bandwidth, subscription, tag and bulk limits, a new ENI's vSwitch, security
//! groups and fixed IP, production confirmations, and the plan builder.

use super::action::{Billing, EipSpec, EniSpec, LifecycleAction, TagKind};
use super::facts::{LifecycleFacts, check_private_ip, free_ip};
use super::job::{LifecycleRequest, MAX_BULK};
use super::reasons::{LifecycleBlocker as L, TextField};
use crate::binding::plan_notes::PlanNote;
use crate::binding::preflight::acknowledge_impact;
use crate::binding::{
    BindMode, BindPlan, BindRequest, Blocker, Expectation, OnFailure, PlanContext, PlanStep,
    ProfileFacts, StepAction, Warning,
};
use crate::ids::{AllocationId, EniId, InstanceId, RegionId};

/// Line types `AllocateEipAddress` documents.
pub(super) const ISPS: &[&str] = &[
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

/// Collected failures.
#[derive(Default)]
pub(super) struct Found(pub(super) Vec<Blocker>);

impl Found {
    pub(super) fn add(&mut self, b: L) {
        self.0.push(Blocker::Lifecycle(b));
    }
    pub(super) fn check_binding(&mut self, r: Result<(), Blocker>) {
        if let Err(b) = r {
            self.0.push(b);
        }
    }
    pub(super) fn done(self) -> Result<(), Vec<Blocker>> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(self.0)
        }
    }
}

pub(super) fn step(action: LifecycleAction, on_failure: OnFailure) -> PlanStep {
    PlanStep {
        action: StepAction::Lifecycle(action),
        on_failure,
    }
}

pub(super) fn no_url(text: &str) -> bool {
    !text.starts_with("http://") && !text.starts_with("https://")
}

pub(super) fn check_eip_text(f: &mut Found, name: Option<&str>, description: Option<&str>) {
    if name.is_some_and(|n| n.chars().count() > 128 || !no_url(n)) {
        f.add(L::TextTooLong {
            field: TextField::Name,
            max: 128,
        });
    }
    if description.is_some_and(|d| d.chars().count() > 256 || !no_url(d)) {
        f.add(L::TextTooLong {
            field: TextField::Description,
            max: 256,
        });
    }
}

pub(super) fn check_eni_text(f: &mut Found, name: Option<&str>, description: Option<&str>) {
    let bad = |t: &str, max: usize| !(2..=max).contains(&t.chars().count()) || !no_url(t);
    if name.is_some_and(|n| !n.is_empty() && bad(n, 128)) {
        f.add(L::TextLength {
            field: TextField::Name,
            min: 2,
            max: 128,
        });
    }
    if description.is_some_and(|d| !d.is_empty() && bad(d, 256)) {
        f.add(L::TextLength {
            field: TextField::Description,
            min: 2,
            max: 256,
        });
    }
}

pub(super) fn check_bandwidth(f: &mut Found, billing: Billing, value: u32) {
    let (min, max) = billing.bandwidth_range();
    if !(min..=max).contains(&value) {
        f.add(L::BandwidthOutOfRange {
            value,
            min,
            max,
            billing,
        });
    }
}

pub(super) fn check_eip_spec(f: &mut Found, spec: &EipSpec) {
    check_bandwidth(f, spec.billing, spec.bandwidth);
    if spec.billing == Billing::Subscription {
        let ok = match spec.period {
            Some((p, super::action::PricingCycle::Month)) => (1..=9).contains(&p),
            Some((p, super::action::PricingCycle::Year)) => (1..=5).contains(&p),
            None => false,
        };
        if !ok {
            f.add(L::SubscriptionPeriod);
        }
    }
    if let Some(isp) = spec.isp.as_deref().filter(|i| !ISPS.contains(i)) {
        f.add(L::UnknownIsp {
            isp: isp.to_string(),
        });
    }
    check_eip_text(f, Some(&spec.name), Some(&spec.description));
}

pub(super) fn check_bulk(f: &mut Found, count: usize) {
    if count == 0 {
        f.add(L::NothingChosen);
    } else if count > MAX_BULK {
        f.add(L::TooManyResources {
            count,
            max: MAX_BULK,
        });
    }
}

pub(super) fn check_tag(f: &mut Found, tags: &[(String, String)]) {
    for (i, (k, v)) in tags.iter().enumerate() {
        let url = |t: &str| t.contains("http://") || t.contains("https://");
        if k.is_empty()
            || k.chars().count() > 128
            || k.starts_with("acs:")
            || k.starts_with("aliyun")
            || url(k)
        {
            f.add(L::TagKeyInvalid { tag: k.clone() });
        }
        if v.chars().count() > 128 || v.starts_with("acs:") || url(v) {
            f.add(L::TagValueInvalid { value: v.clone() });
        }
        if tags[..i].iter().any(|(e, _)| e == k) {
            f.add(L::TagKeyDuplicated { tag: k.clone() });
        }
    }
}

/// The typed confirmation on a production profile (`what` is typed).
pub(super) fn production(profile: &ProfileFacts, what: String) -> Option<Warning> {
    profile.production.then(|| Warning::ProductionResource {
        profile: profile.name.clone(),
        confirm_id: what,
    })
}

/// What one or several IDs are typed as.
pub(super) fn typed_name(ids: &[String], noun: &str) -> String {
    match ids {
        [one] => one.clone(),
        all => format!("{} {noun}", all.len()),
    }
}

/// The request and region a plan is built for.
pub(super) struct PlanParts<'a> {
    pub request: &'a LifecycleRequest,
    pub region: &'a RegionId,
}

impl PlanParts<'_> {
    /// The plan, with the impact acknowledged like any job's.
    pub(super) fn build(
        &self,
        steps: Vec<PlanStep>,
        warnings: Vec<Warning>,
        notes: Vec<PlanNote>,
        context: PlanContext,
        production: Option<Warning>,
    ) -> BindPlan {
        let mut plan = BindPlan {
            request: BindRequest::Lifecycle {
                lifecycle: self.request.clone(),
            },
            region: self.region.clone(),
            steps,
            warnings,
            notes,
            context,
        };
        acknowledge_impact(&mut plan, production);
        plan
    }
}
pub(super) fn not_found(kind: TagKind, id: &str) -> L {
    match kind {
        TagKind::Eip => L::EipNotFound { eip: id.into() },
        TagKind::Eni => L::EniNotFound { eni: id.into() },
    }
}

pub(super) fn existing_tags(
    facts: &LifecycleFacts,
    kind: TagKind,
    id: &str,
) -> Option<Vec<String>> {
    match kind {
        TagKind::Eip => facts
            .eip(id)
            .map(|e| e.tags.tag.iter().map(|t| t.key.clone()).collect()),
        TagKind::Eni => facts
            .eni(id)
            .map(|n| n.tags.tag.iter().map(|t| t.tag_key.clone()).collect()),
    }
}

/// Checks a new ENI: vSwitch, 1–5 security groups of its VPC, the fixed IP, the texts.
/// Returns the VPC and zone that follow from the vSwitch.
pub(super) fn check_eni_spec(
    f: &mut impl FoundLike,
    facts: &LifecycleFacts,
    spec: &EniSpec,
) -> (String, String) {
    let Some(vsw) = facts.vswitch(&spec.vswitch_id) else {
        f.add_l(L::VSwitchNotFound {
            vswitch: spec.vswitch_id.clone(),
        });
        return Default::default();
    };
    if !(1..=5).contains(&spec.security_group_ids.len()) {
        f.add_l(L::SecurityGroupCount {
            vpc: vsw.vpc_id.clone(),
        });
    }
    for g in &spec.security_group_ids {
        match facts.security_group(g) {
            None => f.add_l(L::SecurityGroupNotFound { group: g.clone() }),
            Some(sg) if sg.vpc_id != vsw.vpc_id => f.add_l(L::SecurityGroupOtherVpc {
                group: g.clone(),
                group_vpc: sg.vpc_id.clone(),
                vpc: vsw.vpc_id.clone(),
            }),
            Some(_) => {}
        }
    }
    match &spec.private_ip {
        Some(ip) => {
            if let Err(b) = check_private_ip(facts, vsw, ip) {
                f.add_l(b);
            }
        }
        None if free_ip(facts, vsw).is_none() => f.add_l(L::VSwitchFull {
            vswitch: vsw.vswitch_id.clone(),
        }),
        None => {}
    }
    let mut texts = Found::default();
    check_eni_text(&mut texts, Some(&spec.name), Some(&spec.description));
    for b in texts.0 {
        f.add_blocker(b);
    }
    (vsw.vpc_id.clone(), vsw.zone_id.clone())
}

/// Something that collects failures (the preflight's own list).
pub(super) trait FoundLike {
    fn add_l(&mut self, b: L);
    fn add_blocker(&mut self, b: Blocker);
}

impl FoundLike for Found {
    fn add_l(&mut self, b: L) {
        self.add(b);
    }
    fn add_blocker(&mut self, b: Blocker) {
        self.0.push(b);
    }
}

impl FoundLike for Vec<Blocker> {
    fn add_l(&mut self, b: L) {
        self.push(Blocker::Lifecycle(b));
    }
    fn add_blocker(&mut self, b: Blocker) {
        self.push(b);
    }
}

pub(super) fn eni_and_instance<'a>(
    s: &'a crate::binding::Snapshot,
    eni: &EniId,
    instance: &InstanceId,
) -> Result<
    (
        &'a crate::binding::EniFacts,
        &'a crate::binding::InstanceFacts,
    ),
    Vec<Blocker>,
> {
    let mut f = Found::default();
    let n = s.eni(eni);
    let i = s.instance(instance);
    if n.is_none() {
        f.add(L::EniNotFound {
            eni: eni.to_string(),
        });
    }
    if i.is_none() {
        f.add(L::InstanceNotFound {
            instance: instance.to_string(),
        });
    }
    match (n, i) {
        (Some(n), Some(i)) => Ok((n, i)),
        _ => Err(f.0),
    }
}

/// "i-… (ecs.g6.large) takes 3 network interfaces; 2 are attached."
pub(super) fn capacity_note(
    s: &crate::binding::Snapshot,
    i: &crate::binding::InstanceFacts,
) -> PlanNote {
    let attached = s.enis_attached_to(&i.id);
    let (instance, instance_type) = (i.id.to_string(), i.instance_type.clone());
    match i.eni_quota {
        Some(quota) => PlanNote::EniCapacity {
            instance,
            instance_type,
            quota,
            attached,
        },
        None => PlanNote::EniCapacityUnknown {
            instance,
            instance_type,
            attached,
        },
    }
}

pub(super) fn eni_context(
    n: &crate::binding::EniFacts,
    final_instance: Option<&InstanceId>,
    s: &crate::binding::Snapshot,
) -> PlanContext {
    PlanContext {
        eip_address: s
            .eip_bound_to(n.id.as_str())
            .map(|e| e.ip_address.clone())
            .unwrap_or_default(),
        eni: Some(n.id.clone()),
        eni_primary_ip: Some(n.primary_ip.clone()),
        eni_mac: Some(n.mac_address.clone()),
        eni_vswitch: Some(n.vswitch_id.clone()),
        original_instance: n.instance_id.clone(),
        final_instance: final_instance.cloned(),
        os_name: final_instance
            .and_then(|i| s.instance(i))
            .map(|i| i.os_name.clone()),
    }
}

/// The failures of a new EIP's spec.
pub(super) fn eip_spec_blockers(spec: &EipSpec) -> Vec<Blocker> {
    let mut f = Found::default();
    check_eip_spec(&mut f, spec);
    f.0
}

/// The final checks of a cut-through bind on an attached ENI.
pub(super) fn bound_checks(
    eip: &AllocationId,
    eni: &EniId,
    instance: &InstanceId,
) -> Vec<Expectation> {
    vec![
        Expectation::EipBound {
            eip: eip.clone(),
            target: eni.to_string(),
            mode: BindMode::CutThrough,
        },
        Expectation::EniAttached {
            eni: eni.clone(),
            instance: instance.clone(),
        },
    ]
}
