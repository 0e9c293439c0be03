"""dyad: political event data from news articles, in Python.

Who did what to whom, when, where, and according to whom, coded in CAMEO and PLOVER. The
analysis is dyad's Rust engine (the one the ``dyad`` command runs), so a record from
:func:`code` equals the JSON object ``dyad code --format json`` prints for the same article.

>>> import dyad
>>> record = dyad.code("Venezuela closed its airspace on Saturday.", date="2025-11-29")
>>> [(e["source"]["code"], e["cameo"]) for e in record["events"]]  # doctest: +SKIP
[('VEN', '...')]

* :func:`code` — one article, one record (a dict).
* :func:`code_many` — an iterator of records over many articles, analysed in parallel.
* :class:`Store` — an event database (an SQLite file, as ``dyad ingest`` writes):
  ``ingest``, ``query``, ``trend``, ``event``, ``stats``, ``to_gdelt``.

Tables (``Store.query``, ``Store.trend``) are pandas DataFrames when pandas is installed
(``pip install pandas``), lists of dicts otherwise; ``frame=False`` asks for the lists.
Errors raise :class:`DyadError` (:class:`InputError`, :class:`StoreError`) with the message
the ``dyad`` command prints.
"""

from __future__ import annotations

import datetime as _datetime
import os as _os
import warnings as _warnings
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import os
    from typing import Any, Dict, Iterable, Iterator, Union

    DateLike = Union[str, _datetime.date]
    Record = Dict[str, Any]
    Article = Union[str, Dict[str, Any]]

from ._dyad import DyadError, InputError, StoreError, __version__
from ._dyad import NativeStore as _NativeStore
from ._dyad import code as _code
from ._dyad import code_many as _code_many

__all__ = [
    "DyadError",
    "DyadWarning",
    "InputError",
    "Store",
    "StoreError",
    "code",
    "code_many",
    "__version__",
]


class DyadWarning(UserWarning):
    """A reader's note about an input that was still analysed (an unrecognised date, a
    legacy encoding), or one that was skipped with ``on_error="warn"``."""


