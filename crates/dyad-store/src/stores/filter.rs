//! Turning an [`EventQuery`] into an SQL `WHERE` clause with bound parameters, for SQLite
//! or PostgreSQL. The SQL text is made only of fixed fragments and parameter numbers;
//! every value is a parameter.

use rusqlite::types::Value;

use crate::overview::ActorLevel;
use crate::query::given;
use crate::{EventQuery, Sort};

/// The SQL dialect a [`Filter`] is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Dialect {
    /// `?N` parameters, FTS5 full-text search, names compared by `COLLATE NOCASE` columns.
    #[default]
    Sqlite,
    /// `$N` parameters (typed by a cast), `tsvector` full-text search, names compared in
    /// lowercase.
    Postgres,
}

/// A `WHERE` clause (without the keyword; always true when nothing filters) and its
/// parameters.
#[derive(Debug, Default)]
pub(crate) struct Filter {
    dialect: Dialect,
    conditions: Vec<String>,
    params: Vec<Value>,
}

/// The tables a stored event's columns are read from: `events e`, `documents d`,
/// `merged_events m`.
pub(crate) const EVENT_TABLES: &str = "events e JOIN documents d ON d.content_hash = e.content_hash
    LEFT JOIN merged_events m ON m.id = e.merged_id";

/// The `ORDER BY` of each sort (the same in both dialects: `false` sorts before `true`).
pub(crate) fn event_order(sort: Sort) -> &'static str {
    match sort {
        Sort::Date => "e.date_value IS NULL, e.date_value, d.id, e.sentence, e.seq",
        Sort::Recent => "e.date_value IS NULL, e.date_value DESC, d.id, e.sentence, e.seq",
        Sort::Reports => {
            "m.num_articles DESC, m.num_sources DESC, e.date_value IS NULL, e.date_value, e.seq"
        }
        Sort::Conflict => "e.goldstein, e.date_value IS NULL, e.date_value, e.seq",
    }
}

/// The `SELECT` of `columns` (read from [`EVENT_TABLES`]) answering `query`, with its
/// parameters. Unless every report is asked for, the reports matching the filter are
/// gathered first ([`Filter::first_reports`]) and each merged event is shown by its first
/// matching report.
pub(crate) fn select_events(
    query: &EventQuery,
    dialect: Dialect,
    columns: &str,
) -> (String, Filter) {
    let mut filter = Filter::in_dialect(query, dialect);
    // SQLite reads a negative limit as none; PostgreSQL wants a count.
    let no_limit = match dialect {
        Dialect::Sqlite => -1,
        Dialect::Postgres => i64::MAX,
    };
    let limit = filter.placeholder(Value::Integer(
        query
            .limit
            .map_or(no_limit, |limit| i64::try_from(limit).unwrap_or(i64::MAX)),
    ));
    let offset = filter.placeholder(Value::Integer(
        i64::try_from(query.offset).unwrap_or(i64::MAX),
    ));
    let order = event_order(query.sort);
    let sql = if query.mentions {
        let clause = filter.clause();
        format!(
            "SELECT {columns} FROM {EVENT_TABLES}
             WHERE {clause}
             ORDER BY {order}
             LIMIT {limit} OFFSET {offset}"
        )
    } else {
        let firsts = filter.first_reports();
        format!(
            "{firsts}
             SELECT {columns} FROM firsts f JOIN events e ON e.seq = f.seq
             JOIN documents d ON d.content_hash = e.content_hash
             LEFT JOIN merged_events m ON m.id = e.merged_id
             ORDER BY {order}
             LIMIT {limit} OFFSET {offset}"
        )
    };
    (sql, filter)
}

/// One side of an event.
#[derive(Clone, Copy)]
enum Side {
    Source,
    Target,
}

impl Filter {
    /// The SQLite filter for `query`.
    pub(crate) fn new(query: &EventQuery) -> Filter {
        Filter::in_dialect(query, Dialect::Sqlite)
    }

