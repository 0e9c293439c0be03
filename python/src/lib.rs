//! `dyad._dyad`: the native half of the `dyad` Python package.
//!
//! The Python half (`python/dyad/__init__.py`) wraps these functions: it turns dates into
//! strings, results into pandas DataFrames when pandas is installed, and reader reports into
//! warnings and exceptions. Everything that analyses or stores is the same library code the
//! command line runs ([`dyad_pipeline`], [`dyad_store`], [`dyad_export`]), so a record from
//! Python equals the one `dyad code --format json` prints for the same article.
//!
//! The GIL is released while Rust works: analysis, storing, querying and exporting.

use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::mpsc;
use std::sync::{Mutex, OnceLock};

use dyad_pipeline::ingest::{ingest, IngestError, IngestObserver, IngestOptions};
use dyad_pipeline::{Pipeline, PipelineInfo, PipelineOptions};
use dyad_readers::{read_inputs, ReadError, ReadEvent, ReadOptions};
use dyad_store::trend::{dyad_trend, Granularity};
use dyad_store::{EventQuery, SqliteOptions, SqliteStore, Store};
use dyad_types::Document;
use pyo3::create_exception;
use pyo3::exceptions::{PyException, PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyIterator, PyList, PyString, PyTuple};
use rayon::prelude::*;
use serde_json::Value;

create_exception!(
    _dyad,
    DyadError,
    PyException,
    "Base class of dyad's errors; the message is the one the `dyad` command prints."
);
create_exception!(
    _dyad,
    InputError,
    DyadError,
    "An article that cannot be analysed (empty, a bad date, a file that cannot be read)."
);
create_exception!(
    _dyad,
    StoreError,
    DyadError,
    "The event store failed (missing, locked, full, not a dyad database…)."
);

/// The standard pipeline, built on first use (so that `import dyad` stays fast).
static PIPELINE: OnceLock<Result<(Pipeline, PipelineInfo), String>> = OnceLock::new();

fn pipeline(py: Python<'_>) -> PyResult<&'static (Pipeline, PipelineInfo)> {
    let built = py.allow_threads(|| {
        PIPELINE.get_or_init(|| {
            Pipeline::standard(&PipelineOptions::default())
                .map(|p| {
                    let info = p.info();
                    (p, info)
                })
                .map_err(|e| format!("cannot set up the analysis pipeline: {e}"))
        })
    });
    built
        .as_ref()
        .map_err(|message| DyadError::new_err(message.clone()))
}

// ---------------------------------------------------------------------------------------
// Values between Python and JSON.

/// A JSON value as Python objects: dicts, lists, str, int, float, bool, None.
fn to_py(py: Python<'_>, value: &Value) -> PyResult<PyObject> {
    Ok(match value {
        Value::Null => py.None(),
        Value::Bool(b) => PyBool::new(py, *b).to_owned().into_any().unbind(),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                i.into_pyobject(py)?.into_any().unbind()
            } else if let Some(u) = n.as_u64() {
                u.into_pyobject(py)?.into_any().unbind()
            } else {
                n.as_f64()
                    .unwrap_or(f64::NAN)
                    .into_pyobject(py)?
                    .into_any()
                    .unbind()
            }
        }
        Value::String(s) => PyString::new(py, s).into_any().unbind(),
        Value::Array(items) => {
            let list = PyList::empty(py);
            for item in items {
                list.append(to_py(py, item)?)?;
            }
            list.into_any().unbind()
        }
        Value::Object(map) => {
            let dict = PyDict::new(py);
            for (key, item) in map {
                dict.set_item(key, to_py(py, item)?)?;
            }
            dict.into_any().unbind()
        }
    })
}

