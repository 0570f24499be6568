//! The optional remote-access steps against the emulator: the run adds the inbound rules for
//! the chosen CIDR (the login port and ICMP, for the guide's ping; once each, even when
//! resumed) to the ENI's own security group, and rolling back removes them.

#[path = "workflow_support.rs"]
mod support;

use alicloud_api::ecs::DescribeSecurityGroupAttributeRequest;
use alicloud_emulator::DEMO_ACCOUNT_ID;
use alicloud_emulator::state::guest::{GuestState, ScriptFault};
use eipdesk_core::binding::Confirmations;
use eipdesk_core::binding::access_steps::add_access_step;
use eipdesk_core::binding::guest_steps::{GuestChoice, add_guest_steps};
use eipdesk_core::journal::RunStatus;
use support::*;

const CIDR: &str = "203.0.113.0/24";

async fn start(env: &Env) -> String {
    let mut plan = env
        .plan(cut_through(
            HZ_EIP_FREE_A,
            HZ_ENI_WEB01_DATA,
            Some(HZ_I_WEB01),
        ))
        .await;
    add_guest_steps(&mut plan, &GuestChoice::default(), false);
    add_access_step(&mut plan, HZ_SG_PROD, CIDR);
    assert!(
        plan.notes.iter().any(|n| n.to_string().contains(&format!(
            "{HZ_SG_PROD}, the first security group of {HZ_ENI_WEB01_DATA}"
        ))),
        "the plan says which group it changes and why: {:?}",
        plan.notes
    );
    assert_eq!(
        plan.steps
            .iter()
            .map(|s| s.action.api_action())
            .collect::<Vec<_>>(),
        [
            Some("DetachNetworkInterface"),
            Some("AssociateEipAddress"),
            Some("AttachNetworkInterface"),
            None,
            Some("AuthorizeSecurityGroup"),
            Some("AuthorizeSecurityGroup"),
            Some("RunCommand"),
            Some("RunCommand"),
        ]
    );
    let confirmations = Confirmations {
        accepted: plan.warnings.iter().map(|w| w.code().to_string()).collect(),
        typed: None,
    };
    env.engine()
        .start(&plan, &confirmations, &owner())
        .unwrap()
        .id
}

/// The run's rules in the group: (SSH from the CIDR, ICMP from the CIDR).
async fn rules(env: &Env) -> (usize, usize) {
    let mut req = DescribeSecurityGroupAttributeRequest::new("cn-hangzhou", HZ_SG_PROD);
    req.direction = Some("ingress".into());
    let attr = env
        .client
        .describe_security_group_attribute(&req)
        .await
        .unwrap();
    let count = |protocol: &str, ports: &str| {
        attr.permissions
            .permission
            .iter()
            .filter(|p| {
                p.ip_protocol == protocol && p.port_range == ports && p.source_cidr_ip == CIDR
            })
            .count()
    };
    (count("TCP", "22/22"), count("ICMP", "-1/-1"))
}

#[tokio::test]
async fn the_run_opens_ssh_and_icmp_to_the_chosen_cidr() {
    let env = env().await;
    let run = start(&env).await;
    let engine = env.engine();
    assert_eq!(engine.drive(&run).await.unwrap(), RunStatus::Completed);
    assert_eq!(rules(&env).await, (1, 1));
    assert_eq!(
        env.ok_count("AuthorizeSecurityGroup"),
        0,
        "not a MUTATING entry"
    );
    let authorized = env
        .requests()
        .iter()
        .filter(|e| e.action == "AuthorizeSecurityGroup" && e.code == "OK")
        .count();
    assert_eq!(authorized, 2);
}

#[tokio::test]
async fn rolling_back_removes_the_rules() {
    let env = env().await;
    env.emu.control().set_guest(
        DEMO_ACCOUNT_ID,
        "cn-hangzhou",
        HZ_I_WEB01,
        GuestState {
            fault: Some(ScriptFault::Fail {
                exit_code: 1,
                output: "no lease".into(),
            }),
            ..GuestState::default()
        },
    );
    let run = start(&env).await;
    let engine = env.engine();
    assert_eq!(
        engine.drive(&run).await.unwrap(),
        RunStatus::WaitingForDecision
    );
    assert_eq!(rules(&env).await, (1, 1));
    engine.roll_back(&run).unwrap();
    assert_eq!(engine.drive(&run).await.unwrap(), RunStatus::RolledBack);
    assert_eq!(
        rules(&env).await,
        (0, 0),
        "the rules are gone with the binding"
    );
    env.assert_attached_untouched().await;
}
