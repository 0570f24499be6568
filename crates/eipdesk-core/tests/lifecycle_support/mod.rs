//! Shared set-up of the lifecycle engine tests (included with `#[path]` next to
//! `workflow_support.rs`): preflight a lifecycle form against the emulator, run it on the
//! engine with every warning confirmed, and read what the emulator holds.

#![allow(dead_code)]

use crate::support::{Env, owner};
use alicloud_api::ecs::DescribeNetworkInterfacesRequest;
use alicloud_api::vpc::{DescribeEipAddressesRequest, EipAddress};
use eipdesk_core::binding::{BindPlan, Blocker, Confirmations, JobKind, ProfileFacts};
use eipdesk_core::journal::RunStatus;
use eipdesk_core::lifecycle::facts::fetch;
use eipdesk_core::lifecycle::preflight::preflight;
use eipdesk_core::lifecycle::{LifecycleForm, TagPair};
use eipdesk_core::regions::CutThroughRegions;

pub fn form(job: JobKind, ids: &[&str]) -> LifecycleForm {
    LifecycleForm {
        region_id: "cn-hangzhou".into(),
        job: Some(job),
        ids: ids.iter().map(|s| s.to_string()).collect(),
        ..Default::default()
    }
}

pub fn tag(key: &str, value: &str) -> TagPair {
    TagPair {
        key: key.into(),
        value: value.into(),
    }
}

pub async fn plan(env: &Env, form: &LifecycleForm) -> Result<BindPlan, Vec<Blocker>> {
    let facts = fetch(&env.client, &env.region).await.unwrap();
    preflight(
        &form.parse().unwrap(),
        &facts,
        &env.region,
        &CutThroughRegions::default(),
        &ProfileFacts {
            name: "Sandbox".into(),
            production: false,
        },
    )
}

/// The codes of every failing rule (panics when the plan is fine).
pub async fn blockers(env: &Env, form: &LifecycleForm) -> Vec<String> {
    match plan(env, form).await {
        Ok(p) => panic!("expected blockers, got a plan: {:?}", p.steps),
        Err(b) => b.iter().map(|b| b.code().to_string()).collect(),
    }
}

/// Starts the job with every warning confirmed; returns the run's ID.
pub async fn start(env: &Env, form: &LifecycleForm) -> String {
    let plan = plan(env, form)
        .await
        .unwrap_or_else(|b| panic!("preflight failed: {b:?}"));
    let confirmations = Confirmations {
        accepted: plan.warnings.iter().map(|w| w.code().to_string()).collect(),
        typed: None,
    };
    env.engine()
        .start(&plan, &confirmations, &owner())
        .unwrap()
        .id
}

/// Runs the job to its end.
pub async fn run(env: &Env, form: &LifecycleForm) -> (String, RunStatus) {
    let id = start(env, form).await;
    let status = env.engine().drive(&id).await.unwrap();
    (id, status)
}

/// The IDs the run's steps created, in step order.
pub fn created(env: &Env, run: &str) -> Vec<String> {
    env.engine()
        .journal()
        .steps(run)
        .unwrap()
        .into_iter()
        .filter_map(|s| s.created_id)
        .collect()
}

pub async fn eip_item(env: &Env, id: &str) -> Option<EipAddress> {
    let req = DescribeEipAddressesRequest::new("cn-hangzhou").allocation_id(id);
    env.client
        .describe_eip_addresses(&req)
        .await
        .unwrap()
        .eip_addresses
        .eip_address
        .into_iter()
        .find(|e| e.allocation_id == id)
}

pub async fn all_eips(env: &Env) -> Vec<String> {
    let req = DescribeEipAddressesRequest::new("cn-hangzhou");
    let mut ids: Vec<String> = env
        .client
        .describe_eip_addresses_all(&req)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.allocation_id)
        .collect();
    ids.sort();
    ids
}

pub async fn all_enis(env: &Env) -> Vec<String> {
    let req = DescribeNetworkInterfacesRequest::new("cn-hangzhou");
    let mut ids: Vec<String> = env
        .client
        .describe_network_interfaces_all(&req)
        .await
        .unwrap()
        .into_iter()
        .map(|n| n.network_interface_id)
        .collect();
    ids.sort();
    ids
}

pub async fn eni_item(env: &Env, id: &str) -> Option<alicloud_api::ecs::NetworkInterfaceSet> {
    let req = DescribeNetworkInterfacesRequest::new("cn-hangzhou").network_interface_ids([id]);
    env.client
        .describe_network_interfaces(&req)
        .await
        .unwrap()
        .network_interface_sets
        .network_interface_set
        .into_iter()
        .find(|n| n.network_interface_id == id)
}
