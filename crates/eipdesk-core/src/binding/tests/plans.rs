//! The plans of every job, confirmations, undo, and CLI/Terraform rendering.

use super::*;
use crate::binding::preflight::preflight;
use crate::binding::render;

#[test]
fn cut_through_on_an_attached_eni_detaches_binds_and_reattaches() {
    let plan = preflight(
        &bind("eni-sec", Some("i-web")),
        &snapshot(),
        &regions(),
        &dev(),
    )
    .unwrap();
    assert_eq!(
        actions(&plan),
        [
            "DetachNetworkInterface",
            "AssociateEipAddress",
            "AttachNetworkInterface",
            "Verify"
        ]
    );
    assert_eq!(
        plan.steps.iter().map(|s| s.on_failure).collect::<Vec<_>>(),
        [
            OnFailure::RollBack,
            OnFailure::RollBack,
            OnFailure::Ask,
            OnFailure::Ask
        ]
    );
    let params = plan.steps[1].action.params(&plan.region);
    let has = |k: &str, v: &str| params.iter().any(|(pk, pv)| pk == k && pv == v);
    assert!(
        has("InstanceType", "NetworkInterface")
            && has("Mode", "BINDED")
            && has("PrivateIpAddress", "10.0.0.20")
    );
    assert!(
        has("InstanceId", "eni-sec")
            && has("AllocationId", "eip-free")
            && has("RegionId", "cn-hangzhou")
    );
    assert!(plan.steps[1].action.takes_client_token());
    assert_eq!(
        plan.context.original_instance.as_ref().map(|i| i.as_str()),
        Some("i-web")
    );
    assert!(
        plan.notes[0]
            .to_string()
            .contains("detaches it first and re-attaches it to i-web")
    );
    assert!(plan.needs_guest_setup());
    assert_eq!(plan.context.os_name.as_deref(), Some("Ubuntu 22.04 64位"));
}

#[test]
fn cut_through_on_a_detached_eni_has_no_detach_and_may_stay_detached() {
    let plan = preflight(
        &bind("eni-free", Some("i-other")),
        &snapshot(),
        &regions(),
        &dev(),
    )
    .unwrap();
    assert_eq!(
        actions(&plan),
        ["AssociateEipAddress", "AttachNetworkInterface", "Verify"]
    );
    let plan = preflight(&bind("eni-free", None), &snapshot(), &regions(), &dev()).unwrap();
    assert_eq!(actions(&plan), ["AssociateEipAddress", "Verify"]);
    let StepAction::Verify { checks } = &plan.steps[1].action else {
        panic!()
    };
    assert!(checks.contains(&Expectation::EniDetached {
        eni: EniId::parse("eni-free").unwrap()
    }));
    assert!(!plan.needs_guest_setup());
}

#[test]
fn preflight_reports_every_failing_rule() {
    let mut s = snapshot();
    s.eips[0].region = rid("ap-northeast-1");
    let got = codes(preflight(
        &bind("eni-subip", Some("i-full")),
        &s,
        &regions(),
        &dev(),
    ));
    assert_eq!(
        got,
        [
            "RegionNotCutThrough",
            "EniRegionMismatch",
            "EniHasSecondaryIps",
            "InstanceEniQuotaFull"
        ]
    );
    assert_eq!(
        codes(preflight(
            &bind("eni-pweb", None),
            &snapshot(),
            &regions(),
            &dev()
        )),
        ["EniNotSecondary"]
    );
    assert_eq!(
        codes(preflight(
            &bind("eni-zzz", None),
            &snapshot(),
            &regions(),
            &dev()
        )),
        ["EniNotFound"]
    );
    assert_eq!(
        codes(preflight(
            &bind("eni-free", Some("i-zzz")),
            &snapshot(),
            &regions(),
            &dev()
        )),
        ["InstanceNotFound"]
    );
}

