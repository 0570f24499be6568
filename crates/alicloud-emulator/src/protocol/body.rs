//! A handler's success body (without `RequestId`): JSON fields, plus at most one field whose
//! value was rendered to JSON bytes up front. Listings use that for their items, serialized
//! straight from typed views that borrow the state, with no intermediate `Value`.
//!
//! [`Body::write_json`] writes the fields and the pre-rendered one in key order, so the bytes
//! are exactly those of the equivalent `Value` object; [`Body::into_map`] builds that object
//! (for XML and idempotency records).

use serde::Serialize;
use serde_json::{Map, Value};

/// A success body.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Body {
    /// Fields as values (the whole body of most actions).
    pub fields: Map<String, Value>,
    /// A field rendered up front, if any.
    pub rendered: Option<Rendered>,
}

/// One field whose value is already JSON.
#[derive(Debug, Clone, PartialEq)]
pub struct Rendered {
    key: &'static str,
    json: Vec<u8>,
}

impl Rendered {
    /// `key` with `value` serialized now.
    pub fn new(key: &'static str, value: &impl Serialize) -> Self {
        let json = serde_json::to_vec(value).expect("views serialize to JSON");
        Self { key, json }
    }

    /// `key` with `{"<item>": [items]}` serialized now. The buffer is sized from the first
    /// item, so a large page is written without regrowing.
    pub fn list<T: Serialize>(key: &'static str, item: &str, items: &[T]) -> Self {
        let mut json = Vec::with_capacity(64);
        json.push(b'{');
        serde_json::to_writer(&mut json, item).expect("a key serializes");
        json.extend_from_slice(b":[");
        for (k, value) in items.iter().enumerate() {
            if k > 0 {
                json.push(b',');
            }
            let start = json.len();
            serde_json::to_writer(&mut json, value).expect("views serialize to JSON");
            if k == 0 {
                json.reserve((json.len() - start + 1) * (items.len() - 1) * 9 / 8 + 2);
            }
        }
        json.extend_from_slice(b"]}");
        Self { key, json }
    }
}

impl From<Map<String, Value>> for Body {
    fn from(fields: Map<String, Value>) -> Self {
        Self {
            fields,
            rendered: None,
        }
    }
}

impl Body {
    /// `fields` plus one pre-rendered field.
    pub fn with_rendered(fields: Map<String, Value>, rendered: Rendered) -> Self {
        debug_assert!(!fields.contains_key(rendered.key));
        Self {
            fields,
            rendered: Some(rendered),
        }
    }

    /// The whole body as one JSON object.
    pub fn into_map(self) -> Map<String, Value> {
        let mut map = self.fields;
        if let Some(r) = self.rendered {
            let value = serde_json::from_slice(&r.json).expect("rendered JSON parses");
            map.insert(r.key.to_string(), value);
        }
        map
    }

    /// Appends the body as a compact JSON object, keys in the order of a `Value` object
    /// (byte order).
    pub fn write_json(&self, out: &mut Vec<u8>) {
        let mut pending = self.rendered.as_ref();
        out.push(b'{');
        let mut first = true;
        let mut separate = |out: &mut Vec<u8>| {
            if !std::mem::take(&mut first) {
                out.push(b',');
            }
        };
        for (key, value) in &self.fields {
            if let Some(r) = pending.filter(|r| r.key < key.as_str()) {
                separate(out);
                write_entry(out, r.key, |out| out.extend_from_slice(&r.json));
                pending = None;
            }
            separate(out);
            write_entry(out, key, |out| {
                serde_json::to_writer(out, value).expect("a Value serializes");
            });
        }
        if let Some(r) = pending {
            separate(out);
            write_entry(out, r.key, |out| out.extend_from_slice(&r.json));
        }
        out.push(b'}');
    }

    /// The serialized JSON object.
    pub fn to_json(&self) -> Vec<u8> {
        let hint = self.rendered.as_ref().map_or(0, |r| r.json.len());
        let mut out = Vec::with_capacity(hint + 64 * self.fields.len() + 16);
        self.write_json(&mut out);
        out
    }
}

fn write_entry(out: &mut Vec<u8>, key: &str, value: impl FnOnce(&mut Vec<u8>)) {
    serde_json::to_writer(&mut *out, key).expect("a key serializes");
    out.push(b':');
    value(out);
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn fields(v: Value) -> Map<String, Value> {
        v.as_object().unwrap().clone()
    }

    #[test]
    fn bytes_equal_a_value_object_wherever_the_rendered_key_sorts() {
        let items = json!({"Item": [{"A": 1, "B": "x\"y"}]});
        for key in ["Aaa", "Items", "PageSizes", "Zzz"] {
            let base = fields(json!({"NextToken": "", "PageSize": 10, "RequestId": "R"}));
            let body = Body::with_rendered(base.clone(), Rendered::new(key, &items));
            let mut out = Vec::new();
            body.write_json(&mut out);
            let mut expected = base;
            expected.insert(key.to_string(), items.clone());
            assert_eq!(out, serde_json::to_vec(&expected).unwrap(), "{key}");
            assert_eq!(body.into_map(), expected);
        }
    }

    #[test]
    fn plain_fields_and_empty_bodies() {
        for v in [json!({}), json!({"A": [1, 2.5, null], "B": {"C": true}})] {
            let mut out = Vec::new();
            Body::from(fields(v.clone())).write_json(&mut out);
            assert_eq!(out, serde_json::to_vec(&v).unwrap());
        }
        let mut out = Vec::new();
        Body::with_rendered(Map::new(), Rendered::new("K", &[1, 2])).write_json(&mut out);
        assert_eq!(out, br#"{"K":[1,2]}"#);
        for n in 0..3 {
            let items: Vec<Value> = (0..n).map(|k| json!({"A": k})).collect();
            assert_eq!(
                Rendered::list("K", "Item", &items),
                Rendered::new("K", &json!({"Item": items}))
            );
        }
    }
}
