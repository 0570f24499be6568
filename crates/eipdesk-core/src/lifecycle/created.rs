//! Resources a run creates: a step that allocates an EIP or creates an ENI names it by a
//! placeholder ID (`eip-createdbystep0`, `eni-createdbystep1`) until its call returns; the
//! journal then records the real ID with the step, and [`resolve`] replaces the placeholder
//! in any later step, in the undo that releases or deletes it, and in their expectations.

use crate::binding::StepAction;
use crate::ids::{AllocationId, EniId};
use crate::journal::StepRecord;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;
use std::collections::HashMap;

const MARK: &str = "createdbystep";

/// The placeholder of the EIP that step `idx` allocates.
pub fn eip_placeholder(idx: usize) -> AllocationId {
    AllocationId::parse(&format!("eip-{MARK}{idx}")).expect("a well-formed placeholder")
}

/// The placeholder of the ENI that step `idx` creates.
pub fn eni_placeholder(idx: usize) -> EniId {
    EniId::parse(&format!("eni-{MARK}{idx}")).expect("a well-formed placeholder")
}

/// Whether `id` is a placeholder (not yet a real resource).
pub fn is_placeholder(id: &str) -> bool {
    id.split_once('-')
        .is_some_and(|(_, rest)| rest.starts_with(MARK))
}

/// Placeholder → real ID for every step of a run that has created something.
pub fn created_ids(steps: &[StepRecord]) -> HashMap<String, String> {
    steps
        .iter()
        .filter_map(|s| {
            let made = s.created_id.clone()?;
            let placeholder = creates(&s.action)?;
            Some((placeholder.to_string(), made))
        })
        .collect()
}

/// The placeholder of what `action` creates, if it creates something.
pub fn creates(action: &StepAction) -> Option<&str> {
    match action {
        StepAction::Lifecycle(l) => l.creates(),
        _ => None,
    }
}

/// `text` with placeholders named for people: "the new EIP", "the new ENI".
pub fn humanize(text: &str) -> String {
    if !text.contains(MARK) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    for (i, word) in text.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let core = word.trim_end_matches(|c: char| !c.is_ascii_alphanumeric());
        let rest = &word[core.len()..];
        match core.split_once('-') {
            Some(("eip", id)) if id.starts_with(MARK) => {
                out.push_str(&format!("the new EIP{rest}"))
            }
            Some(("eni", id)) if id.starts_with(MARK) => {
                out.push_str(&format!("the new ENI{rest}"))
            }
            _ => out.push_str(word),
        }
    }
    out
}

fn replace(value: &mut Value, ids: &HashMap<String, String>) {
    match value {
        Value::String(s) => {
            if let Some(real) = ids.get(s.as_str()) {
                s.clone_from(real);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|v| replace(v, ids)),
        Value::Object(map) => map.values_mut().for_each(|v| replace(v, ids)),
        _ => {}
    }
}

/// `item` with every placeholder in `ids` (placeholder → real ID) replaced. Anything that
/// does not round-trip is returned unchanged.
pub fn resolve<T: Serialize + DeserializeOwned + Clone>(
    item: &T,
    ids: &HashMap<String, String>,
) -> T {
    if ids.is_empty() {
        return item.clone();
    }
    let Ok(mut value) = serde_json::to_value(item) else {
        return item.clone();
    };
    replace(&mut value, ids);
    serde_json::from_value(value).unwrap_or_else(|_| item.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::InstanceId;

    #[test]
    fn placeholders_are_replaced_everywhere_they_appear() {
        let eni = eni_placeholder(0);
        assert!(is_placeholder(eni.as_str()));
        assert!(!is_placeholder("eni-bp1d5p1er7vm1633sh6l"));
        let action = StepAction::AttachEni {
            eni: eni.clone(),
            instance: InstanceId::parse("i-1").unwrap(),
        };
        let ids = HashMap::from([(eni.to_string(), "eni-real1".to_string())]);
        let StepAction::AttachEni { eni: got, .. } = resolve(&action, &ids) else {
            panic!()
        };
        assert_eq!(got.as_str(), "eni-real1");
        assert_eq!(resolve(&action, &HashMap::new()), action);
        assert_eq!(
            humanize("Bind eip-createdbystep0 to eni-createdbystep1, then eni-1."),
            "Bind the new EIP to the new ENI, then eni-1."
        );
        assert_eq!(action.title(), "Attach the new ENI to i-1");
    }
}
