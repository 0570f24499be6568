//! Errors: the service's [`ApiError`], the crate-wide [`Error`] and its [`ErrorKind`]
//! classification (which drives retries and what the UI tells the user).
//!
//! No variant carries secret material: transport errors are stored without their URL (a V1
//! URL holds the signature and, with STS credentials, the security token).

use std::time::Duration;

use serde::Serialize;

use crate::credentials::CredentialsError;

/// An error returned by the service: HTTP 4xx/5xx with `{RequestId, HostId, Code, Message,
/// Recommend}` in the body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[serde(rename_all = "camelCase")]
#[error("{code}: {message} (RequestId: {request_id}, HTTP {http_status})")]
pub struct ApiError {
    /// `Code`, e.g. `InvalidAllocationId.NotFound`.
    pub code: String,
    /// `Message`.
    pub message: String,
    /// `RequestId` (empty when the body had none).
    pub request_id: String,
    /// `HostId` (the endpoint that answered), when given.
    pub host_id: Option<String>,
    /// `Recommend` (a troubleshooting URL), when given.
    pub recommend: Option<String>,
    /// The HTTP status code.
    pub http_status: u16,
    /// The `x-acs-retry-after` response header, when present.
    pub retry_after: Option<Duration>,
}

impl ApiError {
    /// An error with this code and HTTP status and nothing else (for fakes and tests; set
    /// other fields with struct update syntax).
    pub fn new(code: impl Into<String>, http_status: u16) -> Self {
        Self {
            code: code.into(),
            message: String::new(),
            request_id: String::new(),
            host_id: None,
            recommend: None,
            http_status,
            retry_after: None,
        }
    }

    /// The error's class, from its code and HTTP status.
    pub fn kind(&self) -> ErrorKind {
        classify(&self.code, self.http_status, self.retry_after.is_some())
    }
}

/// What kind of failure an [`Error`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum ErrorKind {
    /// Flow control (`Throttling*`, HTTP 429, or an `x-acs-retry-after` header). Retried.
    Throttling,
    /// A temporary server failure (5xx, `ServiceUnavailable`, `InternalError`, `SystemBusy`,
    /// `LastTokenProcessing`). Retried.
    Transient,
    /// Authentication or authorization (bad key, signature, token, timestamp; RAM denial).
    Auth,
    /// The resource does not exist (`*.NotFound`, HTTP 404).
    NotFound,
    /// The resource is in a state that does not allow the operation right now (e.g.
    /// `IncorrectEipStatus`, `InvalidOperation.InvalidEniState`, `OperationConflict`).
    /// Retried only when the action lists the code, until a deadline.
    InvalidState,
    /// The request itself is wrong (missing or invalid parameter, quota exceeded, ...).
    InvalidInput,
    /// The request did not get an HTTP response (connect failure, reset, timeout). Retried.
    Transport,
    /// A response arrived but could not be read.
    Decode,
    /// No credentials could be obtained.
    Credentials,
}

/// The crate's error type.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The service answered with an error.
    #[error(transparent)]
    Api(ApiError),
    /// No HTTP response (connect failure, reset, timeout).
    #[error("transport error calling {action}: {message}")]
    Transport {
        /// The API action.
        action: String,
        /// What went wrong (never includes the URL).
        message: String,
        /// True when the cause was a timeout.
        timeout: bool,
        /// The underlying error, stripped of its URL.
        #[source]
        source: Option<Box<dyn std::error::Error + Send + Sync>>,
    },
    /// A response arrived but its body could not be decoded.
    #[error("cannot decode the {action} response (RequestId: {request_id}): {message}")]
    Decode {
        /// The API action.
        action: String,
        /// The decoder's message.
        message: String,
        /// The `RequestId` if it could be read, else empty.
        request_id: String,
    },
    /// The credentials provider failed.
    #[error(transparent)]
    Credentials(#[from] CredentialsError),
    /// The client was configured wrongly (bad endpoint URL, unknown product, ...).
    #[error("invalid configuration: {0}")]
    Config(String),
}