#[test]
fn warnings_need_confirmation() {
    let prod = ProfileFacts {
        name: "prod".into(),
        production: true,
    };
    let req = BindRequest::CutThroughBind {
        eip: AllocationId::parse("eip-prepaid").unwrap(),
        eni: EniId::parse("eni-sec").unwrap(),
        attach_to: None,
    };
    let plan = preflight(&req, &snapshot(), &regions(), &prod).unwrap();
    let codes: Vec<_> = plan.warnings.iter().map(Warning::code).collect();
    assert_eq!(
        codes,
        ["LosesPrivateNetworking", "PrePaidEip", "ProductionProfile"]
    );
    assert!(
        plan.warnings[2]
            .message()
            .contains("Type the EIP's IP address (47.0.0.11) to confirm")
    );
    assert_eq!(plan.unconfirmed(&Confirmations::default()).len(), 3);
    let mut c = Confirmations {
        accepted: vec!["LosesPrivateNetworking".into(), "PrePaidEip".into()],
        // The ENI's ID used to confirm; production now asks for the EIP's IP address.
        typed: Some("eni-sec".into()),
    };
    assert_eq!(
        plan.unconfirmed(&c)
            .iter()
            .map(|w| w.code())
            .collect::<Vec<_>>(),
        ["ProductionProfile"]
    );
    c.typed = Some(" 47.0.0.11 ".into());
    assert!(plan.unconfirmed(&c).is_empty());
    let plain = preflight(&bind("eni-free", None), &snapshot(), &regions(), &dev()).unwrap();
    assert_eq!(
        plain.warnings.iter().map(Warning::code).collect::<Vec<_>>(),
        ["LosesPrivateNetworking"]
    );
}

#[test]
fn undo_cut_through_plan() {
    let req = BindRequest::CutThroughUnbind {
        eip: AllocationId::parse("eip-ct").unwrap(),
        reattach_to: Some(InstanceId::parse("i-web").unwrap()),
    };
    let plan = preflight(&req, &snapshot(), &regions(), &dev()).unwrap();
    assert_eq!(
        actions(&plan),
        [
            "DetachNetworkInterface",
            "UnassociateEipAddress",
            "AttachNetworkInterface",
            "Verify"
        ]
    );
    // Undo detaches the NIC from its instance while it runs: acknowledged, never silent.
    assert_eq!(
        plan.warnings.iter().map(Warning::code).collect::<Vec<_>>(),
        ["Disruptive"]
    );
    assert!(plan.warnings[0].message().contains("i-web loses its NIC"));
    assert_eq!(plan.unconfirmed(&Confirmations::default()).len(), 1);
    let req = BindRequest::CutThroughUnbind {
        eip: AllocationId::parse("eip-enat").unwrap(),
        reattach_to: None,
    };
    assert_eq!(
        codes(preflight(&req, &snapshot(), &regions(), &dev())),
        ["EipNotCutThrough"]
    );
    let req = BindRequest::CutThroughUnbind {
        eip: AllocationId::parse("eip-free").unwrap(),
        reattach_to: None,
    };
    assert_eq!(
        codes(preflight(&req, &snapshot(), &regions(), &dev())),
        ["EipNotBound"]
    );
}

