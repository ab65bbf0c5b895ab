"""Python tags in a site's YAML whose module is not installed where the command runs.

Material's documented emoji setup writes ``emoji_index: !!python/name:material.extensions.emoji.twemoji``.
MkDocs' YAML loader imports that module while it reads the file, so without Material
(a pre-commit hook's own environment) the whole config failed to load.  Inside
:func:`python_tags_as_placeholders` such a value is read as a :class:`PythonTag` instead,
and the caller warns that it is not installed here, as for a missing theme or plugin.
A tag whose module *is* installed is constructed as MkDocs constructs it, and a name
missing from an installed module stays the error a build would give.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import GeneratorType
from typing import Any

import yaml
from yaml.constructor import ConstructorError

_PREFIXES = ("name:", "module:", "object:", "object/new:", "object/apply:")
_TAG = "tag:yaml.org,2002:python/"
_LOCK = threading.Lock()


class PythonTag(str):
    """A placeholder for a Python value whose module is not installed here: the tag as
    written (``!!python/name:material.extensions.emoji.twemoji``)."""

    __slots__ = ()


def _tolerant(missing: list[str]) -> type[yaml.Loader]:
    """A ``yaml.Loader`` subclass reading an unimportable Python tag as a :class:`PythonTag`
    and appending its text to ``missing`` (once)."""

    class Loader(yaml.Loader):
        pass

    def wrap(prefix: str) -> Callable[..., Any]:
        original = yaml.Loader.yaml_multi_constructors[_TAG + prefix]

        def construct(loader: yaml.Loader, suffix: str, node: yaml.Node) -> Any:
            try:
                made = original(loader, suffix, node)
                if isinstance(made, GeneratorType):  # python/object: the instance, then its state
                    return _resumed(next(made), made)
                return made
            except ConstructorError as exc:
                if not (exc.problem or "").startswith("cannot find module"):
                    raise
                tag = PythonTag(f"!!python/{prefix}{suffix}")
                if tag not in missing:
                    missing.append(tag)
                return tag

        return construct

    for prefix in _PREFIXES:
        Loader.add_multi_constructor(_TAG + prefix, wrap(prefix))
    return Loader


def _resumed(first: Any, rest: Iterator[Any]) -> Iterator[Any]:
    """A constructor's generator whose first value was taken already (to catch its error)."""
    yield first
    yield from rest


def _loader_factories() -> list[Any]:
    """MkDocs' ``get_yaml_loader`` (and ProperDocs', when installed): their default base loader is patched."""
    import mkdocs.utils.yaml

    found: list[Any] = [mkdocs.utils.yaml.get_yaml_loader]
    try:
        import properdocs.utils.yaml  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        pass
    else:
        found.append(properdocs.utils.yaml.get_yaml_loader)
    return found


@contextmanager
def python_tags_as_placeholders() -> Iterator[list[str]]:
    """While active, the YAML of MkDocs' (and ProperDocs') config loading reads a Python
    tag whose module cannot be imported as a :class:`PythonTag`; yields the list of such
    tags (``!!python/name:material.extensions.emoji.twemoji``), filled as they are read.

    MkDocs builds its loader from ``get_yaml_loader``'s default base class on each load;
    that default is swapped for the tolerant loader and put back on exit (one load at a time).
    """
    missing: list[str] = []
    loader = _tolerant(missing)
    with _LOCK:
        saved = [(f, f.__defaults__) for f in _loader_factories()]
        try:
            for factory, defaults in saved:
                factory.__defaults__ = (loader, *(defaults or (None,))[1:])
            yield missing
        finally:
            for factory, defaults in saved:
                factory.__defaults__ = defaults
