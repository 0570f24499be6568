//! Typed access to the merged request parameters (query and form body): required values,
//! integers, booleans, `Name.N` lists, JSON-array lists and `Tag.N.Key/Value` pairs.
//!
//! Every accessor turns bad input into the matching [`ApiError`] so handlers never unwrap.

use std::collections::BTreeMap;

use super::error::ApiError;

/// Parameters that belong to the transport (signature, format, ...) rather than to an action.
pub const COMMON_PARAMS: &[&str] = &[
    "Action",
    "Version",
    "Format",
    "AccessKeyId",
    "Signature",
    "SignatureMethod",
    "SignatureVersion",
    "SignatureNonce",
    "SignatureType",
    "Timestamp",
    "SecurityToken",
    "BearerToken",
];

/// The request parameters, last value wins for a repeated name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Params {
    map: BTreeMap<String, String>,
}

impl Params {
    /// Builds from ordered pairs; later pairs override earlier ones.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = &'a (String, String)>) -> Self {
        let mut map = BTreeMap::new();
        for (k, v) in pairs {
            map.insert(k.clone(), v.clone());
        }
        Self { map }
    }

    /// Every parameter, sorted by name.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &String)> {
        self.map.iter()
    }

    /// Parameters minus the transport ones (what a request log or an idempotency check keeps).
    pub fn business(&self) -> BTreeMap<String, String> {
        self.business_pairs()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect()
    }

    /// The pairs [`Params::business`] keeps, borrowed.
    pub fn business_pairs(&self) -> impl Iterator<Item = (&String, &String)> {
        self.map
            .iter()
            .filter(|(k, _)| !COMMON_PARAMS.contains(&k.as_str()))
    }

    /// Sets a value (used by tests and by the dispatcher for defaults).
    pub fn set(&mut self, name: &str, value: &str) {
        self.map.insert(name.to_string(), value.to_string());
    }

    /// The raw value, even when empty.
    pub fn raw(&self, name: &str) -> Option<&str> {
        self.map.get(name).map(String::as_str)
    }

    /// A non-empty value.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.raw(name).filter(|v| !v.is_empty())
    }

    /// A non-empty value or `Missing<Name>`.
    pub fn required(&self, name: &str) -> Result<&str, ApiError> {
        self.get(name).ok_or_else(|| ApiError::missing(name))
    }

    /// An integer, `default` when absent, `InvalidParameter` when malformed.
    pub fn int(&self, name: &str, default: i64) -> Result<i64, ApiError> {
        match self.get(name) {
            None => Ok(default),
            Some(v) => v
                .trim()
                .parse::<i64>()
                .map_err(|_| ApiError::invalid_param(name, "It must be an integer.")),
        }
    }

    /// An optional integer.
    pub fn opt_int(&self, name: &str) -> Result<Option<i64>, ApiError> {
        match self.get(name) {
            None => Ok(None),
            Some(_) => self.int(name, 0).map(Some),
        }
    }

    /// A boolean (`true`/`false`, any case), `default` when absent.
    pub fn bool(&self, name: &str, default: bool) -> Result<bool, ApiError> {
        match self.get(name) {
            None => Ok(default),
            Some(v) if v.eq_ignore_ascii_case("true") => Ok(true),
            Some(v) if v.eq_ignore_ascii_case("false") => Ok(false),
            Some(_) => Err(ApiError::invalid_param(name, "It must be true or false.")),
        }
    }

    /// `Name.1`, `Name.2`, ... in index order (non-numeric suffixes are ignored); if none are
    /// present and `Name` itself holds a JSON array of strings, that array.
    pub fn list(&self, name: &str) -> Vec<String> {
        let prefix = format!("{name}.");
        let mut items: Vec<(u32, String)> = self
            .map
            .range(prefix.clone()..)
            .take_while(|(k, _)| k.starts_with(&prefix))
            .filter_map(|(k, v)| {
                let idx = k[prefix.len()..].parse::<u32>().ok()?;
                (!v.is_empty()).then(|| (idx, v.clone()))
            })
            .collect();
        if items.is_empty()
            && let Some(Ok(list)) = self
                .get(name)
                .filter(|v| v.trim_start().starts_with('['))
                .map(serde_json::from_str::<Vec<String>>)
        {
            return list;
        }
        items.sort_by_key(|(i, _)| *i);
        items.into_iter().map(|(_, v)| v).collect()
    }

    /// A JSON-array parameter such as `InstanceIds=["i-a","i-b"]`; `None` when absent.
    pub fn json_list(&self, name: &str) -> Result<Option<Vec<String>>, ApiError> {
        match self.get(name) {
            None => Ok(None),
            Some(v) => serde_json::from_str::<Vec<String>>(v).map(Some).map_err(|_| {
                ApiError::bad(
                    format!("Invalid{name}.Malformed"),
                    format!("The specified parameter \u{201c}{name}\u{201d} is not a valid JSON array."),
                )
            }),
        }
    }

    /// `Tag.N.Key` / `Tag.N.Value` pairs in index order.
    pub fn tags(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        for n in 1..=20 {
            if let Some(k) = self.get(&format!("Tag.{n}.Key")) {
                let v = self.raw(&format!("Tag.{n}.Value")).unwrap_or("");
                out.push((k.to_string(), v.to_string()));
            }
        }
        out
    }

    /// A comma-separated list (`AllocationId=eip-a,eip-b`), trimmed, empties dropped.
    pub fn comma_list(&self, name: &str) -> Option<Vec<String>> {
        self.get(name).map(|v| {
            v.split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(items: &[(&str, &str)]) -> Params {
        let pairs: Vec<(String, String)> = items
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Params::from_pairs(&pairs)
    }

    #[test]
    fn lists_are_ordered_by_index() {
        let p = params(&[
            ("NetworkInterfaceId.10", "eni-j"),
            ("NetworkInterfaceId.2", "eni-b"),
            ("NetworkInterfaceId.1", "eni-a"),
            ("NetworkInterfaceIdX", "zzz"),
        ]);
        assert_eq!(
            p.list("NetworkInterfaceId"),
            vec!["eni-a", "eni-b", "eni-j"]
        );
    }

    #[test]
    fn json_arrays_are_lists_too() {
        let p = params(&[("InstanceIds", r#"["i-a","i-b"]"#), ("Bad", "[1,")]);
        assert_eq!(
            p.json_list("InstanceIds").unwrap().unwrap(),
            vec!["i-a", "i-b"]
        );
        assert_eq!(p.list("InstanceIds"), vec!["i-a", "i-b"]);
        assert_eq!(p.json_list("Bad").unwrap_err().code, "InvalidBad.Malformed");
        assert_eq!(p.json_list("Absent").unwrap(), None);
    }

    #[test]
    fn scalars_validate() {
        let p = params(&[("PageSize", "x"), ("DryRun", "TRUE"), ("Empty", "")]);
        assert_eq!(p.int("PageSize", 10).unwrap_err().code, "InvalidParameter");
        assert_eq!(p.int("PageNumber", 1).unwrap(), 1);
        assert!(p.bool("DryRun", false).unwrap());
        assert_eq!(p.required("Empty").unwrap_err().code, "MissingEmpty");
    }

    #[test]
    fn business_params_drop_transport_ones() {
        let p = params(&[
            ("Signature", "s"),
            ("RegionId", "cn-hangzhou"),
            ("Timestamp", "t"),
        ]);
        let b = p.business();
        assert_eq!(b.len(), 1);
        assert_eq!(b["RegionId"], "cn-hangzhou");
    }

    #[test]
    fn tags_and_comma_lists() {
        let p = params(&[
            ("Tag.1.Key", "env"),
            ("Tag.1.Value", "prod"),
            ("AllocationId", "eip-a, eip-b,,"),
        ]);
        assert_eq!(p.tags(), vec![("env".to_string(), "prod".to_string())]);
        assert_eq!(
            p.comma_list("AllocationId").unwrap(),
            vec!["eip-a", "eip-b"]
        );
    }
}
