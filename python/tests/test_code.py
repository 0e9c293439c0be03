"""dyad.code and dyad.code_many: the records of `dyad code --format json`."""

import datetime
import json

import pytest

import dyad

TEXT = (
    "President Donald Trump said on Saturday that the airspace above and around Venezuela "
    "should be considered closed in its entirety. The government of Venezuela condemned "
    "the statement as a threat."
)


def without_path(record):
    record = json.loads(json.dumps(record))
    record["doc"].pop("path")
    return record


def test_record_equals_the_cli_json_for_the_same_article(cli, example_articles, tmp_path):
    # Every article of the examples, with all its metadata, through both doors.
    source = tmp_path / "articles.jsonl"
    source.write_text(
        "".join(json.dumps(a) + "\n" for a in example_articles), encoding="utf-8"
    )
    status, out, err = cli("code", source, "--format", "json")
    assert status == 0, err
    cli_records = [json.loads(line) for line in out.splitlines()]
    assert len(cli_records) == len(example_articles) >= 2
    for article, expected in zip(example_articles, cli_records):
        record = dyad.code(
            article["text"],
            date=article.get("published"),
            url=article.get("url"),
            title=article.get("title"),
            outlet=article.get("outlet"),
            id=article.get("id"),
        )
        assert record["doc"]["path"] is None
        assert expected["doc"]["path"].startswith(str(source))
        assert expected["events"], "the example should code events"
        assert without_path(record) == without_path(expected)


def test_record_of_a_bare_text_equals_the_cli_on_stdin(cli):
    status, out, err = cli(
        "code", "-", "--format", "json", "--date", "2025-11-29",
        stdin=json.dumps({"text": TEXT, "url": "https://example.invalid/a"}) + "\n",
    )
    assert status == 0, err
    expected = json.loads(out)
    record = dyad.code(TEXT, date=datetime.date(2025, 11, 29), url="https://example.invalid/a")
    assert without_path(record) == without_path(expected)
    assert record["doc"]["published"] == "2025-11-29"
    # Relative dates resolve against the publication date.
    dates = {e["date"]["value"] for e in record["events"]}
    assert "2025-11-29" in dates


def test_record_fields_and_offsets():
    record = dyad.code(TEXT, "2025-11-29")
    text = record["doc"]["text"]
    assert set(record) >= {"doc", "sentences", "entities", "timexes", "quotes", "events", "pipeline"}
    assert record["pipeline"]["dyad"] == dyad.__version__
    for span in record["entities"] + record["timexes"] + [e["trigger"] for e in record["events"]]:
        assert text.encode()[span["start"]:span["end"]].decode() == span["text"]


def test_dates_in_other_forms_and_bad_dates():
    iso = dyad.code(TEXT, "2025-11-29")
    assert dyad.code(TEXT, "29 November 2025") == iso
    assert dyad.code(TEXT, datetime.datetime(2025, 11, 29, 14, 3)) == iso
    with pytest.raises(dyad.InputError, match="`last week` is not a date"):
        dyad.code(TEXT, "last week")
    with pytest.raises(TypeError):
        dyad.code(TEXT, 20251129)


def test_empty_article_is_the_readers_error():
    with pytest.raises(dyad.InputError, match="^empty article$"):
        dyad.code("   \n\t ")
    assert issubclass(dyad.InputError, dyad.DyadError)


def test_code_many_streams_the_records_of_code_in_order(example_articles):
    texts = [a["text"] for a in example_articles] + [TEXT]
    one_by_one = [dyad.code(t) for t in texts]
    for threads, chunk in [(1, 1), (2, 2), (None, None)]:
        stream = dyad.code_many(iter(texts), threads=threads, chunk=chunk)
        assert iter(stream) is stream
        assert list(stream) == one_by_one


def test_code_many_takes_article_dicts(example_articles):
    records = list(dyad.code_many(example_articles, threads=2))
    for article, record in zip(example_articles, records):
        assert record["doc"]["id"] == article["id"]
        assert record["doc"]["outlet"] == article["outlet"]
        assert record["doc"]["published"] == article["published"]


def test_code_many_is_lazy_and_raises_at_the_bad_article():
    pulled = []

    def articles():
        for i, text in enumerate([TEXT, "  ", TEXT + " Again."]):
            pulled.append(i)
            yield text

    stream = dyad.code_many(articles(), threads=1, chunk=1)
    assert pulled == []
    first = next(stream)
    assert first["doc"]["text"] == TEXT
    with pytest.raises(dyad.InputError, match="^article 1: empty article$"):
        next(stream)
    # The stream goes on after a bad article.
    assert next(stream)["doc"]["text"].endswith("Again.")
    with pytest.raises(StopIteration):
        next(stream)


def test_code_many_refuses_what_is_not_an_article():
    with pytest.raises(TypeError, match="a str or a dict"):
        list(dyad.code_many([TEXT, 42]))
    with pytest.raises(dyad.InputError, match="missing `text` field"):
        list(dyad.code_many([{"title": "no text"}]))


def test_code_many_passes_on_the_sources_error():
    def broken():
        yield TEXT
        raise RuntimeError("feed died")

    stream = dyad.code_many(broken(), threads=1, chunk=4)
    with pytest.raises(RuntimeError, match="feed died"):
        list(stream)


def test_stubs_name_what_the_module_has():
    import ast
    import pathlib

    stub = pathlib.Path(dyad.__file__).with_name("_dyad.pyi").read_text()
    names = {
        node.name
        for node in ast.parse(stub).body
        if isinstance(node, (ast.FunctionDef, ast.ClassDef))
    }
    from dyad import _dyad

    assert names - {"CodeIter"} <= set(dir(_dyad))
    assert {"code", "code_many", "NativeStore", "DyadError"} <= names
