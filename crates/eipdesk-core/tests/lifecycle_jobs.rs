//! Every lifecycle job on the engine against the emulator: allocate and release EIPs, create
//! and delete secondary ENIs, attach and detach, rename, bandwidth, tags (bulk included), with
//! the typed preflight reasons that block them, the ClientToken of the create calls, the
//! journal's record of what was created and the audit log.

#[path = "workflow_support.rs"]
mod support;

#[path = "lifecycle_support/mod.rs"]
mod lifecycle;

use eipdesk_core::audit::AuditLog;
use eipdesk_core::binding::JobKind;
use eipdesk_core::journal::{Database, RunStatus};
use eipdesk_core::lifecycle::{Billing, PricingCycle};
use lifecycle::*;
use support::*;

#[tokio::test]
async fn allocate_then_release_an_eip() {
    let env = env().await;
    let mut f = form(JobKind::AllocateEip, &[]);
    f.billing = Some(Billing::PayByTraffic);
    f.bandwidth = Some(7);
    f.name = Some("edge-new".into());
    let (run_id, status) = run(&env, &f).await;
    assert_eq!(status, RunStatus::Completed);
    let made = created(&env, &run_id);
    assert_eq!(made.len(), 1);
    let e = eip_item(&env, &made[0]).await.expect("the new EIP exists");
    assert_eq!(
        (e.status.to_string(), e.bandwidth.as_str(), e.name.as_str()),
        ("Available".to_string(), "7", "edge-new")
    );
    assert_eq!(e.internet_charge_type, "PayByTraffic");
    // The create call carried the journaled ClientToken and is in the audit log.
    let steps = env.engine().journal().steps(&run_id).unwrap();
    let token = steps[0].client_token.clone().expect("a ClientToken");
    let calls: Vec<_> = env
        .requests()
        .into_iter()
        .filter(|r| r.action == "AllocateEipAddress")
        .collect();
    assert_eq!(calls.len(), 1);
    assert_eq!(calls[0].client_token.as_deref(), Some(token.as_str()));
    let audit = AuditLog::new(Database::open(&env.db).unwrap())
        .query(&Default::default())
        .unwrap();
    assert!(audit.iter().any(|a| a.action == "AllocateEipAddress"));

    let (_, status) = run(&env, &form(JobKind::ReleaseEip, &[&made[0]])).await;
    assert_eq!(status, RunStatus::Completed);
    assert!(eip_item(&env, &made[0]).await.is_none(), "released");
}

#[tokio::test]
async fn allocate_checks_bandwidth_and_subscription_period() {
    let env = env().await;
    let mut f = form(JobKind::AllocateEip, &[]);
    f.billing = Some(Billing::PayByTraffic);
    f.bandwidth = Some(201);
    assert_eq!(blockers(&env, &f).await, ["BandwidthOutOfRange"]);
    f.billing = Some(Billing::PayByBandwidth);
    assert!(
        plan(&env, &f).await.is_ok(),
        "201 is fine when paid by bandwidth"
    );
    f.billing = Some(Billing::Subscription);
    f.period = Some(10);
    f.pricing_cycle = Some(PricingCycle::Month);
    f.isp = Some("Nowhere".into());
    assert_eq!(
        blockers(&env, &f).await,
        ["SubscriptionPeriod", "UnknownIsp"]
    );
}

#[tokio::test]
async fn release_is_blocked_while_bound_and_for_subscriptions() {
    let env = env().await;
    let f = form(
        JobKind::ReleaseEip,
        &[HZ_EIP_WEB02_NAT, HZ_EIP_CT_STAGED, HZ_EIP_PREPAID],
    );
    let codes = blockers(&env, &f).await;
    assert!(codes.contains(&"EipBound".to_string()), "{codes:?}");
    assert!(
        codes.contains(&"EipBoundCutThrough".to_string()),
        "{codes:?}"
    );
    assert!(
        codes.contains(&"SubscriptionNotReleasable".to_string()),
        "{codes:?}"
    );
    assert!(env.mutating().is_empty());
}

