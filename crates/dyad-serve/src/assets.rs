//! The page and its script and style, embedded in the binary.

use std::sync::Arc;

use axum::http::{header, StatusCode};
use axum::response::IntoResponse;
use axum::routing::get;
use axum::Router;

use crate::pool::Pool;

const INDEX_HTML: &str = include_str!("../assets/index.html");
const APP_JS: &str = include_str!("../assets/app.js");
const APP_CSS: &str = include_str!("../assets/app.css");
/// Country outlines for the map: world-atlas 2.0.2 `countries-110m.json` (TopoJSON of
/// Natural Earth's 1:110m countries; ISC licence, see NOTICE), unchanged.
const WORLD_JSON: &str = include_str!("../assets/countries-110m.json");

/// `/`, `/app.js`, `/app.css`, `/world.json` (the map's outlines); `/favicon.ico` answers
/// 204 (there is none).
pub(crate) fn routes() -> Router<Arc<Pool>> {
    Router::new()
        .route(
            "/",
            get(|| async { asset("text/html; charset=utf-8", INDEX_HTML) }),
        )
        .route(
            "/app.js",
            get(|| async { asset("text/javascript; charset=utf-8", APP_JS) }),
        )
        .route(
            "/app.css",
            get(|| async { asset("text/css; charset=utf-8", APP_CSS) }),
        )
        .route(
            "/world.json",
            get(|| async { asset("application/json", WORLD_JSON) }),
        )
        .route("/favicon.ico", get(|| async { StatusCode::NO_CONTENT }))
}

fn asset(content_type: &'static str, body: &'static str) -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        body,
    )
}
