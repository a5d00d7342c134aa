"""Module globals swapped for one thread's call: how the lean call steers trafilatura (see :mod:`lean`).

trafilatura reads its steps and XPath lists from its module globals; the lean call replaces a
few for the length of one call. Another thread calling trafilatura meanwhile (a user of the
Python API may) must see the originals, so each stand-in answers as itself in the thread that
swapped it in and as the original in every other.
"""

from __future__ import annotations

import threading
from collections import Counter
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
            _release(owner, getattr(module, name))
            setattr(module, name, value)


def _for_thread(owner: int, value: object, original: object) -> object:
    """``value`` as seen by thread ``owner``, ``original`` by any other (classes, functions, lists)."""
    if isinstance(value, type) and isinstance(original, type) and issubclass(value, original):
        return _class_for_thread(owner, value, original)
    if callable(value) and callable(original):
        stand_in, own = value, original

        def call(*args: Any, **kwargs: Any) -> Any:
            return (stand_in if threading.get_ident() == owner else own)(*args, **kwargs)

        return call
    if isinstance(value, list) and isinstance(original, list):
        return _ThreadList(owner, value, original)
    return value


# Class stand-ins are made once per (stand-in, original) pair and kept: a class is a cycle of
# objects, and one made per call would leave cyclic garbage on every page. Each counts the threads
# inside a swap that put it in place; any other thread (or one that kept the name after the swap
# ended) gets the original.
_CLASSES: dict[tuple[type, type], type] = {}
_OWNERS: dict[type, Counter[int]] = {}
_CLASSES_LOCK = threading.Lock()


def _class_for_thread(owner: int, value: type, original: type) -> type:
    """A class that makes ``value`` instances in thread ``owner``, ``original`` ones in the others.

    It is a class, not a function, so code in another thread that checks ``isinstance`` against the
    module's name, or subclasses it, meanwhile works as with the original: every instance of the
    original counts as one of it, and a subclass of it is built as a subclass of the original.
    """
    with _CLASSES_LOCK:
        stand_in = _CLASSES.get((value, original))
        if stand_in is None:
            stand_in = _CLASSES[value, original] = _thread_class(value, original)
        _OWNERS[stand_in][owner] += 1
    return stand_in


def _thread_class(value: type, original: type) -> type:
    owners: Counter[int] = Counter()

    class Seen(type(original)):  # type: ignore[misc]  # the original's metaclass, whatever it is
        def __call__(cls, *args: Any, **kwargs: Any) -> Any:
            if cls is stand_in:  # built by its name in the module: the thread chooses the class
                return (value if owners[threading.get_ident()] > 0 else original)(*args, **kwargs)
            return super().__call__(*args, **kwargs)  # a subclass someone made meanwhile: built as usual

        def __instancecheck__(cls, instance: object) -> bool:
            return isinstance(instance, original)

        def __subclasscheck__(cls, subclass: type) -> bool:
            return issubclass(subclass, original)

    stand_in: type = Seen(original.__name__, (original,), {"__module__": original.__module__})
    _OWNERS[stand_in] = owners
    return stand_in


def _release(owner: int, current: object) -> None:
    """The swap by thread ``owner`` that put ``current`` in place has ended."""
    if isinstance(current, type) and current in _OWNERS:
        with _CLASSES_LOCK:
            _OWNERS[current][owner] -= 1


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
