//! Why an aliyun CLI profile cannot be (or was not) moved into the keychain ([`MoveReason`],
//! catalogue prefix `mvr`): the "Move plaintext keys" panel words it in the user's language,
//! `MoveCandidate::reason` and `NotMoved::reason` carry its English. An import refusal or
//! failure behind it nests as that family's words (`importReason`, `cause`).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::ErrorText;
use crate::profiles::import::ImportReason;
use crate::text::Message;

/// Why an aliyun CLI profile holding an AccessKey is not moved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "key", rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum MoveReason {
    /// Its key is a temporary STS token.
    StsToken,
    /// It holds no AccessKey EIP Desk would use.
    NoAccessKey,
    /// The import refuses it, for `import_reason`.
    NotImportable { import_reason: ImportReason },
    /// The file has no profile of the selected name holding an AccessKey.
    NotInFile,
    /// Importing it failed, for `cause`.
    ImportFailed { cause: Box<ErrorText> },
    /// Importing it failed, for a reason without words of its own (`detail`, verbatim).
    ImportFailedVerbatim { detail: String },
    /// Importing it reported neither a profile nor a failure.
    NotImported,
}

impl Message for MoveReason {
    const PREFIX: &'static str = "mvr";
}

impl std::fmt::Display for MoveReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.english())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profiles::import::JsonKind;

    #[test]
    fn move_reasons_are_keys_with_the_english_of_before() {
        assert_eq!(
            MoveReason::StsToken.english(),
            "its key is a temporary STS token, which expires on its own; there is nothing to keep"
        );
        assert_eq!(
            MoveReason::NoAccessKey.english(),
            "it holds no AccessKey EIP Desk would use"
        );
        assert_eq!(
            MoveReason::NotInFile.english(),
            "the file has no profile of that name holding an AccessKey"
        );
        assert_eq!(
            MoveReason::NotImported.english(),
            "it could not be imported"
        );
        let nested = MoveReason::NotImportable {
            import_reason: ImportReason::NotAString {
                setting: "mode".into(),
                json_kind: JsonKind::Number,
            },
        };
        assert_eq!(nested.english(), "mode must be a string, not a number");
        assert_eq!(
            serde_json::to_value(&nested).unwrap(),
            serde_json::json!({
                "key": "notImportable",
                "importReason": { "key": "notAString", "setting": "mode", "jsonKind": { "key": "number" } },
            })
        );
        let failed = MoveReason::ImportFailed {
            cause: Box::new(ErrorText::ProfileNameTaken {
                name: "prod".into(),
            }),
        };
        assert_eq!(failed.english(), "a profile named \"prod\" already exists");
        assert_eq!(
            serde_json::to_value(&failed).unwrap(),
            serde_json::json!({
                "key": "importFailed",
                "cause": { "key": "profileNameTaken", "name": "prod" },
            })
        );
        assert_eq!(
            MoveReason::ImportFailedVerbatim {
                detail: "disk full".into()
            }
            .english(),
            "disk full"
        );
    }
}
