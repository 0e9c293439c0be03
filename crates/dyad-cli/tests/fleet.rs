//! Scale-out under faults, against real servers on loopback: Debian's `nats-server`
//! (JetStream, file storage in a temporary folder) and PostgreSQL (`initdb` into a
//! temporary folder, `pg_ctl` on a free port). Each test publishes a corpus made up here,
//! runs `dyad worker` processes, injects a fault, and checks that every article is stored
//! exactly once with all its events.
//!
//! Without the servers these tests skip with a notice, except under `CI=true`, where they
//! fail (`scripts/test` installs the packages).
#![allow(clippy::print_stderr)]

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use dyad_store::Store;

/// How long a test waits for the workers to store everything.
const PATIENCE: Duration = Duration::from_secs(90);

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free loopback port")
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}

/// A program on PATH or in one of `dirs`.
fn find_program(name: &str, dirs: &[PathBuf]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .chain(dirs.iter().cloned())
        .map(|d| d.join(name))
        .find(|p| p.is_file())
}

/// PostgreSQL's binaries: on PATH, else the newest /usr/lib/postgresql/N/bin.
fn postgres_bin() -> Option<PathBuf> {
    let mut versions: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .map(|d| d.flatten().map(|e| e.path().join("bin")).collect())
        .unwrap_or_default();
    versions.sort();
    versions.reverse();
    find_program("pg_ctl", &versions).and_then(|p| p.parent().map(Path::to_path_buf))
}

/// Skips (returns `None`) with a notice, or fails under CI.
fn unavailable(what: &str) -> Option<Servers> {
    if dyad_testkit::in_ci() {
        panic!("{what}; CI=true requires the fleet tests to run (scripts/test installs nats-server and postgresql)");
    }
    eprintln!("SKIPPED: {what} (install nats-server and postgresql to run the fleet tests)");
    None
}

struct Nats {
    bin: PathBuf,
    port: u16,
    store: PathBuf,
    child: Option<Child>,
}

impl Nats {
    fn url(&self) -> String {
        format!("nats://127.0.0.1:{}", self.port)
    }

    fn start(&mut self) {
        let child = Command::new(&self.bin)
            .args([
                "-js",
                "-a",
                "127.0.0.1",
                "-p",
                &self.port.to_string(),
                "-sd",
            ])
            .arg(&self.store)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("nats-server starts");
        self.child = Some(child);
        wait_for_port(self.port, "nats-server");
    }

    fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            signal(child.id(), "TERM");
            let _ = child.wait();
        }
    }
}

impl Drop for Nats {
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

struct Postgres {
    bin: PathBuf,
    port: u16,
    data: PathBuf,
    as_postgres: bool,
}

impl Postgres {
    fn url(&self) -> String {
        format!("postgres://postgres@127.0.0.1:{}/postgres", self.port)
    }

    /// A command run as the `postgres` system user when we are root (initdb refuses root).
    fn command(&self, program: &str) -> Command {
        let program = self.bin.join(program);
        if self.as_postgres {
            let mut command = Command::new("runuser");
            command.args(["-u", "postgres", "--"]).arg(program);
            command
        } else {
            Command::new(program)
        }
    }

    fn init(&self) -> bool {
        self.command("initdb")
            .args(["-A", "trust", "-U", "postgres", "--no-sync", "-D"])
            .arg(&self.data)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    }

