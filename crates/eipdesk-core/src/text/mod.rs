//! Words the core writes for people, as message keys with typed arguments.
//!
//! A domain declares one enum per family of sentences (plan steps, preflight reasons, …),
//! serialised as `{ "key": "<variant>", <arguments> }` and exported to TypeScript, and
//! implements [`Message`] with the family's catalogue prefix: variant `hasEip` of a family
//! with prefix `reason` is the message `reason_hasEip` in `ui/messages/<locale>.json`, and its
//! fields are that message's inputs. The UI renders the value in the chosen language
//! (`ui/src/lib/i18n/core_text.ts`; a type-level check there fails `svelte-check` when a
//! variant has no message or a message asks for an input the variant lacks). The core's own
//! English (CLI, logs, exports, the journal) comes from the same English catalogue through
//! [`Message::english`], so the words live in one place.
//!
//! Alibaba error codes, RequestIds, resource IDs and addresses travel as arguments and are
//! never translated.

mod catalogue;

use serde::Serialize;

/// A family of sentences the UI words from its catalogue.
pub trait Message: Serialize {
    /// The catalogue prefix of the family (`<PREFIX>_<key>`).
    const PREFIX: &'static str;

    /// The sentence in English, from the UI's English catalogue.
    fn english(&self) -> String {
        match serde_json::to_value(self) {
            Ok(value) => catalogue::render(Self::PREFIX, &value),
            Err(e) => format!("{}: {e}", Self::PREFIX),
        }
    }
}

/// The English of message `<prefix>_<key>` for a value already serialised (`{ key, ...inputs }`),
/// for a family that words some inputs itself before they are filled in (nested messages).
pub fn english_of(prefix: &str, value: &serde_json::Value) -> String {
    catalogue::render(prefix, value)
}

/// Inputs that are themselves a value of another family (`{ "key": …, inputs… }`), by input
/// name, with that family's prefix: the sentence is rendered into the outer one. The UI's
/// localizers word the same inputs (`ui/src/lib/i18n/core_text.ts`).
const NESTED: [(&str, &str); 6] = [
    ("cause", "emsg"),
    ("fieldLabel", "fldl"),
    ("fileProblem", "fprob"),
    ("fieldReason", "fld"),
    ("importReason", "impr"),
    ("jsonKind", "jsonk"),
];

fn nested_prefix(input: &str) -> Option<&'static str> {
    NESTED
        .iter()
        .find(|(name, _)| *name == input)
        .map(|(_, prefix)| *prefix)
}

#[cfg(test)]
mod tests;
