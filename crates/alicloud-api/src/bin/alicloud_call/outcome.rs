//! What `alicloud-call` reports and how it exits: one exit status per class of failure, so a
//! script can tell a refused call from one that may or may not have happened.
//!
//! | status | meaning |
//! |---|---|
//! | 0 | the call succeeded |
//! | 1 | the service answered with an error (also a 2xx body carrying an error `Code`) |
//! | 2 | usage or configuration error (nothing was sent) |
//! | 3 | transport error: no answer (connect failure, reset, timeout); the call may have been applied |
//! | 4 | an answer came but cannot be used (not JSON, larger than `--max-response-bytes`) |

use std::process::ExitCode;

use alicloud_api::{Error, ErrorKind};
use serde_json::Value;

/// Exit status of a service error.
pub const API_ERROR: u8 = 1;
/// Exit status of a usage, credential or configuration error.
pub const USAGE: u8 = 2;
/// Exit status of a transport error.
pub const TRANSPORT: u8 = 3;
/// Exit status of an unusable response.
pub const BAD_RESPONSE: u8 = 4;

/// Codes a few products put in successful bodies; anything else in `Code` is an error.
const SUCCESS_CODES: &[&str] = &["200", "OK", "Success"];

/// The error `Code` a 2xx body carries, if any (with its message and RequestId).
pub fn embedded_error(body: &Value) -> Option<(String, String, String)> {
    let obj = body.as_object()?;
    let code = obj.get("Code")?.as_str().filter(|c| !c.is_empty())?;
    if SUCCESS_CODES.contains(&code) {
        return None;
    }
    let text = |name: &str| {
        obj.get(name)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string()
    };
    Some((code.to_string(), text("Message"), text("RequestId")))
}

/// Prints a service error's fields to stderr.
pub fn print_api_error(code: &str, message: &str, request_id: &str, http_status: u16) {
    eprintln!("code: {code}");
    eprintln!("message: {message}");
    eprintln!("request_id: {request_id}");
    eprintln!("http_status: {http_status}");
}

/// Reports a failed call on stderr and picks the exit status.
pub fn report(error: &Error) -> ExitCode {
    match error {
        Error::Api(api) => {
            print_api_error(&api.code, &api.message, &api.request_id, api.http_status);
            eprintln!("kind: {:?}", error.kind());
            ExitCode::from(API_ERROR)
        }
        other => {
            eprintln!("error ({:?}): {other}", other.kind());
            if let Some(id) = other.request_id() {
                eprintln!("request_id: {id}");
            }
            ExitCode::from(match other.kind() {
                ErrorKind::Transport => TRANSPORT,
                ErrorKind::Decode => BAD_RESPONSE,
                _ => USAGE,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn error_codes_in_success_bodies() {
        let e = embedded_error(&json!({"Code": "Forbidden.RAM", "Message": "m", "RequestId": "r"}));
        assert_eq!(e, Some(("Forbidden.RAM".into(), "m".into(), "r".into())));
        assert_eq!(
            embedded_error(&json!({"Code": "200", "RequestId": "r"})),
            None
        );
        assert_eq!(embedded_error(&json!({"Code": "", "RequestId": "r"})), None);
        assert_eq!(
            embedded_error(&json!({"RequestId": "r", "TotalCount": 1})),
            None
        );
        assert_eq!(embedded_error(&json!([1])), None);
    }
}