/// A Python value (None, bool, int, float, str, list, tuple, dict with str keys) as JSON.
fn to_json(value: &Bound<'_, PyAny>) -> PyResult<Value> {
    if value.is_none() {
        Ok(Value::Null)
    } else if let Ok(b) = value.downcast::<PyBool>() {
        Ok(Value::Bool(b.is_true()))
    } else if value.is_instance_of::<PyInt>() {
        match value.extract::<i64>() {
            Ok(i) => Ok(Value::from(i)),
            Err(_) => Ok(Value::from(value.extract::<u64>()?)),
        }
    } else if value.is_instance_of::<PyFloat>() {
        Ok(serde_json::Number::from_f64(value.extract()?)
            .map(Value::Number)
            .unwrap_or(Value::Null))
    } else if let Ok(s) = value.downcast::<PyString>() {
        Ok(Value::String(s.extract()?))
    } else if let Ok(dict) = value.downcast::<PyDict>() {
        let mut map = serde_json::Map::new();
        for (k, v) in dict.iter() {
            let key: String = k
                .extract()
                .map_err(|_| PyTypeError::new_err("keys must be strings"))?;
            map.insert(key, to_json(&v)?);
        }
        Ok(Value::Object(map))
    } else if value.is_instance_of::<PyList>() || value.is_instance_of::<PyTuple>() {
        value
            .try_iter()?
            .map(|item| to_json(&item?))
            .collect::<PyResult<Vec<_>>>()
            .map(Value::Array)
    } else {
        Err(PyTypeError::new_err(format!(
            "{} is not a string, number, bool, list or dict",
            value.get_type().name()?
        )))
    }
}

// ---------------------------------------------------------------------------------------
// Articles.

/// What Python gave for one article, before cleaning.
#[derive(Debug, Default)]
struct RawArticle {
    text: String,
    id: Option<String>,
    url: Option<String>,
    title: Option<String>,
    outlet: Option<String>,
    published: Option<String>,
}

impl RawArticle {
    /// A `str` (the text) or a mapping with the fields of a JSONL article line: `text`
    /// required; `id`, `url`, `title`, `outlet`, `published` (or `date`) optional.
    fn from_py(item: &Bound<'_, PyAny>) -> PyResult<RawArticle> {
        if let Ok(s) = item.downcast::<PyString>() {
            return Ok(RawArticle {
                text: s.extract()?,
                ..RawArticle::default()
            });
        }
        let Ok(dict) = item.downcast::<PyDict>() else {
            return Err(PyTypeError::new_err(format!(
                "an article is a str or a dict with a `text` key, not {}",
                item.get_type().name()?
            )));
        };
        let field = |name: &str| -> PyResult<Option<String>> {
            match dict.get_item(name)? {
                None => Ok(None),
                Some(v) if v.is_none() => Ok(None),
                Some(v) => match v.downcast::<PyString>() {
                    Ok(s) => Ok(Some(s.extract()?)),
                    Err(_) if v.is_instance_of::<PyInt>() => Ok(Some(v.str()?.to_string())),
                    Err(_) => Err(PyTypeError::new_err(format!(
                        "field `{name}` must be a string"
                    ))),
                },
            }
        };
        let Some(text) = field("text")? else {
            return Err(InputError::new_err(ReadError::MissingText.to_string()));
        };
        Ok(RawArticle {
            text,
            id: field("id")?,
            url: field("url")?,
            title: field("title")?,
            outlet: field("outlet")?,
            published: match field("published")? {
                Some(p) => Some(p),
                None => field("date")?,
            },
        })
    }

    /// The document the readers would build from a JSONL line with these fields: the text
    /// cleaned, the date normalised, the id the text's hash unless one is given. A date
    /// that is not one is an error here (the readers warn and drop it).
    fn into_document(self) -> Result<Document, String> {
        let text = dyad_readers::clean_text(&self.text);
        if text.is_empty() {
            return Err(ReadError::Empty.to_string());
        }
        let published = match self.published.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(raw) => Some(
                dyad_readers::normalize_date(raw)
                    .ok_or_else(|| format!("`{raw}` is not a date (unrecognised date)"))?,
            ),
        };
        let id = nonempty(self.id).unwrap_or_else(|| dyad_types::content_hash(&text));
        Ok(Document {
            id,
            path: None,
            url: nonempty(self.url),
            title: nonempty(self.title),
            outlet: nonempty(self.outlet),
            published,
            text,
        })
    }
}

/// Trimmed, whitespace runs made one space, `None` when empty.
fn nonempty(s: Option<String>) -> Option<String> {
    let s = s?.split_whitespace().collect::<Vec<_>>().join(" ");
    (!s.is_empty()).then_some(s)
}