    /// The filter for `query` in `dialect`.
    pub(crate) fn in_dialect(query: &EventQuery, dialect: Dialect) -> Filter {
        let mut filter = Filter {
            dialect,
            ..Filter::default()
        };
        if let Some(actor) = given(&query.actor) {
            let source = filter.actor(Side::Source, actor);
            let target = filter.actor(Side::Target, actor);
            filter.conditions.push(format!("({source} OR {target})"));
        }
        if let Some(actor) = given(&query.source) {
            let condition = filter.actor(Side::Source, actor);
            filter.conditions.push(condition);
        }
        if let Some(actor) = given(&query.target) {
            let condition = filter.actor(Side::Target, actor);
            filter.conditions.push(condition);
        }
        if let Some((a, b)) = &query.dyad {
            let (a, b) = (a.trim(), b.trim());
            // Each direction is found through the source's indexes, which also hold the
            // target columns: the target is checked in the index, never on the row.
            let a_to_b = filter.dyad_direction(a, b);
            let b_to_a = filter.dyad_direction(b, a);
            filter
                .conditions
                .push(format!("e.seq IN ({a_to_b} UNION {b_to_a})"));
        }
        if let Some(code) = given(&query.code) {
            let condition = filter.prefix("e.cameo", code);
            filter.conditions.push(condition);
        }
        if let Some(root) = given(&query.root) {
            let root = if root.len() == 1 {
                format!("0{root}")
            } else {
                root.to_string()
            };
            let p = filter.text(root);
            filter.conditions.push(format!("e.root = {p}"));
        }
        if let Some(quad_class) = query.quad_class {
            let p = filter.placeholder(Value::Integer(quad_class.into()));
            filter.conditions.push(format!("e.quad_class = {p}"));
        }
        if let Some(mode) = query.mode {
            let p = filter.text(mode.as_str().to_string());
            filter.conditions.push(format!("e.mode = {p}"));
        }
        if !query.modes.is_empty() {
            let numbers: Vec<String> = query
                .modes
                .iter()
                .map(|mode| filter.text(mode.as_str().to_string()))
                .collect();
            filter
                .conditions
                .push(format!("e.mode IN ({})", numbers.join(", ")));
        }
        if let Some(from) = given(&query.date_from) {
            let p = filter.text(from.to_string());
            filter.conditions.push(format!("e.date_value >= {p}"));
        }
        if let Some(to) = given(&query.date_to) {
            let p = filter.text(to.to_string());
            filter
                .conditions
                .push(format!("substr(e.date_value, 1, length({p})) <= {p}"));
        }
        if let Some(text) = given(&query.text) {
            let condition = match dialect {
                Dialect::Sqlite => fts_query(text).map(|fts| {
                    let p = filter.text(fts);
                    format!("e.seq IN (SELECT rowid FROM events_fts WHERE events_fts MATCH {p})")
                }),
                Dialect::Postgres => crate::stores::search::tsquery(text).map(|ts| {
                    let p = filter.text(ts);
                    format!("e.evidence_tsv @@ to_tsquery('simple', {p})")
                }),
            };
            // No word to look for: the user asked for some text, so nothing matches.
            let condition = condition.unwrap_or_else(|| filter.falsity().to_string());
            filter.conditions.push(condition);
        }
        if let Some(outlet) = given(&query.outlet) {
            let p = filter.text(outlet.to_string());
            let condition = filter.same_name("d.outlet", &p);
            filter.conditions.push(condition);
        }
        filter
    }

    /// Adds a parameter and returns its number.
    pub(crate) fn param(&mut self, value: Value) -> usize {
        self.params.push(value);
        self.params.len()
    }

    /// Adds a parameter and returns its placeholder: `?N` in SQLite, `$N::type` in
    /// PostgreSQL (typed, so that the server never has to guess).
    pub(crate) fn placeholder(&mut self, value: Value) -> String {
        let cast = match (&value, self.dialect) {
            (_, Dialect::Sqlite) => "",
            (Value::Integer(_), Dialect::Postgres) => "::bigint",
            (Value::Real(_), Dialect::Postgres) => "::float8",
            (Value::Blob(_), Dialect::Postgres) => "::bytea",
            (Value::Text(_) | Value::Null, Dialect::Postgres) => "::text",
        };
        let number = self.param(value);
        match self.dialect {
            Dialect::Sqlite => format!("?{number}"),
            Dialect::Postgres => format!("${number}{cast}"),
        }
    }

    /// Adds a text parameter and returns its placeholder.
    fn text(&mut self, value: impl Into<String>) -> String {
        self.placeholder(Value::Text(value.into()))
    }

