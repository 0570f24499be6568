//! Why a found profile cannot be imported ([`ImportReason`], catalogue prefix `impr`) and the
//! defaults its import applies ([`ImportNote`], prefix `impn`), as message keys: the import
//! dialog words them in the user's language, the CLI and `ImportCandidate::reason` use their
//! English. Names, setting names (`access_key_id`), regions and line numbers travel verbatim.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::profiles::validate::FieldReason;
use crate::text::Message;

/// Why a profile found in a source cannot be imported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "key", rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum ImportReason {
    /// An entry of the aliyun CLI's list that is not an object.
    EntryNotObject {
        position: usize,
        json_kind: JsonKind,
    },
    NoName,
    /// The name as a profile name is not valid.
    InvalidName {
        field_reason: FieldReason,
    },
    /// Several entries of the aliyun CLI's file share the name (`first` lists all but `last`).
    DuplicateEntries {
        name: String,
        first: String,
        last: String,
    },
    /// A section of the credentials file appears more than once (on lines `first` and `last`).
    DuplicateSection {
        name: String,
        first: String,
        last: String,
    },
    NotAString {
        setting: String,
        json_kind: JsonKind,
    },
    NotAWholeNumber {
        setting: String,
        json_kind: JsonKind,
    },
    NotSet {
        setting: String,
    },
    /// A setting of the source is not valid (`setting` as the source names it).
    InvalidSetting {
        setting: String,
        field_reason: FieldReason,
    },
    /// A role setting is not valid (the reason names what to enter).
    InvalidRole {
        field_reason: FieldReason,
    },
    NoRoleArn,
    DurationOutside {
        seconds: i64,
        min: u32,
        max: u32,
    },
    StsTokenRoleSource,
    EnvStsTokenRole,
    EcsRoleSource,
    RsaKeyPair,
    CloudSso,
    OAuth,
    BearerToken,
    Anonymous,
    NoMode,
    UnknownMode,
    NoType,
    UnknownType,
    Disabled,
    SessionPolicy,
    SourceNotInFile {
        source: String,
    },
    SourceChainLoops,
    SourceNotImportable {
        source: String,
    },
    SourceChainLonger {
        max: usize,
    },
    SourceChainTooLong,
}

impl Message for ImportReason {
    const PREFIX: &'static str = "impr";
}

impl std::fmt::Display for ImportReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.english())
    }
}

/// A JSON value's type, as a refusal names it ("a number").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "key", rename_all = "camelCase")]
pub enum JsonKind {
    Null,
    Boolean,
    Number,
    String,
    List,
    Object,
    /// A number with a fractional part, where a whole number is needed.
    Fraction,
    /// A string that is not a number, where a whole number is needed.
    Text,
}

impl Message for JsonKind {
    const PREFIX: &'static str = "jsonk";
}

/// What is wrong with a source file as a whole (never quoting its content).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "key", rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum FileProblem {
    JsonEof,
    JsonSyntax,
    JsonData,
    ReadError,
    TopLevelNotObject,
    ProfilesNotList,
    NoProfilesList,
    IniHeaderBracket,
    IniEmptySection,
    IniExpected,
    IniEmptyKey,
    NotUtf8 { offset: usize },
}

impl Message for FileProblem {
    const PREFIX: &'static str = "fprob";
}

impl std::fmt::Display for FileProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.english())
    }
}

/// A default the import applies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "key", rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum ImportNote {
    InvalidRegion { region: String, fallback: String },
    NoRegion { fallback: String },
    NoSessionName { fallback: String },
}

impl Message for ImportNote {
    const PREFIX: &'static str = "impn";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_reasons_render_inside_the_sentence() {
        let r = ImportReason::InvalidSetting {
            setting: "access_key_secret".into(),
            field_reason: FieldReason::SingleLine,
        };
        assert_eq!(r.english(), "access_key_secret: must be a single line");
        let r = ImportReason::NotAString {
            setting: "mode".into(),
            json_kind: JsonKind::Number,
        };
        assert_eq!(r.english(), "mode must be a string, not a number");
        let json = serde_json::to_value(&r).unwrap();
        assert_eq!(
            json,
            serde_json::json!({ "key": "notAString", "setting": "mode", "jsonKind": { "key": "number" } })
        );
    }
}
