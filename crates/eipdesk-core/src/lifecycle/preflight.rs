//! Lifecycle preflight: checks a [`LifecycleRequest`] against [`LifecycleFacts`] read fresh
//! from the API and builds its plan (a [`BindPlan`] the workflow engine runs), or returns every
//! failing rule. Warnings follow the binding's rules: what a job breaks needs an
//! acknowledgement (`binding::preflight::acknowledge_impact`), a permanent removal is named,
//! and a production profile types what the job acts on.

use super::action::{Billing, EipAttrs, EipSpec, EniAttrs, EniSpec, LifecycleAction, TagKind};
use super::created::{eip_placeholder, eni_placeholder};
use super::facts::{LifecycleFacts, check_private_ip, free_ip};
use super::job::{LifecycleRequest, MAX_BULK};
use super::reasons::LifecycleBlocker as L;
use crate::binding::preflight::{acknowledge_impact, production_warning};
use crate::binding::{
    BindMode, BindPlan, BindRequest, Blocker, Expectation, OnFailure, PlanContext, PlanStep,
    ProfileFacts, StepAction, Warning, rules,
};
use crate::ids::{AllocationId, EniId, InstanceId, RegionId};
use crate::regions::CutThroughRegions;

/// Line types `AllocateEipAddress` documents.
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

/// Collected failures.
#[derive(Default)]
struct Found(Vec<Blocker>);

impl Found {
    fn add(&mut self, b: L) {
        self.0.push(Blocker::Lifecycle(b));
    }
    fn check_binding(&mut self, r: Result<(), Blocker>) {
        if let Err(b) = r {
            self.0.push(b);
        }
    }
    fn done(self) -> Result<(), Vec<Blocker>> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(self.0)
        }
    }
}

fn step(action: LifecycleAction, on_failure: OnFailure) -> PlanStep {
    PlanStep {
        action: StepAction::Lifecycle(action),
        on_failure,
    }
}

fn no_url(text: &str) -> bool {
    !text.starts_with("http://") && !text.starts_with("https://")
}

fn check_eip_text(f: &mut Found, name: Option<&str>, description: Option<&str>) {
    if name.is_some_and(|n| n.chars().count() > 128 || !no_url(n)) {
        f.add(L::TextInvalid {
            field: "name",
            rule: "at most 128 characters, not starting with http:// or https://",
        });
    }
    if description.is_some_and(|d| d.chars().count() > 256 || !no_url(d)) {
        f.add(L::TextInvalid {
            field: "description",
            rule: "at most 256 characters, not starting with http:// or https://",
        });
    }
}

fn check_eni_text(f: &mut Found, name: Option<&str>, description: Option<&str>) {
    let bad = |t: &str, max: usize| !(2..=max).contains(&t.chars().count()) || !no_url(t);
    if name.is_some_and(|n| !n.is_empty() && bad(n, 128)) {
        f.add(L::TextInvalid {
            field: "name",
            rule: "2–128 characters, not starting with http:// or https://",
        });
    }
    if description.is_some_and(|d| !d.is_empty() && bad(d, 256)) {
        f.add(L::TextInvalid {
            field: "description",
            rule: "2–256 characters, not starting with http:// or https://",
        });
    }
}

fn check_bandwidth(f: &mut Found, billing: Billing, value: u32) {
    let (min, max) = billing.bandwidth_range();
    if !(min..=max).contains(&value) {
        f.add(L::BandwidthOutOfRange {
            value,
            min,
            max,
            billing: billing.label(),
        });
    }
}

