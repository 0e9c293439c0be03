//! The dashboard's HTTP surface, driven in process (`tower::ServiceExt::oneshot`): the
//! page and its headers, every API route on a small store, errors, and that article text
//! holding markup travels as JSON text, never as HTML.

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use axum::Router;
use dyad_store::{SqliteStore, Store};
use dyad_types::{
    Actor, Analysis, Attribution, AttributionKind, Document, Event, EventDate, Location, Mode,
    Sentence, Trigger,
};
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;

const SCRIPT: &str = "<script>alert(1)</script>";
const IMG: &str = "<img src=x onerror=alert(2)>";

fn actor(text: &str, start: usize, code: &str, country: &str) -> Actor {
    Actor {
        start,
        end: start + text.len(),
        text: text.into(),
        code: Some(code.into()),
        country: Some(country.into()),
        ..Actor::default()
    }
}

/// One article: "Washington threatened Caracas <script>… <img …>." with a threat (future,
/// according to a newspaper) and, a sentence later, a strike.
fn article() -> Analysis {
    let first = format!("Washington threatened Caracas {SCRIPT} {IMG}.");
    let second = "Caracas attacked Washington.";
    let text = format!("{first} {second}");
    let mut analysis = Analysis::new(Document::from_text(text.clone()));
    analysis.doc.title = Some(format!("Markup {SCRIPT}"));
    let second_start = first.len() + 1;
    analysis.sentences = vec![
        Sentence {
            start: 0,
            end: first.len(),
            first_token: 0,
            last_token: 0,
        },
        Sentence {
            start: second_start,
            end: text.len(),
            first_token: 0,
            last_token: 0,
        },
    ];
    let event =
        |id: &str, sentence: usize, trigger: (&str, usize), source: Actor, target: Actor| Event {
            id: id.into(),
            sentence,
            trigger: Trigger {
                start: trigger.1,
                end: trigger.1 + trigger.0.len(),
                text: trigger.0.into(),
            },
            source,
            target: Some(target),
            ..Event::default()
        };
    let mut threat = event(
        "threat",
        0,
        ("threatened", 11),
        actor("Washington", 0, "USAGOV", "USA"),
        actor("Caracas", 22, "VENGOV", "VEN"),
    );
    threat.cameo = "138".into();
    threat.quad_class = 3;
    threat.goldstein = -7.0;
    threat.mode = Mode::Future;
    threat.date = EventDate {
        value: Some("2025-12-01".into()),
        ..EventDate::default()
    };
    threat.attribution = vec![Attribution {
        text: "the Herald".into(),
        kind: AttributionKind::Outlet,
        actor: None,
    }];
    let mut strike = event(
        "strike",
        1,
        ("attacked", second_start + 8),
        actor("Caracas", second_start, "VENMIL", "VEN"),
        actor("Washington", second_start + 17, "USAGOV", "USA"),
    );
    strike.cameo = "190".into();
    strike.quad_class = 4;
    strike.goldstein = -10.0;
    strike.mode = Mode::Asserted;
    strike.date = EventDate {
        value: Some("2025-12-09".into()),
        ..EventDate::default()
    };
    // Located as a geoparser would: the threat in a country, the strike at a place.
    threat.location = Some(Location {
        text: "Venezuela".into(),
        country: Some("VEN".into()),
        lat: None,
        lon: None,
        ..Location::default()
    });
    strike.location = Some(Location {
        text: "Washington".into(),
        country: Some("USA".into()),
        lat: Some(38.8951),
        lon: Some(-77.0364),
        ..Location::default()
    });
    analysis.events = vec![threat, strike];
    analysis
}

struct Fixture {
    _dir: tempfile::TempDir,
    app: Router,
    hash: String,
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store.db");
    let analysis = article();
    let hash = analysis.doc.store_key();
    let mut store = SqliteStore::open(&path).unwrap();
    store.put_batch(&[analysis]).unwrap();
    drop(store);
    let app = dyad_serve::router(&path).unwrap();
    Fixture {
        _dir: dir,
        app,
        hash,
    }
}

async fn call(
    app: &Router,
    method: Method,
    uri: &str,
) -> (StatusCode, axum::http::HeaderMap, Vec<u8>) {
    let request = Request::builder()
        .method(method)
        .uri(uri)
        .body(Body::empty())
        .unwrap();
    let response = app.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let body = response
        .into_body()
        .collect()
        .await
        .unwrap()
        .to_bytes()
        .to_vec();
    (status, headers, body)
}

async fn get_json(app: &Router, uri: &str) -> Value {
    let (status, headers, body) = call(app, Method::GET, uri).await;
    assert_eq!(
        status,
        StatusCode::OK,
        "{uri}: {}",
        String::from_utf8_lossy(&body)
    );
    assert_eq!(headers[header::CONTENT_TYPE], "application/json", "{uri}");
    serde_json::from_slice(&body).unwrap()
}

