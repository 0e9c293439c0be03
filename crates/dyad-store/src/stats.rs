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
    /// Stored event reports (one per event coded in an article).
    pub events: u64,
    /// Distinct events once the reports of one event are merged.
    pub merged_events: u64,
    /// Documents that nearly repeat an earlier one (wire copies, updated versions).
    pub near_duplicate_documents: u64,
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
