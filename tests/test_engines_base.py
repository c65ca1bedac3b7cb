"""The engine interface: every registered engine declares all of it, its readers probe for
nothing, and the package imports only what its docstring allows."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import pytest

import audiobook.engines as engines
from audiobook.engines.base import Capabilities, Engine, WorkerStart
from audiobook.engines.fake import FakeEngine
from audiobook.model import Voice
from support import imported_modules

ROOT = Path(__file__).resolve().parents[1]
DECLARED = ("name", "capabilities", "rate_range", "sample_rate", "stateful", "worker_start",
            "threads")
METHODS = ("voices", "synthesize", "cache_id", "synthesize_in_place", "pristine", "initialise",
           "gender_variant", "lookup")


def test_the_interface_is_what_these_tests_check() -> None:
    assert set(Engine.__annotations__) == set(DECLARED)
    assert {n for n, v in vars(Engine).items() if inspect.isfunction(v)} == set(METHODS)


@pytest.mark.parametrize("name", list(engines.ENGINES))
def test_each_registered_engine_declares_the_whole_interface(name: str) -> None:
    engine = engines.ENGINES[name]()
    cls = type(engine)
    assert isinstance(engine, Engine) and not inspect.isabstract(cls)
    for attribute in DECLARED:
        assert attribute in vars(cls), f"{cls.__name__} leaves {attribute} to the default"
    assert engine.name == name
    assert isinstance(engine.capabilities, Capabilities)
    low, high = engine.rate_range
    assert isinstance(low, int) and isinstance(high, int) and 0 < low < high
    assert engine.sample_rate is None or (isinstance(engine.sample_rate, int)
                                          and engine.sample_rate > 0)
    assert isinstance(engine.stateful, bool)
    assert isinstance(engine.worker_start, WorkerStart)
    assert isinstance(engine.threads, int) and engine.threads >= 1
    for method in METHODS:
        ours = inspect.signature(getattr(Engine, method))
        assert inspect.signature(getattr(cls, method)).parameters.keys() == ours.parameters.keys()


def test_defaults_describe_a_stateless_engine_that_forks_freely() -> None:
    class Minimal(Engine):
        name = "minimal"
        capabilities = Capabilities()
        rate_range = (100, 200)

        def voices(self) -> list:
            return []

        def synthesize(self, text: str, voice: Voice):
            return FakeEngine().synthesize(text, voice)

        def cache_id(self) -> str:
            return "minimal-1"

    engine = Minimal()
    voice = Voice("minimal", "fake-a")
    assert (engine.stateful, engine.worker_start, engine.threads, engine.sample_rate) == (
        False, WorkerStart.FORK, 1, None)
    assert engine.pristine() is True
    assert engine.initialise() is None
    assert engine.gender_variant("female") is None
    assert engine.synthesize_in_place("Two words.", voice) == engine.synthesize("Two words.", voice)


def test_an_engine_missing_a_method_cannot_be_made() -> None:
    class Silent(Engine):
        name = "silent"
        capabilities = Capabilities()
        rate_range = (100, 200)

        def voices(self) -> list:
            return []

    with pytest.raises(TypeError, match="abstract"):
        Silent()  # type: ignore[abstract]


def test_engines_import_only_the_model_and_errors() -> None:
    allowed = {"audiobook.model", "audiobook.errors"}
    for path in sorted((ROOT / "audiobook" / "engines").glob("*.py")):
        for name in imported_modules(path, "audiobook.engines"):
            if name.startswith("audiobook.") and not name.startswith("audiobook.engines"):
                assert name in allowed, f"{path.name} imports {name}"


ENGINE_READERS = [
    path for path in sorted((ROOT / "audiobook" / "render").glob("*.py"))
    if any(name.startswith("audiobook.engines")
           for name in imported_modules(path, "audiobook.render"))
] + [ROOT / "audiobook" / "engines" / "voices.py"]


def test_render_reads_engines_in_book_and_workers() -> None:
    assert [p.name for p in ENGINE_READERS] == [
        "book.py", "local.py", "loudness.py", "workers.py", "voices.py"]


@pytest.mark.parametrize("path", ENGINE_READERS, ids=lambda p: p.name)
def test_render_and_voice_matching_read_only_declared_attributes(path: Path) -> None:
    probes = [
        f"line {node.lineno}: {node.func.id}"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
        and node.func.id in ("getattr", "hasattr")
    ]
    assert probes == []
