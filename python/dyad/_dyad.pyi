"""Type stubs of dyad's native module (the Rust engine). Use the `dyad` package, which
wraps it."""

import os
from typing import Any, Dict, Iterable, Iterator, List, Optional, Union

__version__: str

class DyadError(Exception):
    """Base class of dyad's errors; the message is the one the `dyad` command prints."""

class InputError(DyadError):
    """An article that cannot be analysed (empty, a bad date, a file that cannot be read)."""

class StoreError(DyadError):
    """The event store failed (missing, locked, full, not a dyad database...)."""

Record = Dict[str, Any]
Article = Union[str, Dict[str, Any]]

def code(
    text: str,
    date: Optional[str] = None,
    url: Optional[str] = None,
    *,
    title: Optional[str] = None,
    outlet: Optional[str] = None,
    id: Optional[str] = None,
) -> Record: ...
def code_many(
    articles: Iterable[Article], threads: Optional[int] = None, chunk: Optional[int] = None
) -> CodeIter: ...

class CodeIter(Iterator[Record]):
    def __iter__(self) -> CodeIter: ...
    def __next__(self) -> Record: ...

class NativeStore:
    def __init__(
        self,
        path: Union[str, os.PathLike[str]],
        create: bool = True,
        busy_timeout_ms: int = 5000,
        max_db_mb: Optional[float] = None,
    ) -> None: ...
    @property
    def path(self) -> os.PathLike[str]: ...
    def close(self) -> None: ...
    def ingest(
        self,
        paths: List[str],
        articles: Optional[Iterable[Article]],
        date: Optional[str] = None,
        batch: int = 64,
        threads: Optional[int] = None,
    ) -> Dict[str, Any]: ...
    def query(self, filters: Dict[str, Any]) -> List[Dict[str, Any]]: ...
    def trend(self, source: str, target: str, by: str = "week", both: bool = False) -> Dict[str, Any]: ...
    def to_gdelt(self, path: str, mentions: bool, filters: Dict[str, Any]) -> int: ...
    def event(self, event_id: str) -> Optional[Dict[str, Any]]: ...
    def stats(self) -> Dict[str, Any]: ...
