"""The model records the parser builds stay frozen, typed dataclasses.

``model.py`` gives its frozen records a faster ``__init__`` (see ``_direct_init``);
these tests pin that nothing a user of the model relies on changed with it.
"""

from __future__ import annotations

import dataclasses
import inspect

import pytest

from mkdocs_prd.core import model
from mkdocs_prd.core.model import Attribute, Iosm, IosmIndex, Metadata, Prd, Requirement, Section

RECORDS = [
    cls
    for cls in vars(model).values()
    if isinstance(cls, type) and cls.__module__ == model.__name__ and dataclasses.is_dataclass(cls)
]


def test_every_record_is_a_frozen_slotted_dataclass() -> None:
    assert len(RECORDS) >= 19
    for cls in RECORDS:
        assert cls.__dataclass_params__.frozen, cls  # type: ignore[attr-defined]
        assert "__slots__" in cls.__dict__, cls


def test_construction_by_position_and_keyword_with_defaults() -> None:
    by_position = Requirement("functional", "FR-1", "Export", 3, "block")
    by_keyword = Requirement(kind="functional", id="FR-1", name="Export", line=3, form="block")
    assert by_position == by_keyword
    assert by_position.attributes == () and by_position.priority is None and by_position.priority_line == 0
    assert hash(by_position) == hash(by_keyword)
    assert by_position != dataclasses.replace(by_position, priority="Must")


def test_default_factories_give_each_record_its_own_value() -> None:
    a, b = Prd("a.md", "A", 1), Prd("b.md", "B", 1)
    assert a.front_matter == {} and a.front_matter is not b.front_matter
    assert a.metadata == Metadata() and a.iosm == Iosm() and a.iosm.index == IosmIndex()
    given: dict[str, object] = {"type": "prd"}
    assert Prd("c.md", "C", 1, front_matter=given).front_matter is given


def test_records_cannot_be_changed() -> None:
    attr = Attribute("Priority", "Must", 4)
    with pytest.raises(dataclasses.FrozenInstanceError):
        attr.value = "Could"  # type: ignore[misc]
    assert attr.value == "Must"


def test_replace_fields_and_signature_are_dataclass_ones() -> None:
    prd = Prd("a.md", "A", 1, line_count=9)
    renamed = dataclasses.replace(prd, path="b.md")
    assert (renamed.path, renamed.title, renamed.line_count) == ("b.md", "A", 9)
    assert [f.name for f in dataclasses.fields(Section)][:3] == ["title", "number", "key"]
    params = inspect.signature(Iosm).parameters
    assert list(params) == [f.name for f in dataclasses.fields(Iosm)]
    assert repr(params["index"].default) == "<factory>"
    assert params["form"].default == "none"


@pytest.mark.parametrize("cls", RECORDS, ids=lambda c: c.__name__)
def test_missing_or_unknown_arguments_raise_type_error(cls: type) -> None:
    with pytest.raises(TypeError):
        cls(no_such_field=1)
