"""A PRD as its page shows it after another plugin rendered the page's Markdown.

Template plugins (mkdocs-macros, a git-date plugin's ``{{ git_revision_date_localized }}``)
turn ``**Owner:** {{ owner }}`` into ``**Owner:** Payments Team`` before the PRD
plugin sees the page.  The site's catalog (rules, index) is read from the file; the
page's own card, IOSM block and index row show what the page says: the title, the
header values, the IOSM targets and index (``**Current baseline:** {{ baseline }}``,
``P95 latency: ≤{{ p95 }}ms``) and the requirements' priorities (``Priority: {{ prio }}``).
"""

from __future__ import annotations

from dataclasses import replace

from mkdocs_prd.core.model import Iosm, IosmIndex, Prd, Requirement


def as_shown(prd: Prd, rendered: Prd) -> Prd:
    """``prd`` with the values of ``rendered`` (the same page parsed from its rendered
    Markdown); ``prd`` itself when they are the same.

    Taken: the title, the header-line values, the IOSM section when the rendered one has the
    same targets and index figures (a value changed, not the section: an include the
    rendered Markdown does not hold yet, ``--8<--``, keeps the file's), and each requirement's
    priority when the rendered page has the same requirements.  Front matter fields are
    kept: no plugin renders them."""
    shown = {f.key: f for f in rendered.metadata.fields if f.source == "header"}
    fields = tuple(
        replace(f, value=shown[f.key].value, written=shown[f.key].written)
        if f.source == "header" and f.key in shown
        else f
        for f in prd.metadata.fields
    )
    title = rendered.title or prd.title
    iosm = rendered.iosm if _values_changed(prd.iosm, rendered.iosm) else prd.iosm
    functional = _priorities(prd.functional, rendered.functional)
    non_functional = _priorities(prd.non_functional, rendered.non_functional)
    if (
        fields == prd.metadata.fields
        and title == prd.title
        and iosm is prd.iosm
        and functional is prd.functional
        and non_functional is prd.non_functional
    ):
        return prd
    return replace(
        prd,
        title=title,
        metadata=replace(prd.metadata, fields=fields),
        iosm=iosm,
        functional=functional,
        non_functional=non_functional,
    )


def _index_parts(index: IosmIndex) -> tuple[bool, bool, bool]:
    return (index.baseline is not None, index.target is not None, index.delta is not None)


def _values_changed(written: Iosm, rendered: Iosm) -> bool:
    """Whether ``rendered`` is the section ``written`` with other values: the same form, gates,
    number of targets and index figures, and some target or figure reads otherwise."""
    if (written.form, written.gates, _index_parts(written.index)) != (
        rendered.form,
        rendered.gates,
        _index_parts(rendered.index),
    ):
        return False
    if [t.gate for t in written.targets] != [t.gate for t in rendered.targets]:
        return False

    def values(iosm: Iosm) -> tuple[object, ...]:
        idx = iosm.index
        figures = tuple(n.raw if n is not None else None for n in (idx.baseline, idx.target, idx.delta))
        return (tuple((t.metric, t.raw, t.baseline, t.delta) for t in iosm.targets), figures)

    return values(written) != values(rendered)


def _priorities(
    written: tuple[Requirement, ...], rendered: tuple[Requirement, ...]
) -> tuple[Requirement, ...]:
    """``written`` with the priorities ``rendered`` shows, when it lists the same requirements
    (ids and forms in the same order); ``written`` itself otherwise or when none differs."""
    if [(r.id, r.form) for r in written] != [(r.id, r.form) for r in rendered]:
        return written
    if all(w.priority == r.priority for w, r in zip(written, rendered, strict=True)):
        return written
    return tuple(
        w if w.priority == r.priority else replace(w, priority=r.priority)
        for w, r in zip(written, rendered, strict=True)
    )