#[tokio::test]
async fn bulk_release_asks_once_and_releases_each() {
    let env = env().await;
    let f = form(JobKind::ReleaseEip, &[HZ_EIP_FREE_B, HZ_EIP_FREE_C]);
    let p = plan(&env, &f).await.unwrap();
    assert_eq!(p.steps.len(), 2);
    assert_eq!(p.warnings.len(), 1, "one confirmation for the batch");
    let (_, status) = run(&env, &f).await;
    assert_eq!(status, RunStatus::Completed);
    assert!(eip_item(&env, HZ_EIP_FREE_B).await.is_none());
    assert!(eip_item(&env, HZ_EIP_FREE_C).await.is_none());
}

#[tokio::test]
async fn create_then_delete_a_secondary_eni_with_a_fixed_ip() {
    let env = env().await;
    let mut f = form(JobKind::CreateEni, &[]);
    f.vswitch_id = Some(HZ_VSW_PROD_H.into());
    f.security_group_ids = vec![HZ_SG_PROD.into()];
    f.private_ip = Some("172.16.1.77".into());
    f.name = Some("spare-77".into());
    let (run_id, status) = run(&env, &f).await;
    assert_eq!(status, RunStatus::Completed);
    let made = created(&env, &run_id);
    let n = eni_item(&env, &made[0]).await.expect("the new ENI");
    assert_eq!(
        (
            n.private_ip_address.as_str(),
            n.vpc_id.as_str(),
            n.status.to_string()
        ),
        ("172.16.1.77", HZ_VPC_PROD, "Available".to_string())
    );
    let (_, status) = run(&env, &form(JobKind::DeleteEni, &[&made[0]])).await;
    assert_eq!(status, RunStatus::Completed);
    assert!(eni_item(&env, &made[0]).await.is_none(), "deleted");
}

#[tokio::test]
async fn create_eni_checks_ip_and_security_groups() {
    let env = env().await;
    let mut f = form(JobKind::CreateEni, &[]);
    f.vswitch_id = Some(HZ_VSW_PROD_H.into());
    f.security_group_ids = vec![HZ_SG_STAGING.into()];
    f.private_ip = Some("172.16.2.9".into());
    assert_eq!(
        blockers(&env, &f).await,
        ["SecurityGroupOtherVpc", "IpOutsideVSwitch"]
    );
    let taken = env.eni_ip(HZ_ENI_CT_READY_A).await;
    f.security_group_ids = vec![HZ_SG_PROD.into()];
    f.private_ip = Some(taken);
    assert_eq!(blockers(&env, &f).await, ["IpTaken"]);
    f.private_ip = Some("172.16.1.255".into());
    assert_eq!(blockers(&env, &f).await, ["IpReserved"]);
    f.security_group_ids.clear();
    f.private_ip = None;
    assert_eq!(blockers(&env, &f).await, ["SecurityGroupCount"]);
}

#[tokio::test]
async fn delete_is_blocked_while_attached_holding_an_eip_or_primary() {
    let env = env().await;
    let f = form(
        JobKind::DeleteEni,
        &[HZ_ENI_WEB01_DATA, HZ_ENI_CT_STAGED, HZ_ENI_WEB01_PRIMARY],
    );
    assert_eq!(
        blockers(&env, &f).await,
        ["EniAttached", "EniHoldsEip", "EniIsPrimary"]
    );
}

#[tokio::test]
async fn attach_and_detach_as_jobs_of_their_own() {
    let env = env().await;
    let mut f = form(JobKind::AttachEni, &[HZ_ENI_CT_READY_A]);
    f.instance_id = Some(HZ_I_WEB01.into());
    let p = plan(&env, &f).await.unwrap();
    assert!(
        p.notes
            .iter()
            .any(|n| n.to_string().contains("network interfaces")),
        "capacity shown: {:?}",
        p.notes
    );
    let (_, status) = run(&env, &f).await;
    assert_eq!(status, RunStatus::Completed);
    env.assert_eni_on(HZ_ENI_CT_READY_A, HZ_I_WEB01).await;
    let mut f = form(JobKind::DetachEni, &[HZ_ENI_CT_READY_A]);
    f.instance_id = Some(HZ_I_WEB01.into());
    let p = plan(&env, &f).await.unwrap();
    assert!(!p.impact().is_empty(), "the NIC loss is in the impact");
    let (_, status) = run(&env, &f).await;
    assert_eq!(status, RunStatus::Completed);
    assert_eq!(env.eni(HZ_ENI_CT_READY_A).await.0, "Available");
    // edge-01 is full; zone i's ENI cannot go to a zone h instance.
    let mut f = form(JobKind::AttachEni, &[HZ_ENI_CT_READY_B]);
    f.instance_id = Some(HZ_I_EDGE01.into());
    assert_eq!(blockers(&env, &f).await, ["InstanceEniQuotaFull"]);
    let mut f = form(JobKind::AttachEni, &[HZ_ENI_SPARE_ZONE_I]);
    f.instance_id = Some(HZ_I_WEB01.into());
    assert_eq!(blockers(&env, &f).await, ["InstanceZoneMismatch"]);
}