/// The record of one document as JSON, or why it has none.
///
/// The record is handed over as JSON text, written on the analysis thread (as the command
/// writes it) and read by `json.loads` on Python's: building the dicts from JSON text in C
/// costs Python's thread less than building them object by object from Rust.
fn analyse(doc: Result<Document, String>) -> Result<String, String> {
    let (pipeline, info) = PIPELINE
        .get()
        .and_then(|p| p.as_ref().ok())
        .ok_or("the analysis pipeline is not set up")?;
    let analysis = pipeline.analyze(doc?);
    dyad_pipeline::record(&analysis, info)
        .and_then(|record| serde_json::to_string(&record))
        .map_err(|e| e.to_string())
}

/// `json.loads`, looked up once.
static JSON_LOADS: pyo3::sync::GILOnceCell<PyObject> = pyo3::sync::GILOnceCell::new();

/// A record's JSON text as Python dicts.
fn loads(py: Python<'_>, json: &str) -> PyResult<PyObject> {
    let loads = JSON_LOADS.get_or_try_init(py, || -> PyResult<PyObject> {
        Ok(py.import("json")?.getattr("loads")?.unbind())
    })?;
    loads.call1(py, (json,))
}

/// code(text, date=None, url=None, *, title=None, outlet=None, id=None)
/// --
///
/// Analyses one article and returns its record: a dict equal to the JSON object
/// `dyad code --format json` prints for it (see CONTRACT.md): `doc`, `sentences`,
/// `entities`, `timexes`, `quotes`, `events` and `pipeline`. `date` is the publication date
/// (`YYYY-MM-DD`, a timestamp or a written date); relative dates in the text resolve
/// against it.
#[pyfunction]
#[pyo3(signature = (text, date=None, url=None, *, title=None, outlet=None, id=None))]
fn code(
    py: Python<'_>,
    text: String,
    date: Option<String>,
    url: Option<String>,
    title: Option<String>,
    outlet: Option<String>,
    id: Option<String>,
) -> PyResult<PyObject> {
    pipeline(py)?;
    let raw = RawArticle {
        text,
        id,
        url,
        title,
        outlet,
        published: date,
    };
    let record = py
        .allow_threads(|| analyse(raw.into_document()))
        .map_err(InputError::new_err)?;
    loads(py, &record)
}

/// The records of a stream of articles, in order, analysed a chunk at a time on a thread
/// pool while Python consumes the chunk before.
#[pyclass(module = "dyad._dyad")]
struct CodeIter {
    source: Mutex<Option<Py<PyIterator>>>,
    state: Mutex<IterState>,
}

struct IterState {
    pool: std::sync::Arc<rayon::ThreadPool>,
    chunk: usize,
    ready: VecDeque<PyResult<String>>,
    running: Option<mpsc::Receiver<Vec<PyResult<String>>>>,
    index: usize,
}

impl CodeIter {
    /// Takes up to a chunk of articles from the source and starts analysing them; `false`
    /// when the source is exhausted.
    fn start_chunk(&self, py: Python<'_>, state: &mut IterState) -> PyResult<bool> {
        let mut source = self.source.lock().map_err(poisoned)?;
        let Some(iter) = source.as_ref() else {
            return Ok(false);
        };
        let mut iter = iter.bind(py).clone();
        let mut docs = Vec::with_capacity(state.chunk);
        while docs.len() < state.chunk {
            match iter.next() {
                None => {
                    *source = None;
                    break;
                }
                Some(Err(err)) => {
                    // The source raised: that is the stream's last item.
                    *source = None;
                    docs.push(Err(err));
                    break;
                }
                Some(Ok(item)) => {
                    let index = state.index;
                    state.index += 1;
                    docs.push(RawArticle::from_py(&item).and_then(|raw| {
                        raw.into_document()
                            .map_err(|e| InputError::new_err(format!("article {index}: {e}")))
                    }));
                }
            }
        }
        if docs.is_empty() {
            return Ok(false);
        }
        let (tx, rx) = mpsc::channel();
        state.pool.spawn(move || {
            let records: Vec<_> = docs
                .into_par_iter()
                .map(|doc| doc.and_then(|doc| analyse(Ok(doc)).map_err(InputError::new_err)))
                .collect();
            let _ = tx.send(records);
        });
        state.running = Some(rx);
        Ok(true)
    }
}

