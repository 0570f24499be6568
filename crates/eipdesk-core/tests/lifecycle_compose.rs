//! The bind sheet's composite plans on the engine against the emulator: allocate an EIP and
//! create a secondary ENI on the instance's vSwitch as the first steps of a cut-through bind,
//! from an instance that had neither; and a failure in the middle that ends with nothing
//! left behind (what the run created is released and deleted again).

#[path = "workflow_support.rs"]
mod support;

#[path = "lifecycle_support/mod.rs"]
mod lifecycle;

use eipdesk_core::binding::{BindMode, BindRequest, JobKind};
use eipdesk_core::journal::{RunStatus, StepStatus};
use eipdesk_core::lifecycle::{Billing, LifecycleForm};
use eipdesk_core::workflow::view::run_view;
use lifecycle::*;
use support::*;

fn create_and_bind(eip: Option<&str>) -> LifecycleForm {
    let mut f = form(JobKind::CreateAndBind, &[]);
    f.instance_id = Some(HZ_I_STAGE01.into());
    f.allocation_id = eip.map(str::to_string);
    f.billing = Some(Billing::PayByTraffic);
    f.bandwidth = Some(10);
    f.name = Some("stage-ct".into());
    f
}

#[tokio::test]
async fn allocate_create_and_bind_from_an_instance_that_had_neither_then_undo() {
    let env = env().await;
    let (run, status) = run(&env, &create_and_bind(None)).await;
    assert_eq!(status, RunStatus::Completed);
    let made = created(&env, &run);
    assert_eq!(made.len(), 2, "a new EIP and a new ENI: {made:?}");
    let (eip, eni) = (made[0].clone(), made[1].clone());
    assert!(eip.starts_with("eip-") && eni.starts_with("eni-"));
    env.assert_cut_through(&eip, &eni, HZ_I_STAGE01).await;
    let view = run_view(env.engine().journal(), &run).unwrap();
    assert_eq!(
        (view.allocation_id.as_str(), view.eni_id.as_deref()),
        (eip.as_str(), Some(eni.as_str())),
        "the run view names what the run created"
    );
    assert!(view.resources.contains(&eni), "{:?}", view.resources);
    let record = env.engine().journal().run(&run).unwrap().unwrap();
    assert!(
        record.plan.needs_guest_setup(),
        "the guest needs DHCP on the new NIC"
    );

    // Undo with the ordinary cut-through unbind, then release and delete both.
    let unbind = BindRequest::CutThroughUnbind {
        eip: id(&eip),
        reattach_to: None,
    };
    let undo = env.start(unbind).await;
    assert_eq!(
        env.engine().drive(&undo).await.unwrap(),
        RunStatus::Completed
    );
    let (_, status) = lifecycle::run(&env, &form(JobKind::ReleaseEip, &[&eip])).await;
    assert_eq!(status, RunStatus::Completed);
    let (_, status) = lifecycle::run(&env, &form(JobKind::DeleteEni, &[&eni])).await;
    assert_eq!(status, RunStatus::Completed);
    assert!(eip_item(&env, &eip).await.is_none());
    assert!(eni_item(&env, &eni).await.is_none());
}

#[tokio::test]
async fn a_failure_in_the_middle_leaves_nothing_behind() {
    for failing in ["AssociateEipAddress", "AttachNetworkInterface"] {
        let env = env().await;
        let (eips_before, enis_before) = (all_eips(&env).await, all_enis(&env).await);
        let run = start(&env, &create_and_bind(None)).await;
        env.fault_always(failing, "ServiceUnavailable");
        let status = env.engine().drive(&run).await.unwrap();
        assert_eq!(status, RunStatus::RolledBack, "fault on {failing}");
        env.clear_faults();
        assert_eq!(
            all_eips(&env).await,
            eips_before,
            "no EIP left after {failing}"
        );
        assert_eq!(
            all_enis(&env).await,
            enis_before,
            "no ENI left after {failing}"
        );
        let steps = env.engine().journal().steps(&run).unwrap();
        assert_eq!(steps[0].status, StepStatus::Undone);
        assert_eq!(steps[1].status, StepStatus::Undone);
        let message = run_view(env.engine().journal(), &run)
            .unwrap()
            .message
            .unwrap();
        assert!(
            message.contains("released") && message.contains("deleted"),
            "{message}"
        );
    }
}

#[tokio::test]
async fn an_existing_free_eip_with_a_new_eni() {
    let env = env().await;
    let p = plan(&env, &create_and_bind(Some(HZ_EIP_FREE_C)))
        .await
        .unwrap();
    let kinds: Vec<String> = p.steps.iter().map(|s| s.action.title()).collect();
    assert_eq!(p.steps.len(), 4, "{kinds:?}");
    assert!(
        p.warnings
            .iter()
            .any(|w| w.code() == "LosesPrivateNetworking")
    );
    let said: Vec<String> = p
        .impact()
        .into_iter()
        .map(|i| i.message)
        .chain(p.warnings.iter().map(|w| w.message()))
        .collect();
    assert!(
        !said.is_empty() && said.iter().all(|m| !m.contains("createdbystep")),
        "placeholders leak into what the user reads: {said:?}"
    );
    let (run, status) = lifecycle::run(&env, &create_and_bind(Some(HZ_EIP_FREE_C))).await;
    assert_eq!(status, RunStatus::Completed);
    let eni = created(&env, &run).remove(0);
    assert_eq!(
        env.eip(HZ_EIP_FREE_C).await,
        ("InUse".into(), eni, BindMode::CutThrough.as_api().into())
    );
}

#[tokio::test]
async fn composite_preflight_names_what_blocks() {
    let env = env().await;
    let mut f = create_and_bind(Some(HZ_EIP_WEB02_NAT));
    f.instance_id = Some(HZ_I_EDGE01.into());
    let codes = blockers(&env, &f).await;
    assert!(codes.contains(&"EipAlreadyBound".to_string()), "{codes:?}");
    assert!(
        codes.contains(&"EniCapacityReached".to_string()),
        "{codes:?}"
    );
}
