"""dyad.Store: ingest, query, trend, event, stats and to_gdelt, against the `dyad` command."""

import json
import sqlite3

import pytest

import dyad


def json_lines(out):
    return [json.loads(line) for line in out.splitlines() if line.strip()]


@pytest.fixture()
def store(tmp_path, examples_dir):
    with dyad.Store(tmp_path / "events.db") as store:
        summary = store.ingest(examples_dir, threads=2)
        assert summary["failures"] == []
        yield store


def test_ingest_counts_and_resumes(tmp_path, examples_dir):
    with dyad.Store(tmp_path / "events.db") as store:
        first = store.ingest(examples_dir, batch=2)
        assert first["read"] == first["documents_added"] >= 5
        assert first["events_added"] >= first["merged_events_added"] > 0
        again = store.ingest(examples_dir)
        assert again["documents_skipped"] == first["read"]
        assert again["documents_added"] == again["events_added"] == 0


def test_ingest_matches_the_cli(tmp_path, examples_dir, cli, store):
    db = tmp_path / "cli.db"
    status, _, err = cli("ingest", examples_dir, "--db", db)
    assert status == 0, err
    status, out, err = cli("query", "--db", db, "--format", "json", "--mentions")
    assert status == 0, err
    from_cli = json_lines(out)
    from_python = store.query(mentions=True, frame=False)
    assert len(from_python) == len(from_cli) > 0

    def key(e):
        return (e["content_hash"], e["event"]["id"])

    def comparable(e):
        e = dict(e)
        # When it was stored, and the path the article was read from, differ.
        for field in ("analysed_at",):
            e.pop(field)
        return e

    assert sorted(map(comparable, from_python), key=key) == sorted(map(comparable, from_cli), key=key)


def test_ingest_articles_from_python(tmp_path, example_articles):
    with dyad.Store(tmp_path / "a.db") as store:
        summary = store.ingest(articles=example_articles + ["Peru imposed tariffs on Chile."],
                               date="2025-12-01")
        assert summary["documents_added"] == len(example_articles) + 1
        rows = store.query(source="PER", frame=False)
        assert rows and rows[0]["event"]["date"]["value"] == "2025-12-01"
        ids = {r["document_id"] for r in store.query(frame=False)}
        assert {a["id"] for a in example_articles} <= ids


def test_query_filters_as_the_cli(store, cli):
    db = store.path
    cases = [
        ({"dyad": ("USA", "VEN")}, ["--dyad", "USA,VEN"]),
        ({"dyad": "VEN,USA", "sort": "reports"}, ["--dyad", "VEN,USA", "--sort", "reports"]),
        ({"actor": "VEN", "mode": "asserted", "limit": 3}, ["--actor", "VEN", "--mode", "asserted", "--limit", "3"]),
        ({"quad_class": 4}, ["--quad-class", "4"]),
        ({"date_from": "2025-11-25", "date_to": "2025-11-30"}, ["--from", "2025-11-25", "--to", "2025-11-30"]),
        ({"text": "airspace"}, ["--text", "airspace"]),
    ]
    some = 0
    for filters, flags in cases:
        status, out, err = cli("query", "--db", db, "--format", "json", *flags)
        assert status == 0, err
        rows = store.query(frame=False, **filters)
        assert [r["event_id"] for r in rows] == [e["event_id"] for e in json_lines(out)], filters
        some += bool(rows)
    assert some >= 4


def test_bad_filters_are_refused(store):
    with pytest.raises(ValueError, match="unknown field `colour`"):
        store.query(colour="red")
    with pytest.raises(ValueError, match="bad filter"):
        store.query(mode="rumoured")


def test_trend_equals_the_cli(store, cli):
    for by in ("day", "week", "month"):
        status, out, err = cli("trend", "USA", "VEN", "--by", by, "--both", "--json", "--db", store.path)
        assert status == 0, err
        assert store.trend("USA", "VEN", by=by, both=True, frame=False) == json_lines(out)
    assert store.trend("USA", "VEN", by="day", both=True, frame=False)
    with pytest.raises(ValueError, match="`fortnight` is not a period"):
        store.trend("USA", "VEN", by="fortnight")