#[tokio::test]
async fn page_is_served_with_a_restrictive_content_security_policy() {
    let f = fixture();
    for (uri, kind) in [
        ("/", "text/html"),
        ("/app.js", "text/javascript"),
        ("/app.css", "text/css"),
        ("/api/stats", "application/json"),
    ] {
        let (status, headers, _) = call(&f.app, Method::GET, uri).await;
        assert_eq!(status, StatusCode::OK, "{uri}");
        assert!(
            headers[header::CONTENT_TYPE]
                .to_str()
                .unwrap()
                .starts_with(kind),
            "{uri}"
        );
        let csp = headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
        assert_eq!(csp, dyad_serve::CONTENT_SECURITY_POLICY);
        assert!(csp.contains("default-src 'none'") && csp.contains("script-src 'self'"));
        assert!(!csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"));
        assert_eq!(headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
        assert_eq!(headers[header::X_FRAME_OPTIONS], "DENY");
    }
    let (_, _, page) = call(&f.app, Method::GET, "/").await;
    let page = String::from_utf8(page).unwrap();
    // The page loads only its own script and style: nothing inline, nothing from elsewhere.
    assert_eq!(page.matches("<script").count(), 1);
    assert!(page.contains(r#"<script src="/app.js" defer></script>"#));
    assert!(!page.contains("http://") && !page.contains("https://"));
}

#[test]
fn page_script_never_parses_data_as_html() {
    let script = include_str!("../assets/app.js");
    for sink in [
        "innerHTML",
        "outerHTML",
        "insertAdjacentHTML",
        "document.write",
        "eval(",
        "new Function",
    ] {
        assert!(!script.contains(sink), "app.js uses {sink}");
    }
}

#[tokio::test]
async fn article_markup_is_returned_as_json_text() {
    let f = fixture();
    let record = get_json(&f.app, &format!("/api/documents/{}", f.hash)).await;
    let text = record["doc"]["text"].as_str().unwrap();
    assert!(text.contains(SCRIPT) && text.contains(IMG));
    assert_eq!(record["doc"]["title"], format!("Markup {SCRIPT}"));
    assert_eq!(record["sentences"].as_array().unwrap().len(), 2);
    assert_eq!(record["events"].as_array().unwrap().len(), 2);
    // Served as JSON with nosniff: no browser renders the answer as a page.
    let (_, headers, _) = call(&f.app, Method::GET, &format!("/api/documents/{}", f.hash)).await;
    assert_eq!(headers[header::CONTENT_TYPE], "application/json");
    assert_eq!(headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");

    let events = get_json(&f.app, "/api/events?a=USA&b=VEN").await;
    let evidence: Vec<&str> = events["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["evidence"].as_str().unwrap())
        .collect();
    assert!(
        evidence
            .iter()
            .any(|e| e.contains(SCRIPT) && e.contains(IMG)),
        "{evidence:?}"
    );

    let documents = get_json(&f.app, "/api/documents?q=script").await;
    assert_eq!(documents["total"], 1);
    assert_eq!(
        documents["documents"][0]["title"],
        format!("Markup {SCRIPT}")
    );
}

#[tokio::test]
async fn events_filter_by_dyad_mode_quad_and_text() {
    let f = fixture();
    let all = get_json(&f.app, "/api/events?a=USA&b=VEN").await;
    assert_eq!(all["events"].as_array().unwrap().len(), 2);
    let future = get_json(&f.app, "/api/events?a=USA&b=VEN&modes=future").await;
    let future = future["events"].as_array().unwrap();
    assert_eq!(future.len(), 1);
    assert_eq!(future[0]["event"]["mode"], "future");
    let deeds = get_json(&f.app, "/api/events?modes=asserted,reported&quad=4").await;
    assert_eq!(deeds["events"][0]["event"]["cameo"], "190");
    assert_eq!(deeds["events"].as_array().unwrap().len(), 1);
    let text = get_json(&f.app, "/api/events?text=attacked").await;
    assert_eq!(text["events"].as_array().unwrap().len(), 1);
    let limited = get_json(&f.app, "/api/events?limit=1&offset=1&sort=conflict").await;
    assert_eq!(limited["events"].as_array().unwrap().len(), 1);
    assert_eq!(limited["events"][0]["event"]["cameo"], "138");
    let from = get_json(&f.app, "/api/events?from=2025-12-05&to=2025-12").await;
    assert_eq!(from["events"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn an_event_comes_with_its_evidence_marks_and_attribution() {
    let f = fixture();
    let list = get_json(&f.app, "/api/events?modes=future").await;
    let id = list["events"][0]["event_id"].as_str().unwrap().to_string();
    let detail = get_json(&f.app, &format!("/api/events/{id}")).await;
    let mention = &detail["mentions"][0];
    assert_eq!(mention["event"]["attribution"][0]["text"], "the Herald");
    let evidence = mention["evidence"].as_str().unwrap();
    let marked: Vec<(String, String)> = mention["marks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            let (start, end) = (
                m["start"].as_u64().unwrap() as usize,
                m["end"].as_u64().unwrap() as usize,
            );
            (
                m["kind"].as_str().unwrap().to_string(),
                evidence[start..end].to_string(),
            )
        })
        .collect();
    assert_eq!(
        marked,
        [
            ("trigger".to_string(), "threatened".to_string()),
            ("source".to_string(), "Washington".to_string()),
            ("target".to_string(), "Caracas".to_string())
        ]
    );
    // In the second sentence, offsets are relative to that sentence.
    let strike = get_json(&f.app, "/api/events?quad=4").await;
    let id = strike["events"][0]["event_id"]
        .as_str()
        .unwrap()
        .to_string();
    let detail = get_json(&f.app, &format!("/api/events/{id}")).await;
    let mention = &detail["mentions"][0];
    let evidence = mention["evidence"].as_str().unwrap();
    assert_eq!(evidence, "Caracas attacked Washington.");
    let trigger = &mention["marks"][0];
    assert_eq!(
        &evidence[trigger["start"].as_u64().unwrap() as usize
            ..trigger["end"].as_u64().unwrap() as usize],
        "attacked"
    );
}

#[tokio::test]
async fn trend_and_network_summarise_the_dyad() {
    let f = fixture();
    let trend = get_json(&f.app, "/api/trend?a=USA&b=VEN&by=week").await;
    let periods = trend["periods"].as_array().unwrap();
    // Weeks of 1 and 8 December 2025, one event each: the threat (future) then the strike.
    assert_eq!(periods.len(), 2);
    assert_eq!(periods[0]["period"], "2025-W49");
    assert_eq!(
        periods[0]["modes"]["future"],
        serde_json::json!([0, 0, 1, 0])
    );
    assert_eq!(
        periods[1]["modes"]["asserted"],
        serde_json::json!([0, 0, 0, 1])
    );
    assert_eq!(periods[1]["goldstein_mean"], -10.0);
    // `auto`: two weeks are too few, so days (9 of them, from 1 to 9 December).
    let auto = get_json(&f.app, "/api/trend?a=USA&b=VEN&by=auto").await;
    assert_eq!(auto["by"], "day");
    assert_eq!(auto["periods"].as_array().unwrap().len(), 9);
    let deeds = get_json(&f.app, "/api/trend?a=USA&b=VEN&by=day&modes=asserted").await;
    assert_eq!(deeds["events"], 1);
    assert_eq!(deeds["periods"].as_array().unwrap().len(), 1);

    let network = get_json(&f.app, "/api/network").await;
    let edges: Vec<(&str, &str)> = network
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["source"].as_str().unwrap(), e["target"].as_str().unwrap()))
        .collect();
    assert_eq!(edges, [("USA", "VEN"), ("VEN", "USA")]);
    let codes = get_json(&f.app, "/api/network?level=code").await;
    assert!(codes
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["source"] == "VENMIL"));
    let actors = get_json(&f.app, "/api/actors").await;
    assert!(actors
        .as_array()
        .unwrap()
        .iter()
        .any(|a| a["actor"] == "USA" && a["events"] == 2));
}

#[tokio::test]
async fn the_map_counts_events_per_country_and_place_and_honours_the_period() {
    let f = fixture();
    let map = get_json(&f.app, "/api/map").await;
    assert_eq!(
        (map["events"].as_u64(), map["located"].as_u64()),
        (Some(2), Some(2))
    );
    let countries: Vec<(&str, &str, &str, u64, f64)> = map["countries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["country"].as_str().unwrap(),
                c["numeric"].as_str().unwrap(),
                c["name"].as_str().unwrap(),
                c["events"].as_u64().unwrap(),
                c["goldstein_mean"].as_f64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        countries,
        vec![
            ("USA", "840", "United States", 1, -10.0),
            ("VEN", "862", "Venezuela", 1, -7.0)
        ]
    );
    let places = map["places"].as_array().unwrap();
    assert_eq!(places.len(), 1, "only the strike has coordinates: {map}");
    assert_eq!(places[0]["place"], "Washington");
    assert_eq!(
        (places[0]["lat"].as_f64(), places[0]["lon"].as_f64()),
        (Some(38.9), Some(-77.04))
    );
    // The event a place opens is a merged event the event endpoint knows.
    let id = places[0]["example_event"].as_str().unwrap();
    let event = get_json(&f.app, &format!("/api/events/{id}")).await;
    assert_eq!(event["mentions"][0]["event"]["cameo"], "190");
    // The period and mode filters apply.
    let later = get_json(&f.app, "/api/map?from=2025-12-05").await;
    assert_eq!(later["countries"].as_array().unwrap().len(), 1);
    assert_eq!(later["countries"][0]["country"], "USA");
    let threats = get_json(&f.app, "/api/map?modes=future").await;
    assert_eq!(threats["countries"][0]["country"], "VEN");
    assert!(threats["places"].as_array().unwrap().is_empty());
    // The outlines it is drawn on are served by the binary: TopoJSON with numeric ids.
    let world = get_json(&f.app, "/world.json").await;
    assert_eq!(world["type"], "Topology");
    let ids: Vec<&str> = world["objects"]["countries"]["geometries"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|g| g["id"].as_str())
        .collect();
    assert!(
        ids.contains(&"840") && ids.contains(&"862"),
        "{} ids",
        ids.len()
    );
}

#[tokio::test]
async fn bad_requests_are_answered_with_what_is_allowed() {
    let f = fixture();
    for (uri, status, says) in [
        (
            "/api/events?quad=7",
            StatusCode::BAD_REQUEST,
            "quad must be 1, 2, 3 or 4",
        ),
        (
            "/api/events?modes=rumoured",
            StatusCode::BAD_REQUEST,
            "unknown mode",
        ),
        (
            "/api/events?sort=best",
            StatusCode::BAD_REQUEST,
            "unknown sort",
        ),
        (
            "/api/events?limit=many",
            StatusCode::BAD_REQUEST,
            "whole number",
        ),
        ("/api/trend?a=USA", StatusCode::BAD_REQUEST, "two actors"),
        (
            "/api/events?actor=USA&b=VEN",
            StatusCode::BAD_REQUEST,
            "not `actor` and one of",
        ),
        (
            "/api/trend?a=USA&b=VEN&by=hour",
            StatusCode::BAD_REQUEST,
            "day, week, month or auto",
        ),
        (
            "/api/network?level=city",
            StatusCode::BAD_REQUEST,
            "country or code",
        ),
        (
            "/api/map?limit=all",
            StatusCode::BAD_REQUEST,
            "whole number",
        ),
        ("/api/map?quad=0", StatusCode::BAD_REQUEST, "quad must be"),
        ("/api/events/0000", StatusCode::NOT_FOUND, "no event"),
        ("/api/documents/nope", StatusCode::NOT_FOUND, "no document"),
        ("/api/nothing", StatusCode::NOT_FOUND, "no such API path"),
    ] {
        let (got, headers, body) = call(&f.app, Method::GET, uri).await;
        assert_eq!(got, status, "{uri}");
        assert_eq!(headers[header::CONTENT_TYPE], "application/json", "{uri}");
        let body: Value = serde_json::from_slice(&body).unwrap();
        assert!(
            body["error"].as_str().unwrap().contains(says),
            "{uri}: {body}"
        );
    }
}

#[tokio::test]
async fn the_api_is_read_only() {
    let f = fixture();
    for method in [Method::POST, Method::PUT, Method::DELETE, Method::PATCH] {
        for uri in ["/api/events", "/api/documents/x", "/"] {
            let (status, _, _) = call(&f.app, method.clone(), uri).await;
            assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED, "{method} {uri}");
        }
    }
}

#[test]
fn a_missing_or_foreign_database_fails_at_start() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.db");
    let error = dyad_serve::router(&missing).unwrap_err().to_string();
    assert!(error.contains("does not exist"), "{error}");
    assert!(!missing.exists());
    let foreign = dir.path().join("notes.txt");
    std::fs::write(&foreign, "not a database, just words").unwrap();
    let error = dyad_serve::router(&foreign).unwrap_err().to_string();
    assert!(error.contains("not a dyad database"), "{error}");
}

#[tokio::test]
async fn a_loopback_dashboard_answers_only_loopback_host_names() {
    let f = fixture();
    let app = dyad_serve::loopback_hosts_only(f.app.clone());
    for (host, status) in [
        ("127.0.0.1:8080", StatusCode::OK),
        ("localhost:8080", StatusCode::OK),
        ("[::1]:8080", StatusCode::OK),
        ("rebound.example:8080", StatusCode::MISDIRECTED_REQUEST),
    ] {
        let request = Request::builder()
            .uri("/api/stats")
            .header(header::HOST, host)
            .body(Body::empty())
            .unwrap();
        let response = app.clone().oneshot(request).await.unwrap();
        assert_eq!(response.status(), status, "{host}");
    }
}
