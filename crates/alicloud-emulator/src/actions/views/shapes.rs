//! Small shapes the views share: the one-field wrapper the SDK models put around lists
//! (`{"Tag": [...]}`), empty lists, tags in both styles, numbers sent as strings, times, and
//! the `AssociatedPublicIp` object.

use std::fmt::Display;

use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};

use crate::auth::timestamp::Stamp;
use crate::state::model::{Eip, Tag};

/// `{"<name>": value}`.
#[derive(Debug, Clone, Copy)]
pub struct One<T>(pub &'static str, pub T);

impl<T: Serialize> Serialize for One<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(1))?;
        map.serialize_entry(self.0, &self.1)?;
        map.end()
    }
}

/// `[]`.
#[derive(Debug, Clone, Copy)]
pub struct NoItems;

impl Serialize for NoItems {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_seq(Some(0))?.end()
    }
}

/// `{"<name>": []}`.
pub const fn empty(name: &'static str) -> One<NoItems> {
    One(name, NoItems)
}

/// Items of an iterator as a JSON array (the iterator is cloned to serialize).
#[derive(Debug, Clone)]
pub struct Seq<I>(pub I);

impl<I> Serialize for Seq<I>
where
    I: Iterator + Clone,
    I::Item: Serialize,
{
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.clone())
    }
}

/// A value sent as its decimal string (`"Bandwidth": "5"`).
#[derive(Debug, Clone, Copy)]
pub struct AsText<T>(pub T);

impl<T: Display> Serialize for AsText<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&self.0)
    }
}

/// A time as `YYYY-MM-DDThh:mm:ssZ`, or `""` when absent.
#[derive(Debug, Clone, Copy)]
pub struct Time(pub Option<i64>);

impl Time {
    /// A time that is always there.
    pub fn at(ms: i64) -> Self {
        Self(Some(ms))
    }
}

impl Serialize for Time {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            Some(ms) => Stamp::from_ms(ms).serialize(serializer),
            None => serializer.serialize_str(""),
        }
    }
}

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct KeyValue<'a> {
    key: &'a str,
    value: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct TagKeyValue<'a> {
    tag_key: &'a str,
    tag_value: &'a str,
}

/// VPC-style tags: `{"Tag": [{"Key", "Value"}]}`.
#[derive(Debug, Clone, Copy)]
pub struct VpcTags<'a>(pub &'a [Tag]);

impl Serialize for VpcTags<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let items = self.0.iter().map(|(key, value)| KeyValue { key, value });
        One("Tag", Seq(items)).serialize(serializer)
    }
}

/// ECS-style tags: `{"Tag": [{"TagKey", "TagValue"}]}`.
#[derive(Debug, Clone, Copy)]
pub struct EcsTags<'a>(pub &'a [Tag]);

impl Serialize for EcsTags<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let items = self
            .0
            .iter()
            .map(|(tag_key, tag_value)| TagKeyValue { tag_key, tag_value });
        One("Tag", Seq(items)).serialize(serializer)
    }
}

/// `AssociatedPublicIp`: `{"AllocationId", "PublicIpAddress"}`, or `{}` without an EIP.
#[derive(Debug, Clone, Copy)]
pub struct PublicIp<'a>(pub Option<&'a Eip>);

impl Serialize for PublicIp<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let Some(eip) = self.0 else {
            return serializer.serialize_map(Some(0))?.end();
        };
        let mut map = serializer.serialize_map(Some(2))?;
        map.serialize_entry("AllocationId", &eip.id)?;
        map.serialize_entry("PublicIpAddress", &eip.ip)?;
        map.end()
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use serde_json::json;

    /// Serializing `view` directly gives the same bytes as through a `Value` (whose objects
    /// sort their keys): the fields are declared in the order the emulator always sent them.
    pub(crate) fn assert_value_order(view: &impl Serialize) {
        let direct = serde_json::to_string(view).unwrap();
        let through_value = serde_json::to_string(&serde_json::to_value(view).unwrap()).unwrap();
        assert_eq!(direct, through_value);
    }

    #[test]
    fn shapes_render_like_the_json_macro() {
        let tags = vec![("k".to_string(), "v".to_string())];
        assert_eq!(
            serde_json::to_value(VpcTags(&tags)).unwrap(),
            json!({"Tag": [{"Key": "k", "Value": "v"}]})
        );
        assert_eq!(
            serde_json::to_value(EcsTags(&tags)).unwrap(),
            json!({"Tag": [{"TagKey": "k", "TagValue": "v"}]})
        );
        assert_eq!(
            serde_json::to_value(empty("LockReason")).unwrap(),
            json!({"LockReason": []})
        );
        assert_eq!(serde_json::to_value(AsText(5u32)).unwrap(), json!("5"));
        assert_eq!(serde_json::to_value(Time(None)).unwrap(), json!(""));
        assert_eq!(
            serde_json::to_value(Time::at(1_709_280_000_000)).unwrap(),
            json!("2024-03-01T08:00:00Z")
        );
        assert_eq!(serde_json::to_value(PublicIp(None)).unwrap(), json!({}));
        assert_value_order(&VpcTags(&tags));
        assert_value_order(&EcsTags(&tags));
    }
}
