//! Command-line arguments (clap derive): one variant per command.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// dyad turns news articles into political event data: who did what to whom, when, where,
/// and according to whom, coded in CAMEO and PLOVER.
///
/// Start with `dyad code examples/` to see the events of the example articles, or
/// `dyad ingest examples/ && dyad query --actor USA` to store and search them.
#[derive(Debug, Parser)]
#[command(name = "dyad", version, about, long_about, propagate_version = true)]
pub struct Cli {
    /// More log output (-v info, -vv debug); DYAD_LOG=filter overrides.
    #[arg(short, long, action = clap::ArgAction::Count, global = true)]
    pub verbose: u8,
    /// Only errors on stderr; no progress bar.
    #[arg(short, long, global = true)]
    pub quiet: bool,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Analyse articles and print their records, without storing them.
    ///
    /// PATH is a file (.txt, .html, .htm, .jsonl), a directory (read recursively) or `-` for
    /// standard input. Each article becomes one record: its cleaned text, sentences,
    /// entities, time expressions, quotes and coded events (see CONTRACT.md), the article's
    /// tone (GDELT's AvgTone convention) and each event's tone and PLOVER contexts
    /// (docs/tone.md).
    Code(CodeArgs),
    /// Analyse articles and store them in the event database (idempotent, resumable).
    ///
    /// An article whose text is already stored is skipped, so re-running after a crash or
    /// Ctrl-C resumes where it stopped; each batch is one transaction.
    Ingest(IngestArgs),
    /// Print events from the database, filtered.
    Query(QueryArgs),
    /// Export the database's events (jsonl, csv, GDELT events or mentions table).
    Export(ExportArgs),
    /// Show one merged event: every report of it (article, outlet, evidence) and why each
    /// was merged with the first.
    ///
    /// EVENT_ID is the `event_id` that `dyad query --format json` prints.
    Show(ShowArgs),
    /// Events between two actors over time: per period, the count of events per quad class,
    /// the Goldstein sum and mean, and escalation flags.
    ///
    /// Counts merged events (each event once, however many articles report it) that
    /// happened (modes asserted, reported, alleged). A period is flagged as an escalation
    /// when its conflict score (the sum of -Goldstein over its conflictual events) exceeds
    /// the mean of the previous 4 periods by more than twice their standard deviation and
    /// by at least 5 points.
    Trend(TrendArgs),
    /// Measure accuracy against gold data. The last line with --json is one JSON object.
    ///
    /// Suites: segment (UD .conllu: token and sentence F1 on rebuilt raw text), ud (UD
    /// .conllu with gold tokens: UPOS, XPOS, lemma, UAS, LAS), ner (CoNLL-2003 or UNER
    /// .iob2: entity P/R/F1 per type), timex (folder of TimeML .tml: TempEval-3 metrics),
    /// attribution (GUM attribution folder: relations P/R/F1, quote speakers), factuality
    /// (UDS It Happened folder: modes vs happened/not, against the majority class), plover
    /// (PLOVER gold records: event-type accuracy, actor agreement), extract (web pages with
    /// gold text: ../shared/data/html/scrapinghub or trafilatura_eval), petrarch (PETRARCH
    /// records, e.g. ../shared/data/petrarch_unittest/PETR.UnitTest.records.shared.xml,
    /// with --dictionaries DIR: triple P/R/F1 per category), geo (geoparsing gold
    /// ../shared/data/geoparse: toponym F1, accuracy within 161 km, mean and median km).
    Eval(EvalArgs),
    /// Retrain a model from ../shared/data (tagger, parser or ner) into the crate's models/,
    /// or rebuild the gazetteer (crates/dyad-geo/data/gazetteer.tsv.gz from ../shared/data/geo).
    ///
    /// Rebuild the binary afterwards (`cargo build --release`) to embed the new model.
    Train(TrainArgs),
    /// Print the time expressions of articles (TIMEX3), or write them as TimeML.
    Timex(TimexArgs),
    /// Print the place names of articles, each resolved to a place of the gazetteer.
    ///
    /// Finds the names the NER types as places (GPE, LOC, FAC) and country demonyms
    /// ("Venezuelan"), and resolves each to a GeoNames place, US state, country or region
    /// using its population, the article's other places, and a state or country right after
    /// a comma ("Paris, Texas"). A name not in the gazetteer keeps its text with no
    /// coordinates; an ambiguous name with no context gets its most likely place and a low
    /// confidence.
    ///
    /// --format jsonl writes, per article, {"id", "toponyms": [{"start", "end", "text",
    /// "lat", "lon", "country_code", "geonameid"}]} with UTF-8 byte offsets: the input of
    /// `python3 ../shared/tools/geo_score.py PRED --byte-offsets`. Example:
    /// `dyad geo article.txt` or `dyad geo news.jsonl --format jsonl > places.jsonl`.
    Geo(GeoArgs),
    /// Open the web dashboard over the database: dyad escalation chart, timeline, actor
    /// network, map of events by country and place, event table with evidence, and each
    /// article with its analysis marked.
    ///
    /// The page and its scripts are served from the binary (nothing is fetched from
    /// elsewhere); the database is opened read-only and the JSON API under /api only reads.
    /// Binds to loopback by default: only this machine can connect. Stop with Ctrl-C.
    ///
    /// Example: `dyad ingest examples/ --db examples.db && dyad serve --db examples.db`,
    /// then open http://127.0.0.1:8080/ in a browser.
    Serve(ServeArgs),
    /// Read articles and print what the readers keep of each, without analysing them.
    ///
    /// Accepts every input `dyad code` reads: web pages (.html, .htm, also gzipped as
    /// .html.gz), RSS 2.0 and Atom feeds (.rss, .atom, .xml), web archives (.warc,
    /// .warc.gz, e.g. Common Crawl's CC-NEWS), .txt and .jsonl files, directories and `-`.
    /// Each article becomes one JSON line: {"id", "path", "url", "title", "published",
    /// "outlet", "language", "text"}. Pages in other languages than English are printed too
    /// (with their language); `dyad code` and `dyad ingest` skip them with a notice.
    ///
    /// Example: `dyad extract saved-pages/ > articles.jsonl`.
    Extract(ExtractArgs),
    /// Publish articles to NATS JetStream for `dyad worker`s to code (scale-out).
    ///
    /// Reads every input `dyad ingest` reads and publishes each article to the stream
    /// DYAD_ARTICLES (created with file storage when missing) with its content hash as
    /// message id: publishing the same corpus again adds nothing. Retries while the server
    /// restarts. See docs/scale-out.md.
    ///
    /// Example: `dyad publish news/ --nats nats://queue.internal:4222`.
    Publish(PublishArgs),
    /// Code articles from NATS JetStream into a shared database, as one of any number of
    /// workers (scale-out).
    ///
    /// Pulls batches from the durable consumer `dyad-workers` that all workers share (each
    /// article goes to one worker), codes them, stores each batch in one transaction and
    /// acknowledges the articles only after the commit. Start more workers, on this machine
    /// or others, to go faster. An article that keeps failing goes to the dead-letter
    /// subject dyad.dead with its error. SIGTERM or Ctrl-C finishes the batch under way,
    /// then stops. See docs/scale-out.md.
    ///
    /// Example: `dyad worker --nats nats://queue.internal:4222 --db postgres://dyad@db/events`.
    Worker(WorkerArgs),
    /// The state of the workers: backlog, articles in flight, dead letters, throughput per
    /// worker, and what the database holds.
    ///
    /// Example: `dyad status --nats nats://queue.internal:4222 --db postgres://dyad@db/events`.
    Status(StatusArgs),
}

