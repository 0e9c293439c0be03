//! The JSON API: `GET` handlers only, each answered from a read-only store connection on a
//! blocking thread. Every value from a request reaches SQL as a bound parameter (through
//! [`EventQuery`] and the store's read-only queries).

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use dyad_store::trend::{self, Granularity};
use dyad_store::{ActorLevel, EventQuery, Sort, Store, StoredEvent};
use dyad_types::Mode;
use serde::{Deserialize, Serialize};

use crate::pool::Pool;

/// Events one `/api/events` answer holds at most.
const MAX_EVENTS: usize = 1000;
/// Events a trend reads at most.
const MAX_TREND_EVENTS: usize = 50_000;
/// With `by=auto`, a trend is drawn in weeks when the events span at least this many, in
/// days otherwise.
const AUTO_MIN_PERIODS: usize = 4;
/// Edges one `/api/network` answer holds at most.
const MAX_EDGES: usize = 500;
/// Places one `/api/map` answer holds at most.
const MAX_PLACES: usize = 5000;
/// Documents one `/api/documents` answer holds at most.
const MAX_DOCUMENTS: usize = 500;

type Shared = State<Arc<Pool>>;

pub(crate) fn routes() -> Router<Arc<Pool>> {
    Router::new()
        .route("/stats", get(stats))
        .route("/actors", get(actors))
        .route("/events", get(events))
        .route("/events/{id}", get(event))
        .route("/trend", get(trend))
        .route("/network", get(network))
        .route("/map", get(map))
        .route("/documents", get(documents))
        .route("/documents/{*id}", get(document))
        .fallback(|| async { ApiError::new(StatusCode::NOT_FOUND, "no such API path") })
}

/// An error answered as `{"error": message}` with its status.
#[derive(Debug)]
pub(crate) struct ApiError {
    status: StatusCode,
    message: String,
}

impl ApiError {
    fn new(status: StatusCode, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            message: message.into(),
        }
    }

    fn bad_request(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, message)
    }
}

impl From<dyad_store::Error> for ApiError {
    fn from(error: dyad_store::Error) -> ApiError {
        tracing::warn!(%error, "store error");
        let status = match error {
            dyad_store::Error::Locked { .. } => StatusCode::SERVICE_UNAVAILABLE,
            _ => StatusCode::INTERNAL_SERVER_ERROR,
        };
        ApiError::new(status, error.to_string())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        #[derive(Serialize)]
        struct Body {
            error: String,
        }
        (
            self.status,
            Json(Body {
                error: self.message,
            }),
        )
            .into_response()
    }
}

type ApiResult<T> = Result<Json<T>, ApiError>;

/// Runs `f` with a store connection on a blocking thread.
async fn with_store<T, F>(pool: Arc<Pool>, f: F) -> ApiResult<T>
where
    T: Send + 'static,
    F: FnOnce(&dyn Store) -> Result<T, ApiError> + Send + 'static,
{
    let joined = tokio::task::spawn_blocking(move || pool.with(f)).await;
    match joined {
        Ok(Ok(Ok(value))) => Ok(Json(value)),
        Ok(Ok(Err(error))) => Err(error),
        Ok(Err(error)) => Err(error.into()),
        Err(error) => Err(ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            format!("request failed: {error}"),
        )),
    }
}

/// The event filters of `/api/events`, `/api/trend` and `/api/network`, as query
/// parameters. Every one is optional; empty values count as absent.
///
/// `a` and `b` together select a dyad (either direction); `a` alone an actor on either
/// side. `modes` is a comma-separated list of mode names. `quad` is 1–4. `from` and `to`
/// bound the date (`2025-11`, `2025-11-27`). `sort` is `date`, `recent`, `reports` or
/// `conflict`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub(crate) struct Filters {
    actor: Option<String>,
    source: Option<String>,
    target: Option<String>,
    a: Option<String>,
    b: Option<String>,
    code: Option<String>,
    root: Option<String>,
    quad: Option<String>,
    modes: Option<String>,
    from: Option<String>,
    to: Option<String>,
    text: Option<String>,
    outlet: Option<String>,
    sort: Option<String>,
    limit: Option<String>,
    offset: Option<String>,
}