fn poisoned<T>(_: T) -> PyErr {
    PyRuntimeError::new_err("a dyad iterator was used from two threads at once")
}

#[pymethods]
impl CodeIter {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&self, py: Python<'_>) -> PyResult<Option<PyObject>> {
        let mut state = self.state.lock().map_err(poisoned)?;
        if state.ready.is_empty() {
            if state.running.is_none() && !self.start_chunk(py, &mut state)? {
                return Ok(None);
            }
            if let Some(rx) = state.running.take() {
                let records = py
                    .allow_threads(move || rx.recv())
                    .map_err(|_| DyadError::new_err("the analysis thread stopped"))?;
                state.ready.extend(records);
            }
            // Analyse the next chunk while Python consumes this one.
            self.start_chunk(py, &mut state)?;
        }
        match state.ready.pop_front() {
            None => Ok(None),
            Some(Ok(record)) => loads(py, &record).map(Some),
            Some(Err(err)) => Err(err),
        }
    }
}

/// code_many(articles, threads=None, chunk=None)
/// --
///
/// Analyses a stream of articles (each a str, or a dict with `text` and optionally `id`,
/// `url`, `title`, `outlet`, `published`) and returns an iterator of their records, in
/// order. Articles are analysed `chunk` at a time on `threads` threads (default: one per
/// core) with the GIL released, the next chunk while you consume the current one.
#[pyfunction]
#[pyo3(signature = (articles, threads=None, chunk=None))]
fn code_many(
    py: Python<'_>,
    articles: &Bound<'_, PyAny>,
    threads: Option<usize>,
    chunk: Option<usize>,
) -> PyResult<CodeIter> {
    pipeline(py)?;
    let iter = articles.try_iter()?.unbind();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads.unwrap_or(0))
        .build()
        .map_err(|e| DyadError::new_err(e.to_string()))?;
    let chunk = chunk.unwrap_or(16 * pool.current_num_threads()).max(1);
    Ok(CodeIter {
        source: Mutex::new(Some(iter)),
        state: Mutex::new(IterState {
            pool: std::sync::Arc::new(pool),
            chunk,
            ready: VecDeque::new(),
            running: None,
            index: 0,
        }),
    })
}

// ---------------------------------------------------------------------------------------
// The store.

fn store_error(e: dyad_store::Error) -> PyErr {
    StoreError::new_err(e.to_string())
}

/// An event store (an SQLite file), as `dyad ingest`, `dyad query`, `dyad trend` and
/// `dyad export` use it. Use `dyad.Store`, which wraps this.
#[pyclass(module = "dyad._dyad", frozen)]
struct NativeStore {
    store: Mutex<Option<SqliteStore>>,
    path: PathBuf,
}

impl NativeStore {
    fn with<T: Send>(
        &self,
        py: Python<'_>,
        f: impl FnOnce(&mut SqliteStore) -> PyResult<T> + Send,
    ) -> PyResult<T> {
        let path = &self.path;
        py.allow_threads(|| {
            let mut guard = self
                .store
                .lock()
                .map_err(|_| DyadError::new_err("the store's lock is poisoned"))?;
            let store = guard.as_mut().ok_or_else(|| {
                DyadError::new_err(format!("the store {} is closed", path.display()))
            })?;
            f(store)
        })
    }
}

/// Reader reports and interruptions, from an ingest running without the GIL.
struct PyObserver {
    interrupt: Option<PyErr>,
    refused: Vec<String>,
}

impl IngestObserver for PyObserver {
    fn interrupted(&mut self) -> bool {
        if self.interrupt.is_none() {
            self.interrupt = Python::with_gil(|py| py.check_signals().err());
        }
        self.interrupt.is_some()
    }

    fn refused(&mut self, analysis: &dyad_types::Analysis, error: &dyad_store::Error) {
        let name = analysis.doc.path.as_deref().unwrap_or(&analysis.doc.id);
        self.refused.push(format!("{name}: cannot store: {error}"));
    }
}

