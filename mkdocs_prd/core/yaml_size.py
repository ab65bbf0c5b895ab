"""How many values a YAML document holds once its aliases are expanded ("billion laughs").

MkDocs-free.  A YAML alias refers to an anchored node; thirty levels that each refer to
the one before twice are a few hundred bytes and 2**30 values.  A loader builds them as
shared references, cheaply, but whatever walks the result as a tree (MkDocs writes each
config value into its debug log with ``repr``) does not finish.  The size is counted on
the composed node graph, each node once, so the count itself is linear in the text.
"""

from __future__ import annotations

import yaml

# libyaml when available; composing does not construct values, so no tag runs.
_Loader: type[yaml.BaseLoader] = getattr(yaml, "CBaseLoader", yaml.BaseLoader)

MAX_VALUES = 1_000_000
"""More values than any real config holds: a site of 10,000 nav entries has ~50,000."""


def expanded_size(text: str | bytes) -> int | None:
    """The number of nodes (scalars, sequences, mappings, keys) of the YAML ``text`` once
    every alias is expanded; None when the text is not one well-formed YAML document (the
    loader that reads it reports that).  A node that contains itself counts once."""
    root = _compose(text)
    if root is None or root is _EMPTY:
        return None if root is None else 0
    return _size(root)


def top_level_scalar(text: str | bytes, key: str) -> str | None:
    """The scalar value of ``key`` in the top-level mapping of the YAML ``text`` (MkDocs'
    ``INHERIT``), read without constructing anything; None when there is none."""
    root = _compose(text)
    if not isinstance(root, yaml.MappingNode):
        return None
    for k, v in root.value:
        if isinstance(k, yaml.ScalarNode) and k.value == key and isinstance(v, yaml.ScalarNode):
            return str(v.value)
    return None


_EMPTY = yaml.ScalarNode("tag:yaml.org,2002:null", "")


def _compose(text: str | bytes) -> yaml.Node | None:
    try:
        root = yaml.compose(text, Loader=_Loader)
    except (yaml.YAMLError, RecursionError, ValueError):
        return None
    return _EMPTY if root is None else root


def _size(root: yaml.Node) -> int:
    size: dict[int, int] = {}
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        if id(node) in size and not done:
            continue
        children = _children(node)
        if done:
            size[id(node)] = 1 + sum(size.get(id(c), 1) for c in children)
            continue
        size[id(node)] = 1  # in progress: a node inside itself counts once
        stack.append((node, True))
        stack.extend((c, False) for c in children if id(c) not in size)
    return size[id(root)]


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    return []
