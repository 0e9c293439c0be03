//! `dyad serve`: starts on a free loopback port over a store of the example articles,
//! answers the page and the API there, and refuses a missing database with a clear error.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};

/// A running `dyad serve`, killed when dropped.
struct Server {
    child: Child,
    addr: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn serve(db: &Path) -> Server {
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("dyad"))
        .args(["serve", "--addr", "127.0.0.1:0", "--db"])
        .arg(db)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    // "dyad: dashboard of DB at http://127.0.0.1:PORT/ (Ctrl-C stops)"
    let addr = line
        .split("http://")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .to_string();
    Server { child, addr }
}

/// A plain HTTP/1.1 GET: the status line, the headers (lowercase names) and the body.
fn get(addr: &str, path: &str) -> (String, String, String) {
    let mut stream = TcpStream::connect(addr).unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    let (head, body) = answer.split_once("\r\n\r\n").unwrap();
    let (status, headers) = head.split_once("\r\n").unwrap();
    (status.to_string(), headers.to_lowercase(), body.to_string())
}

#[test]
fn serves_the_page_and_api_on_loopback() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("examples.db");
    common::ingest(&dyad_testkit::repo_root().join("examples"), &db);
    let stored = common::count(&db, "SELECT count(*) FROM documents");
    let server = serve(&db);
    assert!(server.addr.starts_with("127.0.0.1:"), "{}", server.addr);

    let (status, headers, body) = get(&server.addr, "/");
    assert_eq!(status, "HTTP/1.1 200 OK");
    assert!(headers.contains("content-security-policy: default-src 'none'"));
    assert!(body.contains("<script src=\"/app.js\" defer></script>"));

    let (status, _, body) = get(&server.addr, "/api/stats");
    assert_eq!(status, "HTTP/1.1 200 OK");
    let stats: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(stats["documents"], stored);

    let (status, _, body) = get(&server.addr, "/api/trend?a=USA&b=VEN&by=day");
    assert_eq!(status, "HTTP/1.1 200 OK", "{body}");
    let trend: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert!(trend["events"].as_u64().unwrap() > 0, "{trend}");
}

#[test]
fn refuses_a_missing_database() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.db");
    common::dyad()
        .args(["serve", "--addr", "127.0.0.1:0", "--db"])
        .arg(&missing)
        .assert()
        .failure()
        .stderr(predicates::str::contains("no database at"));
    assert!(!missing.exists(), "serve creates no database");
}