/// The value of an optional parameter, trimmed, if not empty.
fn given(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

/// Parses a number parameter, at most `max`.
fn number(
    name: &str,
    value: &Option<String>,
    default: usize,
    max: usize,
) -> Result<usize, ApiError> {
    match given(value) {
        None => Ok(default),
        Some(text) => text.parse::<usize>().map(|n| n.min(max)).map_err(|_| {
            ApiError::bad_request(format!("{name} must be a whole number, not {text:?}"))
        }),
    }
}

impl Filters {
    /// The store query these filters ask for (without limit and offset).
    pub(crate) fn query(&self) -> Result<EventQuery, ApiError> {
        let owned = |value: &Option<String>| given(value).map(str::to_string);
        let (actor, dyad) = match (given(&self.a), given(&self.b), given(&self.actor)) {
            (Some(a), Some(b), actor) => (actor.map(str::to_string), Some((a.into(), b.into()))),
            (Some(_), None, Some(_)) | (None, Some(_), Some(_)) => {
                return Err(ApiError::bad_request(
                    "give `actor`, or `a` and `b` for a dyad, not `actor` and one of `a`, `b`",
                ))
            }
            (Some(one), None, None) | (None, Some(one), None) | (None, None, Some(one)) => {
                (Some(one.to_string()), None)
            }
            (None, None, None) => (None, None),
        };
        let quad_class = match given(&self.quad) {
            None => None,
            Some(text) => match text.parse::<u8>() {
                Ok(q @ 1..=4) => Some(q),
                _ => {
                    return Err(ApiError::bad_request(format!(
                        "quad must be 1, 2, 3 or 4, not {text:?}"
                    )))
                }
            },
        };
        let mut modes = Vec::new();
        for name in given(&self.modes).unwrap_or("").split(',') {
            let name = name.trim();
            if name.is_empty() {
                continue;
            }
            match Mode::parse(name) {
                Some(mode) => modes.push(mode),
                None => {
                    return Err(ApiError::bad_request(format!(
                        "unknown mode {name:?}: use asserted, reported, alleged, future, \
                         hypothetical or negated"
                    )))
                }
            }
        }
        let sort = match given(&self.sort) {
            None | Some("date") => Sort::Date,
            Some("recent") => Sort::Recent,
            Some("reports") => Sort::Reports,
            Some("conflict") => Sort::Conflict,
            Some(other) => {
                return Err(ApiError::bad_request(format!(
                    "unknown sort {other:?}: use date, recent, reports or conflict"
                )))
            }
        };
        Ok(EventQuery {
            actor,
            source: owned(&self.source),
            target: owned(&self.target),
            dyad,
            code: owned(&self.code),
            root: owned(&self.root),
            quad_class,
            modes,
            date_from: owned(&self.from),
            date_to: owned(&self.to),
            text: owned(&self.text),
            outlet: owned(&self.outlet),
            sort,
            ..EventQuery::default()
        })
    }
}

async fn stats(State(pool): Shared) -> impl IntoResponse {
    with_store(pool, |store| Ok(store.stats()?)).await
}

#[derive(Debug, Deserialize)]
struct LimitParam {
    limit: Option<String>,
}

async fn actors(State(pool): Shared, Query(params): Query<LimitParam>) -> impl IntoResponse {
    let limit = number("limit", &params.limit, 200, 2000);
    with_store(pool, move |store| Ok(store.actors(limit?)?)).await
}

/// A page of events.
#[derive(Debug, Serialize)]
struct EventPage {
    limit: usize,
    offset: usize,
    events: Vec<StoredEvent>,
}

async fn events(State(pool): Shared, Query(filters): Query<Filters>) -> impl IntoResponse {
    let prepared = (|| {
        let mut query = filters.query()?;
        query.limit = Some(number("limit", &filters.limit, 100, MAX_EVENTS)?);
        query.offset = number("offset", &filters.offset, 0, usize::MAX)?;
        Ok::<_, ApiError>(query)
    })();
    with_store(pool, move |store| {
        let query = prepared?;
        Ok(EventPage {
            limit: query.limit.unwrap_or(0),
            offset: query.offset,
            events: store.query(&query)?,
        })
    })
    .await
}

/// A marked span of an evidence sentence, byte offsets into it.
#[derive(Debug, Serialize)]
struct Mark {
    start: usize,
    end: usize,
    /// `trigger`, `source` or `target`.
    kind: &'static str,
}

/// One report of a merged event, with the marks of its evidence sentence.
#[derive(Debug, Serialize)]
struct Mention {
    #[serde(flatten)]
    stored: StoredEvent,
    marks: Vec<Mark>,
}

#[derive(Debug, Serialize)]
struct EventDetail {
    id: String,
    mentions: Vec<Mention>,
}

async fn event(State(pool): Shared, Path(id): Path<String>) -> impl IntoResponse {
    with_store(pool, move |store| {
        let Some(merged) = store.merged_event(&id)? else {
            return Err(ApiError::new(
                StatusCode::NOT_FOUND,
                format!("no event {id:?} in the store"),
            ));
        };
        // Sentence starts per document, each document read once.
        let mut starts: HashMap<String, Vec<usize>> = HashMap::new();
        let mut mentions = Vec::new();
        for stored in merged.mentions {
            if !starts.contains_key(&stored.content_hash) {
                let sentences = store
                    .document(&stored.content_hash)?
                    .map(|analysis| analysis.sentences.iter().map(|s| s.start).collect())
                    .unwrap_or_default();
                starts.insert(stored.content_hash.clone(), sentences);
            }
            let start = starts
                .get(&stored.content_hash)
                .and_then(|s| s.get(stored.event.sentence))
                .copied();
            let marks = start.map(|s| marks(&stored, s)).unwrap_or_default();
            mentions.push(Mention { stored, marks });
        }
        Ok(EventDetail {
            id: merged.id,
            mentions,
        })
    })
    .await
}

/// The trigger, source and target of a report as spans of its evidence sentence, which
/// starts at byte `sentence_start` of the document; spans outside the sentence (an actor
/// named in an earlier sentence) are left out.
fn marks(stored: &StoredEvent, sentence_start: usize) -> Vec<Mark> {
    let event = &stored.event;
    let evidence = &stored.evidence;
    let mut spans = vec![("trigger", event.trigger.start, event.trigger.end)];
    spans.push(("source", event.source.start, event.source.end));
    if let Some(target) = &event.target {
        spans.push(("target", target.start, target.end));
    }
    spans
        .into_iter()
        .filter_map(|(kind, start, end)| {
            let start = start.checked_sub(sentence_start)?;
            let end = end.checked_sub(sentence_start)?;
            (start < end
                && end <= evidence.len()
                && evidence.is_char_boundary(start)
                && evidence.is_char_boundary(end))
            .then_some(Mark { start, end, kind })
        })
        .collect()
}

#[derive(Debug, Deserialize)]
struct TrendParams {
    by: Option<String>,
    #[serde(flatten)]
    filters: Filters,
}

#[derive(Debug, Serialize)]
struct TrendAnswer {
    by: Granularity,
    /// Merged events read.
    events: usize,
    /// Of those, dated too coarsely for a period, or undated.
    too_coarse: usize,
    periods: Vec<trend::Period>,
}

async fn trend(State(pool): Shared, Query(params): Query<TrendParams>) -> impl IntoResponse {
    let prepared = (|| {
        let by = match given(&params.by) {
            None => Some(Granularity::Week),
            Some("auto") => None,
            Some(other) => Some(other.parse::<Granularity>().map_err(|_| {
                ApiError::bad_request(format!(
                    "unknown period {other:?}: use day, week, month or auto"
                ))
            })?),
        };
        let mut query = params.filters.query()?;
        if query.dyad.is_none() {
            return Err(ApiError::bad_request(
                "a trend needs two actors: give `a` and `b`",
            ));
        }
        query.limit = Some(MAX_TREND_EVENTS);
        Ok((by, query))
    })();
    with_store(pool, move |store| {
        let (by, query) = prepared?;
        let events = store.query(&query)?;
        // `auto`: weeks, unless the events fall in fewer than AUTO_MIN_PERIODS of them.
        let (by, (periods, too_coarse)) = match by {
            Some(by) => (by, trend::periods(&events, by)),
            None => {
                let weeks = trend::periods(&events, Granularity::Week);
                if weeks.0.is_empty() || weeks.0.len() >= AUTO_MIN_PERIODS {
                    (Granularity::Week, weeks)
                } else {
                    (Granularity::Day, trend::periods(&events, Granularity::Day))
                }
            }
        };
        Ok(TrendAnswer {
            by,
            events: events.len(),
            too_coarse,
            periods,
        })
    })
    .await
}

#[derive(Debug, Deserialize)]
struct NetworkParams {
    level: Option<String>,
    #[serde(flatten)]
    filters: Filters,
}

async fn network(State(pool): Shared, Query(params): Query<NetworkParams>) -> impl IntoResponse {
    let prepared = (|| {
        let level = match given(&params.level) {
            None | Some("country") => ActorLevel::Country,
            Some("code") => ActorLevel::Code,
            Some(other) => {
                return Err(ApiError::bad_request(format!(
                    "unknown level {other:?}: use country or code"
                )))
            }
        };
        let limit = number("limit", &params.filters.limit, 60, MAX_EDGES)?;
        Ok((level, limit, params.filters.query()?))
    })();
    with_store(pool, move |store| {
        let (level, limit, query) = prepared?;
        Ok(store.actor_network(&query, level, limit)?)
    })
    .await
}

/// The map's country table: ISO 3166-1 alpha-3 → (numeric code, name), from
/// `data/countries.tsv` (rebuilt by `scripts/build_map_countries.py`).
fn country_table() -> &'static HashMap<String, (String, String)> {
    static TABLE: std::sync::OnceLock<HashMap<String, (String, String)>> =
        std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        include_str!("../data/countries.tsv")
            .lines()
            .filter(|line| !line.starts_with('#'))
            .filter_map(|line| {
                let mut fields = line.split('\t');
                let iso3 = fields.next()?;
                let numeric = fields.next()?;
                let name = fields.next()?;
                Some((iso3.to_string(), (numeric.to_string(), name.to_string())))
            })
            .collect()
    })
}

