"""Consecutive list items become one <ul>; other blocks keep their order around it."""

from __future__ import annotations

from types import SimpleNamespace

from audiobook.model import Role
from audiobook.writers.html_lists import with_lists


def _blocks(*roles_and_names):
    return [SimpleNamespace(role=role, name=name) for role, name in roles_and_names]


def test_runs_of_list_items_are_one_list_each():
    blocks = _blocks((Role.PARAGRAPH, "a"), (Role.LIST_ITEM, "1"), (Role.LIST_ITEM, "2"),
                     (Role.PARAGRAPH, "b"), (Role.LIST_ITEM, "3"))
    lines = with_lists(blocks, lambda b: f"<li>{b.name}</li>", lambda b: f"<p>{b.name}</p>")
    assert lines == ["<p>a</p>", "<ul>", "<li>1</li>", "<li>2</li>", "</ul>", "<p>b</p>",
                     "<ul>", "<li>3</li>", "</ul>"]


def test_no_list_items_leave_the_blocks_as_they_are():
    blocks = _blocks((Role.PARAGRAPH, "a"), (Role.QUOTE, "b"))
    assert with_lists(blocks, lambda b: "<li/>", lambda b: b.name) == ["a", "b"]
    assert with_lists([], lambda b: "<li/>", lambda b: b.name) == []
