use super::catalogue::render;
use serde_json::json;

#[test]
fn fills_inputs_from_the_english_catalogue() {
    let text = render(
        "reason",
        &json!({ "key": "hasEip", "ip": "198.51.100.7", "mode": "NAT" }),
    );
    assert_eq!(
        text,
        "It already holds EIP 198.51.100.7 (NAT mode); an ENI can hold only one EIP in \
         cut-through mode."
    );
}

#[test]
fn chooses_the_english_plural_form() {
    let one = render("reason", &json!({ "key": "hasSecondaryIps", "count": 1 }));
    let three = render("reason", &json!({ "key": "hasSecondaryIps", "count": 3 }));
    assert_eq!(one, "It has 1 secondary private IP; remove it first.");
    assert_eq!(three, "It has 3 secondary private IPs; remove them first.");
}

#[test]
#[cfg_attr(
    debug_assertions,
    should_panic(expected = "missing from ui/messages/en.json")
)]
fn a_missing_message_is_caught() {
    assert_eq!(
        render("reason", &json!({ "key": "noSuchKey" })),
        "reason_noSuchKey"
    );
}
