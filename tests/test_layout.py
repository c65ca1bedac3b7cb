"""The layout's promises, read from the source: which package may import which.

Data flows one way (ingest → segment → speech → render → edition → writers); writers read
only the Edition, and model and errors depend on nothing of the project.
"""

from __future__ import annotations

import pytest
from imports_support import imported_modules, package_files

PIPELINE_STAGES = ("audiobook.ingest", "audiobook.segment", "audiobook.speech", "audiobook.render")

# package → project packages it must never import (subpackages included)
FORBIDDEN = {
    "audiobook.writers": (*PIPELINE_STAGES, "audiobook.engines", "audiobook.config",
                          "audiobook.pipeline", "audiobook.cli", "audiobook.edition"),
    "audiobook.ingest": ("audiobook.writers", "audiobook.segment", "audiobook.speech",
                         "audiobook.render", "audiobook.engines", "audiobook.config"),
    "audiobook.playback": (*PIPELINE_STAGES, "audiobook.writers", "audiobook.engines",
                           "audiobook.config", "audiobook.pipeline"),
    "audiobook.segment": ("audiobook.speech", "audiobook.render", "audiobook.writers",
                          "audiobook.engines", "audiobook.config", "audiobook.ingest"),
    "audiobook.speech": ("audiobook.render", "audiobook.writers", "audiobook.engines",
                         "audiobook.ingest", "audiobook.segment"),
    "audiobook.engines": ("audiobook.ingest", "audiobook.segment", "audiobook.speech",
                          "audiobook.render", "audiobook.writers", "audiobook.config",
                          "audiobook.pipeline", "audiobook.cli"),
    "audiobook.config": ("audiobook.engines", "audiobook.render", "audiobook.writers",
                         "audiobook.pipeline"),
    "audiobook.model": ("audiobook.",),
    "audiobook.errors": ("audiobook.",),
    "audiobook.edition": (*PIPELINE_STAGES, "audiobook.writers", "audiobook.engines",
                          "audiobook.config"),
}


def _files(package: str):
    from pathlib import Path

    from imports_support import ROOT

    single = ROOT / (package.replace(".", "/") + ".py")
    return [single] if single.is_file() else package_files(package)


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_package_imports_only_what_it_may(package: str):
    offending = []
    for path in _files(package):
        for module in imported_modules(path):
            if any(module == bad or module.startswith(bad if bad.endswith(".") else bad + ".")
                   for bad in FORBIDDEN[package]):
                offending.append(f"{path.name}: {module}")
    assert offending == []


@pytest.mark.parametrize("package", sorted({"audiobook.writers", "audiobook.ingest",
                                             "audiobook.render", "audiobook.segment",
                                             "audiobook.speech", "audiobook.playback",
                                             "audiobook.config", "audiobook.engines"}))
def test_every_package_says_what_it_is_for_and_may_import(package: str):
    import ast

    init = _files(package)[0].parent / "__init__.py"
    doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))) or ""
    assert len(doc) > 80 and "import" in doc, f"{init}: say what the package is for and may import"
