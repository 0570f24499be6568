//! Lenient deserializers for response fields whose JSON type varies between API versions,
//! documentation samples and XML-to-JSON conversions (a number sent as a string, a one-item
//! list sent as an object, a boolean sent as `"true"`).

use std::fmt;
use std::marker::PhantomData;

use serde::Deserialize;
use serde::de::value::{MapAccessDeserializer, SeqAccessDeserializer};
use serde::de::{self, DeserializeOwned, Deserializer, IntoDeserializer, Visitor};

// Each reader is a visitor over the input itself (no intermediate `serde_json::Value`): the
// typed listings decode straight from the response bytes.

/// A string, or a number/bool rendered as a string.
pub fn string<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    struct V;
    impl Visitor<'_> for V {
        type Value = String;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a string, number or boolean")
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<String, E> {
            Ok(v.to_string())
        }
        fn visit_string<E: de::Error>(self, v: String) -> Result<String, E> {
            Ok(v)
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<String, E> {
            Ok(v.to_string())
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<String, E> {
            Ok(v.to_string())
        }
        fn visit_f64<E: de::Error>(self, v: f64) -> Result<String, E> {
            Ok(serde_json::Number::from_f64(v).map_or_else(|| v.to_string(), |n| n.to_string()))
        }
        fn visit_bool<E: de::Error>(self, v: bool) -> Result<String, E> {
            Ok(v.to_string())
        }
        fn visit_unit<E: de::Error>(self) -> Result<String, E> {
            Ok(String::new())
        }
        fn visit_none<E: de::Error>(self) -> Result<String, E> {
            Ok(String::new())
        }
    }
    d.deserialize_any(V)
}

/// An integer, or a string holding one (empty string means 0).
pub fn int<'de, D: Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
    struct V;
    impl Visitor<'_> for V {
        type Value = i64;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("an integer")
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<i64, E> {
            Ok(v)
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<i64, E> {
            i64::try_from(v).map_err(|_| E::custom(format!("integer out of range: {v}")))
        }
        fn visit_f64<E: de::Error>(self, v: f64) -> Result<i64, E> {
            Ok(v as i64)
        }
        fn visit_str<E: de::Error>(self, s: &str) -> Result<i64, E> {
            let t = s.trim();
            if t.is_empty() {
                return Ok(0);
            }
            t.parse()
                .map_err(|_| E::custom(format!("not an integer: {s:?}")))
        }
        fn visit_unit<E: de::Error>(self) -> Result<i64, E> {
            Ok(0)
        }
        fn visit_none<E: de::Error>(self) -> Result<i64, E> {
            Ok(0)
        }
    }
    d.deserialize_any(V)
}

/// A float, or a string holding one.
pub fn float<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
    struct V;
    impl Visitor<'_> for V {
        type Value = f64;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a number")
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<f64, E> {
            Ok(v as f64)
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<f64, E> {
            Ok(v as f64)
        }
        fn visit_f64<E: de::Error>(self, v: f64) -> Result<f64, E> {
            Ok(v)
        }
        fn visit_str<E: de::Error>(self, s: &str) -> Result<f64, E> {
            let t = s.trim();
            if t.is_empty() {
                return Ok(0.0);
            }
            t.parse()
                .map_err(|_| E::custom(format!("not a number: {s:?}")))
        }
        fn visit_unit<E: de::Error>(self) -> Result<f64, E> {
            Ok(0.0)
        }
        fn visit_none<E: de::Error>(self) -> Result<f64, E> {
            Ok(0.0)
        }
    }
    d.deserialize_any(V)
}

