//! An insertion-ordered table keyed by resource ID: O(1) lookup, stable iteration order
//! (what paging walks) and a sequence number per row that `NextToken` cursors point at.
//! Serialized as a plain list in order; a list repeating an ID is refused.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Something with an ID.
pub trait Keyed {
    /// The resource ID.
    fn key(&self) -> &str;
}

/// Rows in insertion order.
#[derive(Debug, Clone)]
pub struct Table<T> {
    rows: BTreeMap<u64, T>,
    index: HashMap<String, u64>,
    next_seq: u64,
}

impl<T> Default for Table<T> {
    fn default() -> Self {
        Self {
            rows: BTreeMap::new(),
            index: HashMap::new(),
            next_seq: 0,
        }
    }
}

impl<T: Keyed> Table<T> {
    /// Inserts at the end, or replaces in place when the ID exists.
    pub fn insert(&mut self, row: T) {
        if let Some(seq) = self.index.get(row.key()) {
            self.rows.insert(*seq, row);
            return;
        }
        let seq = self.next_seq;
        self.next_seq += 1;
        self.index.insert(row.key().to_string(), seq);
        self.rows.insert(seq, row);
    }

    /// Looks a row up.
    pub fn get(&self, id: &str) -> Option<&T> {
        self.index.get(id).and_then(|s| self.rows.get(s))
    }

    /// Looks a row up for change.
    pub fn get_mut(&mut self, id: &str) -> Option<&mut T> {
        let seq = *self.index.get(id)?;
        self.rows.get_mut(&seq)
    }

    /// Removes a row.
    pub fn remove(&mut self, id: &str) -> Option<T> {
        let seq = self.index.remove(id)?;
        self.rows.remove(&seq)
    }

    /// Whether the ID exists.
    pub fn contains(&self, id: &str) -> bool {
        self.index.contains_key(id)
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether empty.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Rows in order.
    pub fn values(&self) -> impl Iterator<Item = &T> {
        self.rows.values()
    }

    /// Rows in order, mutable.
    pub fn values_mut(&mut self) -> impl Iterator<Item = &mut T> {
        self.rows.values_mut()
    }

    /// Rows with their sequence numbers, starting at `from_seq`.
    pub fn iter_from(&self, from_seq: u64) -> impl Iterator<Item = (u64, &T)> {
        self.rows.range(from_seq..).map(|(s, r)| (*s, r))
    }

    /// Rows with their sequence numbers, newest first, starting at `from_seq` (inclusive).
    pub fn iter_back_from(&self, from_seq: u64) -> impl Iterator<Item = (u64, &T)> {
        self.rows.range(..=from_seq).rev().map(|(s, r)| (*s, r))
    }
}

impl<T: Serialize> Serialize for Table<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.rows.values())
    }
}

impl<'de, T: Deserialize<'de> + Keyed> Deserialize<'de> for Table<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let rows = Vec::<T>::deserialize(deserializer)?;
        let mut table = Table::default();
        for row in rows {
            if table.contains(row.key()) {
                return Err(serde::de::Error::custom(format!(
                    "duplicate ID {:?}",
                    row.key()
                )));
            }
            table.insert(row);
        }
        Ok(table)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    struct Row {
        id: String,
        v: u32,
    }
    impl Keyed for Row {
        fn key(&self) -> &str {
            &self.id
        }
    }
    fn row(id: &str, v: u32) -> Row {
        Row { id: id.into(), v }
    }

    #[test]
    fn keeps_insertion_order_and_replaces_in_place() {
        let mut t = Table::default();
        t.insert(row("b", 1));
        t.insert(row("a", 2));
        t.insert(row("b", 3));
        let ids: Vec<_> = t.values().map(|r| (r.id.as_str(), r.v)).collect();
        assert_eq!(ids, vec![("b", 3), ("a", 2)]);
        assert_eq!(t.remove("b").unwrap().v, 3);
        assert!(!t.contains("b"));
        t.insert(row("b", 4));
        assert_eq!(t.values().last().unwrap().id, "b");
        assert_eq!(t.iter_from(2).count(), 1);
    }

    #[test]
    fn serializes_as_a_list() {
        let mut t = Table::default();
        t.insert(row("x", 1));
        t.insert(row("y", 2));
        let json = serde_json::to_string(&t).unwrap();
        assert_eq!(json, r#"[{"id":"x","v":1},{"id":"y","v":2}]"#);
        let back: Table<Row> = serde_json::from_str(&json).unwrap();
        assert_eq!(back.get("y").unwrap().v, 2);
    }
}