#[test]
fn nat_bind_and_unbind_plans() {
    let s = snapshot();
    let to_instance = BindRequest::NatBind {
        eip: AllocationId::parse("eip-free").unwrap(),
        target: NatTarget::Instance(InstanceId::parse("i-other").unwrap()),
    };
    let plan = preflight(&to_instance, &s, &regions(), &dev()).unwrap();
    assert_eq!(actions(&plan), ["AssociateEipAddress", "Verify"]);
    let params = plan.steps[0].action.params(&plan.region);
    assert!(params.contains(&("InstanceType".into(), "EcsInstance".into())));
    assert!(
        !params
            .iter()
            .any(|(k, _)| k == "Mode" || k == "PrivateIpAddress")
    );
    let to_eni = BindRequest::NatBind {
        eip: AllocationId::parse("eip-free").unwrap(),
        target: NatTarget::Eni(EniId::parse("eni-free").unwrap()),
    };
    let plan = preflight(&to_eni, &s, &regions(), &dev()).unwrap();
    let params = plan.steps[0].action.params(&plan.region);
    assert!(
        params.contains(&("Mode".into(), "NAT".into()))
            && params.contains(&("PrivateIpAddress".into(), "10.0.0.20".into()))
    );
    let taken = BindRequest::NatBind {
        eip: AllocationId::parse("eip-free").unwrap(),
        target: NatTarget::Instance(InstanceId::parse("i-web").unwrap()),
    };
    assert_eq!(
        codes(preflight(&taken, &s, &regions(), &dev())),
        ["InstanceHasEip"]
    );
    let unbind = BindRequest::NatUnbind {
        eip: AllocationId::parse("eip-used").unwrap(),
    };
    assert_eq!(
        actions(&preflight(&unbind, &s, &regions(), &dev()).unwrap()),
        ["UnassociateEipAddress", "Verify"]
    );
    let unbind_ct = BindRequest::NatUnbind {
        eip: AllocationId::parse("eip-ct").unwrap(),
    };
    assert_eq!(
        codes(preflight(&unbind_ct, &s, &regions(), &dev())),
        ["EipIsCutThrough"]
    );
}

#[test]
fn switch_mode_plans() {
    let s = snapshot();
    let to_ct = BindRequest::SwitchMode {
        eip: AllocationId::parse("eip-enat").unwrap(),
        to: BindMode::CutThrough,
    };
    let plan = preflight(&to_ct, &s, &regions(), &dev()).unwrap();
    assert_eq!(actions(&plan), ["ModifyEipForwardMode", "Verify"]);
    assert_eq!(plan.warnings[0].code(), "LosesPrivateNetworking");
    let to_nat = BindRequest::SwitchMode {
        eip: AllocationId::parse("eip-ct").unwrap(),
        to: BindMode::Nat,
    };
    let plan = preflight(&to_nat, &s, &regions(), &dev()).unwrap();
    assert_eq!(
        actions(&plan),
        [
            "DetachNetworkInterface",
            "ModifyEipForwardMode",
            "AttachNetworkInterface",
            "Verify"
        ]
    );
    let same = BindRequest::SwitchMode {
        eip: AllocationId::parse("eip-ct").unwrap(),
        to: BindMode::CutThrough,
    };
    assert_eq!(
        codes(preflight(&same, &s, &regions(), &dev())),
        ["EipAlreadyInMode"]
    );
    let on_ecs = BindRequest::SwitchMode {
        eip: AllocationId::parse("eip-used").unwrap(),
        to: BindMode::CutThrough,
    };
    assert_eq!(
        codes(preflight(&on_ecs, &s, &regions(), &dev())),
        ["EipNotOnEni"]
    );
}

#[test]
fn switching_to_cut_through_checks_the_enis_own_preconditions_but_its_eip() {
    let mut s = snapshot();
    let nat_eni = s
        .enis
        .iter_mut()
        .find(|e| e.id.as_str() == "eni-nat")
        .unwrap();
    nat_eni.service_managed = true;
    nat_eni.eni_type = "Trunk".into();
    let to_ct = BindRequest::SwitchMode {
        eip: AllocationId::parse("eip-enat").unwrap(),
        to: BindMode::CutThrough,
    };
    assert_eq!(
        codes(preflight(&to_ct, &s, &regions(), &dev())),
        ["EniNotPlainSecondary", "EniServiceManaged"]
    );
}

#[test]
fn every_step_undoes_to_its_inverse() {
    let plan = preflight(
        &bind("eni-sec", Some("i-web")),
        &snapshot(),
        &regions(),
        &dev(),
    )
    .unwrap();
    let undos: Vec<_> = plan
        .steps
        .iter()
        .map(|s| s.action.undo().map(|u| u.api_action().unwrap()))
        .collect();
    assert_eq!(
        undos,
        [
            Some("AttachNetworkInterface"),
            Some("UnassociateEipAddress"),
            Some("DetachNetworkInterface"),
            None
        ]
    );
    for step in &plan.steps {
        if let Some(undo) = step.action.undo() {
            assert_eq!(undo.undo().as_ref(), Some(&step.action));
        }
    }
}