    /// A condition that is never true.
    fn falsity(&self) -> &'static str {
        match self.dialect {
            Dialect::Sqlite => "0",
            Dialect::Postgres => "FALSE",
        }
    }

    /// `column` equals the name `placeholder` ignoring ASCII case: SQLite's name columns
    /// compare `NOCASE`; PostgreSQL compares both in lowercase (an index on `lower(column)`
    /// serves it).
    fn same_name(&self, column: &str, placeholder: &str) -> String {
        match self.dialect {
            Dialect::Sqlite => format!("{column} = {placeholder}"),
            Dialect::Postgres => format!("lower({column}) = lower({placeholder})"),
        }
    }

    /// The `WHERE` clause.
    pub(crate) fn clause(&self) -> String {
        if self.conditions.is_empty() {
            match self.dialect {
                Dialect::Sqlite => "1".to_string(),
                Dialect::Postgres => "TRUE".to_string(),
            }
        } else {
            self.conditions.join(" AND ")
        }
    }

    /// The CTEs `hits` (the reports matching the filter, materialized so that the filter's
    /// indexes drive the search) and `firsts` (the first matching report of each merged
    /// event).
    pub(crate) fn first_reports(&self) -> String {
        let clause = self.clause();
        let seq = match self.dialect {
            Dialect::Sqlite => "e.seq",
            Dialect::Postgres => "e.seq::text",
        };
        format!(
            "WITH hits AS MATERIALIZED (
             SELECT e.seq AS seq, coalesce(e.merged_id, {seq}) AS merged
             FROM events e JOIN documents d ON d.content_hash = e.content_hash
             WHERE {clause}),
         firsts AS (SELECT min(seq) AS seq FROM hits GROUP BY merged)"
        )
    }

    /// The parameters, in number order.
    pub(crate) fn params(&self) -> &[Value] {
        &self.params
    }

    /// `column` starts with `prefix`, as a range an index can serve.
    fn prefix(&mut self, column: &str, prefix: &str) -> String {
        let (low, high) = self.prefix_bounds(prefix);
        format!("({column} >= {low} AND {column} < {high})")
    }

    /// The placeholders bounding the strings that start with `prefix`.
    fn prefix_bounds(&mut self, prefix: &str) -> (String, String) {
        let low = self.text(prefix);
        let high = self.text(format!("{prefix}\u{10FFFF}"));
        (low, high)
    }

    /// An actor on `side` matches `actor` by code prefix, country code or name. Written as
    /// a union of three index searches, so that even a dyad (an OR of ANDs of these) is
    /// answered from the indexes rather than by scanning every event.
    fn actor(&mut self, side: Side, actor: &str) -> String {
        let side = side.name();
        let (low, high, country, name) = self.actor_params(actor);
        let same_name = self.same_name(&format!("{side}_name"), &name);
        format!(
            "e.seq IN (SELECT seq FROM events WHERE {side}_code >= {low} AND {side}_code < {high} \
             UNION SELECT seq FROM events WHERE {side}_country = {country} \
             UNION SELECT seq FROM events WHERE {same_name})"
        )
    }

    /// The events with `source` as source and `target` as target: three index searches
    /// (source by code prefix, country, name), each testing the target in the index.
    fn dyad_direction(&mut self, source: &str, target: &str) -> String {
        let (low, high, country, name) = self.actor_params(source);
        let (t_low, t_high, t_country, t_name) = self.actor_params(target);
        let target_name = self.same_name("target_name", &t_name);
        let source_name = self.same_name("source_name", &name);
        let target = format!(
            "((target_code >= {t_low} AND target_code < {t_high}) \
             OR target_country = {t_country} OR {target_name})"
        );
        format!(
            "SELECT seq FROM events WHERE source_code >= {low} AND source_code < {high} \
             AND {target} \
             UNION SELECT seq FROM events WHERE source_country = {country} AND {target} \
             UNION SELECT seq FROM events WHERE {source_name} AND {target}"
        )
    }

    /// The placeholders of an actor test: code bounds, country, name.
    fn actor_params(&mut self, actor: &str) -> (String, String, String, String) {
        let upper = actor.to_uppercase();
        let (low, high) = self.prefix_bounds(&upper);
        let country = self.text(upper);
        let name = self.text(actor);
        (low, high, country, name)
    }
}

impl Side {
    /// The column name prefix.
    fn name(self) -> &'static str {
        match self {
            Side::Source => "source",
            Side::Target => "target",
        }
    }
}

/// An FTS5 query finding all the words (and `"quoted phrases"`) of `text`. Every term is
/// emitted as a quoted string, so no input is read as FTS5 syntax. `None` when `text` has
/// no word.
pub(crate) fn fts_query(text: &str) -> Option<String> {
    let mut terms = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find(|c: char| !c.is_whitespace()) {
        rest = &rest[start..];
        let (term, after) = if let Some(quoted) = rest.strip_prefix('"') {
            let end = quoted.find('"').unwrap_or(quoted.len());
            (&quoted[..end], quoted.get(end + 1..).unwrap_or(""))
        } else {
            let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            (&rest[..end], &rest[end..])
        };
        rest = after;
        let (word, prefix) = match term.strip_suffix('*') {
            Some(word) => (word, true),
            None => (term, false),
        };
        if !word.chars().any(char::is_alphanumeric) {
            continue;
        }
        let quoted = format!(
            "\"{}\"{}",
            word.replace('"', "\"\""),
            if prefix { "*" } else { "" }
        );
        terms.push(quoted);
    }
    (!terms.is_empty()).then(|| terms.join(" "))
}

/// The SQL expression naming one side's actor (of `events e`) at `level`, the same in
/// both dialects: its country, else its code (or the other way round), else its name or text.
pub(crate) fn actor_key(side: &str, level: ActorLevel) -> String {
    let (first, second) = match level {
        ActorLevel::Country => ("country", "code"),
        ActorLevel::Code => ("code", "country"),
    };
    format!(
        "coalesce(nullif(e.{side}_{first}, ''), nullif(e.{side}_{second}, ''), \
         e.{side}_name, e.{side}_text)"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fts_quotes_every_term() {
        let fts = |text| fts_query(text).unwrap_or_default();
        assert_eq!(fts("drug boats"), r#""drug" "boats""#);
        assert_eq!(fts(r#" "drug boat"  strike* "#), r#""drug boat" "strike"*"#);
        assert_eq!(fts("NOT AND ( )"), r#""NOT" "AND""#);
        assert_eq!(fts(r#"say "unclosed"#), r#""say" "unclosed""#);
        assert_eq!(fts_query(" ( * ) "), None);
    }

    #[test]
    fn empty_query_filters_nothing() {
        let filter = Filter::new(&EventQuery::default());
        assert_eq!(filter.clause(), "1");
        assert!(filter.params().is_empty());
    }
}
