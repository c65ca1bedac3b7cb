"""The safe, line-numbered YAML reader behind voices.yaml.

Text is composed (not constructed) with PyYAML's safe composer, so every value keeps its line
number and no tag can run code. Each check turns a wrong value into a one-line
``ConfigError`` naming the file, the line, the setting and what to write instead.
"""

from __future__ import annotations

import difflib
from typing import Any

import yaml

from ..errors import ConfigError

SAFE_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "map", "seq")
)  # plain values only: anything else (python/object, merge keys, custom tags) is refused
SUGGEST_CUTOFF = 0.6  # difflib ratio above which an unknown word is taken for a typo


class YamlReader:
    """Turns YAML nodes into plain values, remembering each value's line for messages.

    ``name`` is what messages call the file; ``lines=False`` leaves line numbers out (the
    built-in defaults, whose lines mean nothing to a user). A reader of another kind of
    file overrides ``KIND`` and ``TOP_LEVEL`` to name it and its settings in messages.
    """

    KIND = "voices.yaml"  # what messages call this kind of file
    TOP_LEVEL = "'roles:' and 'pauses:'"  # example settings, for a file that is no mapping
    TAGS = SAFE_TAGS  # the YAML tags this kind of file may hold

    def __init__(self, name: str, *, lines: bool = True) -> None:
        self.name = name
        self.lines = lines

    def where(self, node: yaml.Node) -> str:
        return f"{self.name} line {node.start_mark.line + 1}" if self.lines else self.name

    def fail(self, node: yaml.Node, problem: str) -> ConfigError:
        return ConfigError(f"{self.where(node)}: {problem}")

    def document(self, text: str, allowed: tuple[str, ...]) -> dict[str, yaml.Node]:
        """The top-level settings of ``text`` by key; only ``allowed`` keys are accepted."""
        try:
            root = yaml.compose(text, Loader=yaml.SafeLoader)
        except yaml.MarkedYAMLError as error:
            mark = error.problem_mark or error.context_mark
            line = f" line {mark.line + 1}" if mark else ""
            problem = (error.problem or error.context or "unreadable").strip()
            raise ConfigError(f"{self.name}{line}: not valid YAML ({problem}): check the "
                              "indentation, colons and quotes on that line") from None
        except yaml.YAMLError as error:
            raise ConfigError(f"{self.name}: not valid YAML ({error}): fix the file's "
                              "syntax") from None
        if root is None:
            return {}
        self._check_tags(root)
        if not isinstance(root, yaml.MappingNode):
            raise self.fail(root, f"the top level must be settings such as {self.TOP_LEVEL}, "
                                  "one per line")
        return self.mapping(root, "", allowed)

    def _check_tags(self, node: yaml.Node, seen: set[int] | None = None) -> None:
        seen = set() if seen is None else seen
        if id(node) in seen:
            return
        seen.add(id(node))
        if node.tag not in self.TAGS:
            raise self.fail(node, f"the YAML tag '{node.tag}' is not allowed: {self.KIND} "
                                  "holds plain values only")
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                self._check_tags(key, seen)
                self._check_tags(value, seen)
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                self._check_tags(item, seen)

    def mapping(self, node: yaml.Node, path: str, allowed: tuple[str, ...]) -> dict[str, yaml.Node]:
        if not isinstance(node, yaml.MappingNode):
            raise self.fail(node, f"{path} must be a mapping of {', '.join(allowed)} "
                                  f"(got {self.describe(node)})")
        out: dict[str, yaml.Node] = {}
        lines: dict[str, int] = {}
        for key_node, value in node.value:
            key = self.scalar(key_node)
            if not isinstance(key, str):
                raise self.fail(key_node, f"the key {key!r}{_in(path)} must be a word such as "
                                          f"'{allowed[0]}'")
            if key not in allowed:
                raise self.fail(key_node, _unknown(key, path, allowed))
            if key in out:
                raise self.fail(key_node, f"'{key}' is given twice{_in(path)} (first on line "
                                          f"{lines[key]}): keep one")
            out[key] = value
            lines[key] = key_node.start_mark.line + 1
        return out

    def sequence(self, node: yaml.Node, path: str, what: str) -> list[yaml.Node]:
        if not isinstance(node, yaml.SequenceNode):
            raise self.fail(node, f"{path} must be a list of {what} (got {self.describe(node)})")
        return list(node.value)

    def scalar(self, node: yaml.Node) -> Any:
        """A scalar node's plain value; any other node is returned as it is."""
        if not isinstance(node, yaml.ScalarNode):
            return node
        return yaml.SafeLoader("").construct_object(node)

    def blank(self, node: yaml.Node | None) -> bool:
        """True when a setting is absent or written with no value (``key:`` or ``null``)."""
        return node is None or (isinstance(node, yaml.ScalarNode) and self.scalar(node) is None)

    def describe(self, node: yaml.Node) -> str:
        if isinstance(node, yaml.MappingNode):
            return "a mapping"
        if isinstance(node, yaml.SequenceNode):
            return "a list"
        value = self.scalar(node)
        return "nothing" if value is None else repr(value)

    def integer(self, node: yaml.Node, path: str, unit: str, low: int, high: int) -> int:
        value = self.scalar(node)
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(node, f"{path} must be a whole number of {unit} "
                                  f"(got {self.describe(node)})")
        if not low <= value <= high:
            raise self.fail(node, f"{path} must be from {low} to {high} {unit} (got {value})")
        return value

    def number(self, node: yaml.Node, path: str, low: float, high: float) -> float:
        value = self.scalar(node)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not (
            low <= value <= high
        ):
            raise self.fail(node, f"{path} must be a number from {low} to {high} "
                                  f"(got {self.describe(node)})")
        return float(value)

    def boolean(self, node: yaml.Node, path: str) -> bool:
        value = self.scalar(node)
        if not isinstance(value, bool):
            raise self.fail(node, f"{path} must be true or false (got {self.describe(node)})")
        return value

    def text(self, node: yaml.Node, path: str, *, empty: bool = True) -> str:
        value = self.scalar(node)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str) or (not empty and not value.strip()):
            raise self.fail(node, f"{path} must be {'text' if empty else 'non-empty text'} "
                                  f"(got {self.describe(node)})")
        return value

    def choice(self, node: yaml.Node, path: str, choices: tuple[str, ...]) -> str:
        value = self.scalar(node)
        if isinstance(value, str) and value.strip().lower() in choices:
            return value.strip().lower()
        hint = _suggest(str(value), choices)
        raise self.fail(node, f"{path} must be one of {', '.join(choices)} "
                              f"(got {self.describe(node)}){hint}")


def join(path: str, key: str) -> str:
    """The dotted name of ``key`` under ``path`` (``roles.quote`` + ``rate``), for messages."""
    return f"{path}.{key}" if path else key


def _in(path: str) -> str:
    return f" in {path}" if path else ""


def _suggest(word: str, choices: tuple[str, ...]) -> str:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=SUGGEST_CUTOFF)
    return f" — did you mean '{close[0]}'?" if close else ""


def _unknown(key: str, path: str, allowed: tuple[str, ...]) -> str:
    hint = _suggest(key, allowed)
    return f"unknown key '{key}'{_in(path)}" + (hint or f" — use one of: {', '.join(allowed)}")