/// The NATS server option shared by the scale-out commands.
#[derive(Debug, Args)]
pub struct NatsArgs {
    /// The NATS server (with JetStream enabled), e.g. nats://127.0.0.1:4222.
    #[arg(
        long,
        value_name = "URL",
        default_value = "nats://127.0.0.1:4222",
        env = "DYAD_NATS"
    )]
    pub nats: String,
}

#[derive(Debug, Args)]
pub struct PublishArgs {
    /// Files, directories (recursive) or `-` for standard input.
    #[arg(value_name = "PATH", required = true)]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub nats: NatsArgs,
    /// Publication date (YYYY-MM-DD) for inputs that carry none.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub date: Option<String>,
    /// Largest article accepted, in megabytes (NATS refuses messages over its max_payload,
    /// 1 MB by default).
    #[arg(long, value_name = "MB", default_value_t = 1)]
    pub max_article_mb: usize,
}

#[derive(Debug, Args)]
pub struct WorkerArgs {
    #[command(flatten)]
    pub nats: NatsArgs,
    /// The event database all workers share: postgres://user:password@host:port/name (an
    /// SQLite file works too, for trying things out on one machine).
    #[arg(long, value_name = "URL", env = "DYAD_DB")]
    pub db: String,
    /// This worker's name in `dyad status` (default: host name and process id).
    #[arg(long)]
    pub name: Option<String>,
    /// Articles per batch, stored in one transaction.
    #[arg(long, default_value_t = 64)]
    pub batch: usize,
    /// Analysis threads of this worker (run one worker per core, or give it several).
    #[arg(long, short = 'j', default_value_t = 1)]
    pub threads: usize,
    /// Deliveries after which an article that still fails goes to the dead letters.
    #[arg(long, default_value_t = 5)]
    pub max_deliveries: i64,
    /// Seconds a delivered article may stay unacknowledged before it is given to another
    /// worker (set when the first worker creates the consumer; busy workers extend it).
    #[arg(long, value_name = "SECONDS", default_value_t = 60)]
    pub ack_wait: u64,
    /// Stop once no article is left for any worker (batch jobs, measurements).
    #[arg(long)]
    pub until_idle: bool,
    /// A folder with your own lexicon and dictionary files (as for `dyad ingest`).
    #[arg(long, value_name = "DIR")]
    pub lexicon: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct StatusArgs {
    #[command(flatten)]
    pub nats: NatsArgs,
    /// The event database, to show what it holds (optional).
    #[arg(long, value_name = "URL", env = "DYAD_DB")]
    pub db: Option<String>,
    /// One JSON object instead of a table.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The event database to show (SQLite file written by `dyad ingest`, or a
    /// postgres://… URL; never modified).
    #[arg(
        long,
        value_name = "FILE|URL",
        default_value = "dyad.db",
        env = "DYAD_DB"
    )]
    pub db: PathBuf,
    /// The address to listen on. The default is reachable from this machine only; an
    /// address such as 0.0.0.0:8080 lets anyone who can reach this machine read the
    /// database. Port 0 picks a free port (printed at start).
    #[arg(long, value_name = "IP:PORT", default_value = "127.0.0.1:8080")]
    pub addr: std::net::SocketAddr,
}

