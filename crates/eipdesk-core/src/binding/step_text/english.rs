//! The core's English of the plan and run families: their inputs worded by name as the
//! UI's localizers do (placeholder IDs, `mode`, `billing`, the verification's `checks`), then
//! the sentence rendered from the English catalogue.

use super::WaitText;
use crate::binding::BindMode;
use crate::lifecycle::Billing;
use crate::text::Message;
use serde::{Serialize, Serializer};
use serde_json::Value;
use std::marker::PhantomData;

/// Words filled into the families' sentences: a mode's and a billing method's names, and
/// "the new EIP" / "the new ENI" for a resource a run creates (the UI's localizers use the
/// same messages).
#[derive(Debug, Clone, Copy, Serialize)]
#[serde(tag = "key", rename_all = "camelCase")]
enum StepWord {
    CutThrough,
    ChecksSeparator,
    Nat,
    PayByTraffic,
    PayByBandwidth,
    Subscription,
    NewEip,
    NewEni,
}

impl Message for StepWord {
    const PREFIX: &'static str = "stepWord";
}

/// A family value whose inputs are already worded for English.
struct Worded<T>(Value, PhantomData<T>);

impl<T> Serialize for Worded<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl<T: Message> Message for Worded<T> {
    const PREFIX: &'static str = T::PREFIX;
}

/// The English of `text`, its inputs worded as the module header says.
pub fn english<T: Message>(text: &T) -> String {
    match serde_json::to_value(text) {
        Ok(value) => Worded::<T>(worded(value), PhantomData).english(),
        Err(_) => text.english(),
    }
}

fn worded(mut value: Value) -> Value {
    if let Value::Object(inputs) = &mut value {
        for (name, input) in inputs.iter_mut().filter(|(n, _)| n.as_str() != "key") {
            word(name, input);
        }
    }
    value
}

fn word(name: &str, input: &mut Value) {
    let word = match input {
        Value::String(s) if crate::lifecycle::created::is_placeholder(s) => {
            Some(if s.starts_with("eni-") {
                StepWord::NewEni
            } else {
                StepWord::NewEip
            })
        }
        Value::String(s) if name == "mode" => match BindMode::from_api(s.as_str()) {
            Some(BindMode::CutThrough) => Some(StepWord::CutThrough),
            Some(BindMode::Nat) => Some(StepWord::Nat),
            None => None,
        },
        Value::String(s) if name == "billing" => {
            match serde_json::from_value::<Billing>(Value::String(s.clone())) {
                Ok(Billing::PayByTraffic) => Some(StepWord::PayByTraffic),
                Ok(Billing::PayByBandwidth) => Some(StepWord::PayByBandwidth),
                Ok(Billing::Subscription) => Some(StepWord::Subscription),
                Err(_) => None,
            }
        }
        // The verification's checks: each a `WaitText`, joined.
        Value::Array(items) if name == "checks" => {
            let lines: Vec<String> = items
                .drain(..)
                .map(|item| Worded::<WaitText>(worded(item), PhantomData).english())
                .collect();
            *input = Value::String(lines.join(&StepWord::ChecksSeparator.english()));
            None
        }
        _ => None,
    };
    if let Some(word) = word {
        *input = Value::String(word.english());
    }
}
