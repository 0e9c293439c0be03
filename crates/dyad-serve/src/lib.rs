//! The dyad dashboard: a read-only JSON API over an event store and a page that shows it,
//! served from the binary (every asset embedded, nothing fetched from elsewhere).
//!
//! [`router`] builds the [`axum::Router`]; [`run`] binds an address and serves it until
//! Ctrl-C. The store is opened read-only ([`dyad_store::open_read_only`]: an SQLite file or
//! a `postgres://` URL, behind the [`dyad_store::Store`] trait): the API has
//! only `GET` routes and cannot change what is stored, even when asked to.
//!
//! Safety: every response carries a restrictive `Content-Security-Policy` (scripts and
//! styles from this server only, no inline script, no framing, no connection elsewhere),
//! and the page writes article text into the document only as text nodes, so an ingested
//! article containing `<script>` shows those characters and runs nothing.
//!
//! The API (all `GET`, all JSON):
//!
//! | path | answer |
//! | --- | --- |
//! | `/api/stats` | counts of what the store holds |
//! | `/api/actors?limit=` | the most frequent actors (countries and CAMEO codes) |
//! | `/api/events?filters` | events, one per merged event (filters below) |
//! | `/api/events/{id}` | one merged event, every report with its evidence marks |
//! | `/api/trend?a=&b=&by=day\|week\|month\|auto&filters` | the dyad's events per period |
//! | `/api/network?level=country\|code&limit=&filters` | the actor network's edges |
//! | `/api/documents?q=&limit=&offset=` | stored documents, most events first |
//! | `/api/documents/{id}` | one document's record: text, entities, timexes, quotes, events |
//!
//! Event filters (all optional): `a` and `b` (a dyad, either direction; `a` alone: an
//! actor on either side), `actor`, `source`, `target`, `code` (CAMEO prefix), `root`,
//! `quad` (1–4), `modes` (comma-separated mode names), `from`, `to` (dates), `text` (words
//! of the evidence), `outlet`, `sort` (`date`, `recent`, `reports`, `conflict`), `limit`,
//! `offset`. A bad value is answered 400 with `{"error": "..."}` saying what is allowed.
#![warn(missing_docs)]

mod api;
mod assets;
mod pool;

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use axum::http::{header, HeaderName, HeaderValue};
use axum::Router;

/// The `Content-Security-Policy` of every response: only this server's own script, style
/// and data; no inline script or style, no plugins, no framing, no form posts.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; script-src 'self'; \
     style-src 'self'; img-src 'self'; connect-src 'self'; base-uri 'none'; \
     form-action 'none'; frame-ancestors 'none'";

/// Why the dashboard could not start.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The store could not be opened for reading.
    #[error(transparent)]
    Store(#[from] dyad_store::Error),
    /// The address could not be listened on.
    #[error(
        "cannot listen on {addr} (is another server using it? pick another with --addr, or \
         port 0 for any free one)"
    )]
    Bind {
        /// The address.
        addr: SocketAddr,
        /// The system's reason.
        #[source]
        source: std::io::Error,
    },
    /// Serving failed, or the runtime could not start.
    #[error("serving on {addr} failed")]
    Io {
        /// The address.
        addr: SocketAddr,
        /// The system's reason.
        #[source]
        source: std::io::Error,
    },
}

/// The router of the dashboard over the store at `db`, which must exist and is only read.
/// Fails when the store cannot be opened read-only (missing, not a dyad database, a schema
/// of another version).
pub fn router(db: &Path) -> Result<Router, Error> {
    // Opened once now, so that a bad path fails at start rather than on the first request.
    let location = db.to_string_lossy().into_owned();
    let store = dyad_store::open_read_only(&location)?;
    let pool = pool::Pool::new(location, store);
    Ok(Router::new()
        .merge(assets::routes())
        .nest("/api", api::routes())
        .with_state(Arc::new(pool))
        .layer(axum::middleware::map_response(security_headers)))
}

/// Adds the security headers to a response.
async fn security_headers(mut response: axum::response::Response) -> axum::response::Response {
    let headers = response.headers_mut();
    let set = |headers: &mut axum::http::HeaderMap, name: HeaderName, value: &'static str| {
        headers.insert(name, HeaderValue::from_static(value));
    };
    set(
        headers,
        header::CONTENT_SECURITY_POLICY,
        CONTENT_SECURITY_POLICY,
    );
    set(headers, header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(headers, header::X_FRAME_OPTIONS, "DENY");
    set(headers, header::REFERRER_POLICY, "no-referrer");
    set(
        headers,
        HeaderName::from_static("cross-origin-resource-policy"),
        "same-origin",
    );
    response
}

/// Answers 421 to a request whose `Host` is not a loopback name or address: a dashboard
/// bound to loopback then cannot be read by a web page that points its own domain name at
/// 127.0.0.1 (DNS rebinding).
pub fn loopback_hosts_only(router: Router) -> Router {
    router.layer(axum::middleware::from_fn(check_host))
}

async fn check_host(
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let host = request
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("");
    if is_loopback_host(host) {
        next.run(request).await
    } else {
        use axum::response::IntoResponse;
        (
            axum::http::StatusCode::MISDIRECTED_REQUEST,
            "this dashboard answers only to localhost, 127.0.0.1 or [::1]",
        )
            .into_response()
    }
}

/// Whether a `Host` header names this machine by a loopback name or address.
fn is_loopback_host(host: &str) -> bool {
    let name = if let Some(bracketed) = host.strip_prefix('[') {
        // [::1] or [::1]:8080
        bracketed.split(']').next().unwrap_or("")
    } else {
        host.rsplit_once(':').map_or(host, |(name, _port)| name)
    };
    name.eq_ignore_ascii_case("localhost")
        || name
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// Where and what to serve.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The store.
    pub db: PathBuf,
    /// The address to bind (port 0: any free port).
    pub addr: SocketAddr,
}

/// Serves the dashboard until Ctrl-C (or SIGTERM), on a Tokio runtime of its own. Calls
/// `ready` with the bound address once it accepts connections (the command line prints the
/// URL there). Bound to a loopback address, it answers only requests that name a loopback
/// host ([`loopback_hosts_only`]).
pub fn run(options: &ServeOptions, ready: impl FnOnce(SocketAddr)) -> Result<(), Error> {
    let addr = options.addr;
    let mut app = router(&options.db)?;
    if addr.ip().is_loopback() {
        app = loopback_hosts_only(app);
    }
    let io = |source| Error::Io { addr, source };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(io)?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .map_err(|source| Error::Bind { addr, source })?;
        let bound = listener.local_addr().map_err(io)?;
        ready(bound);
        axum::serve(listener, app)
            .with_graceful_shutdown(shutdown())
            .await
            .map_err(|source| Error::Io {
                addr: bound,
                source,
            })
    })
}

/// Resolves on Ctrl-C or SIGTERM.
async fn shutdown() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {},
        () = terminate => {},
    }
}

#[cfg(test)]
mod tests {
    use super::is_loopback_host;

    #[test]
    fn loopback_hosts_are_told_from_others() {
        for host in [
            "localhost",
            "LOCALHOST:8080",
            "127.0.0.1",
            "127.0.0.1:8080",
            "127.1.2.3:1",
            "[::1]",
            "[::1]:8080",
        ] {
            assert!(is_loopback_host(host), "{host}");
        }
        for host in [
            "",
            "evil.example",
            "evil.example:8080",
            "localhost.evil.example",
            "10.0.0.1:8080",
            "[::2]:80",
            "0.0.0.0:8080",
        ] {
            assert!(!is_loopback_host(host), "{host}");
        }
    }
}
