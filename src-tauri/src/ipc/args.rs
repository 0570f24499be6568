//! Checks a command's JSON arguments before Tauri deserializes them, so malformed input (a
//! wrong type, a malformed ID, an unknown enum value, an oversized string) reaches the UI as a
//! typed `InvalidInput` error that names the field (`form.mode`), never as Tauri's raw
//! "invalid args … for command …" text. The checks themselves are generated per command
//! from its parameter types (see `spec.rs`), so they cannot drift from the commands.

use eipdesk_core::api::{ErrorDto, ErrorHint, ErrorKind, ErrorText};
use serde::de::DeserializeOwned;
use serde_json::Value;

/// The longest string any command accepts, in bytes. Nothing the window sends legitimately
/// comes near it (a search query, an ID, a path, a pasted secret); a longer one is refused
/// before it is parsed or copied further.
pub const MAX_STRING_BYTES: usize = 64 * 1024;

/// A command argument that does not fit its parameter type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArgError {
    /// The path of the offending value, as the UI names it (`form.mode`, `refs[2].id`).
    pub field: String,
    pub problem: String,
}

impl From<ArgError> for ErrorDto {
    fn from(e: ArgError) -> Self {
        ErrorDto::worded(
            ErrorKind::InvalidInput,
            "InvalidArgument",
            ErrorText::ArgInvalid {
                field: e.field.clone(),
                problem: e.problem,
            },
            ErrorHint::ArgReload { field: e.field },
        )
    }
}

/// Checks that `args[field]` deserializes into `T`.
pub fn check<T: DeserializeOwned>(args: &Value, field: &str) -> Result<(), ArgError> {
    let value = args.get(field);
    let value_or_null = value.unwrap_or(&Value::Null);
    if let Some((path, len)) = oversized(value_or_null, field.to_string()) {
        return Err(ArgError {
            field: path,
            problem: format!("{len} bytes is longer than the {MAX_STRING_BYTES} bytes allowed"),
        });
    }
    serde_path_to_error::deserialize::<_, T>(value_or_null)
        .map(drop)
        .map_err(|e| {
            let inner = e.path().to_string();
            let field = match inner.as_str() {
                "." => field.to_string(),
                _ if inner.starts_with('[') => format!("{field}{inner}"),
                _ => format!("{field}.{inner}"),
            };
            let problem = if value.is_none() {
                "it is missing".to_string()
            } else {
                e.into_inner().to_string()
            };
            ArgError { field, problem }
        })
}

/// The path and length of the first string longer than [`MAX_STRING_BYTES`].
fn oversized(value: &Value, path: String) -> Option<(String, usize)> {
    match value {
        Value::String(s) if s.len() > MAX_STRING_BYTES => Some((path, s.len())),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .find_map(|(i, v)| oversized(v, format!("{path}[{i}]"))),
        Value::Object(map) => map
            .iter()
            .find_map(|(k, v)| oversized(v, format!("{path}.{k}"))),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;
    use serde_json::json;

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    enum Mode {
        #[serde(rename = "NAT")]
        Nat,
    }

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Form {
        mode: Mode,
        limit: Option<u32>,
    }

    #[test]
    fn the_error_carries_its_words_and_keeps_its_english() {
        let dto = ErrorDto::from(ArgError {
            field: "form.mode".into(),
            problem: "it is missing".into(),
        });
        assert_eq!(dto.message, "`form.mode` is not valid: it is missing");
        assert_eq!(
            dto.hint.as_deref(),
            Some(
                "The window sent a value EIP Desk cannot use for `form.mode`; reload the window \
                 (Ctrl+R) and try again."
            )
        );
        let words = serde_json::to_value(dto.words).unwrap();
        assert_eq!(
            words,
            json!({
                "message": { "key": "argInvalid", "field": "form.mode", "problem": "it is missing" },
                "hint": { "key": "argReload", "field": "form.mode" },
            })
        );
    }

    #[test]
    fn names_the_nested_field_of_an_unknown_enum_value() {
        let err = check::<Form>(&json!({"form": {"mode": "BOGUS"}}), "form").unwrap_err();
        assert_eq!(err.field, "form.mode");
        assert!(err.problem.contains("unknown variant `BOGUS`"), "{err:?}");
    }

    #[test]
    fn a_missing_required_argument_is_named() {
        let err = check::<String>(&json!({}), "query").unwrap_err();
        assert_eq!(
            (err.field.as_str(), err.problem.as_str()),
            ("query", "it is missing")
        );
        assert!(check::<Option<u32>>(&json!({}), "limit").is_ok());
    }

    #[test]
    fn an_oversized_string_is_refused_wherever_it_is() {
        let long = "x".repeat(MAX_STRING_BYTES + 1);
        let err =
            check::<Value>(&json!({"refs": [{"id": "a"}, {"id": long}]}), "refs").unwrap_err();
        assert_eq!(err.field, "refs[1].id");
        let dto = ErrorDto::from(err);
        assert_eq!(dto.code, "InvalidArgument");
        assert!(dto.message.contains("refs[1].id"));
    }
}