#[tokio::test]
async fn rename_and_bandwidth_within_the_documented_limits() {
    let env = env().await;
    let mut f = form(JobKind::RenameEip, &[HZ_EIP_FREE_A, HZ_EIP_FREE_B]);
    f.name = Some("batch-name".into());
    let (_, status) = run(&env, &f).await;
    assert_eq!(status, RunStatus::Completed);
    for id in [HZ_EIP_FREE_A, HZ_EIP_FREE_B] {
        assert_eq!(eip_item(&env, id).await.unwrap().name, "batch-name");
    }
    let mut f = form(JobKind::SetEipBandwidth, &[HZ_EIP_FREE_A]);
    f.bandwidth = Some(600);
    assert_eq!(blockers(&env, &f).await, ["BandwidthOutOfRange"]);
    f.bandwidth = Some(50);
    let (_, status) = run(&env, &f).await;
    assert_eq!(status, RunStatus::Completed);
    assert_eq!(eip_item(&env, HZ_EIP_FREE_A).await.unwrap().bandwidth, "50");
    let mut f = form(JobKind::RenameEni, &[HZ_ENI_CT_READY_B]);
    f.name = Some("x".into());
    assert_eq!(blockers(&env, &f).await, ["TextInvalid"]);
    f.name = Some("renamed-b".into());
    let (_, status) = run(&env, &f).await;
    assert_eq!(status, RunStatus::Completed);
    assert_eq!(
        eni_item(&env, HZ_ENI_CT_READY_B)
            .await
            .unwrap()
            .network_interface_name,
        "renamed-b"
    );
}

#[tokio::test]
async fn bulk_tags_on_three_eips_then_removed() {
    let env = env().await;
    let ids = [HZ_EIP_FREE_A, HZ_EIP_FREE_B, HZ_EIP_FREE_C];
    let mut f = form(JobKind::AddTags, &ids);
    f.tags = vec![tag("team", "edge"), tag("cost", "")];
    let (_, status) = run(&env, &f).await;
    assert_eq!(status, RunStatus::Completed);
    let tag_calls = env
        .requests()
        .into_iter()
        .filter(|r| r.action == "TagResources" && r.code == "OK")
        .count();
    assert_eq!(tag_calls, 1, "one call for the batch");
    for id in ids {
        let tags: Vec<(String, String)> = eip_item(&env, id)
            .await
            .unwrap()
            .tags
            .tag
            .into_iter()
            .map(|t| (t.key, t.value))
            .collect();
        assert!(
            tags.contains(&("team".into(), "edge".into())),
            "{id}: {tags:?}"
        );
    }
    let mut f = form(JobKind::RemoveTags, &ids);
    f.tag_keys = vec!["team".into()];
    let (_, status) = run(&env, &f).await;
    assert_eq!(status, RunStatus::Completed);
    assert!(
        eip_item(&env, HZ_EIP_FREE_B)
            .await
            .unwrap()
            .tags
            .tag
            .iter()
            .all(|t| t.key != "team")
    );
    let mut f = form(JobKind::AddTags, &[HZ_ENI_CT_READY_A]);
    f.tags = vec![tag("acs:x", ""), tag("k", "a"), tag("k", "b")];
    assert_eq!(
        blockers(&env, &f).await,
        ["TagKeyInvalid", "TagKeyDuplicated"]
    );
}