def _date_str(value: DateLike | None) -> str | None:
    """A date argument as the string the engine reads: ``str`` as is, ``date`` and
    ``datetime`` in ISO form."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, (_datetime.date, _datetime.datetime)):
        return value.isoformat()
    raise TypeError(f"a date is a str, datetime.date or datetime.datetime, not {type(value).__name__}")


def code(
    text: str,
    date: DateLike | None = None,
    url: str | None = None,
    *,
    title: str | None = None,
    outlet: str | None = None,
    id: str | None = None,
) -> Record:
    """Analyse one article and return its record (a dict).

    The record is the JSON object ``dyad code --format json`` prints for the article (see
    ``CONTRACT.md``): ``doc`` (the cleaned text the offsets point into, id, url, title,
    outlet, published), ``sentences``, ``entities``, ``timexes``, ``quotes``, ``events``
    and ``pipeline`` (the stages and versions that produced it). ``doc["path"]`` is None.

    ``date`` is the publication date (``"2025-11-29"``, a timestamp, a written date, or a
    ``datetime.date``): relative dates in the text ("on Saturday") resolve against it.
    The text is read as a JSON Lines article's ``text`` is (no title line is split off).

    Raises :class:`InputError` for an empty text or a ``date`` that is not a date.
    """
    return _code(text, _date_str(date), url, title=title, outlet=outlet, id=id)


def _article(item):
    if isinstance(item, dict):
        for key in ("published", "date"):
            value = item.get(key)
            if value is not None and not isinstance(value, str):
                item = dict(item)
                item[key] = _date_str(value)
    return item


def code_many(
    articles: Iterable[Article], threads: int | None = None, chunk: int | None = None
) -> Iterator[Record]:
    """Analyse many articles; return an iterator of their records, in order.

    Each article is a ``str`` (its text) or a dict with ``text`` and optionally ``id``,
    ``url``, ``title``, ``outlet`` and ``published`` (the fields of a ``.jsonl`` line, so
    ``df.to_dict("records")`` works). Articles are taken ``chunk`` at a time (default 16
    per thread) and analysed on ``threads`` threads (default: one per core) with the GIL
    released; the next chunk is analysed while you consume the current one, so memory
    stays bounded however long the stream.

    An article that cannot be analysed raises :class:`InputError` when its turn comes
    ("article 3: empty article"); the iterator can be resumed after it.
    """
    return _code_many((_article(a) for a in articles), threads, chunk)


def _pandas():
    try:
        import pandas
    except ImportError:
        return None
    return pandas


def _frame(rows, frame, normalize):
    """``rows`` as a DataFrame when asked (``frame=True``) or when pandas is installed
    (``frame=None``), else as they are."""
    if frame is False:
        return rows
    pandas = _pandas()
    if pandas is None:
        if frame:
            raise ImportError("frame=True needs pandas: pip install pandas")
        return rows
    return normalize(pandas, rows)


def _query_args(filters):
    """Keyword filters as the store reads them: dates as strings, ``dyad`` as a pair."""
    out = {}
    for key, value in filters.items():
        if value is None:
            continue
        if key in ("date_from", "date_to"):
            value = _date_str(value)
        elif key == "dyad" and isinstance(value, str):
            value = [part.strip() for part in value.split(",")]
        elif key == "dyad":
            value = list(value)
        out[key] = value
    return out


class Store:
    """An event store: one SQLite file, the database of ``dyad ingest``/``dyad query``.

    ``Store(path)`` opens the database at ``path`` (a path, or a URL: ``sqlite:///rel.db``,
    ``sqlite:////abs.db``, ``file:///abs.db``), creating it unless ``create=False``. The same file works with the
    ``dyad`` command and with the dashboard, by several processes at once.

    Use as a context manager, or call :meth:`close`, to close it.
    """

    def __init__(
        self,
        path_or_url: str | os.PathLike[str],
        *,
        create: bool = True,
        busy_timeout_ms: int = 5000,
        max_db_mb: float | None = None,
    ) -> None:
        path = _store_path(path_or_url)
        self._native = _NativeStore(path, create, busy_timeout_ms, max_db_mb)

    @property
    def path(self) -> os.PathLike[str]:
        """The database file."""
        return self._native.path

    def __repr__(self):
        return f"dyad.Store({str(self.path)!r})"

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self) -> None:
        """Close the database; the Store cannot be used afterwards."""
        self._native.close()

    def ingest(
        self,
        *paths: str | os.PathLike[str],
        articles: Iterable[Article] | None = None,
        date: DateLike | None = None,
        batch: int = 64,
        threads: int | None = None,
        on_error: str = "raise",
    ) -> dict[str, Any]:
        """Analyse and store articles; return what was done (a dict of counts).

        ``paths`` are files and folders, read as ``dyad ingest`` reads them (``.txt``,
        ``.html``, ``.jsonl``, folders recursively); ``articles`` is an iterable of texts or
        dicts, as :func:`code_many` takes them. ``date`` is the publication date of those
        that carry none. Articles already stored are skipped without being analysed, so
        ingesting again resumes an interrupted run. ``batch`` articles are stored per
        transaction, analysed on ``threads`` threads (default: one per core).

        The counts are those of ``dyad ingest``'s closing line: ``read``,
        ``documents_added``, ``documents_skipped`` (already stored),
        ``documents_near_duplicate``, ``events_added`` (reports) and
        ``merged_events_added`` (new events); ``failures`` lists the inputs that could not
        be read or stored, ``path:line: message`` as the command reports them.

        Ctrl-C (KeyboardInterrupt) stops after the batch in hand is stored; ingest again
        to resume.

        With failures, ``on_error="raise"`` (default) raises :class:`InputError` after
        storing everything else (its ``summary`` attribute holds the counts);
        ``"warn"`` issues a :class:`DyadWarning` for each; ``"ignore"`` only lists them.
        """
        if on_error not in ("raise", "warn", "ignore"):
            raise ValueError(f"on_error must be 'raise', 'warn' or 'ignore', not {on_error!r}")
        if articles is not None:
            articles = [_article(a) for a in articles]
        summary = self._native.ingest(
            [_os.fspath(p) for p in paths], articles, _date_str(date), batch, threads
        )
        for note in summary["warnings"]:
            _warnings.warn(note, DyadWarning, stacklevel=2)
        failures = summary["failures"]
        if failures and on_error == "raise":
            error = InputError("; ".join(failures))
            error.summary = summary
            raise error
        if on_error == "warn":
            for failure in failures:
                _warnings.warn(failure, DyadWarning, stacklevel=2)
        return summary

    def query(self, *, frame: bool | None = None, **filters: Any) -> Any:
        """The stored events matching the filters, one row per event (or per report with
        ``mentions=True``), as ``dyad query`` selects them.

        Filters: ``actor``, ``source``, ``target`` (a CAMEO code prefix such as ``"USA"`` or
        ``"VENGOV"``, a country code, or a name), ``dyad=("USA", "VEN")`` (either
        direction), ``code`` (CAMEO prefix), ``root``, ``quad_class`` (1-4), ``mode``,
        ``date_from``, ``date_to`` (``"2025-11-01"``, ``"2025-11"`` or a ``datetime.date``),
        ``text`` (words of the evidence sentence), ``outlet``, ``mentions``, ``sort``
        (``"date"``, ``"recent"``, ``"reports"``, ``"conflict"``), ``limit``, ``offset``.

        A DataFrame (``pandas.json_normalize`` of the records: columns such as
        ``event_id``, ``num_articles``, ``event.cameo``, ``event.source.code``,
        ``event.date.value``, ``evidence``) when pandas is installed, else a list of dicts
        each equal to a line of ``dyad query --format json``.
        """
        rows = self._native.query(_query_args(filters))
        return _frame(rows, frame, lambda pd, rows: pd.json_normalize(rows) if rows else pd.DataFrame())

    def trend(
        self, source: str, target: str, by: str = "week", *, both: bool = False, frame: bool | None = None
    ) -> Any:
        """The events from ``source`` to ``target`` per period (``"day"``, ``"week"`` or
        ``"month"``), as ``dyad trend`` counts them: merged events that happened, each once;
        ``both=True`` counts the other direction too.

        One row per period from the first event's to the last's (empty periods included):
        ``period``, ``events``, ``q1``..``q4`` (events per quad class: verbal and material
        cooperation, verbal and material conflict), ``goldstein_sum``, ``goldstein_mean``,
        ``conflict_score`` (sum of -Goldstein over conflictual events), ``baseline`` (mean
        conflict score of the 4 periods before) and ``escalation``. As a list of dicts
        each row is a line of ``dyad trend --json`` (with ``quad_classes`` as one list);
        the DataFrame's ``attrs["left_out"]`` counts the events dated too coarsely for the
        period (or undated).
        """
        result = self._native.trend(source, target, by, both)

        def normalize(pd, periods):
            rows = []
            for p in periods:
                row = {k: v for k, v in p.items() if k != "quad_classes"}
                for i, n in enumerate(p["quad_classes"], 1):
                    row[f"q{i}"] = n
                rows.append(row)
            columns = ["period", "events", "q1", "q2", "q3", "q4", "goldstein_sum",
                       "goldstein_mean", "conflict_score", "baseline", "escalation"]
            df = pd.DataFrame(rows, columns=columns)
            df.attrs["left_out"] = result["left_out"]
            df.attrs["events"] = result["events"]
            return df

        return _frame(result["periods"], frame, normalize)

    def event(self, event_id: str) -> dict[str, Any] | None:
        """One merged event and every report of it, as ``dyad show --format json`` prints
        it (a dict with ``id`` and ``mentions``), or None for an unknown id."""
        return self._native.event(event_id)

    def stats(self) -> dict[str, Any]:
        """Counts of what the store holds (a dict)."""
        return self._native.stats()

    def to_gdelt(self, path: str | os.PathLike[str], *, mentions: bool = False, **filters: Any) -> int:
        """Write the GDELT 2.0 event table (the mentions table with ``mentions=True``) of
        the events matching ``filters`` (as :meth:`query` takes them) to ``path``, as
        ``dyad export --format gdelt`` (``gdelt-mentions``) does: tab-separated, no header,
        one row per event (per report). Returns the number of rows."""
        return self._native.to_gdelt(_os.fspath(path), mentions, _query_args(filters))


def _store_path(path_or_url):
    """The file of a store location: a path, ``sqlite:///relative/path``,
    ``sqlite:////absolute/path``, ``file:///absolute/path`` or ``file:path``."""
    if isinstance(path_or_url, str):
        # SQLAlchemy's form: sqlite:///relative.db, sqlite:////absolute.db.
        for prefix in ("sqlite:///", "file://", "file:"):
            if path_or_url.startswith(prefix):
                return path_or_url[len(prefix):]
        if "://" in path_or_url:
            scheme = path_or_url.split("://", 1)[0]
            raise DyadError(
                f"cannot open a store at {path_or_url}: `{scheme}` databases are not "
                "supported (a dyad store is an SQLite file: give its path or sqlite:///path)"
            )
    return _os.fspath(path_or_url)
