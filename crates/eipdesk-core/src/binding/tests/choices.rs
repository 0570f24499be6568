//! The bind form's choices: what is offered, what is disabled and why, and the undo's attach
//! targets chosen by the same rule as the bind form's.

use super::*;
use crate::binding::options::bind_options;

#[test]
fn form_choices_are_disabled_with_reasons() {
    let s = snapshot();
    let mut form = BindForm {
        job: Some(JobKind::CutThroughBind),
        allocation_id: "eip-free".into(),
        ..Default::default()
    };
    let o = bind_options(&form, &s, &regions());
    let reason = |cs: &[crate::binding::options::Choice], id: &str| {
        cs.iter().find(|c| c.id == id).unwrap().reason_code.clone()
    };
    assert_eq!(reason(&o.eips, "eip-free"), None);
    assert_eq!(
        reason(&o.eips, "eip-used").as_deref(),
        Some("EipAlreadyBound")
    );
    assert_eq!(reason(&o.enis, "eni-sec"), None);
    assert_eq!(
        reason(&o.enis, "eni-pweb").as_deref(),
        Some("EniNotSecondary")
    );
    assert_eq!(
        reason(&o.enis, "eni-subip").as_deref(),
        Some("EniHasSecondaryIps")
    );
    assert_eq!(reason(&o.enis, "eni-ct").as_deref(), Some("EniHasEip"));
    assert_eq!(
        o.enis
            .iter()
            .find(|c| c.id == "eni-sec")
            .unwrap()
            .attached_to
            .as_deref(),
        Some("i-web")
    );
    assert!(o.cut_through_unavailable.is_none());
    form.target_id = Some("eni-free".into());
    let o = bind_options(&form, &s, &regions());
    assert_eq!(reason(&o.instances, "i-web"), None);
    assert_eq!(
        reason(&o.instances, "i-full").as_deref(),
        Some("InstanceEniQuotaFull")
    );
    form.job = Some(JobKind::CutThroughUnbind);
    let o = bind_options(&form, &s, &regions());
    assert_eq!(reason(&o.eips, "eip-ct"), None);
    assert_eq!(
        reason(&o.eips, "eip-used").as_deref(),
        Some("EipNotCutThrough")
    );
}

#[test]
fn undo_offers_attach_targets_by_the_bind_forms_rule() {
    // Undoing eip-ct's cut-through binding moves eni-ct: "attach afterwards" must rule out
    // the instances the bind form rules out for that ENI (here i-full: its ENI slots are taken),
    // even though the undo form names no target.
    let s = snapshot();
    let form = BindForm {
        job: Some(JobKind::CutThroughUnbind),
        allocation_id: "eip-ct".into(),
        ..Default::default()
    };
    let undo = bind_options(&form, &s, &regions());
    let bind = bind_options(
        &BindForm {
            job: Some(JobKind::CutThroughBind),
            allocation_id: "eip-free".into(),
            target_id: Some("eni-ct".into()),
            ..Default::default()
        },
        &s,
        &regions(),
    );
    let reasons = |o: &crate::binding::options::BindOptions| {
        o.instances
            .iter()
            .map(|c| (c.id.clone(), c.reason_code.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(reasons(&undo), reasons(&bind));
    let full = undo.instances.iter().find(|c| c.id == "i-full").unwrap();
    assert_eq!(full.reason_code.as_deref(), Some("InstanceEniQuotaFull"));
}
