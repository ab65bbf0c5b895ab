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
    try:
        root = yaml.compose(text, Loader=_Loader)
    except (yaml.YAMLError, RecursionError, ValueError):
        return None
    if root is None:
        return 0
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