/// A boolean, or `"true"`/`"false"` (any case), or 0/1.
pub fn boolean<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    struct V;
    impl Visitor<'_> for V {
        type Value = bool;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a boolean")
        }
        fn visit_bool<E: de::Error>(self, v: bool) -> Result<bool, E> {
            Ok(v)
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<bool, E> {
            Ok(v != 0)
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<bool, E> {
            Ok(v != 0)
        }
        fn visit_f64<E: de::Error>(self, _: f64) -> Result<bool, E> {
            // A float is never exactly an integer 0 in this reading (as before: not `0`).
            Ok(true)
        }
        fn visit_str<E: de::Error>(self, s: &str) -> Result<bool, E> {
            match s.trim().to_ascii_lowercase().as_str() {
                "true" | "1" => Ok(true),
                "false" | "0" | "" => Ok(false),
                _ => Err(E::custom(format!("not a boolean: {s:?}"))),
            }
        }
        fn visit_unit<E: de::Error>(self) -> Result<bool, E> {
            Ok(false)
        }
        fn visit_none<E: de::Error>(self) -> Result<bool, E> {
            Ok(false)
        }
    }
    d.deserialize_any(V)
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
    struct V<T>(PhantomData<T>);
    impl<T> V<T> {
        fn one<E: de::Error>(item: Result<T, E>) -> Result<Vec<T>, E> {
            item.map(|t| vec![t])
        }
    }
    impl<'de, T: DeserializeOwned> Visitor<'de> for V<T> {
        type Value = Vec<T>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a list or a single item")
        }
        fn visit_seq<A: de::SeqAccess<'de>>(self, seq: A) -> Result<Vec<T>, A::Error> {
            Vec::<T>::deserialize(SeqAccessDeserializer::new(seq))
        }
        fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<Vec<T>, A::Error> {
            Self::one(T::deserialize(MapAccessDeserializer::new(map)))
        }
        fn visit_unit<E: de::Error>(self) -> Result<Vec<T>, E> {
            Ok(Vec::new())
        }
        fn visit_none<E: de::Error>(self) -> Result<Vec<T>, E> {
            Ok(Vec::new())
        }
        fn visit_str<E: de::Error>(self, s: &str) -> Result<Vec<T>, E> {
            if s.is_empty() {
                return Ok(Vec::new());
            }
            Self::one(T::deserialize(s.into_deserializer()))
        }
        fn visit_bool<E: de::Error>(self, v: bool) -> Result<Vec<T>, E> {
            Self::one(T::deserialize(v.into_deserializer()))
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<Vec<T>, E> {
            Self::one(T::deserialize(v.into_deserializer()))
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<Vec<T>, E> {
            Self::one(T::deserialize(v.into_deserializer()))
        }
        fn visit_f64<E: de::Error>(self, v: f64) -> Result<Vec<T>, E> {
            Self::one(T::deserialize(v.into_deserializer()))
        }
    }
    d.deserialize_any(V(PhantomData))
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
        assert!(serde_json::from_str::<T>(r#"{"b":"maybe"}"#).is_err());
        let t: T =
            serde_json::from_str(r#"{"s":null,"i":null,"f":null,"b":null,"l":null}"#).unwrap();
        assert!(t.s.is_empty() && t.i == 0 && t.f == 0.0 && !t.b && t.l.is_empty());
        let t: T = serde_json::from_str(r#"{"s":true,"i":" 12 ","f":"","b":1,"l":""}"#).unwrap();
        assert_eq!((t.s.as_str(), t.i, t.f, t.b), ("true", 12, 0.0, true));
        assert!(t.l.is_empty());
    }

    #[derive(Debug, Default, Deserialize, PartialEq)]
    #[serde(default, rename_all = "PascalCase")]
    struct Item {
        id: String,
    }

    #[derive(Debug, Default, Deserialize)]
    #[serde(default, rename_all = "PascalCase")]
    struct Items {
        #[serde(deserialize_with = "list")]
        item: Vec<Item>,
    }

    #[test]
    fn a_single_object_is_a_one_item_list() {
        let one: Items = serde_json::from_str(r#"{"Item":{"Id":"a"}}"#).unwrap();
        assert_eq!(one.item, vec![Item { id: "a".into() }]);
        let two: Items = serde_json::from_str(r#"{"Item":[{"Id":"a"},{"Id":"b"}]}"#).unwrap();
        assert_eq!(two.item.len(), 2);
        assert!(serde_json::from_str::<Items>(r#"{"Item":[1]}"#).is_err());
    }
}
