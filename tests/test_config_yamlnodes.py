"""YamlReader: the line-numbered, tag-checked reader behind voices.yaml, used directly."""

from __future__ import annotations

import pytest
import yaml

from audiobook.config.yamlnodes import YamlReader, join
from audiobook.errors import ConfigError

KEYS = ("engine", "roles")


def message(reader: YamlReader, text: str) -> str:
    with pytest.raises(ConfigError) as caught:
        reader.document(text, KEYS)
    return str(caught.value)


def test_document_keeps_nodes_by_key_in_file_order() -> None:
    nodes = YamlReader("v.yaml").document("roles: {}\nengine: fake\n", KEYS)
    assert list(nodes) == ["roles", "engine"]
    assert isinstance(nodes["roles"], yaml.MappingNode)
    assert nodes["engine"].value == "fake"
    assert nodes["engine"].start_mark.line == 1


@pytest.mark.parametrize("text", ["", "# comments only\n"])
def test_empty_document_sets_nothing(text: str) -> None:
    assert YamlReader("v.yaml").document(text, KEYS) == {}


def test_only_the_allowed_keys_are_accepted() -> None:
    assert message(YamlReader("v.yaml"), "engine: fake\nrole: {}\n") == (
        "v.yaml line 2: unknown key 'role' — did you mean 'roles'?"
    )


def test_without_lines_messages_name_the_source_alone() -> None:
    assert message(YamlReader("built-in defaults", lines=False), "engine: a\nengine: b\n") == (
        "built-in defaults: 'engine' is given twice (first on line 1): keep one"
    )


def test_a_recursive_anchor_is_read_once_not_forever() -> None:
    reader = YamlReader("v.yaml")
    node = reader.document("engine: &a [*a]\n", KEYS)["engine"]
    assert node.value[0] is node
    with pytest.raises(ConfigError) as caught:
        reader.choice(node, "engine", ("espeak", "fake"))
    assert str(caught.value) == "v.yaml line 1: engine must be one of espeak, fake (got a list)"


def test_a_tag_hidden_behind_an_alias_is_still_refused() -> None:
    assert message(YamlReader("v.yaml"), "roles: &a {x: !!binary aGk=}\nengine: *a\n") == (
        "v.yaml line 1: the YAML tag 'tag:yaml.org,2002:binary' is not allowed: voices.yaml "
        "holds plain values only"
    )


@pytest.mark.parametrize(("text", "blank"), [
    ("k:\n", True), ("k: null\n", True), ("k: ~\n", True), ("k: ''\n", False), ("k: []\n", False),
    ("k: 0\n", False), ("k: false\n", False),
])
def test_blank_means_absent_or_no_value(text: str, blank: bool) -> None:
    reader = YamlReader("v.yaml")
    assert reader.blank(reader.document(text, ("k",))["k"]) is blank


def test_blank_of_an_absent_setting() -> None:
    assert YamlReader("v.yaml").blank(None) is True


def test_join_names_nested_settings() -> None:
    assert join("", "engine") == "engine"
    assert join("roles.quote", "rate") == "roles.quote.rate"


def test_text_accepts_numbers_as_their_digits_but_not_booleans() -> None:
    reader = YamlReader("v.yaml")
    nodes = reader.document("a: 42\nb: yes\n", ("a", "b"))
    assert reader.text(nodes["a"], "a") == "42"
    with pytest.raises(ConfigError) as caught:
        reader.text(nodes["b"], "b", empty=False)
    assert str(caught.value) == "v.yaml line 2: b must be non-empty text (got True)"