/// Output format of `dyad extract`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExtractFormat {
    /// One JSON object per article, one a line.
    Jsonl,
}

#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Files, directories (recursive) or `-` for standard input.
    #[arg(value_name = "PATH", required = true)]
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = ExtractFormat::Jsonl)]
    pub format: ExtractFormat,
    /// Largest article accepted, in megabytes.
    #[arg(long, value_name = "MB", default_value_t = 10)]
    pub max_article_mb: usize,
}

/// Models `dyad train` can rebuild.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Model {
    /// Part-of-speech tagger and lemmatiser (UD EWT + GUM train).
    Tagger,
    /// Dependency parser (UD EWT + GUM train, jackknifed tags).
    Parser,
    /// Named-entity recogniser (CoNLL-2003, GUM, UNER).
    Ner,
    /// Gazetteer of countries, US states, regions and places (GeoNames extracts in geo/).
    Gazetteer,
    /// Fallback tier of the event lexicon (dyad-coder/lexicons/petrarch2/verbs_cameo2.tsv, opt-in: `--lexicon crates/dyad-coder/lexicons/petrarch2`) from
    /// PETRARCH-2's CAMEO.2.0.txt verb dictionary (petrarch2_dictionaries/).
    Lexicon,
    /// Generated people and organisations tiers of the actor dictionaries
    /// (dyad-actors/data/generated/people_phoenix.tsv and organisations_phoenix.tsv beside it)
    /// from the Phoenix actor dictionaries (petrarch2_dictionaries/Phoenix.*.actors.txt).
    Actors,
}