#[test]
fn cli_and_terraform_rendering() {
    let plan = preflight(
        &bind("eni-sec", Some("i-web")),
        &snapshot(),
        &regions(),
        &dev(),
    )
    .unwrap();
    assert_eq!(
        render::cli_command(&plan.steps[1].action, &plan.region).unwrap(),
        "aliyun vpc AssociateEipAddress --RegionId cn-hangzhou --AllocationId eip-free --InstanceId eni-sec --InstanceType NetworkInterface --Mode BINDED --PrivateIpAddress 10.0.0.20"
    );
    let script = render::cli_script(&plan);
    assert!(script.contains("aliyun ecs DetachNetworkInterface --RegionId cn-hangzhou --NetworkInterfaceId eni-sec --InstanceId i-web"));
    assert!(script.contains("--waiter expr='EipAddresses.EipAddress[0].Status' to=InUse"));
    assert!(script.contains(
        "--waiter expr='NetworkInterfaceSets.NetworkInterfaceSet[0].Status' to=Available"
    ));
    let tf = render::terraform(&plan);
    assert!(tf.contains("resource \"alicloud_eip_association\" \"eipdesk_eip_free\""));
    assert!(
        tf.contains("mode               = \"BINDED\"")
            && tf.contains("private_ip_address = \"10.0.0.20\"")
    );
    assert!(
        tf.contains("alicloud_ecs_network_interface_attachment")
            && tf.contains("instance_id          = \"i-web\"")
    );
    let view = crate::binding::view::PlanView::from(&plan);
    assert_eq!(view.steps.len(), 4);
    // The view carries message keys with their inputs; their English is the old sentence.
    use crate::binding::step_text::{StepTitle, WaitText, english};
    assert_eq!(
        view.steps[0].wait_for,
        [WaitText::EniAvailable {
            eni: "eni-sec".into()
        }]
    );
    assert_eq!(english(&view.steps[0].wait_for[0]), "eni-sec Available");
    let undo = view.steps[1].undo.as_ref().expect("an associate is undone");
    assert_eq!(
        undo,
        &StepTitle::Unbind {
            eip: "eip-free".into(),
            target: "eni-sec".into()
        }
    );
    assert_eq!(english(undo), "Unbind eip-free from eni-sec");
}

#[test]
fn unbinding_a_nat_eip_from_an_instance_is_acknowledged_and_on_production_typed_as_its_ip() {
    let req = BindRequest::NatUnbind {
        eip: AllocationId::parse("eip-used").unwrap(),
    };
    let plan = preflight(&req, &snapshot(), &regions(), &dev()).unwrap();
    let impact = plan.impact();
    assert_eq!(impact.len(), 1);
    assert_eq!(impact[0].resource, "i-web");
    assert_eq!(
        plan.warnings.iter().map(Warning::code).collect::<Vec<_>>(),
        ["Disruptive"]
    );
    let prod = ProfileFacts {
        name: "prod".into(),
        production: true,
    };
    let plan = preflight(&req, &snapshot(), &regions(), &prod).unwrap();
    assert_eq!(
        plan.warnings.iter().map(Warning::code).collect::<Vec<_>>(),
        ["Disruptive", "ProductionProfile"]
    );
    // "eip-used" has the address 47.0.0.8 in the test snapshot: that is what is typed.
    assert_eq!(plan.warnings[1].confirm_text(), Some("47.0.0.8"));
    let by_instance = Confirmations {
        accepted: vec!["Disruptive".into()],
        typed: Some("i-web".into()),
    };
    assert_eq!(plan.unconfirmed(&by_instance).len(), 1);
}
