# Types of the native module zhupi._zhupi (python/src/lib.rs), which has no Python
# source for a type checker to read. An entity is the CLI's JSON Lines object: the
# keys after `kind` are present only where the spec gives them (never None).

from collections.abc import Iterable
from typing import Literal, TypedDict, Union

from typing_extensions import NotRequired

Kind = Literal["figure", "initiative", "document"]
Sub = Literal[
    "count", "percent", "money", "measure", "duration", "date", "ordinal", "number",
    "policy", "publication",
]
Approx = Literal["exact", "about", "more_than", "less_than"]
# A number, a [lo, hi] range, a partial ISO 8601 date ("2019-04", "XXXX-06", "T14:00")
# or a [from, to] range of dates. None only for a non-finite number (as JSON's null).
Value = Union[int, float, list[Union[int, float]], str, list[str], None]

class Term(TypedDict):
    text: str
    kind: Kind

class Entity(TypedDict):
    start: int
    end: int
    text: str
    kind: Kind
    sub: NotRequired[Sub]
    value: NotRequired[Value]
    unit: NotRequired[str]
    approx: NotRequired[Approx]

Kinds = Union[str, Iterable[str], None]
Terms = Union[str, Iterable[Term], None]

__version__: str

def extract(text: str, kinds: Kinds = None, terms: Terms = None) -> list[Entity]: ...
def extract_many(
    texts: Iterable[str], kinds: Kinds = None, terms: Terms = None
) -> list[list[Entity]]: ...

class Columns(TypedDict):
    row: list[int]
    start: list[int]
    end: list[int]
    text: list[str]
    kind: list[Kind]
    sub: list[Sub | None]
    value: list[str | None]
    unit: list[str | None]
    approx: list[Approx | None]

def extract_columns(
    texts: Iterable[str], kinds: Kinds = None, terms: Terms = None
) -> Columns: ...
