//! Lenient deserializers for response fields whose JSON type varies between API versions,
//! documentation samples and XML-to-JSON conversions (a number sent as a string, a one-item
//! list sent as an object, a boolean sent as `"true"`).

use serde::Deserialize;
use serde::de::{self, DeserializeOwned, Deserializer};
use serde_json::Value;

/// A string, or a number/bool rendered as a string.
pub fn string<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    Ok(match Value::deserialize(d)? {
        Value::String(s) => s,
        Value::Null => String::new(),
        other => other.to_string(),
    })
}

/// An integer, or a string holding one (empty string means 0).
pub fn int<'de, D: Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
    match Value::deserialize(d)? {
        Value::Number(n) => n
            .as_i64()
            .or_else(|| n.as_f64().map(|f| f as i64))
            .ok_or_else(|| de::Error::custom(format!("integer out of range: {n}"))),
        Value::String(s) if s.trim().is_empty() => Ok(0),
        Value::String(s) => s
            .trim()
            .parse()
            .map_err(|_| de::Error::custom(format!("not an integer: {s:?}"))),
        Value::Null => Ok(0),
        other => Err(de::Error::custom(format!("not an integer: {other}"))),
    }
}

/// A float, or a string holding one.
pub fn float<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
    match Value::deserialize(d)? {
        Value::Number(n) => n
            .as_f64()
            .ok_or_else(|| de::Error::custom("number out of range")),
        Value::String(s) if s.trim().is_empty() => Ok(0.0),
        Value::String(s) => s
            .trim()
            .parse()
            .map_err(|_| de::Error::custom(format!("not a number: {s:?}"))),
        Value::Null => Ok(0.0),
        other => Err(de::Error::custom(format!("not a number: {other}"))),
    }
}

/// A boolean, or `"true"`/`"false"` (any case), or 0/1.
pub fn boolean<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    match Value::deserialize(d)? {
        Value::Bool(b) => Ok(b),
        Value::String(s) => match s.trim().to_ascii_lowercase().as_str() {
            "true" | "1" => Ok(true),
            "false" | "0" | "" => Ok(false),
            _ => Err(de::Error::custom(format!("not a boolean: {s:?}"))),
        },
        Value::Number(n) => Ok(n.as_i64() != Some(0)),
        Value::Null => Ok(false),
        other => Err(de::Error::custom(format!("not a boolean: {other}"))),
    }
}

/// A string wrapped into [`crate::Secret`] (for secrets inside responses).
pub fn secret<'de, D: Deserializer<'de>>(d: D) -> Result<crate::Secret, D::Error> {
    string(d).map(crate::Secret::new)
}

/// A list, or a single item standing for a one-item list, or an empty string.
pub fn list<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: DeserializeOwned,
{
    match Value::deserialize(d)? {
        Value::Array(items) => items
            .into_iter()
            .map(|v| serde_json::from_value(v).map_err(de::Error::custom))
            .collect(),
        Value::Null => Ok(Vec::new()),
        Value::String(s) if s.is_empty() => Ok(Vec::new()),
        one => Ok(vec![
            serde_json::from_value(one).map_err(de::Error::custom)?,
        ]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Default, Deserialize)]
    #[serde(default)]
    struct T {
        #[serde(deserialize_with = "string")]
        s: String,
        #[serde(deserialize_with = "int")]
        i: i64,
        #[serde(deserialize_with = "float")]
        f: f64,
        #[serde(deserialize_with = "boolean")]
        b: bool,
        #[serde(deserialize_with = "list")]
        l: Vec<String>,
    }

    #[test]
    fn lenient_values() {
        let t: T = serde_json::from_str(r#"{"s":5,"i":"7","f":"1.5","b":"true","l":"x"}"#).unwrap();
        assert_eq!((t.s.as_str(), t.i, t.f, t.b), ("5", 7, 1.5, true));
        assert_eq!(t.l, vec!["x".to_string()]);
        let t: T =
            serde_json::from_str(r#"{"s":"a","i":3,"f":2,"b":false,"l":["a","b"]}"#).unwrap();
        assert_eq!(
            (t.s.as_str(), t.i, t.f, t.b, t.l.len()),
            ("a", 3, 2.0, false, 2)
        );
        let t: T = serde_json::from_str("{}").unwrap();
        assert!(t.s.is_empty() && t.l.is_empty());
        assert!(serde_json::from_str::<T>(r#"{"i":"x"}"#).is_err());
    }
}
