//! The core's error type and the one shape errors take when they cross IPC:
//! `{ kind, code, message, requestId?, hint?, words?, recommend? }`. The UI shows the
//! Alibaba Cloud code and the request ID, which is what support asks for, and words our own
//! messages and every hint from `words` (message keys: [`ErrorText`], [`ErrorHint`]) in its
//! language. No secret ever reaches a message.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use crate::error_hint::ErrorHint;
pub use crate::error_text::ErrorText;
use crate::text::Message;

/// Broad classes the UI reacts to (retry, re-authenticate, fix input, …).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ErrorKind {
    Throttling,
    Transient,
    Auth,
    NotFound,
    InvalidState,
    InvalidInput,
    Transport,
    Keychain,
    #[default]
    Internal,
}

/// An error as the UI receives it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ErrorDto {
    pub kind: ErrorKind,
    /// The Alibaba Cloud error code (e.g. `Eni.Attached`) or one of ours (e.g. `InvalidRegionId`).
    pub code: String,
    /// What went wrong, in English; for an Alibaba Cloud error its own `Message`, verbatim.
    pub message: String,
    pub request_id: Option<String>,
    /// What the user can do about it, in English (CLI, logs, the journal).
    pub hint: Option<String>,
    /// The message and the hint as message keys the window words in its language; absent
    /// for errors not catalogued yet (and in journals written before they existed). Boxed,
    /// like `recommend`: an `ErrorDto` is the `Err` of every command's `Result`.
    #[serde(default)]
    pub words: Option<Box<ErrorWords>>,
    /// Alibaba Cloud's troubleshooting link for a failed call (`Recommend`), verbatim.
    #[serde(default)]
    pub recommend: Option<Box<String>>,
}

/// An error's words as message keys (see [`ErrorText`] and [`ErrorHint`]).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ErrorWords {
    /// What went wrong, for the core's own errors that have a message key (an Alibaba Cloud
    /// error's `Message` is the cloud's text and stays in `ErrorDto::message`).
    pub message: Option<ErrorText>,
    /// What the user can do about it.
    pub hint: Option<ErrorHint>,
}