impl Error {
    /// The error's class.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::Api(e) => e.kind(),
            Error::Transport { .. } => ErrorKind::Transport,
            Error::Decode { .. } => ErrorKind::Decode,
            Error::Credentials(_) => ErrorKind::Credentials,
            Error::Config(_) => ErrorKind::InvalidInput,
        }
    }

    /// True for throttling, transient and transport errors: the retry loop retries these.
    pub fn is_retryable(&self) -> bool {
        matches!(
            self.kind(),
            ErrorKind::Throttling | ErrorKind::Transient | ErrorKind::Transport
        )
    }

    /// The service error, if this is one.
    pub fn api_error(&self) -> Option<&ApiError> {
        match self {
            Error::Api(e) => Some(e),
            _ => None,
        }
    }

    /// The service error code, if this is a service error.
    pub fn code(&self) -> Option<&str> {
        self.api_error().map(|e| e.code.as_str())
    }

    /// The `RequestId` of the failed call, when the service sent one.
    pub fn request_id(&self) -> Option<&str> {
        match self {
            Error::Api(e) if !e.request_id.is_empty() => Some(&e.request_id),
            Error::Decode { request_id, .. } if !request_id.is_empty() => Some(request_id),
            _ => None,
        }
    }
}

impl From<ApiError> for Error {
    fn from(e: ApiError) -> Self {
        Error::Api(e)
    }
}

/// Codes that mean the caller's identity, key, signature or permission is wrong.
const AUTH_CODES: &[&str] = &[
    "SignatureDoesNotMatch",
    "IncompleteSignature",
    "SignatureNonceUsed",
    "InvalidSignatureMethod",
    "IllegalTimestamp",
    "MissingSecurityToken",
    "Forbidden",
    "Forbidden.RAM",
    "Forbidden.AccessKeyDisabled",
    "Forbidden.SubUser",
    "Forbidden.Unauthorized",
    "Forbidden.RiskControl",
    "Forbidden.NotSupportRAM",
    "NoPermission",
    "InvalidUserType.NotSupported",
    "Abs.InvalidAccount.NotFound",
    "InvalidAction",
];

/// Code prefixes that mean authentication failed.
const AUTH_PREFIXES: &[&str] = &[
    "InvalidAccessKeyId",
    "InvalidSecurityToken",
    "InvalidTimeStamp",
    "SignatureDoesNotMatch",
    "NoPermission",
];

/// Codes that contain "NotFound" but are about the request, not a missing resource.
const INPUT_NOT_FOUND_CODES: &[&str] = &[
    "InvalidApi.NotFound",
    "InvalidAction.NotFound",
    "InvalidProduct.NotFound",
    "Forbidden.RegionNotFound",
    "InvalidRegionId.NotFound",
    "InvalidLockReason.NotFound",
];

/// Codes for temporary server-side failures.
const TRANSIENT_CODES: &[&str] = &[
    "ServiceUnavailable",
    "InternalError",
    "InternalError.Unknown",
    "SystemBusy",
    "OperationFailed.SystemBusy",
    "LastTokenProcessing",
    "OperationFailed.LastTokenProcessing",
];

/// Codes meaning "not now, the resource is busy or in the wrong state".
const INVALID_STATE_CODES: &[&str] = &[
    "OperationConflict",
    "TaskConflict",
    "InvalidBindingStatus",
    "Eni.Attached",
    "Mode.Conflict",
    "OperationFailed.EcsMigrating",
    "InvalidOperation.Conflict",
    "InvalidOperation.HasMemberEniAttached",
    "InvalidEIPStatus.BizDisabled",
];

