"""YAML front matter: the metadata of a PRD that is not in its header (see ``header``).

Front-matter scalars keep the text the author wrote (``version: 1.10`` stays
``"1.10"``, ``track_id: 0042`` stays ``"0042"``): the YAML is composed into nodes
with PyYAML's base resolver, which never converts a scalar, and the nodes are turned
into ``str`` / ``list`` / ``dict`` by hand so each key keeps its real line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import yaml

from mkdocs_prd.core.model import FIELD_SYNONYMS, MULTI_VALUED, Field, Problem
from mkdocs_prd.core.parse.inline import meta_field

# libyaml when available: the pure-Python composer costs more than the rest of the parse.
_Loader: type[yaml.BaseLoader] = getattr(yaml, "CBaseLoader", yaml.BaseLoader)

# A YAML alias may point at a big node many times ("billion laughs"); converting it
# would take exponential time, so conversion stops after this many nodes.
_NODE_BUDGET = 20_000
_MAX_DEPTH = 50

_KEY_ALIASES = {"trackid": "track_id", "track": "track_id", "tracking_id": "track_id"}
_NON_WORD = re.compile(r"[\W_]+")

IGNORE_KEY = "prd_ignore"

CUT_SHORT = "front matter is too large (aliases expand too far); it was cut short"
"""The problem (code ``yaml``, PRD001) of front matter that holds more than :data:`_NODE_BUDGET`
values once its aliases are expanded: the build gives MkDocs the page without it."""


@lru_cache(maxsize=1024)
def normalise_key(label: str) -> str:
    """``Track ID`` -> ``track_id``, ``track-id`` -> ``track_id``, ``Date`` -> ``date``."""
    key = _NON_WORD.sub("_", label.strip().lower()).strip("_")
    return _KEY_ALIASES.get(key, key)


@dataclass(slots=True)
class FrontMatter:
    """The front-matter mapping (scalars as text) and a Field for each simple key."""

    data: dict[str, object] = field(default_factory=dict)
    fields: list[Field] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def read_front_matter(lines: list[str], end: int) -> FrontMatter:
    """Read the front matter held by ``lines[1:end-1]`` (``end`` is the closing line, 1-based)."""
    out = FrontMatter()
    if end < 2:
        return out
    yaml_text = "\n".join(lines[1 : end - 1])
    if not yaml_text.strip():
        return out
    try:
        node = yaml.compose(yaml_text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        # The context mark points at what was left open (the "[" of an unclosed
        # list), which is where the author has to look; the problem mark is where
        # the parser gave up.
        mark = exc.context_mark or exc.problem_mark
        line = 2 + (mark.line if mark is not None else 0)
        out.problems.append(Problem(line=min(line, end - 1), code="yaml", message=_yaml_message(exc)))
        return out
    except yaml.YAMLError as exc:  # e.g. a ReaderError for a control character
        out.problems.append(Problem(line=2, code="yaml", message=f"front matter is not valid YAML: {exc}"))
        return out
    except RecursionError:
        out.problems.append(Problem(line=2, code="yaml", message="front matter is nested too deeply"))
        return out
    if node is None:
        return out
    if not isinstance(node, yaml.MappingNode):
        out.problems.append(
            Problem(line=2, code="yaml", message="front matter is not a mapping of keys to values")
        )
        return out
    budget = [_NODE_BUDGET]
    for key_node, value_node in node.value:
        key = _to_text(key_node, budget, 0)
        value = _to_python(value_node, budget, 0)
        line = 2 + key_node.start_mark.line
        if key in out.data:
            out.problems.append(
                Problem(line=line, code="yaml", message=f"front matter key {key!r} is repeated")
            )
        out.data[key] = value
        text = _field_text(value, normalise_key(key) in _PEOPLE)
        if text is not None and normalise_key(key) != IGNORE_KEY:
            # The same value reading as a header line: `owner: "[Ann](mailto:ann@x.io)"` is Ann.
            out.fields.append(meta_field(normalise_key(key), key, text, line, "front_matter"))
    if budget[0] < 0:
        out.problems.append(Problem(line=2, code="yaml", message=CUT_SHORT))
    return out


def _yaml_message(exc: yaml.MarkedYAMLError) -> str:
    parts = [p for p in (exc.context, exc.problem) if p]
    return "front matter is not valid YAML: " + (", ".join(parts) if parts else "invalid YAML")


def _to_python(node: yaml.Node, budget: list[int], depth: int) -> object:
    budget[0] -= 1
    if budget[0] < 0 or depth > _MAX_DEPTH:
        return ""
    if isinstance(node, yaml.ScalarNode):
        return str(node.value)
    if isinstance(node, yaml.SequenceNode):
        return [_to_python(child, budget, depth + 1) for child in node.value]
    if isinstance(node, yaml.MappingNode):
        return {_to_text(k, budget, depth + 1): _to_python(v, budget, depth + 1) for k, v in node.value}
    return ""


def _to_text(node: yaml.Node, budget: list[int], depth: int) -> str:
    if isinstance(node, yaml.ScalarNode):
        return str(node.value)
    return str(_to_python(node, budget, depth))


def _field_text(value: object, people: bool) -> str | None:
    """The text of a metadata field: scalars as written, flat lists joined by ", "; a person
    written as a mapping (``owner: {name: Ann, email: …}``) is its name, and so is each of
    a list of them (``authors: [{name: Ann}, {name: Bo}]`` is ``Ann, Bo``), for the keys
    that name people (``people``: Owner, Authors, Reviewers …)."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return _name_of(value) if people else None
    if isinstance(value, list):
        texts = [
            v if isinstance(v, str) else _name_of(v) if people and isinstance(v, dict) else None
            for v in value
        ]
        if all(t is not None for t in texts):
            return ", ".join(t for t in texts if t)
    return None


_NAME_KEYS = ("name", "full_name", "display_name", "team")
_PEOPLE = MULTI_VALUED | set(FIELD_SYNONYMS["owner"])


def _name_of(mapping: dict[str, object]) -> str | None:
    """The name a mapping gives a person or team (``{name: Ann, email: …}`` -> ``Ann``), else None."""
    for key in _NAME_KEYS:
        value = mapping.get(key)
        if isinstance(value, str) and value.strip():
            return value
    return None


def ignored_from_front_matter(data: dict[str, object]) -> set[str]:
    """Rule ids listed under ``prd_ignore`` (a list, or a comma/space separated string)."""
    ids: set[str] = set()
    for key, value in data.items():
        if normalise_key(key) != IGNORE_KEY:
            continue
        items = value if isinstance(value, list) else [value]
        for item in items:
            if isinstance(item, str):
                ids.update(rule_ids(item))
    return ids


def ignored_from_comments(text: str) -> set[str]:
    """Rule ids named in ``<!-- prd-ignore PRD401 PRD402 -->`` comments in ``text``."""
    ids: set[str] = set()
    marker = "prd-ignore"
    pos = text.find(marker)
    close = -1
    while pos >= 0:
        nxt = text.find(marker, pos + 1)
        if close < pos:
            close = text.find("-->", pos)
            if close < 0:
                break
        # Only a comment that opens right before the marker counts; the ids end at
        # its close (or at the next marker, which keeps the scan linear).
        if text[max(0, pos - 40) : pos].rstrip().endswith("<!--"):
            stop = close if nxt < 0 or close < nxt else nxt
            ids.update(rule_ids(text[pos + len(marker) : stop]))
        pos = nxt
    return ids


def rule_ids(text: str) -> list[str]:
    """Upper-cased rule ids from a comma and/or blank separated list."""
    return [part.upper() for part in text.replace(",", " ").split() if part]