/// Output format of `dyad geo`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GeoFormat {
    /// One place name a line, aligned, for people.
    Table,
    /// One JSON object per article: {"id", "toponyms": [...]}, byte offsets.
    Jsonl,
}

#[derive(Debug, Args)]
pub struct GeoArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = GeoFormat::Table)]
    pub format: GeoFormat,
}

#[derive(Debug, Args)]
pub struct TrainArgs {
    /// Which model to train.
    #[arg(value_enum)]
    pub model: Model,
    /// The shared data folder.
    #[arg(long, value_name = "DIR", default_value = "../shared/data")]
    pub data: PathBuf,
    /// Where to write the model (default: the crate's models/ folder).
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct TimexArgs {
    /// Files or directories (recursive) of articles.
    #[arg(value_name = "PATH", required = true)]
    pub paths: Vec<PathBuf>,
    /// Document creation time (YYYY-MM-DD) to resolve relative expressions against; default:
    /// each article's publication date.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub dct: Option<String>,
    /// Write TimeML instead of a table.
    #[arg(long)]
    pub timeml: bool,
}

/// Output format of records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RecordFormat {
    /// One event a line, aligned, for people.
    Table,
    /// One JSON record per article, one per line.
    Json,
    /// Same as json: one JSON record per line.
    Jsonl,
    /// One event a row, with a header.
    Csv,
    /// Tokens with part of speech, lemma and dependency parse, one a line (CoNLL-U style).
    Conllu,
    /// The 61 tab-separated columns of the GDELT 2.0 event table, one event a line
    /// (AvgTone: the article's tone).
    Gdelt,
}

#[derive(Debug, Args)]
pub struct InputArgs {
    /// Files, directories (recursive) or `-` for standard input.
    #[arg(value_name = "PATH", required = true)]
    pub paths: Vec<PathBuf>,
    /// Publication date (YYYY-MM-DD) for inputs that carry none; relative dates resolve
    /// against it.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub date: Option<String>,
    /// A folder with your own lexicon and dictionary files (verbs.tsv, metonyms.tsv,
    /// people.tsv, roles.tsv, country_names.tsv, first_names.tsv, critical_words.txt)
    /// extending the built-in ones.
    #[arg(long, value_name = "DIR")]
    pub lexicon: Option<PathBuf>,
    /// Largest article accepted, in megabytes.
    #[arg(long, value_name = "MB", default_value_t = 10)]
    pub max_article_mb: usize,
}

#[derive(Debug, Args)]
pub struct CodeArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = RecordFormat::Table)]
    pub format: RecordFormat,
}

#[derive(Debug, Args)]
pub struct DbArgs {
    /// The event database: an SQLite file (created if missing), or a PostgreSQL database
    /// as postgres://user:password@host:port/name (its tables created if missing).
    #[arg(
        long,
        value_name = "FILE|URL",
        default_value = "dyad.db",
        env = "DYAD_DB"
    )]
    pub db: PathBuf,
    /// How long to wait for another process's lock on the database, in milliseconds.
    #[arg(
        long,
        value_name = "MS",
        default_value_t = 5000,
        env = "DYAD_BUSY_TIMEOUT_MS"
    )]
    pub busy_timeout_ms: u64,
    /// Refuse to grow the database beyond this many megabytes (a quota, as if the disk were
    /// full there): the batch that would is not stored and the ingest stops cleanly.
    #[arg(long, value_name = "MB", env = "DYAD_MAX_DB_MB")]
    pub max_db_mb: Option<f64>,
}

