//! Engine against the emulator: the cut-through happy paths (ENI attached and detached at
//! start), every other binding job, cancel between steps, the journal and the audit log.

#[path = "workflow_support.rs"]
mod support;

use eipdesk_core::audit::{AuditFilter, AuditLog};
use eipdesk_core::binding::step_text::english;
use eipdesk_core::binding::{BindMode, BindRequest, NatTarget};
use eipdesk_core::journal::{Database, RunStatus, StepStatus};
use eipdesk_core::workflow::view::run_view;
use support::*;

#[tokio::test]
async fn cut_through_on_an_attached_eni_detaches_binds_and_reattaches() {
    let env = env().await;
    let run = env.start_attached().await;
    let engine = env.engine();
    assert_eq!(engine.drive(&run).await.unwrap(), RunStatus::Completed);
    env.assert_attached_bound().await;
    assert_eq!(
        env.mutating_codes(),
        [
            ("DetachNetworkInterface".into(), "OK".into()),
            ("AssociateEipAddress".into(), "OK".into()),
            ("AttachNetworkInterface".into(), "OK".into())
        ]
    );
    let associate = env
        .mutating()
        .into_iter()
        .find(|e| e.action == "AssociateEipAddress")
        .unwrap();
    assert_eq!(
        associate.params.get("InstanceType").map(String::as_str),
        Some("NetworkInterface")
    );
    assert_eq!(
        associate.params.get("Mode").map(String::as_str),
        Some("BINDED")
    );
    assert_eq!(
        associate.params.get("PrivateIpAddress"),
        Some(&env.eni_ip(HZ_ENI_WEB01_DATA).await)
    );
    // The journal holds every step done, with the ClientToken sent and the RequestIds answered.
    let view = run_view(engine.journal(), &run).unwrap();
    assert!(
        view.steps.iter().all(|s| s.status == StepStatus::Done),
        "{:?}",
        view.steps
    );
    assert_eq!(view.steps[1].client_token, associate.client_token);
    assert_eq!(
        view.steps[1].request_id.as_deref(),
        Some(associate.request_id.as_str())
    );
    assert!(view.steps.iter().all(|s| s.elapsed_ms.is_some()));
    let guest = view
        .guest_os
        .expect("guest-OS instructions after the attach");
    assert!(!guest.mac.is_empty() && guest.eip_address == HZ_EIP_FREE_A_IP);
    let calls = engine.journal().calls(&run).unwrap();
    assert_eq!(calls.len(), 3);
    assert!(
        calls
            .iter()
            .all(|c| c.outcome == "ok" && c.request_id.is_some() && c.finished_at.is_some())
    );
    // The audit log has one entry per mutating call, with its RequestId and no secret.
    let audit = AuditLog::new(Database::open(&env.db).unwrap())
        .query(&AuditFilter::default())
        .unwrap();
    assert_eq!(audit.len(), 3);
    assert!(
        audit
            .iter()
            .all(|a| a.outcome == "success" && a.profile == "Sandbox" && a.region == "cn-hangzhou")
    );
    assert_eq!(
        audit[1].request_id.as_deref(),
        Some(associate.request_id.as_str())
    );
    assert!(!format!("{audit:?}").contains(alicloud_emulator::DEMO_ACCESS_KEY_SECRET));
}

#[tokio::test]
async fn cut_through_on_a_detached_eni_binds_then_attaches() {
    let env = env().await;
    let run = env
        .start(cut_through(
            HZ_EIP_FREE_B,
            HZ_ENI_CT_READY_A,
            Some(HZ_I_WEB01),
        ))
        .await;
    assert_eq!(
        env.engine().drive(&run).await.unwrap(),
        RunStatus::Completed
    );
    env.assert_cut_through(HZ_EIP_FREE_B, HZ_ENI_CT_READY_A, HZ_I_WEB01)
        .await;
    assert_eq!(
        env.mutating_actions(),
        ["AssociateEipAddress", "AttachNetworkInterface"]
    );
}

#[tokio::test]
async fn cut_through_can_leave_the_eni_detached() {
    let env = env().await;
    let run = env
        .start(cut_through(HZ_EIP_FREE_C, HZ_ENI_CT_READY_B, None))
        .await;
    let engine = env.engine();
    assert_eq!(engine.drive(&run).await.unwrap(), RunStatus::Completed);
    assert_eq!(
        env.eni(HZ_ENI_CT_READY_B).await,
        ("Available".into(), String::new())
    );
    assert!(run_view(engine.journal(), &run).unwrap().guest_os.is_none());
}

