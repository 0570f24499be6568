use super::*;
use crate::binding::BindMode;
use crate::lifecycle::Billing;

#[test]
fn inputs_are_worded_by_name_for_english() {
    let bind = StepTitle::Bind {
        eip: "eip-createdbystep0".into(),
        target: "eni-createdbystep1".into(),
        mode: mode_input(BindMode::CutThrough),
    };
    assert_eq!(
        english(&bind),
        "Bind the new EIP to the new ENI in cut-through mode"
    );
    let allocate = StepTitle::AllocateEip {
        billing: billing_input(Billing::PayByTraffic),
        bandwidth: 5,
    };
    assert_eq!(
        english(&allocate),
        "Allocate a new EIP (pay-as-you-go by traffic, 5 Mbit/s)"
    );
    // `apiMode` is the API's value and stays as sent.
    let switch = StepEffect::SwitchMode {
        mode: mode_input(BindMode::Nat),
        api_mode: "NAT".into(),
    };
    assert_eq!(
        english(&switch),
        "The existing binding changes to NAT mode without unbinding. Waits until the EIP \
         reports mode NAT."
    );
}

#[test]
fn the_verification_lists_its_checks() {
    let verify = StepEffect::Verify {
        checks: vec![
            WaitText::EniAttached {
                eni: "eni-1".into(),
                instance: "i-1".into(),
            },
            WaitText::EipBound {
                eip: "eip-1".into(),
                mode: mode_input(BindMode::CutThrough),
            },
        ],
    };
    assert_eq!(
        english(&verify),
        "Reads the real state and checks: eni-1 InUse on i-1; eip-1 InUse in cut-through mode."
    );
}

#[test]
fn job_titles_and_summaries_come_from_the_catalogue() {
    assert_eq!(JobKind::CutThroughBind.title(), "Bind in cut-through mode");
    assert_eq!(JobKind::SetEipBandwidth.title(), "Change EIP bandwidth");
    let summary = RunSummary::BindOn {
        eip: "eip-1".into(),
        ip: "203.0.113.7".into(),
        target: "eni-1".into(),
        mode: mode_input(BindMode::CutThrough),
        instance: "i-1".into(),
    };
    assert_eq!(
        english(&summary),
        "eip-1 203.0.113.7 → eni-1 (cut-through), on i-1"
    );
    let ids = ["eip-1".to_string(), "eip-2".into(), "eip-3".into()];
    let said = |ids: &[String]| by_count(ids, |id| id, |first, more| format!("{first}+{more}"));
    assert_eq!(said(&ids), "eip-1+2");
    assert_eq!(said(&ids[..1]), "eip-1");
}