def test_gdelt_export_equals_the_cli(store, cli, tmp_path):
    for mentions, fmt in [(False, "gdelt"), (True, "gdelt-mentions")]:
        path = tmp_path / f"{fmt}.tsv"
        rows = store.to_gdelt(path, mentions=mentions)
        status, out, err = cli("export", "--db", store.path, "--format", fmt)
        assert status == 0, err
        assert path.read_text(encoding="utf-8") == out
        assert rows == len(out.splitlines()) > 0
        widths = {len(line.split("\t")) for line in out.splitlines()}
        assert widths == ({61} if not mentions else {16})
    assert store.to_gdelt(tmp_path / "ven.tsv", actor="VEN") < store.to_gdelt(tmp_path / "all.tsv")


def test_event_and_stats(store, cli):
    first = store.query(frame=False, sort="reports", limit=1)[0]
    merged = store.event(first["event_id"])
    status, out, err = cli("show", first["event_id"], "--db", store.path, "--format", "json")
    assert status == 0, err
    assert merged == json.loads(out)
    assert store.event("0000000000000000") is None
    stats = store.stats()
    assert stats["merged_events"] == len(store.query(frame=False))
    assert stats["events"] == len(store.query(mentions=True, frame=False))
    assert stats["documents"] >= 6


def test_dataframes_when_pandas_is_there(store):
    pandas = pytest.importorskip("pandas")
    df = store.query(dyad=("USA", "VEN"))
    assert isinstance(df, pandas.DataFrame)
    assert {"event_id", "event.cameo", "event.source.code", "evidence"} <= set(df.columns)
    assert len(df) == len(store.query(dyad=("USA", "VEN"), frame=False))
    trend = store.trend("USA", "VEN", by="day", both=True)
    assert list(trend.columns[:6]) == ["period", "events", "q1", "q2", "q3", "q4"]
    assert trend["events"].sum() == trend.attrs["events"]
    assert isinstance(store.query(text="nothing-matches-this"), pandas.DataFrame)


def test_lists_without_pandas(store, monkeypatch):
    monkeypatch.setattr(dyad, "_pandas", lambda: None)
    rows = store.query()
    assert isinstance(rows, list) and isinstance(rows[0], dict)
    assert isinstance(store.trend("USA", "VEN", by="day"), list)
    with pytest.raises(ImportError, match="pip install pandas"):
        store.query(frame=True)


def test_store_errors_carry_the_cli_messages(tmp_path, cli):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is no database" * 100)
    with pytest.raises(dyad.StoreError) as caught:
        dyad.Store(junk)
    status, _, err = cli("query", "--db", junk)
    assert status == 1
    assert err.strip() == f"dyad: error: {caught.value}"

    with pytest.raises(dyad.StoreError, match="does not exist"):
        dyad.Store(tmp_path / "missing.db", create=False)
    with pytest.raises(dyad.DyadError, match="not supported"):
        dyad.Store("postgres://db.example.invalid/events")

    # A newer schema than this build knows.
    newer = tmp_path / "newer.db"
    dyad.Store(newer).close()
    with sqlite3.connect(newer) as conn:
        conn.execute("PRAGMA user_version = 999")
    with pytest.raises(dyad.StoreError) as caught:
        dyad.Store(newer)
    status, _, err = cli("query", "--db", newer)
    assert err.strip() == f"dyad: error: {caught.value}"


def test_closed_store_and_urls(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    store = dyad.Store("sqlite:///rel.db")
    assert (tmp_path / "rel.db").exists()
    store.close()
    with pytest.raises(dyad.DyadError, match="closed"):
        store.query()
    with dyad.Store(f"sqlite:///{tmp_path}/abs.db") as s:
        assert str(s.path) == f"{tmp_path}/abs.db"


def test_failed_inputs_raise_after_storing_the_rest(tmp_path, examples_dir):
    (examples_dir / "empty.txt").write_text("   \n")
    (examples_dir / "broken.jsonl").write_text('{"text": "Peru met Chile."}\n{oops\n')
    with dyad.Store(tmp_path / "f.db") as store:
        with pytest.raises(dyad.InputError) as caught:
            store.ingest(examples_dir)
        message = str(caught.value)
        assert "empty.txt: empty article" in message
        assert "broken.jsonl:2: malformed JSON" in message
        assert caught.value.summary["documents_added"] >= 6
        assert store.ingest(examples_dir, on_error="ignore")["documents_skipped"] >= 6
        with pytest.warns(dyad.DyadWarning) as warned:
            store.ingest(examples_dir, on_error="warn")
        notes = [str(w.message) for w in warned]
        assert any(n.endswith("empty.txt: empty article") for n in notes)
        assert any("broken.jsonl:2: malformed JSON" in n for n in notes)
        with pytest.raises(dyad.InputError, match="article 0: empty article"):
            store.ingest(articles=[" "])