/// Classifies a service error from its code, HTTP status and whether `x-acs-retry-after`
/// was sent. Public so the emulator and tests can check their codes land where expected.
pub fn classify(code: &str, http_status: u16, has_retry_after: bool) -> ErrorKind {
    if has_retry_after || code.contains("Throttling") || http_status == 429 {
        return ErrorKind::Throttling;
    }
    if AUTH_CODES.contains(&code) || AUTH_PREFIXES.iter().any(|p| code.starts_with(p)) {
        return ErrorKind::Auth;
    }
    if INPUT_NOT_FOUND_CODES.contains(&code) {
        return ErrorKind::InvalidInput;
    }
    if TRANSIENT_CODES.contains(&code) || code.starts_with("ServiceUnavailable") {
        return ErrorKind::Transient;
    }
    let lower = code.to_ascii_lowercase();
    if lower.contains("notfound") || lower.contains("notexist") {
        return ErrorKind::NotFound;
    }
    if INVALID_STATE_CODES.contains(&code)
        || code.starts_with("TaskConflict")
        || code.starts_with("InvalidStatus.")
        || (code.starts_with("Incorrect") && code.contains("Status"))
        || (code.starts_with("InvalidOperation.") && code.ends_with("State"))
        || code.starts_with("InvalidIpStatus.")
    {
        return ErrorKind::InvalidState;
    }
    match http_status {
        404 => ErrorKind::NotFound,
        409 => ErrorKind::InvalidState,
        401 => ErrorKind::Auth,
        403 if !(code.contains("Exceed") || code.contains("Limit") || code.contains("Quota")) => {
            if code.starts_with("InvalidOperation") || code.starts_with("Invalid") {
                ErrorKind::InvalidInput
            } else {
                ErrorKind::Auth
            }
        }
        500..=599 => ErrorKind::Transient,
        _ => ErrorKind::InvalidInput,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classification_covers_every_class() {
        use ErrorKind::*;
        let cases: &[(&str, u16, bool, ErrorKind)] = &[
            ("Throttling.User", 400, false, Throttling),
            ("Throttling", 400, false, Throttling),
            ("Rejected.Throttling", 400, false, Throttling),
            ("Whatever", 400, true, Throttling),
            ("ServiceUnavailable", 503, false, Transient),
            ("InternalError", 500, false, Transient),
            ("Weird", 502, false, Transient),
            ("LastTokenProcessing", 403, false, Transient),
            ("InvalidAccessKeyId.NotFound", 404, false, Auth),
            ("SignatureDoesNotMatch", 400, false, Auth),
            ("InvalidSecurityToken.Expired", 400, false, Auth),
            ("InvalidTimeStamp.Expired", 400, false, Auth),
            ("Forbidden.RAM", 403, false, Auth),
            ("InvalidAllocationId.NotFound", 404, false, NotFound),
            ("InvalidEniId.NotFound", 404, false, NotFound),
            ("InvalidInstanceId.NotFound", 403, false, NotFound),
            ("Forbidden.InstanceNotFound", 403, false, NotFound),
            ("IncorrectEipStatus", 400, false, InvalidState),
            ("InvalidOperation.InvalidEniState", 400, false, InvalidState),
            ("InvalidOperation.InvalidEcsState", 400, false, InvalidState),
            (
                "InvalidStatus.EniStatusNotSupport",
                400,
                false,
                InvalidState,
            ),
            ("OperationConflict", 409, false, InvalidState),
            ("TaskConflict", 400, false, InvalidState),
            ("Eni.Attached", 400, false, InvalidState),
            ("MissingParameter", 400, false, InvalidInput),
            ("InvalidParameter", 400, false, InvalidInput),
            ("InvalidApi.NotFound", 404, false, InvalidInput),
            ("EniPerInstanceLimitExceeded", 403, false, InvalidInput),
            ("QuotaExceeded.Eip", 400, false, InvalidInput),
            (
                "InvalidOperation.AvailabilityZoneMismatch",
                403,
                false,
                InvalidInput,
            ),
        ];
        for (code, status, retry_after, want) in cases {
            assert_eq!(
                classify(code, *status, *retry_after),
                *want,
                "{code} / {status}"
            );
        }
    }

    #[test]
    fn retryable_kinds() {
        let api = |code: &str, status| {
            Error::Api(ApiError {
                request_id: "r".into(),
                ..ApiError::new(code, status)
            })
        };
        assert!(api("Throttling", 400).is_retryable());
        assert!(api("ServiceUnavailable", 503).is_retryable());
        assert!(!api("IncorrectEipStatus", 400).is_retryable());
        assert!(!api("InvalidParameter", 400).is_retryable());
        assert_eq!(api("X", 400).request_id(), Some("r"));
        assert_eq!(api("X", 400).code(), Some("X"));
    }
}