impl DbArgs {
    /// Whether the database is a PostgreSQL URL.
    pub fn is_postgres(&self) -> bool {
        dyad_store::is_postgres_url(&self.db.to_string_lossy())
    }

    /// The database as messages show it (a URL without its password).
    pub fn shown(&self) -> String {
        dyad_store::redact_url(&self.db.to_string_lossy())
    }

    /// Opens the store; `create` allows creating a missing database.
    pub fn open(&self, create: bool) -> anyhow::Result<Box<dyn dyad_store::Store + Send>> {
        if self.is_postgres() {
            return Ok(dyad_store::open(
                &self.db.to_string_lossy(),
                &dyad_store::SqliteOptions::default(),
            )?);
        }
        if !create && !self.db.exists() {
            anyhow::bail!(
                "no database at {} (create one with `dyad ingest PATH --db {}`)",
                self.db.display(),
                self.db.display()
            );
        }
        let options = dyad_store::SqliteOptions {
            busy_timeout: std::time::Duration::from_millis(self.busy_timeout_ms),
            max_size_bytes: self
                .max_db_mb
                .map(|mb| (mb.max(0.0) * f64::from(1u32 << 20)) as u64),
            ..dyad_store::SqliteOptions::default()
        };
        Ok(Box::new(dyad_store::SqliteStore::open_with(
            &self.db, &options,
        )?))
    }
}

#[derive(Debug, Args)]
pub struct IngestArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub db: DbArgs,
    /// Articles per transaction.
    #[arg(long, default_value_t = 64)]
    pub batch: usize,
    /// Analysis threads (default: one per core).
    #[arg(long, short = 'j')]
    pub threads: Option<usize>,
}

/// Output format of stored events.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EventFormat {
    /// Aligned columns for people.
    Table,
    /// One JSON object per event, one per line.
    Json,
    /// Same as json.
    Jsonl,
    /// One event a row, with a header.
    Csv,
    /// The 61 tab-separated columns of the GDELT 2.0 event table (no header), as GDELT
    /// tooling reads them; SQLDATE is the event's resolved date, one row per merged event
    /// with its NumMentions, NumSources and NumArticles, and AvgTone the mean tone of the
    /// articles reporting it.
    Gdelt,
    /// The 16 tab-separated columns of the GDELT 2.0 mentions table (no header): one row
    /// per report of an event, keyed by the event's GLOBALEVENTID; MentionDocTone is the
    /// tone of the report's article.
    GdeltMentions,
}

#[derive(Debug, Args, Default)]
pub struct FilterArgs {
    /// Events with this actor as source or target (code prefix such as USA or VENGOV,
    /// country code, or name).
    #[arg(long)]
    pub actor: Option<String>,
    /// Events whose source matches.
    #[arg(long)]
    pub source: Option<String>,
    /// Events whose target matches.
    #[arg(long)]
    pub target: Option<String>,
    /// Events between two actors, in either direction: `--dyad USA,VEN`.
    #[arg(long, value_name = "A,B", value_parser = parse_dyad)]
    pub dyad: Option<(String, String)>,
    /// CAMEO code prefix (`19` matches 190–196 and their subcodes).
    #[arg(long)]
    pub code: Option<String>,
    /// CAMEO root code (two digits).
    #[arg(long)]
    pub root: Option<String>,
    /// Quad class 1–4 (verbal/material cooperation, verbal/material conflict).
    #[arg(long, value_parser = clap::value_parser!(u8).range(1..=4))]
    pub quad_class: Option<u8>,
    /// Mode: asserted, reported, alleged, future, hypothetical or negated.
    #[arg(long, value_parser = parse_mode)]
    pub mode: Option<dyad_types::Mode>,
    /// Events dated on or after this day.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub from: Option<String>,
    /// Events dated on or before this day.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub to: Option<String>,
    /// Full-text search over the evidence sentences.
    #[arg(long)]
    pub text: Option<String>,
    /// Events reported by this outlet.
    #[arg(long)]
    pub outlet: Option<String>,
    /// At most this many events.
    #[arg(long)]
    pub limit: Option<usize>,
    /// One row per report instead of one per event: an event told by three articles is
    /// listed three times, once with each.
    #[arg(long)]
    pub mentions: bool,
    /// Order: date (oldest first), recent (newest first), reports (most reported first),
    /// conflict (lowest Goldstein first).
    #[arg(long, value_enum, default_value_t = SortArg::Date)]
    pub sort: SortArg,
}

