//! What the form receives about a preflight carries message keys with typed inputs beside the
//! English: the UI words blockers, warnings and the impact in the user's language.

use super::*;
use crate::binding::preflight::preflight;
use crate::binding::view::PreflightView;
use serde_json::{Value, json};

fn view(result: &Result<BindPlan, Vec<Blocker>>) -> Value {
    serde_json::to_value(PreflightView::new(result)).unwrap()
}

#[test]
fn blockers_cross_as_keys_with_their_inputs() {
    let blocked = preflight(&bind("eni-subip", None), &snapshot(), &regions(), &dev());
    let v = view(&blocked);
    let reason = &v["blockers"][0];
    assert_eq!(reason["code"], "EniHasSecondaryIps");
    assert_eq!(
        reason["text"],
        json!({ "family": "binding", "text": { "key": "eniHasSecondaryIps", "eni": "eni-subip", "count": 2 } })
    );
    // The English (CLI, logs) is the catalogue's message with the same inputs.
    assert_eq!(
        reason["message"],
        "eni-subip has 2 secondary private IP(s); remove them before binding in cut-through mode"
    );
}

#[test]
fn warnings_and_impact_cross_as_keys_with_their_inputs() {
    let plan = preflight(
        &bind("eni-sec", Some("i-web")),
        &snapshot(),
        &regions(),
        &dev(),
    );
    let v = view(&plan);
    let plan = &v["plan"];
    assert_eq!(
        plan["warnings"][0]["text"],
        json!({ "key": "losesPrivateNetworking", "eni": "eni-sec" })
    );
    assert_eq!(
        plan["impact"][0]["text"],
        json!({ "key": "nicDuringRun", "instance": "i-web", "eni": "eni-sec" })
    );
    assert_eq!(
        plan["impact"][0]["message"],
        "i-web loses its NIC eni-sec while the job runs; it is attached again before the end."
    );
}