#[pymethods]
impl NativeStore {
    #[new]
    #[pyo3(signature = (path, create=true, busy_timeout_ms=5000, max_db_mb=None))]
    fn new(
        py: Python<'_>,
        path: PathBuf,
        create: bool,
        busy_timeout_ms: u64,
        max_db_mb: Option<f64>,
    ) -> PyResult<NativeStore> {
        let options = SqliteOptions {
            busy_timeout: std::time::Duration::from_millis(busy_timeout_ms),
            create,
            max_size_bytes: max_db_mb.map(|mb| (mb.max(0.0) * f64::from(1u32 << 20)) as u64),
        };
        let store = py
            .allow_threads(|| SqliteStore::open_with(&path, &options))
            .map_err(store_error)?;
        Ok(NativeStore {
            store: Mutex::new(Some(store)),
            path,
        })
    }

    /// The database file.
    #[getter]
    fn path(&self) -> PathBuf {
        self.path.clone()
    }

    /// Closes the database; later calls raise DyadError.
    fn close(&self, py: Python<'_>) -> PyResult<()> {
        py.allow_threads(|| {
            self.store
                .lock()
                .map(|mut s| *s = None)
                .map_err(|_| DyadError::new_err("the store's lock is poisoned"))
        })
    }

    /// Analyses and stores the articles of `paths` (files, folders, as `dyad ingest` reads
    /// them) and of `articles` (str or dicts, as `code_many` takes them). Returns a dict:
    /// the counts of `dyad ingest`'s closing line, `failures` and `warnings` (the reader's
    /// reports, `path:line: message`).
    #[pyo3(signature = (paths, articles, date=None, batch=64, threads=None))]
    fn ingest(
        &self,
        py: Python<'_>,
        paths: Vec<PathBuf>,
        articles: &Bound<'_, PyAny>,
        date: Option<String>,
        batch: usize,
        threads: Option<usize>,
    ) -> PyResult<PyObject> {
        let (pipeline, _) = pipeline(py)?;
        let mut docs = Vec::new();
        let mut failures: Vec<String> = Vec::new();
        if !articles.is_none() {
            for (index, item) in articles.try_iter()?.enumerate() {
                let mut raw = RawArticle::from_py(&item?)?;
                if raw.published.is_none() {
                    raw.published.clone_from(&date);
                }
                match raw.into_document() {
                    Ok(doc) => docs.push(doc),
                    Err(e) => failures.push(format!("article {index}: {e}")),
                }
            }
        }
        let read_options = ReadOptions {
            default_date: date,
            ..ReadOptions::default()
        };
        let options = IngestOptions { batch, threads };
        let mut observer = PyObserver {
            interrupt: None,
            refused: Vec::new(),
        };
        let mut warnings: Vec<String> = Vec::new();
        let result = self.with(py, |store| {
            let from_paths = if paths.is_empty() {
                None
            } else {
                Some(read_inputs(&paths, &read_options))
            };
            let from_paths = from_paths
                .into_iter()
                .flatten()
                .filter_map(|event| match event {
                    ReadEvent::Article(doc) => Some(doc),
                    ReadEvent::Warning(d) => {
                        warnings.push(d.to_string());
                        None
                    }
                    ReadEvent::Failure(d) => {
                        failures.push(d.to_string());
                        None
                    }
                });
            let all = docs.into_iter().chain(from_paths);
            Ok(ingest(pipeline, store, all, &options, &mut observer))
        })?;
        if let Some(interrupt) = observer.interrupt {
            return Err(interrupt);
        }
        let summary = match result {
            Ok(summary) => summary,
            Err(IngestError::Threads(e)) => return Err(DyadError::new_err(e.to_string())),
            Err(e) => return Err(StoreError::new_err(e.to_string())),
        };
        failures.extend(observer.refused);
        let s = summary.stored;
        let value = serde_json::json!({
            "read": summary.read,
            "documents_added": s.documents_added,
            "documents_skipped": s.documents_skipped,
            "documents_near_duplicate": s.documents_near_duplicate,
            "events_added": s.events_added,
            "merged_events_added": s.merged_events_added,
            "failures": failures,
            "warnings": warnings,
        });
        to_py(py, &value)
    }