fn check_eip_spec(f: &mut Found, spec: &EipSpec) {
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

fn check_bulk(f: &mut Found, count: usize) {
    if count == 0 {
        f.add(L::NothingChosen);
    } else if count > MAX_BULK {
        f.add(L::TooManyResources {
            count,
            max: MAX_BULK,
        });
    }
}

fn check_tag(f: &mut Found, tags: &[(String, String)]) {
    for (i, (k, v)) in tags.iter().enumerate() {
        let url = |t: &str| t.contains("http://") || t.contains("https://");
        if k.is_empty()
            || k.chars().count() > 128
            || k.starts_with("acs:")
            || k.starts_with("aliyun")
            || url(k)
        {
            f.add(L::TagKeyInvalid { key: k.clone() });
        }
        if v.chars().count() > 128 || v.starts_with("acs:") || url(v) {
            f.add(L::TagValueInvalid { value: v.clone() });
        }
        if tags[..i].iter().any(|(e, _)| e == k) {
            f.add(L::TagKeyDuplicated { key: k.clone() });
        }
    }
}

/// The typed confirmation on a production profile (`what` is typed).
fn production(profile: &ProfileFacts, what: String) -> Option<Warning> {
    profile.production.then(|| Warning::ProductionResource {
        profile: profile.name.clone(),
        confirm_id: what,
    })
}

/// What one or several IDs are typed as.
fn typed_name(ids: &[String], noun: &str) -> String {
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
        notes: Vec<String>,
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

/// Checks `request` and builds its plan, or returns every failing rule.
pub fn preflight(
    request: &LifecycleRequest,
    facts: &LifecycleFacts,
    region: &RegionId,
    regions: &CutThroughRegions,
    profile: &ProfileFacts,
) -> Result<BindPlan, Vec<Blocker>> {
    let p = PlanParts { request, region };
    let mut f = Found::default();
    let s = &facts.snapshot;
    match request {
        LifecycleRequest::AllocateEip { spec } => {
            check_eip_spec(&mut f, spec);
            f.done()?;
            let mut notes = vec![format!(
                "Billing ({}) starts when the EIP is allocated.",
                spec.billing.label()
            )];
            if spec.billing == Billing::Subscription {
                notes.push("A subscription EIP cannot be released before it expires; it cannot be bound in cut-through mode either.".into());
            }
            let steps = vec![step(
                LifecycleAction::AllocateEip {
                    eip: eip_placeholder(0),
                    spec: spec.clone(),
                },
                OnFailure::RollBack,
            )];
            Ok(p.build(
                steps,
                Vec::new(),
                notes,
                PlanContext::default(),
                production(profile, region.to_string()),
            ))
        }
        LifecycleRequest::ReleaseEips { eips } => {
            check_bulk(&mut f, eips.len());
            let mut ips = Vec::new();
            for id in eips {
                let Some(e) = s.eip(id) else {
                    f.add(L::EipNotFound {
                        eip: id.to_string(),
                    });
                    continue;
                };
                ips.push(e.ip_address.clone());
                if e.charge_type == "PrePaid" {
                    f.add(L::SubscriptionNotReleasable {
                        eip: id.to_string(),
                    });
                }
                match &e.binding {
                    Some(b) if b.mode == "BINDED" => f.add(L::EipBoundCutThrough {
                        eip: id.to_string(),
                        target: b.instance_id.clone(),
                    }),
                    Some(b) => f.add(L::EipBound {
                        eip: id.to_string(),
                        target: b.instance_id.clone(),
                    }),
                    None if e.status != "Available" => f.add(L::EipBusy {
                        eip: id.to_string(),
                        status: e.status.to_string(),
                    }),
                    None => {}
                }
            }
            f.done()?;
            let steps = eips
                .iter()
                .map(|eip| {
                    step(
                        LifecycleAction::ReleaseEip { eip: eip.clone() },
                        OnFailure::Ask,
                    )
                })
                .collect();
            let warnings = vec![Warning::Disruptive {
                summary: format!(
                    "releasing is permanent: {} go{} back to Alibaba Cloud's pool and cannot be recovered.",
                    ips.join(", "),
                    if ips.len() == 1 { "es" } else { "" }
                ),
            }];
            let typed = match ips.as_slice() {
                [ip] if eips.len() == 1 => production_warning(profile, ip),
                _ => production(profile, format!("{} EIPs", eips.len())),
            };
            Ok(p.build(
                steps,
                warnings,
                vec!["Each EIP is released in turn; a failure stops the job and lists which were released.".into()],
                PlanContext {
                    eip_address: ips.join(", "),
                    ..Default::default()
                },
                typed,
            ))
        }
        LifecycleRequest::RenameEips {
            eips,
            name,
            description,
        } => {
            check_bulk(&mut f, eips.len());
            if name.is_none() && description.is_none() {
                f.add(L::NothingToChange);
            }
            check_eip_text(&mut f, name.as_deref(), description.as_deref());
            let mut steps = Vec::new();
            for id in eips {
                match facts.eip(id.as_str()) {
                    None => f.add(L::EipNotFound {
                        eip: id.to_string(),
                    }),
                    Some(e) => steps.push(step(
                        LifecycleAction::ModifyEip {
                            eip: id.clone(),
                            name: name.clone(),
                            description: description.clone(),
                            bandwidth: None,
                            before: EipAttrs {
                                name: e.name.clone(),
                                description: e.description.clone(),
                                bandwidth: e.bandwidth.parse().unwrap_or(0),
                            },
                        },
                        OnFailure::Ask,
                    )),
                }
            }
            f.done()?;
            Ok(p.build(steps, Vec::new(), Vec::new(), PlanContext::default(), None))
        }
        LifecycleRequest::SetBandwidth { eip, bandwidth } => {
            let Some(e) = facts.eip(eip.as_str()) else {
                return Err(vec![Blocker::Lifecycle(L::EipNotFound {
                    eip: eip.to_string(),
                })]);
            };
            let billing = Billing::from_api(&e.charge_type, &e.internet_charge_type);
            check_bandwidth(&mut f, billing, *bandwidth);
            let current: u32 = e.bandwidth.parse().unwrap_or(0);
            if current == *bandwidth {
                f.add(L::BandwidthUnchanged {
                    eip: eip.to_string(),
                    value: current,
                });
            }
            if e.status == "Releasing" {
                f.add(L::EipBusy {
                    eip: eip.to_string(),
                    status: e.status.to_string(),
                });
            }
            f.done()?;
            let steps = vec![step(
                LifecycleAction::ModifyEip {
                    eip: eip.clone(),
                    name: None,
                    description: None,
                    bandwidth: Some(*bandwidth),
                    before: EipAttrs {
                        name: e.name.clone(),
                        description: e.description.clone(),
                        bandwidth: current,
                    },
                },
                OnFailure::RollBack,
            )];
            let notes = vec![format!(
                "{} EIPs take {}–{} Mbit/s; it has {current} Mbit/s now.",
                billing.label(),
                billing.bandwidth_range().0,
                billing.bandwidth_range().1
            )];
            Ok(p.build(
                steps,
                Vec::new(),
                notes,
                PlanContext {
                    eip_address: e.ip_address.clone(),
                    ..Default::default()
                },
                None,
            ))
        }
        LifecycleRequest::CreateEni { spec } => {
            let vpc = check_eni_spec(&mut f, facts, spec);
            f.done()?;
            let steps = vec![step(
                LifecycleAction::CreateEni {
                    eni: eni_placeholder(0),
                    spec: spec.clone(),
                },
                OnFailure::RollBack,
            )];
            let notes = vec![format!(
                "The interface is created in {} (zone {}); it can be attached to instances of that VPC and zone.",
                vpc.0, vpc.1
            )];
            Ok(p.build(
                steps,
                Vec::new(),
                notes,
                PlanContext {
                    eni_vswitch: Some(spec.vswitch_id.clone()),
                    eni_primary_ip: spec.private_ip.clone(),
                    ..Default::default()
                },
                production(profile, region.to_string()),
            ))
        }
        LifecycleRequest::DeleteEnis { enis } => {
            check_bulk(&mut f, enis.len());
            for id in enis {
                let Some(n) = s.eni(id) else {
                    f.add(L::EniNotFound {
                        eni: id.to_string(),
                    });
                    continue;
                };
                if n.is_primary() {
                    f.add(L::EniIsPrimary {
                        eni: id.to_string(),
                        what: "deleted",
                    });
                } else if let Some(i) = &n.instance_id {
                    f.add(L::EniAttached {
                        eni: id.to_string(),
                        instance: i.to_string(),
                    });
                } else if n.status != "Available" {
                    f.add(L::EniBusy {
                        eni: id.to_string(),
                        status: n.status.to_string(),
                    });
                }
                if let Some(e) = s.eip_bound_to(id.as_str()) {
                    f.add(L::EniHoldsEip {
                        eni: id.to_string(),
                        eip: e.allocation_id.to_string(),
                        ip: e.ip_address.clone(),
                    });
                }
            }
            f.done()?;
            let ids: Vec<String> = enis.iter().map(ToString::to_string).collect();
            let steps = enis
                .iter()
                .map(|eni| {
                    step(
                        LifecycleAction::DeleteEni { eni: eni.clone() },
                        OnFailure::Ask,
                    )
                })
                .collect();
            let warnings = vec![Warning::Disruptive {
                summary: format!(
                    "deleting is permanent: {} and {} private addresses are gone.",
                    ids.join(", "),
                    if ids.len() == 1 { "its" } else { "their" }
                ),
            }];
            Ok(p.build(
                steps,
                warnings,
                Vec::new(),
                PlanContext::default(),
                production(profile, typed_name(&ids, "interfaces")),
            ))
        }
        LifecycleRequest::AttachEni { eni, instance } => {
            let (n, i) = eni_and_instance(s, eni, instance)?;
            if n.is_primary() {
                f.add(L::EniIsPrimary {
                    eni: eni.to_string(),
                    what: "attached elsewhere",
                });
            } else if let Some(on) = &n.instance_id {
                f.add(L::EniAlreadyAttached {
                    eni: eni.to_string(),
                    instance: on.to_string(),
                });
            } else if n.status != "Available" {
                f.add(L::EniBusy {
                    eni: eni.to_string(),
                    status: n.status.to_string(),
                });
            }
            f.check_binding(rules::instance_can_take_eni(i, n, s));
            f.done()?;
            let notes = vec![capacity_note(s, i)];
            let action = StepAction::AttachEni {
                eni: eni.clone(),
                instance: instance.clone(),
            };
            Ok(p.build(
                vec![PlanStep {
                    action,
                    on_failure: OnFailure::RollBack,
                }],
                Vec::new(),
                notes,
                eni_context(n, Some(instance), s),
                production(profile, eni.to_string()),
            ))
        }
        LifecycleRequest::DetachEni { eni, instance } => {
            let (n, i) = eni_and_instance(s, eni, instance)?;
            if n.is_primary() {
                f.add(L::EniIsPrimary {
                    eni: eni.to_string(),
                    what: "detached",
                });
            } else if n.instance_id.as_ref() != Some(instance) {
                f.add(L::EniNotOnInstance {
                    eni: eni.to_string(),
                    instance: instance.to_string(),
                });
            } else if n.status != "InUse" {
                f.add(L::EniBusy {
                    eni: eni.to_string(),
                    status: n.status.to_string(),
                });
            }
            f.done()?;
            let action = StepAction::DetachEni {
                eni: eni.clone(),
                instance: instance.clone(),
            };
            Ok(p.build(
                vec![PlanStep {
                    action,
                    on_failure: OnFailure::RollBack,
                }],
                Vec::new(),
                vec![capacity_note(s, i)],
                eni_context(n, None, s),
                production(profile, eni.to_string()),
            ))
        }
        LifecycleRequest::RenameEnis {
            enis,
            name,
            description,
        } => {
            check_bulk(&mut f, enis.len());
            if name.is_none() && description.is_none() {
                f.add(L::NothingToChange);
            }
            check_eni_text(&mut f, name.as_deref(), description.as_deref());
            let mut steps = Vec::new();
            for id in enis {
                match facts.eni(id.as_str()) {
                    None => f.add(L::EniNotFound {
                        eni: id.to_string(),
                    }),
                    Some(n) => steps.push(step(
                        LifecycleAction::ModifyEni {
                            eni: id.clone(),
                            name: name.clone(),
                            description: description.clone(),
                            before: EniAttrs {
                                name: n.network_interface_name.clone(),
                                description: n.description.clone(),
                            },
                        },
                        OnFailure::Ask,
                    )),
                }
            }
            f.done()?;
            Ok(p.build(steps, Vec::new(), Vec::new(), PlanContext::default(), None))
        }
        LifecycleRequest::AddTags { kind, ids, tags } => {
            check_bulk(&mut f, ids.len());
            check_tag(&mut f, tags);
            for id in ids {
                match existing_tags(facts, *kind, id) {
                    None => f.add(not_found(*kind, id)),
                    Some(have) => {
                        let count = have
                            .iter()
                            .filter(|k| !tags.iter().any(|(t, _)| t == *k))
                            .count()
                            + tags.len();
                        if count > 20 {
                            f.add(L::TooManyTags {
                                resource: id.clone(),
                                count,
                            });
                        }
                    }
                }
            }
            f.done()?;
            let steps = vec![step(
                LifecycleAction::Tag {
                    kind: *kind,
                    ids: ids.clone(),
                    tags: tags.clone(),
                },
                OnFailure::RollBack,
            )];
            Ok(p.build(steps, Vec::new(), Vec::new(), PlanContext::default(), None))
        }
        LifecycleRequest::RemoveTags { kind, ids, keys } => {
            check_bulk(&mut f, ids.len());
            for id in ids {
                if existing_tags(facts, *kind, id).is_none() {
                    f.add(not_found(*kind, id));
                }
            }
            f.done()?;
            let steps = vec![step(
                LifecycleAction::Untag {
                    kind: *kind,
                    ids: ids.clone(),
                    keys: keys.clone(),
                },
                OnFailure::RollBack,
            )];
            Ok(p.build(steps, Vec::new(), Vec::new(), PlanContext::default(), None))
        }
        LifecycleRequest::CreateAndBind {
            instance,
            eip,
            new_eip,
            eni,
            eni_name,
        } => super::compose::create_and_bind(
            &p,
            facts,
            regions,
            profile,
            (
                instance,
                eip.as_ref(),
                new_eip.as_ref(),
                eni.as_ref(),
                eni_name,
            ),
        ),
    }
}

pub(super) fn not_found(kind: TagKind, id: &str) -> L {
    match kind {
        TagKind::Eip => L::EipNotFound { eip: id.into() },
        TagKind::Eni => L::EniNotFound { eni: id.into() },
    }
}

fn existing_tags(facts: &LifecycleFacts, kind: TagKind, id: &str) -> Option<Vec<String>> {
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

fn eni_and_instance<'a>(
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
) -> String {
    let attached = s.enis_attached_to(&i.id);
    match i.eni_quota {
        Some(q) => format!(
            "{} ({}) takes {q} network interfaces (the primary included); {attached} are attached now.",
            i.id, i.instance_type
        ),
        None => format!(
            "{} ({}): {attached} network interfaces attached; its type's limit is unknown.",
            i.id, i.instance_type
        ),
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