/// The order of query results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum SortArg {
    /// Oldest first.
    #[default]
    Date,
    /// Newest first.
    Recent,
    /// Most articles first.
    Reports,
    /// Most conflictual first.
    Conflict,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    #[command(flatten)]
    pub db: DbArgs,
    /// The merged event's id.
    pub event_id: String,
    /// Output format: table or json.
    #[arg(long, short, value_enum, default_value_t = EventFormat::Table)]
    pub format: EventFormat,
}

/// Length of a trend period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PeriodArg {
    /// Calendar days.
    Day,
    /// ISO weeks (Monday to Sunday).
    Week,
    /// Calendar months.
    Month,
}

#[derive(Debug, Args)]
pub struct TrendArgs {
    #[command(flatten)]
    pub db: DbArgs,
    /// The source actor (code prefix, country code or name).
    pub source: String,
    /// The target actor.
    pub target: String,
    /// Period length.
    #[arg(long, value_enum, default_value_t = PeriodArg::Week)]
    pub by: PeriodArg,
    /// Count both directions (TARGET acting on SOURCE too).
    #[arg(long)]
    pub both: bool,
    /// Print JSON lines (one per period) instead of a table.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct QueryArgs {
    #[command(flatten)]
    pub db: DbArgs,
    #[command(flatten)]
    pub filters: FilterArgs,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = EventFormat::Table)]
    pub format: EventFormat,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[command(flatten)]
    pub db: DbArgs,
    #[command(flatten)]
    pub filters: FilterArgs,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = EventFormat::Jsonl)]
    pub format: EventFormat,
}

/// Evaluation suites.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Suite {
    /// Tokens and sentences on raw text rebuilt from a UD .conllu file.
    Segment,
    /// Tagging, lemmas and parsing on a UD .conllu file with gold tokens.
    Ud,
    /// Named entities on a CoNLL-2003 file or a UNER .iob2 file.
    Ner,
    /// Time expressions on a folder of TimeML .tml files.
    Timex,
    /// Quotes and attribution relations on the GUM Wikinews attribution folder.
    Attribution,
    /// Event modes against the UDS "It Happened" factuality judgements (the
    /// `uds_ih2_factuality` folder or its parent): accuracy and macro F1 vs the majority class.
    Factuality,
    /// PLOVER event types and actors on the PLOVER gold records (the JSON file or its
    /// folder), coded with dyad's own lexicon.
    Plover,
    /// Main text, title and date of web pages: a folder with html/<id>.html(.gz) and
    /// ground-truth.json (ScrapingHub's benchmark: 4-gram shingle F1) or evaldata.json
    /// (trafilatura's: with/without snippets, title and date accuracy), scored as
    /// ../shared/tools/html_score.py scores them; also pages/s on one thread.
    Extract,
    /// PETRARCH validation records (`<Sentence>` records with `<EventCoding>` triples):
    /// the texts are coded with dyad's own parse and PETRARCH-1/TABARI dictionaries
    /// (--dictionaries DIR, default: the `dictionaries*` folder beside the records) and
    /// scored as ../shared/tools/petrarch_score.py scores them: source/target/code triple
    /// P/R/F1, per category, `noevents` records correct when nothing is coded; also the
    /// coder's sentences/s on the parsed text, one thread.
    Petrarch,
    /// Toponym recognition and resolution on geoparsing gold (../shared/data/geoparse:
    /// TR-News, LGL JSONL): P/R/F1 (overlapping spans), accuracy within 161 km, mean and
    /// median error in km, per corpus and per half (even/odd documents), as
    /// ../shared/tools/geo_score.py --byte-offsets scores them.
    Geo,
}

