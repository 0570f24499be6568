//! `EipDesk` methods behind the lifecycle forms and row actions: the form's choices
//! (vSwitches, security groups, instances with their ENI capacity), preflight with its plan,
//! and starting a lifecycle run (bulk included) on the one workflow engine.

use super::EipDesk;
use crate::binding::Confirmations;
use crate::binding::view::PreflightView;
use crate::ids::RegionId;
use crate::lifecycle::facts::{LifecycleFacts, fetch};
use crate::lifecycle::preflight::preflight;
use crate::lifecycle::{Billing, LifecycleForm, PricingCycle, TagKind, TagPair};
use crate::workflow::{RunView, WorkflowError};
use serde::Serialize;
use ts_rs::TS;

/// A vSwitch a new ENI may go on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct VSwitchChoice {
    pub id: String,
    pub name: String,
    pub vpc_id: String,
    pub zone_id: String,
    pub cidr: String,
    pub free_ips: u32,
}

/// A security group (of some VPC).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SecurityGroupChoice {
    pub id: String,
    pub name: String,
    pub vpc_id: String,
}

/// An instance an ENI may be attached to, with its ENI capacity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct InstanceChoice {
    pub id: String,
    pub name: String,
    pub instance_type: String,
    pub status: String,
    pub vpc_id: String,
    pub zone_id: String,
    /// Network interfaces attached now (the primary included).
    pub enis_attached: u32,
    /// How many the instance type takes (`None`: unknown).
    pub eni_quota: Option<u32>,
}

/// What the lifecycle forms offer in a region.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LifecycleChoices {
    pub vswitches: Vec<VSwitchChoice>,
    pub security_groups: Vec<SecurityGroupChoice>,
    pub instances: Vec<InstanceChoice>,
}

fn choices(facts: &LifecycleFacts) -> LifecycleChoices {
    let s = &facts.snapshot;
    LifecycleChoices {
        vswitches: facts
            .vswitches
            .iter()
            .map(|v| VSwitchChoice {
                id: v.vswitch_id.clone(),
                name: v.vswitch_name.clone(),
                vpc_id: v.vpc_id.clone(),
                zone_id: v.zone_id.clone(),
                cidr: v.cidr_block.clone(),
                free_ips: u32::try_from(v.available_ip_address_count).unwrap_or(0),
            })
            .collect(),
        security_groups: facts
            .security_groups
            .iter()
            .map(|g| SecurityGroupChoice {
                id: g.security_group_id.clone(),
                name: g.security_group_name.clone(),
                vpc_id: g.vpc_id.clone(),
            })
            .collect(),
        instances: s
            .instances
            .iter()
            .map(|i| InstanceChoice {
                id: i.id.to_string(),
                name: i.name.clone(),
                instance_type: i.instance_type.clone(),
                status: i.status.to_string(),
                vpc_id: i.vpc_id.clone(),
                zone_id: i.zone_id.clone(),
                enis_attached: s.enis_attached_to(&i.id),
                eni_quota: i.eni_quota,
            })
            .collect(),
    }
}

fn region_of(form: &LifecycleForm) -> Result<RegionId, WorkflowError> {
    RegionId::parse(&form.region_id).map_err(|e| WorkflowError::Form(e.into()))
}

impl EipDesk {
    /// vSwitches, security groups and instances (with ENI capacity) of `region`.
    pub async fn lifecycle_choices(
        &self,
        region_id: &str,
    ) -> Result<LifecycleChoices, WorkflowError> {
        let region = RegionId::parse(region_id).map_err(|e| WorkflowError::Form(e.into()))?;
        Ok(choices(&fetch(&self.session().client, &region).await?))
    }

    async fn lifecycle_plan(
        &self,
        form: &LifecycleForm,
        profile: &crate::binding::ProfileFacts,
    ) -> Result<Result<crate::binding::BindPlan, Vec<crate::binding::Blocker>>, WorkflowError> {
        let request = form.parse()?;
        let region = region_of(form)?;
        let facts = fetch(&self.session().client, &region).await?;
        Ok(preflight(
            &request,
            &facts,
            &region,
            self.cut_through_regions(),
            profile,
        ))
    }

    /// Preflight of a lifecycle job on the real state: every failing rule, or the plan.
    pub async fn preflight_lifecycle(
        &self,
        form: LifecycleForm,
    ) -> Result<PreflightView, WorkflowError> {
        let (profile, _) = self.profile_facts().await;
        Ok(PreflightView::new(
            &self.lifecycle_plan(&form, &profile).await?,
        ))
    }

    /// Preflight again, check the confirmations, record the run and drive it.
    pub async fn start_lifecycle(
        &self,
        form: LifecycleForm,
        confirmations: Confirmations,
    ) -> Result<RunView, WorkflowError> {
        let (profile, owner) = self.profile_facts().await;
        let plan = self
            .lifecycle_plan(&form, &profile)
            .await?
            .map_err(WorkflowError::Preflight)?;
        self.start_plan(&plan, &confirmations, &owner)
    }
}

/// TypeScript declarations of the lifecycle forms' types, in a stable order.
pub fn typescript_declarations() -> Vec<String> {
    vec![
        Billing::decl(),
        PricingCycle::decl(),
        TagKind::decl(),
        TagPair::decl(),
        LifecycleForm::decl(),
        VSwitchChoice::decl(),
        SecurityGroupChoice::decl(),
        InstanceChoice::decl(),
        LifecycleChoices::decl(),
    ]
}