    /// The stored events matching `filters` (the fields of the query: actor, source,
    /// target, dyad, code, root, quad_class, mode, date_from, date_to, text, outlet,
    /// mentions, sort, limit, offset) as a list of dicts, each as
    /// `dyad query --format json` prints it.
    #[pyo3(signature = (filters))]
    fn query(&self, py: Python<'_>, filters: &Bound<'_, PyDict>) -> PyResult<PyObject> {
        let query = event_query(filters)?;
        let events = self.with(py, |store| store.query(&query).map_err(store_error))?;
        let value = serde_json::to_value(&events).map_err(|e| DyadError::new_err(e.to_string()))?;
        to_py(py, &value)
    }

    /// The trend of the events from `source` to `target` (both ways with `both`), per
    /// `by` (day, week or month): a dict with `periods` (as `dyad trend --json` prints
    /// them), `events` (counted) and `left_out` (dated too coarsely, or undated).
    #[pyo3(signature = (source, target, by="week", both=false))]
    fn trend(
        &self,
        py: Python<'_>,
        source: String,
        target: String,
        by: &str,
        both: bool,
    ) -> PyResult<PyObject> {
        let by: Granularity = by.parse().map_err(PyValueError::new_err)?;
        let trend = self.with(py, |store| {
            dyad_trend(store, &source, &target, both, by).map_err(store_error)
        })?;
        let value = serde_json::to_value(&trend).map_err(|e| DyadError::new_err(e.to_string()))?;
        to_py(py, &value)
    }

    /// Writes the GDELT 2.0 event table of the events matching `filters` (the mentions
    /// table with `mentions`) to `path`, as `dyad export --format gdelt` does; returns the
    /// number of rows.
    #[pyo3(signature = (path, mentions, filters))]
    fn to_gdelt(
        &self,
        py: Python<'_>,
        path: PathBuf,
        mentions: bool,
        filters: &Bound<'_, PyDict>,
    ) -> PyResult<usize> {
        let mut query = event_query(filters)?;
        query.mentions |= mentions;
        let events = self.with(py, |store| store.query(&query).map_err(store_error))?;
        py.allow_threads(|| {
            let write = || -> std::io::Result<()> {
                let file = std::fs::File::create(&path)?;
                let mut out = std::io::BufWriter::new(file);
                dyad_export::gdelt::write_stored(&mut out, &events, mentions)?;
                std::io::Write::flush(&mut out)
            };
            write().map_err(|e| DyadError::new_err(format!("cannot write {}: {e}", path.display())))
        })?;
        Ok(events.len())
    }

    /// One merged event and every report of it (as `dyad show --format json`), or None.
    fn event(&self, py: Python<'_>, event_id: String) -> PyResult<PyObject> {
        let merged = self.with(py, |store| {
            store.merged_event(&event_id).map_err(store_error)
        })?;
        let value = serde_json::to_value(&merged).map_err(|e| DyadError::new_err(e.to_string()))?;
        to_py(py, &value)
    }

    /// Counts of what the store holds.
    fn stats(&self, py: Python<'_>) -> PyResult<PyObject> {
        let stats = self.with(py, |store| store.stats().map_err(store_error))?;
        let value = serde_json::to_value(stats).map_err(|e| DyadError::new_err(e.to_string()))?;
        to_py(py, &value)
    }
}

/// The store query of keyword filters, checked as the command line checks its flags.
fn event_query(filters: &Bound<'_, PyDict>) -> PyResult<EventQuery> {
    let value = to_json(filters.as_any())?;
    serde_json::from_value(value).map_err(|e| PyValueError::new_err(format!("bad filter: {e}")))
}

/// The native module.
#[pymodule]
fn _dyad(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("DyadError", py.get_type::<DyadError>())?;
    m.add("InputError", py.get_type::<InputError>())?;
    m.add("StoreError", py.get_type::<StoreError>())?;
    m.add_function(wrap_pyfunction!(code, m)?)?;
    m.add_function(wrap_pyfunction!(code_many, m)?)?;
    m.add_class::<CodeIter>()?;
    m.add_class::<NativeStore>()?;
    Ok(())
}