#[derive(Debug, Args)]
pub struct EvalArgs {
    /// Which evaluation to run.
    #[arg(value_enum)]
    pub suite: Suite,
    /// The gold data (file or folder, depending on the suite).
    pub path: PathBuf,
    /// Print one JSON object of metrics as the last line of stdout.
    #[arg(long)]
    pub json: bool,
    /// (extract) Also write the outputs as JSONL ({"id", "text", "title", "date"}), the
    /// form ../shared/tools/html_score.py reads. (petrarch) Write the coded triples as
    /// JSONL ({"id", "events": [{"source", "target", "code"}]}), the form
    /// ../shared/tools/petrarch_score.py reads. (geo) Write the toponyms found as JSONL
    /// (the form of `dyad geo --format jsonl`), for geo_score.py --byte-offsets.
    #[arg(long, value_name = "FILE")]
    pub predictions: Option<PathBuf>,
    /// (petrarch) A folder of PETRARCH-1/TABARI dictionaries: every *verbs*.txt (one),
    /// *actors*.txt, *agents*.txt and *discards*.txt file in it is loaded. PETRARCH-2's
    /// folder (../shared/data/petrarch2_dictionaries: its verbs file is CAMEO.2.0.txt) is
    /// read the same way; its issue and preposition files are not used.
    #[arg(long, value_name = "DIR")]
    pub dictionaries: Option<PathBuf>,
    /// (petrarch) Also list the records whose coded triples differ from the expected ones.
    /// (plover) Also list every record (position, even/odd half, gold and coded type, the
    /// coded event's CAMEO code and actors, the sentence).
    #[arg(long)]
    pub errors: bool,
    /// (plover) A folder of lexicon files extending dyad's own, as for `dyad code
    /// --lexicon` (e.g. crates/dyad-coder/lexicons/petrarch2, the opt-in tier generated
    /// from PETRARCH-2).
    #[arg(long, value_name = "DIR")]
    pub lexicon: Option<PathBuf>,
}

fn parse_date(s: &str) -> Result<String, String> {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map(|d| d.format("%Y-%m-%d").to_string())
        .map_err(|_| format!("`{s}` is not a date in the form YYYY-MM-DD"))
}

fn parse_dyad(s: &str) -> Result<(String, String), String> {
    let (a, b) = s
        .split_once(',')
        .ok_or_else(|| format!("`{s}` is not two actors like USA,VEN"))?;
    let (a, b) = (a.trim(), b.trim());
    if a.is_empty() || b.is_empty() {
        return Err(format!("`{s}` is not two actors like USA,VEN"));
    }
    Ok((a.to_string(), b.to_string()))
}

fn parse_mode(s: &str) -> Result<dyad_types::Mode, String> {
    dyad_types::Mode::parse(s).ok_or_else(|| {
        format!("`{s}` is not a mode (asserted, reported, alleged, future, hypothetical, negated)")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_validated() {
        assert_eq!(parse_date("2025-12-03").unwrap(), "2025-12-03");
        assert!(parse_date("2025-02-30").is_err());
        assert!(parse_date("yesterday").is_err());
    }

    #[test]
    fn cli_is_well_formed() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