/// Errors of eipdesk-core.
#[derive(Debug, thiserror::Error)]
pub enum CoreError {
    #[error(transparent)]
    Api(#[from] alicloud_api::Error),
    #[error(transparent)]
    InvalidId(#[from] crate::ids::InvalidId),
    #[error("the Sandbox emulator could not start: {0}")]
    Sandbox(String),
    #[error(transparent)]
    Inventory(#[from] crate::inventory::InventoryError),
    #[error(transparent)]
    Profile(#[from] crate::profiles::ProfileError),
    #[error(transparent)]
    Connect(#[from] crate::profiles::ConnectError),
    #[error(transparent)]
    Import(#[from] crate::profiles::import::ImportError),
    #[error(transparent)]
    AliyunConfig(#[from] crate::profiles::aliyun_config::ConfigWriteError),
    #[error("a background task stopped: {0}")]
    Background(String),
    #[error(transparent)]
    DataDir(#[from] crate::private_fs::PrivateDirError),
}

/// What an error that can reach the window says about itself. Each error type implements it
/// next to its definition; [`ErrorDto::describe`] is the one mapping to the IPC shape, and
/// every `DescribeError` converts into an [`ErrorDto`] with `?`.
pub trait DescribeError: std::fmt::Display {
    /// The broad class the UI reacts to.
    fn kind(&self) -> ErrorKind;
    /// The stable code (an Alibaba Cloud code, or one of ours).
    fn code(&self) -> String;
    /// What went wrong, as a message key, when the error is ours and catalogued.
    fn text(&self) -> Option<ErrorText> {
        None
    }
    /// What the user can do about it, as a message key.
    fn hint_text(&self) -> Option<ErrorHint> {
        None
    }
    /// What the user can do about it, in English: the catalogued hint's English unless the
    /// error words one itself.
    fn hint(&self) -> Option<String> {
        self.hint_text().map(|h| h.english())
    }
    /// What the user reads; the `Display` text unless the error says otherwise.
    fn message(&self) -> String {
        self.to_string()
    }
    /// The RequestId of the failed Alibaba Cloud call, if there was one.
    fn request_id(&self) -> Option<String> {
        None
    }
    /// Alibaba Cloud's troubleshooting link (`Recommend`) of a failed call.
    fn recommend(&self) -> Option<String> {
        None
    }
    /// The IPC shape of this error.
    fn to_dto(&self) -> ErrorDto
    where
        Self: Sized,
    {
        ErrorDto::describe(self)
    }
}

impl ErrorDto {
    /// The IPC shape of any error: the one mapping.
    pub fn describe(e: &dyn DescribeError) -> Self {
        ErrorDto {
            kind: e.kind(),
            code: e.code(),
            message: e.message(),
            request_id: e.request_id(),
            hint: e.hint(),
            words: ErrorWords::of(e).map(Box::new),
            recommend: e.recommend().map(Box::new),
        }
    }
}

impl ErrorDto {
    /// One of our errors built by hand: its message and hint in English from the catalogue,
    /// and as message keys.
    pub fn worded(kind: ErrorKind, code: &str, text: ErrorText, hint: ErrorHint) -> Self {
        ErrorDto {
            kind,
            code: code.into(),
            message: text.english(),
            request_id: None,
            hint: Some(hint.english()),
            words: Some(Box::new(ErrorWords {
                message: Some(text),
                hint: Some(hint),
            })),
            recommend: None,
        }
    }
}

impl ErrorWords {
    /// The words of `e`, when it has any message key.
    fn of(e: &dyn DescribeError) -> Option<Self> {
        let words = ErrorWords {
            message: e.text(),
            hint: e.hint_text(),
        };
        (words != ErrorWords::default()).then_some(words)
    }
}

impl<E: DescribeError> From<E> for ErrorDto {
    fn from(e: E) -> Self {
        ErrorDto::describe(&e)
    }
}

impl CoreError {
    fn inner(&self) -> Option<&dyn DescribeError> {
        Some(match self {
            CoreError::Api(err) => err,
            CoreError::InvalidId(err) => err,
            CoreError::Inventory(err) => err,
            CoreError::Profile(err) => err,
            CoreError::Connect(err) => err,
            CoreError::Import(err) => err,
            CoreError::AliyunConfig(err) => err,
            CoreError::Background(_) | CoreError::Sandbox(_) | CoreError::DataDir(_) => {
                return None;
            }
        })
    }
}

impl DescribeError for CoreError {
    fn kind(&self) -> ErrorKind {
        self.inner()
            .map_or(ErrorKind::Internal, DescribeError::kind)
    }
    fn code(&self) -> String {
        match self {
            CoreError::Background(_) => "Background".into(),
            CoreError::Sandbox(_) => "SandboxUnavailable".into(),
            CoreError::DataDir(_) => "DataDirUnavailable".into(),
            _ => self.inner().map(DescribeError::code).unwrap_or_default(),
        }
    }
    fn hint_text(&self) -> Option<ErrorHint> {
        match self {
            CoreError::Background(_) => Some(ErrorHint::Background),
            CoreError::Sandbox(_) => Some(ErrorHint::Sandbox),
            CoreError::DataDir(e) => Some(ErrorHint::DataDir {
                path: e.path.display().to_string(),
            }),
            _ => self.inner().and_then(DescribeError::hint_text),
        }
    }
    fn hint(&self) -> Option<String> {
        match self.inner() {
            Some(inner) => inner.hint(),
            None => self.hint_text().map(|h| h.english()),
        }
    }
    fn message(&self) -> String {
        match self {
            CoreError::Background(m) | CoreError::Sandbox(m) => m.clone(),
            CoreError::DataDir(e) => e.to_string(),
            _ => self.inner().map(DescribeError::message).unwrap_or_default(),
        }
    }
    fn request_id(&self) -> Option<String> {
        self.inner().and_then(DescribeError::request_id)
    }
    fn text(&self) -> Option<ErrorText> {
        match self {
            CoreError::Background(m) => Some(ErrorText::BackgroundStopped { detail: m.clone() }),
            CoreError::Sandbox(m) => Some(ErrorText::SandboxFailed { detail: m.clone() }),
            CoreError::DataDir(e) => Some(ErrorText::DataDirPrivate {
                path: e.path.display().to_string(),
                detail: e.source.to_string(),
            }),
            _ => self.inner().and_then(DescribeError::text),
        }
    }
    fn recommend(&self) -> Option<String> {
        self.inner().and_then(DescribeError::recommend)
    }
}

impl DescribeError for crate::ids::InvalidId {
    fn kind(&self) -> ErrorKind {
        ErrorKind::InvalidInput
    }
    fn code(&self) -> String {
        "InvalidId".into()
    }
    fn text(&self) -> Option<ErrorText> {
        let value = self.value.clone();
        Some(match self.what {
            "EIP allocation ID" => ErrorText::InvalidEipId { value },
            "network interface ID" => ErrorText::InvalidEniId { value },
            "instance ID" => ErrorText::InvalidInstanceId { value },
            "run ID" => ErrorText::InvalidRunId { value },
            "region ID" => ErrorText::InvalidRegionId { value },
            _ => return None,
        })
    }
    fn hint_text(&self) -> Option<ErrorHint> {
        Some(match self.prefix {
            Some(prefix) => ErrorHint::IdPrefixed {
                prefix: prefix.to_string(),
            },
            None => ErrorHint::IdRegion,
        })
    }
}

/// An Alibaba Cloud call's error: its code, message, RequestId and `Recommend` verbatim.
impl DescribeError for alicloud_api::Error {
    fn kind(&self) -> ErrorKind {
        api_kind(self)
    }
    fn code(&self) -> String {
        self.api_error()
            .map(|a| a.code.clone())
            .unwrap_or_else(|| format!("{:?}", alicloud_api::Error::kind(self)))
    }
    fn message(&self) -> String {
        self.api_error()
            .map(|a| a.message.clone())
            .unwrap_or_else(|| self.to_string())
    }
    fn request_id(&self) -> Option<String> {
        self.api_error()
            .map(|a| a.request_id.clone())
            .filter(|r| !r.is_empty())
    }
    fn hint_text(&self) -> Option<ErrorHint> {
        Some(ErrorHint::for_api(alicloud_api::Error::kind(self)))
    }
    /// The hint, with the troubleshooting link after it.
    fn hint(&self) -> Option<String> {
        let hint = self.hint_text()?.english();
        Some(match self.recommend() {
            Some(r) => format!("{hint} ({r})"),
            None => hint,
        })
    }
    fn recommend(&self) -> Option<String> {
        self.api_error()
            .and_then(|a| a.recommend.clone())
            .filter(|r| !r.is_empty())
    }
}

fn api_kind(err: &alicloud_api::Error) -> ErrorKind {
    use alicloud_api::ErrorKind as K;
    match err.kind() {
        K::Throttling => ErrorKind::Throttling,
        K::Transient => ErrorKind::Transient,
        K::Auth | K::Credentials => ErrorKind::Auth,
        K::NotFound => ErrorKind::NotFound,
        K::InvalidState => ErrorKind::InvalidState,
        K::InvalidInput => ErrorKind::InvalidInput,
        K::Transport => ErrorKind::Transport,
        K::Decode => ErrorKind::Internal,
    }
}
