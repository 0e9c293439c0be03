//! [`StoreStats`]: what a store holds.

use std::collections::BTreeMap;

use serde::Serialize;

/// Counts of the documents and events in a store.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct StoreStats {
    /// The schema version of the database.
    pub schema_version: u32,
    /// Stored documents.
    pub documents: u64,
    /// Stored events.
    pub events: u64,
    /// Events per quad class (1–4).
    pub by_quad_class: BTreeMap<u8, u64>,
    /// Events per mode name (`asserted`, `reported`…).
    pub by_mode: BTreeMap<String, u64>,
    /// Events per CAMEO root code (`01`–`20`).
    pub by_root: BTreeMap<String, u64>,
    /// Documents per outlet (documents without an outlet are not counted).
    pub by_outlet: BTreeMap<String, u64>,
    /// The earliest event date value, if any event is dated.
    pub first_date: Option<String>,
    /// The latest event date value, if any event is dated.
    pub last_date: Option<String>,
}
