//! Normalisation functions: a rule names one of them; it turns what the rule matched into
//! a TimeML value, anchored on the document creation time when there is one.

mod dates;
mod periods;

use chrono::Datelike;

use crate::context::Tense;
use crate::found::Found;
use dates::*;
use periods::*;

/// A normalised value with an optional TimeML `mod`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Normal {
    /// TimeML value.
    pub value: String,
    /// TimeML mod.
    pub modifier: Option<String>,
}

pub(super) fn plain(value: String) -> Option<Normal> {
    Some(Normal {
        value,
        modifier: None,
    })
}

/// Names of all normalisation functions, for checking the rule file.
pub const FUNCTIONS: &[&str] = &[
    "iso",
    "slash",
    "date",
    "month",
    "year",
    "year_words",
    "decade",
    "century",
    "weekday",
    "deictic",
    "rel_unit",
    "duration",
    "ago",
    "quarter",
    "half",
    "season",
    "weekend",
    "fixed",
    "time",
    "set",
    "holiday",
    "vague_duration",
];

/// Applies the rule's normalisation function; `None` rejects the match.
pub fn normalise(f: &Found) -> Option<Normal> {
    let mut normal = match f.rule.function.as_str() {
        "iso" => iso(f),
        "slash" => slash(f),
        "date" => date(f),
        "month" => month(f),
        "year" => year(f),
        "year_words" => year_words(f),
        "decade" => decade(f),
        "century" => century(f),
        "weekday" => weekday_fn(f),
        "deictic" => deictic(f),
        "rel_unit" => rel_unit(f),
        "duration" => duration(f),
        "ago" => ago(f),
        "quarter" => quarter(f),
        "half" => half(f),
        "season" => season(f),
        "weekend" => weekend(f),
        "fixed" => plain(f.arg("value")?.to_string()),
        "time" => time(f),
        "set" => set(f),
        "holiday" => holiday(f),
        "vague_duration" => vague_duration(f),
        _ => None,
    }?;
    if normal.modifier.is_none() {
        normal.modifier = f.arg("mod").map(str::to_string);
    }
    Some(normal)
}

pub(super) fn direction(f: &Found) -> i64 {
    match f.tense() {
        Tense::Future => 1,
        _ => -1,
    }
}

/// The year written in the match, two-digit years placed near the anchor.
pub(super) fn written_year(f: &Found) -> Option<i32> {
    let text = f.get(f.classes.year)?;
    if let Some(short) = text.strip_prefix('\'') {
        let yy: i32 = short.parse().ok()?;
        let anchor = f.dct.map(|d| d.year()).unwrap_or(2000);
        let mut year = anchor / 100 * 100 + yy;
        if year > anchor + 10 {
            year -= 100;
        }
        return Some(year);
    }
    text.parse().ok()
}