    fn start(&self) -> bool {
        let options = format!(
            "-p {} -h 127.0.0.1 -k {} -c fsync=off",
            self.port,
            self.data.display()
        );
        self.command("pg_ctl")
            .args(["-w", "-l"])
            .arg(self.data.join("log"))
            .arg("-D")
            .arg(&self.data)
            .args(["-o", &options, "start"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    }

    fn stop(&self) {
        let _ = self
            .command("pg_ctl")
            .args(["-w", "-m", "fast", "-D"])
            .arg(&self.data)
            .arg("stop")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
    }
}

impl Drop for Postgres {
    fn drop(&mut self) {
        self.stop();
    }
}

/// A NATS server and a PostgreSQL server of one test, in one temporary folder.
struct Servers {
    nats: Nats,
    postgres: Postgres,
    dir: tempfile::TempDir,
}

impl Servers {
    fn start() -> Option<Servers> {
        let Some(nats_bin) = find_program("nats-server", &[PathBuf::from("/usr/sbin")]) else {
            return unavailable("nats-server is not installed");
        };
        let Some(pg_bin) = postgres_bin() else {
            return unavailable("PostgreSQL (pg_ctl, initdb) is not installed");
        };
        let dir = tempfile::tempdir().unwrap();
        let as_postgres = is_root();
        let data = dir.path().join("pg");
        std::fs::create_dir(&data).unwrap();
        if as_postgres {
            let owned = Command::new("chown")
                .args(["-R", "postgres:postgres"])
                .arg(dir.path())
                .status()
                .is_ok_and(|s| s.success());
            if !owned {
                return unavailable("cannot give the postgres user a data folder");
            }
        }
        let postgres = Postgres {
            bin: pg_bin,
            port: free_port(),
            data,
            as_postgres,
        };
        if !postgres.init() {
            return unavailable("initdb failed");
        }
        if !postgres.start() {
            return unavailable("PostgreSQL did not start");
        }
        let mut nats = Nats {
            bin: nats_bin,
            port: free_port(),
            store: dir.path().join("nats"),
            child: None,
        };
        nats.start();
        Some(Servers {
            nats,
            postgres,
            dir,
        })
    }

    /// A worker process, `extra` arguments added.
    fn worker(&self, name: &str, extra: &[&str]) -> Child {
        Command::new(env!("CARGO_BIN_EXE_dyad"))
            .args(["--quiet", "worker", "--nats", &self.nats.url(), "--db"])
            .arg(self.postgres.url())
            .args(["--name", name, "--batch", "8", "--ack-wait", "2"])
            .args(extra)
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("dyad worker starts")
    }

    fn publish(&self, corpus: &Path) -> String {
        let output = Command::new(env!("CARGO_BIN_EXE_dyad"))
            .args(["publish", "--nats", &self.nats.url()])
            .arg(corpus)
            .output()
            .expect("dyad publish runs");
        let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
        assert!(output.status.success(), "publish failed: {stderr}");
        stderr
    }

    fn store(&self) -> dyad_store::PostgresStore {
        dyad_store::PostgresStore::connect(&self.postgres.url()).expect("the store opens")
    }

    /// Waits until the store holds `documents` documents; fails after [`PATIENCE`].
    fn wait_for_documents(&self, documents: u64) {
        let started = Instant::now();
        loop {
            let stored = self.stored_documents();
            if stored >= documents {
                return;
            }
            assert!(
                started.elapsed() < PATIENCE,
                "only {stored} of {documents} documents stored after {PATIENCE:?}"
            );
            std::thread::sleep(Duration::from_millis(200));
        }
    }

    fn stored_documents(&self) -> u64 {
        dyad_store::PostgresStore::connect(&self.postgres.url())
            .and_then(|s| s.stats())
            .map_or(0, |s| s.documents)
    }

    /// Checks exactly once: `expected` documents, each with as many events as the same
    /// corpus gets from `dyad ingest` into SQLite, no report stored twice, every report in
    /// a merged event.
    fn assert_exactly_once(&self, corpus: &Path, expected: u64) {
        let reference = self.dir.path().join(format!("reference-{expected}.db"));
        if !reference.exists() {
            let status = Command::new(env!("CARGO_BIN_EXE_dyad"))
                .args(["--quiet", "ingest"])
                .arg(corpus)
                .arg("--db")
                .arg(&reference)
                .status()
                .unwrap();
            assert!(status.success());
        }
        let sqlite = dyad_store::SqliteStore::open(&reference)
            .unwrap()
            .stats()
            .unwrap();
        let stats = self.store().stats().unwrap();
        assert_eq!(stats.documents, expected, "documents stored");
        assert_eq!(sqlite.documents, expected, "documents in the reference");
        assert_eq!(
            stats.events, sqlite.events,
            "event reports: none lost or repeated"
        );
        let mut client = postgres::Client::connect(&self.postgres.url(), postgres::NoTls).unwrap();
        let repeated: i64 = client
            .query_one(
                "SELECT count(*) FROM (SELECT content_hash, id FROM events
                                       GROUP BY 1, 2 HAVING count(*) > 1) r",
                &[],
            )
            .unwrap()
            .get(0);
        assert_eq!(repeated, 0, "reports stored twice");
        let unmerged: i64 = client
            .query_one("SELECT count(*) FROM events WHERE merged_id IS NULL", &[])
            .unwrap()
            .get(0);
        assert_eq!(unmerged, 0, "reports without a merged event");
        // Per document, the same events as the reference.
        let reference = dyad_store::SqliteStore::open(&reference).unwrap();
        let mut per_document: Vec<(String, i64)> = client
            .query(
                "SELECT d.id, count(e.seq) FROM documents d
                 LEFT JOIN events e ON e.content_hash = d.content_hash GROUP BY d.id ORDER BY d.id",
                &[],
            )
            .unwrap()
            .iter()
            .map(|r| (r.get(0), r.get(1)))
            .collect();
        per_document.sort();
        for (id, events) in &per_document {
            let expected = reference.document(id).unwrap().expect("in the reference");
            assert_eq!(*events as usize, expected.events.len(), "events of {id}");
        }
    }
}

fn wait_for_port(port: u16, what: &str) {
    let started = Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "{what} did not start"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn signal(pid: u32, name: &str) {
    let _ = Command::new("kill")
        .args([&format!("-{name}"), &pid.to_string()])
        .status();
}

/// Stops a worker with SIGTERM (it finishes its batch) and returns its JSON report.
fn stop_worker(mut worker: Child) -> serde_json::Value {
    signal(worker.id(), "TERM");
    let output = wait_with_timeout(&mut worker);
    serde_json::from_str(output.lines().last().unwrap_or("{}")).unwrap_or_default()
}

fn wait_with_timeout(worker: &mut Child) -> String {
    let started = Instant::now();
    loop {
        if let Some(status) = worker.try_wait().unwrap() {
            let mut out = String::new();
            if let Some(mut stdout) = worker.stdout.take() {
                use std::io::Read;
                let _ = stdout.read_to_string(&mut out);
            }
            assert!(
                status.success() || status.code() == Some(130),
                "worker ended with {status}"
            );
            return out;
        }
        if started.elapsed() > PATIENCE {
            let _ = worker.kill();
            panic!("worker did not stop");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// `n` invented articles from `first`, each with events between countries and text of its
/// own, as JSON lines.
fn corpus(dir: &Path, name: &str, first: usize, n: usize) -> PathBuf {
    const COUNTRIES: &[&str] = &[
        "Peru",
        "Chile",
        "Brazil",
        "Argentina",
        "Colombia",
        "Venezuela",
        "Mexico",
        "Canada",
        "France",
        "Germany",
        "Japan",
        "India",
    ];
    const DEEDS: &[&str] = &[
        "accused {b} of violating the border agreement",
        "signed a trade agreement with {b}",
        "expelled the ambassador of {b}",
        "praised {b} for its help after the floods",
        "threatened {b} with sanctions",
        "met officials from {b} in the capital",
    ];
    let mut lines = String::new();
    for i in first..first + n {
        let a = COUNTRIES[i % COUNTRIES.len()];
        let b = COUNTRIES[(i * 7 + 3) % COUNTRIES.len()];
        let b = if a == b { "Egypt" } else { b };
        let deed = DEEDS[i % DEEDS.len()].replace("{b}", b);
        let text = format!(
            "{a} {deed} on Monday, officials said in report number {i}. \
             The talks about case {i} continued late into the night. \
             {b} rejected the statement of {a} on Tuesday."
        );
        let record = serde_json::json!({
            "id": format!("article-{i}"),
            "published": "2025-11-03",
            "text": text,
        });
        lines.push_str(&record.to_string());
        lines.push('\n');
    }
    let path = dir.join(name);
    std::fs::write(&path, lines).unwrap();
    path
}

#[test]
fn a_worker_killed_mid_batch_loses_nothing_and_duplicates_nothing() {
    let Some(servers) = Servers::start() else {
        return;
    };
    // Enough articles that the first worker is still busy when it is killed: it codes a
    // batch while it stores the one before, and a fast machine codes these quickly.
    let input = corpus(servers.dir.path(), "corpus.jsonl", 0, 480);
    servers.publish(&input);
    let mut first = servers.worker("first", &[]);
    servers.wait_for_documents(8);
    // Killed outright while it holds its next batch.
    first.kill().unwrap();
    let _ = first.wait();
    let left = 480 - servers.stored_documents();
    assert!(
        left > 0,
        "the first worker was killed after storing everything"
    );
    let second = servers.worker("second", &[]);
    servers.wait_for_documents(480);
    let report = stop_worker(second);
    assert!(report["articles"].as_u64().unwrap_or(0) > 0, "{report}");
    servers.assert_exactly_once(&input, 480);
}

#[test]
fn workers_wait_out_a_postgres_restart() {
    let Some(servers) = Servers::start() else {
        return;
    };
    let input = corpus(servers.dir.path(), "corpus.jsonl", 0, 96);
    // Half before the restart, half while PostgreSQL is down: the worker has articles to
    // store while it is away, however fast it stored the first half.
    let first = corpus(servers.dir.path(), "first.jsonl", 0, 48);
    let second = corpus(servers.dir.path(), "second.jsonl", 48, 48);
    servers.publish(&first);
    let worker = servers.worker("patient", &[]);
    servers.wait_for_documents(8);
    servers.postgres.stop();
    servers.publish(&second);
    std::thread::sleep(Duration::from_secs(3));
    assert!(servers.postgres.start(), "PostgreSQL restarts");
    servers.wait_for_documents(96);
    let report = stop_worker(worker);
    assert!(report["retries"].as_u64().unwrap_or(0) > 0, "{report}");
    servers.assert_exactly_once(&input, 96);
}

#[test]
fn publishing_and_consuming_resume_after_a_nats_restart() {
    let Some(mut servers) = Servers::start() else {
        return;
    };
    let first_half = corpus(servers.dir.path(), "first.jsonl", 0, 48);
    let second_half = corpus(servers.dir.path(), "second.jsonl", 48, 48);
    servers.publish(&first_half);
    let worker = servers.worker("steady", &[]);
    servers.wait_for_documents(8);
    servers.nats.stop();
    std::thread::sleep(Duration::from_secs(1));
    servers.nats.start();
    servers.publish(&second_half);
    servers.wait_for_documents(96);
    stop_worker(worker);
    let both = servers.dir.path().join("both.jsonl");
    let mut text = std::fs::read_to_string(&first_half).unwrap();
    text.push_str(&std::fs::read_to_string(&second_half).unwrap());
    std::fs::write(&both, text).unwrap();
    servers.assert_exactly_once(&both, 96);
}

#[test]
fn publishing_a_corpus_twice_adds_no_event() {
    let Some(mut servers) = Servers::start() else {
        return;
    };
    let input = corpus(servers.dir.path(), "corpus.jsonl", 0, 48);
    let said = servers.publish(&input);
    assert!(said.contains("48 published"), "{said}");
    let worker = servers.worker("once", &["--until-idle"]);
    let mut worker = worker;
    wait_with_timeout(&mut worker);
    servers.assert_exactly_once(&input, 48);
    let before = servers.store().stats().unwrap();

    // Within the duplicate window, JetStream drops the copies.
    let said = servers.publish(&input);
    assert!(said.contains("0 published, 48 already there"), "{said}");
    // Beyond it (here: a server that forgot every message id), the store drops them.
    servers.nats.stop();
    std::fs::remove_dir_all(&servers.nats.store).unwrap();
    servers.nats.start();
    let said = servers.publish(&input);
    assert!(said.contains("48 published"), "{said}");
    let mut worker = servers.worker("again", &["--until-idle"]);
    let output = wait_with_timeout(&mut worker);
    let report: serde_json::Value =
        serde_json::from_str(output.lines().last().unwrap_or("{}")).unwrap();
    assert_eq!(report["documents_skipped"], 48, "{report}");
    assert_eq!(report["documents_added"], 0, "{report}");
    let after = servers.store().stats().unwrap();
    assert_eq!(before, after);
}

/// The output of a read command on `db`, as JSON values without the storing time (which
/// differs between two stores written at different moments).
fn read_json(db: &str, args: &[&str]) -> Vec<serde_json::Value> {
    let output = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(args)
        .args(["--db", db])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{args:?} on {db}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|line| {
            let mut value: serde_json::Value = serde_json::from_str(line).unwrap();
            strip_times(&mut value);
            value
        })
        .collect()
}

fn strip_times(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Object(map) => {
            map.remove("analysed_at");
            map.values_mut().for_each(strip_times);
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(strip_times),
        _ => {}
    }
}

#[test]
fn postgres_answers_every_read_command_as_sqlite_does() {
    let Some(servers) = Servers::start() else {
        return;
    };
    // The example articles, invented ones that merge with each other, and a wire copy.
    let dir = servers.dir.path();
    let invented = corpus(dir, "invented.jsonl", 0, 36);
    let story = "Peru accused Chile of violating the border agreement on Monday, the foreign \
                 ministry said in Lima. Officials said that troops had crossed the line near \
                 the coast twice during the weekend and that fishing boats had been stopped. \
                 Chile rejected the accusation on Tuesday and said its patrols had stayed on \
                 its own side of the border. Both governments agreed to meet next month in \
                 Santiago to discuss the incidents and the fishing rights of the region.";
    let original = serde_json::json!({
        "id": "wire-original", "published": "2025-11-10", "outlet": "Example Wire", "text": story,
    });
    let copy = serde_json::json!({
        "id": "wire-copy", "published": "2025-11-10", "outlet": "Wire",
        "text": format!("UPDATE: {story} This story has been updated."),
    });
    std::fs::write(dir.join("copy.jsonl"), format!("{original}\n{copy}\n")).unwrap();
    let examples = dyad_testkit::repo_root().join("examples");
    let sqlite = dir.join("reference.db");
    let sqlite = sqlite.to_str().unwrap();
    let pg = servers.postgres.url();
    for db in [sqlite, pg.as_str()] {
        let status = Command::new(env!("CARGO_BIN_EXE_dyad"))
            .args(["--quiet", "ingest"])
            .arg(&examples)
            .arg(&invented)
            .arg(dir.join("copy.jsonl"))
            .args(["--db", db, "--threads", "1"])
            .status()
            .unwrap();
        assert!(status.success(), "ingest into {db}");
    }
    let a = dyad_store::SqliteStore::open(Path::new(sqlite)).unwrap();
    let b = servers.store();
    let stats = a.stats().unwrap();
    assert_eq!(stats, b.stats().unwrap());
    assert_eq!(stats.near_duplicate_documents, 1, "{stats:?}");
    assert!(stats.merged_events < stats.events, "{stats:?}");

    let queries: &[&[&str]] = &[
        &[],
        &["--mentions"],
        &["--actor", "USA"],
        &["--actor", "peru"],
        &["--source", "VEN", "--target", "USA"],
        &["--dyad", "USA,VEN"],
        &["--dyad", "Peru,Chile"],
        &["--code", "1"],
        &["--root", "4"],
        &["--quad-class", "4"],
        &["--mode", "asserted"],
        &["--from", "2025-11-25", "--to", "2025-11-30"],
        &["--text", "airspace"],
        &["--text", "\"border agreement\" per*"],
        &["--text", "!!"],
        &["--outlet", "wire"],
        &["--sort", "recent", "--limit", "7"],
        &["--sort", "reports"],
        &["--sort", "conflict", "--mentions", "--limit", "5"],
    ];
    for query in queries {
        let mut args = vec!["query", "--format", "json"];
        args.extend_from_slice(query);
        let expected = read_json(sqlite, &args);
        assert_eq!(read_json(&pg, &args), expected, "dyad {args:?}");
        assert!(
            !expected.is_empty() || query.contains(&"!!"),
            "{args:?} finds nothing"
        );
    }
    for trend in [
        &["trend", "USA", "VEN", "--json", "--both"][..],
        &["trend", "Peru", "Chile", "--json", "--by", "day"],
    ] {
        assert_eq!(
            read_json(&pg, trend),
            read_json(sqlite, trend),
            "dyad {trend:?}"
        );
    }
    let events = read_json(sqlite, &["query", "--format", "json", "--sort", "reports"]);
    let id = events[0]["event_id"].as_str().unwrap();
    let show = ["show", id, "--format", "json"];
    assert_eq!(read_json(&pg, &show), read_json(sqlite, &show));

    // The dashboard's summaries, through the trait.
    let all = dyad_store::EventQuery::all();
    for level in [
        dyad_store::ActorLevel::Country,
        dyad_store::ActorLevel::Code,
    ] {
        assert_eq!(
            a.actor_network(&all, level, 50).unwrap(),
            b.actor_network(&all, level, 50).unwrap()
        );
    }
    assert_eq!(a.actors(20).unwrap(), b.actors(20).unwrap());
    for words in [None, Some("venezuela"), Some("Report Number 3")] {
        let (x, y) = (
            a.documents(words, 10, 2).unwrap(),
            b.documents(words, 10, 2).unwrap(),
        );
        assert_eq!(x, y, "{words:?}");
    }
    let map = a.event_map(&all, 100).unwrap();
    assert!(map.events > 0 && !map.places.is_empty(), "{map:?}");
    assert_eq!(map, b.event_map(&all, 100).unwrap());
    let document = b.document("wire-copy").unwrap().expect("stored");
    assert_eq!(Some(document), a.document("wire-copy").unwrap());
}

#[test]
fn a_message_that_is_no_article_goes_to_the_dead_letters_with_its_error() {
    let Some(servers) = Servers::start() else {
        return;
    };
    let input = corpus(servers.dir.path(), "corpus.jsonl", 0, 8);
    servers.publish(&input);
    let url = servers.nats.url();
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
        .block_on(async {
            let client = async_nats::connect(&url).await.unwrap();
            let js = async_nats::jetstream::new(client);
            js.publish("dyad.articles", "{not an article".into())
                .await
                .unwrap()
                .await
                .unwrap();
        });
    let mut worker = servers.worker("careful", &["--until-idle"]);
    let output = wait_with_timeout(&mut worker);
    let report: serde_json::Value =
        serde_json::from_str(output.lines().last().unwrap_or("{}")).unwrap();
    assert_eq!(report["dead_letters"], 1, "{report}");
    assert_eq!(report["documents_added"], 8, "{report}");
    let status = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args([
            "status",
            "--json",
            "--nats",
            &url,
            "--db",
            &servers.postgres.url(),
        ])
        .output()
        .unwrap();
    assert!(status.status.success());
    let status: serde_json::Value = serde_json::from_slice(&status.stdout).unwrap();
    assert_eq!(status["dead_letters"], 1, "{status}");
    assert_eq!(status["backlog"], 0, "{status}");
    assert_eq!(status["in_flight"], 0, "{status}");
    assert_eq!(status["stored_documents"], 8, "{status}");
    assert_eq!(status["workers"][0]["name"], "careful", "{status}");
    assert_eq!(status["workers"][0]["state"], "stopped", "{status}");
}

/// A PostgreSQL store of schema version 2 (written here by that version's migrations)
/// upgrades: its band rows lose their foreign key, and deleting a document still deletes
/// its bands (now by a trigger), and no other document's.
#[test]
fn a_version_2_postgres_store_upgrades_and_deleting_documents_deletes_their_bands() {
    let Some(servers) = Servers::start() else {
        return;
    };
    let url = servers.postgres.url();
    let migrations = dyad_testkit::repo_root().join("crates/dyad-store/migrations/postgres");
    let mut client = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    for migration in ["0001_initial.sql", "0002_merged_events.sql"] {
        let sql = std::fs::read_to_string(migrations.join(migration)).unwrap();
        client.batch_execute(&sql).unwrap();
    }
    client
        .batch_execute(
            "CREATE TABLE dyad_schema (application TEXT NOT NULL DEFAULT 'dyad',
                                       version BIGINT NOT NULL);
             INSERT INTO dyad_schema (version) VALUES (2);
             INSERT INTO documents (content_hash, id, text, record_json, analysed_at)
             VALUES ('ha', 'a', 'text a', '{}', '2025-01-01T00:00:00Z'),
                    ('hb', 'b', 'text b', '{}', '2025-01-01T00:00:00Z');
             INSERT INTO minhash_bands (band, content_hash)
             VALUES (1, 'ha'), (2, 'ha'), (1, 'hb'), (3, 'hb');",
        )
        .unwrap();
    let foreign_keys = |client: &mut postgres::Client| -> i64 {
        client
            .query_one(
                "SELECT count(*) FROM pg_constraint
                 WHERE conrelid = 'minhash_bands'::regclass AND contype = 'f'",
                &[],
            )
            .unwrap()
            .get(0)
    };
    assert_eq!(foreign_keys(&mut client), 1);

    let store = servers.store();
    assert_eq!(store.schema_version().unwrap(), dyad_store::SCHEMA_VERSION);
    assert_eq!(store.stats().unwrap().documents, 2);
    drop(store);
    assert_eq!(foreign_keys(&mut client), 0);
    client
        .execute("DELETE FROM documents WHERE id = 'a'", &[])
        .unwrap();
    let left: Vec<(i64, String)> = client
        .query(
            "SELECT band, content_hash FROM minhash_bands ORDER BY band",
            &[],
        )
        .unwrap()
        .iter()
        .map(|row| (row.get(0), row.get(1)))
        .collect();
    assert_eq!(left, [(1, "hb".to_string()), (3, "hb".to_string())]);
}
