//! The English message catalogue (`ui/messages/en.json`, compiled in) and the renderer of the
//! subset of the inlang message format the core's messages use: plain text with `{input}`
//! placeholders, and a plural `match` on one or more numeric inputs (English rule: `one` for
//! exactly 1, `other` otherwise; `*` matches anything).

use serde_json::{Map, Value};
use std::collections::HashMap;
use std::sync::OnceLock;

const ENGLISH: &str = include_str!("../../../../ui/messages/en.json");

fn english_catalogue() -> &'static Map<String, Value> {
    static CATALOGUE: OnceLock<Map<String, Value>> = OnceLock::new();
    CATALOGUE.get_or_init(|| match serde_json::from_str(ENGLISH) {
        Ok(Value::Object(map)) => map,
        _ => Map::new(),
    })
}

/// Renders `value` (`{ "key": …, inputs… }`) from message `<prefix>_<key>`. A key the
/// catalogue lacks renders as the key itself (and fails debug builds, so tests catch it).
pub(super) fn render(prefix: &str, value: &Value) -> String {
    let empty = Map::new();
    let fields = value.as_object().unwrap_or(&empty);
    let key = fields
        .get("key")
        .and_then(Value::as_str)
        .unwrap_or_default();
    let id = format!("{prefix}_{key}");
    match english_catalogue().get(&id) {
        Some(message) => render_message(message, fields).unwrap_or_else(|| {
            debug_assert!(false, "message `{id}` has a shape the core cannot render");
            id
        }),
        None => {
            debug_assert!(false, "message `{id}` is missing from ui/messages/en.json");
            id
        }
    }
}

/// One message: a string, or the one-element array of a `match`.
fn render_message(message: &Value, inputs: &Map<String, Value>) -> Option<String> {
    match message {
        Value::String(pattern) => Some(fill(pattern, inputs)),
        Value::Array(variants) => {
            let variant = variants.first()?.as_object()?;
            let selectors = plural_selectors(variant)?;
            let cases = variant.get("match")?.as_object()?;
            // The catalogue's object order is lost in parsing: the most specific case wins.
            let chosen = cases
                .iter()
                .filter(|(condition, _)| matches(condition, &selectors, inputs))
                .min_by_key(|(condition, _)| condition.matches('*').count())?;
            Some(fill(chosen.1.as_str()?, inputs))
        }
        _ => None,
    }
}

/// `local xPlural = x: plural` declarations: selector name → input name.
fn plural_selectors(variant: &Map<String, Value>) -> Option<HashMap<String, String>> {
    let mut selectors = HashMap::new();
    for declaration in variant.get("declarations")?.as_array()? {
        let Some(rest) = declaration.as_str()?.strip_prefix("local ") else {
            continue;
        };
        let (name, expression) = rest.split_once('=')?;
        let input = expression.trim().strip_suffix(": plural")?;
        selectors.insert(name.trim().to_string(), input.trim().to_string());
    }
    Some(selectors)
}

/// Whether `a=one, b=*` holds for the inputs.
fn matches(
    condition: &str,
    selectors: &HashMap<String, String>,
    inputs: &Map<String, Value>,
) -> bool {
    condition.split(',').all(|part| {
        let Some((selector, category)) = part.trim().split_once('=') else {
            return false;
        };
        if category == "*" {
            return true;
        }
        let count = selectors
            .get(selector)
            .and_then(|input| inputs.get(input))
            .and_then(Value::as_f64);
        let english = match count {
            Some(1.0) => "one",
            Some(_) => "other",
            None => return false,
        };
        english == category
    })
}

/// Replaces each `{input}` with its value; an unknown placeholder stays as written.
fn fill(pattern: &str, inputs: &Map<String, Value>) -> String {
    let mut out = String::with_capacity(pattern.len());
    let mut rest = pattern;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match inputs.get(name) {
                    Some(Value::String(s)) => out.push_str(s),
                    Some(nested @ Value::Object(_)) if super::nested_prefix(name).is_some() => {
                        out.push_str(&render(super::nested_prefix(name).unwrap_or(""), nested));
                    }
                    Some(Value::Null) | None => {
                        debug_assert!(inputs.contains_key(name), "no input `{name}`");
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                    Some(other) => out.push_str(&other.to_string()),
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}
