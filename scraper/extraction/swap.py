"""Module globals swapped for one thread's call: how the lean call steers trafilatura (see :mod:`lean`).

trafilatura reads its steps and XPath lists from its module globals; the lean call replaces a
few for the length of one call. Another thread calling trafilatura meanwhile (a user of the
Python API may) must see the originals, so each stand-in answers as itself in the thread that
swapped it in and as the original in every other.
"""

from __future__ import annotations

import threading
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterator


@contextmanager
def swapped(module: object, values: dict[str, object]) -> Iterator[None]:
    """``module``'s attributes set to ``values`` for the ``with`` block, then put back.

    Only the thread that swaps sees ``values``: a module global is shared by every thread, and
    another thread calling trafilatura meanwhile (a user of the Python API may) must run its own
    functions and XPath lists, and must not write into this call's stand-ins' state.
    """
    owner = threading.get_ident()
    saved = {name: getattr(module, name) for name in values}
    try:
        for name, value in values.items():
            setattr(module, name, _for_thread(owner, value, saved[name]))
        yield
    finally:
        for name, value in saved.items():
            setattr(module, name, value)


def _for_thread(owner: int, value: object, original: object) -> object:
    """``value`` as seen by thread ``owner``, ``original`` by any other (functions and lists)."""
    if callable(value) and callable(original):
        stand_in, own = value, original

        def call(*args: Any, **kwargs: Any) -> Any:
            return (stand_in if threading.get_ident() == owner else own)(*args, **kwargs)

        return call
    if isinstance(value, list) and isinstance(original, list):
        return _ThreadList(owner, value, original)
    return value


class _ThreadList(list[Any]):
    """A list that iterates as ``value`` in thread ``owner`` and as ``original`` in the others."""

    def __init__(self, owner: int, value: list[Any], original: list[Any]) -> None:
        super().__init__(value)
        self._owner, self._original = owner, original

    def _seen(self) -> list[Any]:
        return list.copy(self) if threading.get_ident() == self._owner else self._original

    def __iter__(self) -> Iterator[Any]:
        return iter(self._seen())

    def __len__(self) -> int:
        return len(self._seen())

    def __bool__(self) -> bool:
        return bool(self._seen())