#[tokio::test]
async fn undo_cut_through_detaches_unbinds_and_reattaches() {
    let env = env().await;
    let request = BindRequest::CutThroughUnbind {
        eip: id(HZ_EIP_CT_LIVE),
        reattach_to: Some(id(HZ_I_WEB02)),
    };
    let run = env.start(request).await;
    assert_eq!(
        env.engine().drive(&run).await.unwrap(),
        RunStatus::Completed
    );
    assert_eq!(env.eip(HZ_EIP_CT_LIVE).await.0, "Available");
    env.assert_eni_on(HZ_ENI_CT_LIVE, HZ_I_WEB02).await;
    // The run's one-line summary says it unbinds, not "→" as a bind would.
    let summary = english(&run_view(env.engine().journal(), &run).unwrap().summary);
    assert!(
        summary.contains(&format!("unbound from {HZ_ENI_CT_LIVE}")) && !summary.contains('→'),
        "{summary}"
    );
    assert_eq!(
        env.mutating_actions(),
        [
            "DetachNetworkInterface",
            "UnassociateEipAddress",
            "AttachNetworkInterface"
        ]
    );
}

#[tokio::test]
async fn nat_bind_and_unbind_to_an_instance_and_an_eni() {
    let env = env().await;
    let engine = env.engine();
    let to_instance = BindRequest::NatBind {
        eip: id(HZ_EIP_FREE_A),
        target: NatTarget::Instance(id(HZ_I_DB01)),
    };
    let run = env.start(to_instance).await;
    assert_eq!(engine.drive(&run).await.unwrap(), RunStatus::Completed);
    assert_eq!(
        env.eip(HZ_EIP_FREE_A).await,
        ("InUse".into(), HZ_I_DB01.into(), "NAT".into())
    );
    let to_eni = BindRequest::NatBind {
        eip: id(HZ_EIP_FREE_B),
        target: NatTarget::Eni(id(HZ_ENI_CT_READY_A)),
    };
    let run = env.start(to_eni).await;
    assert_eq!(engine.drive(&run).await.unwrap(), RunStatus::Completed);
    assert_eq!(
        env.eip(HZ_EIP_FREE_B).await,
        ("InUse".into(), HZ_ENI_CT_READY_A.into(), "NAT".into())
    );
    for eip in [HZ_EIP_FREE_A, HZ_EIP_FREE_B] {
        let run = env.start(BindRequest::NatUnbind { eip: id(eip) }).await;
        assert_eq!(engine.drive(&run).await.unwrap(), RunStatus::Completed);
        assert_eq!(env.eip(eip).await.0, "Available");
    }
}

#[tokio::test]
async fn switch_mode_between_nat_and_cut_through() {
    let env = env().await;
    let engine = env.engine();
    let run = env
        .start(BindRequest::SwitchMode {
            eip: id(HZ_EIP_NAT_ENI),
            to: BindMode::CutThrough,
        })
        .await;
    assert_eq!(
        engine.drive(&run).await.unwrap(),
        RunStatus::Completed,
        "{:?}",
        run_view(engine.journal(), &run).unwrap().message
    );
    assert_eq!(
        env.eip(HZ_EIP_NAT_ENI).await,
        ("InUse".into(), HZ_ENI_NAT.into(), "BINDED".into())
    );
    let summary = english(&run_view(engine.journal(), &run).unwrap().summary);
    assert!(
        summary.contains(&format!("on {HZ_ENI_NAT} switched to")) && !summary.contains('→'),
        "{summary}"
    );
    let run = env
        .start(BindRequest::SwitchMode {
            eip: id(HZ_EIP_CT_LIVE),
            to: BindMode::Nat,
        })
        .await;
    assert_eq!(engine.drive(&run).await.unwrap(), RunStatus::Completed);
    assert_eq!(
        env.eip(HZ_EIP_CT_LIVE).await,
        ("InUse".into(), HZ_ENI_CT_LIVE.into(), "NAT".into())
    );
    env.assert_eni_on(HZ_ENI_CT_LIVE, HZ_I_WEB02).await;
    // The outcome says what changed inside the guest OS (the plan said what would).
    let view = run_view(engine.journal(), &run).unwrap();
    let message = view.message.unwrap_or_default();
    assert!(
        message.contains(&format!("Inside the guest OS of {HZ_I_WEB02}"))
            && message.contains(&format!("is no longer on the NIC of {HZ_ENI_CT_LIVE}")),
        "{message}"
    );
    assert!(
        view.plan.notes.iter().any(|n| n
            .to_string()
            .contains(&format!("disappears from the NIC of {HZ_ENI_CT_LIVE}"))),
        "{:?}",
        view.plan.notes
    );
}

#[tokio::test]
async fn cancel_between_steps_undoes_what_was_done() {
    let env = env().await;
    let run = env.start_attached().await;
    let engine = env.engine();
    engine.step_once(&run).await.unwrap(); // detached
    engine.cancel(&run).unwrap();
    assert_eq!(engine.drive(&run).await.unwrap(), RunStatus::Cancelled);
    env.assert_attached_untouched().await;
    let view = run_view(engine.journal(), &run).unwrap();
    assert!(view.message.unwrap().contains(&format!(
        "{HZ_ENI_WEB01_DATA} is attached to {HZ_I_WEB01} again"
    )));
    assert_eq!(view.steps[0].status, StepStatus::Undone);
    assert_eq!(view.steps[1].status, StepStatus::Pending);
    assert!(engine.cancel(&run).is_err());
}