/// One country of `/api/map`: the store's counts with the numeric code (the id of its
/// outline) and the name.
#[derive(Debug, Serialize)]
struct MapCountry {
    #[serde(flatten)]
    counts: dyad_store::CountryEvents,
    /// ISO 3166-1 numeric code, three digits; empty when unknown.
    numeric: String,
    /// English name; the code when unknown.
    name: String,
}

/// The answer of `/api/map`.
#[derive(Debug, Serialize)]
struct MapAnswer {
    events: u64,
    located: u64,
    countries: Vec<MapCountry>,
    places: Vec<dyad_store::PlaceEvents>,
}

/// `/api/map`: where the filtered events happened, per country and per place with
/// coordinates (`limit` places at most, default 1000).
async fn map(State(pool): Shared, Query(filters): Query<Filters>) -> impl IntoResponse {
    let prepared = (|| {
        let limit = number("limit", &filters.limit, 1000, MAX_PLACES)?;
        Ok::<_, ApiError>((limit, filters.query()?))
    })();
    with_store(pool, move |store| {
        let (limit, query) = prepared?;
        let found = store.event_map(&query, limit)?;
        let table = country_table();
        let countries = found
            .countries
            .into_iter()
            .map(|counts| {
                let (numeric, name) = table
                    .get(&counts.country)
                    .cloned()
                    .unwrap_or_else(|| (String::new(), counts.country.clone()));
                MapCountry {
                    counts,
                    numeric,
                    name,
                }
            })
            .collect();
        Ok(MapAnswer {
            events: found.events,
            located: found.located,
            countries,
            places: found.places,
        })
    })
    .await
}

#[derive(Debug, Deserialize)]
struct DocumentParams {
    q: Option<String>,
    limit: Option<String>,
    offset: Option<String>,
}

async fn documents(State(pool): Shared, Query(params): Query<DocumentParams>) -> impl IntoResponse {
    let prepared = (|| {
        Ok::<_, ApiError>((
            number("limit", &params.limit, 50, MAX_DOCUMENTS)?,
            number("offset", &params.offset, 0, usize::MAX)?,
        ))
    })();
    with_store(pool, move |store| {
        let (limit, offset) = prepared?;
        Ok(store.documents(given(&params.q), limit, offset)?)
    })
    .await
}

async fn document(State(pool): Shared, Path(id): Path<String>) -> impl IntoResponse {
    with_store(pool, move |store| match store.document(&id)? {
        Some(analysis) => Ok(analysis),
        None => Err(ApiError::new(
            StatusCode::NOT_FOUND,
            format!("no document {id:?} in the store"),
        )),
    })
    .await
}
