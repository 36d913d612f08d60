# The public names of `zhupi`, typed: the package only re-exports the native module, whose
# types (the Entity and Term dicts, the functions) are written in _zhupi.pyi. The Spark
# helper, zhupi.spark, is plain Python and typed in its source.
from ._zhupi import Columns as Columns
from ._zhupi import Entity as Entity
from ._zhupi import Term as Term
from ._zhupi import __version__ as __version__
from ._zhupi import extract as extract
from ._zhupi import extract_columns as extract_columns
from ._zhupi import extract_many as extract_many

KINDS: tuple[str, str, str]
