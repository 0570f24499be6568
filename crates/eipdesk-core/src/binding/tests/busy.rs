//! Choices a run in progress is changing: marked busy in the form, naming the run.

use super::{regions, snapshot};
use crate::binding::job::{BindForm, JobKind};
use crate::binding::options::{Choice, bind_options, mark_busy, run_touching};

#[test]
fn choices_a_run_is_changing_are_busy_and_name_the_run() {
    let s = snapshot();
    let form = BindForm {
        job: Some(JobKind::CutThroughBind),
        allocation_id: "eip-free".into(),
        ..Default::default()
    };
    let mut o = bind_options(&form, &s, &regions());
    let runs: std::collections::HashMap<String, Vec<String>> = [(
        "run-0001".to_string(),
        vec!["eip-free".to_string(), "eni-sec".to_string()],
    )]
    .into();
    mark_busy(&mut o, &runs);
    let find = |cs: &[Choice], id: &str| cs.iter().find(|c| c.id == id).unwrap().clone();
    let eip = find(&o.eips, "eip-free");
    assert_eq!(eip.reason_code.as_deref(), Some("ResourceBusy"));
    assert!(eip.disabled_reason.unwrap().contains("run-0001"));
    assert_eq!(
        find(&o.enis, "eni-sec").reason_code.as_deref(),
        Some("ResourceBusy")
    );
    // A choice already unavailable keeps its own reason; others are untouched.
    assert_eq!(
        find(&o.enis, "eni-ct").reason_code.as_deref(),
        Some("EniHasEip")
    );
    assert_eq!(
        find(&o.eips, "eip-used").reason_code.as_deref(),
        Some("EipAlreadyBound")
    );
}

#[test]
fn run_touching_finds_the_run_of_a_resource() {
    let runs: std::collections::HashMap<String, Vec<String>> =
        [("run-0001".to_string(), vec!["eni-sec".to_string()])].into();
    assert_eq!(run_touching(&runs, "eni-sec"), Some("run-0001"));
    assert_eq!(run_touching(&runs, "eni-free"), None);
}
