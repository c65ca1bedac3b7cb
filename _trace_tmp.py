import time, sys, os, functools
from pathlib import Path
import tempfile
from benchmarks.speed import build_script, load_sections
from audiobook.model import Loudness, Voice
from audiobook.render import ClipCache, render_with_stats, calibration, balance, workers
T0 = time.time()
LOG = "/tmp/piper-speed-trace.log"
open(LOG, "w").close()
def traced(fn, kind):
    @functools.wraps(fn)
    def wrapper(task):
        s = time.time(); c = time.process_time(); r = fn(task); e = time.time()
        with open(LOG, "a") as f: f.write(f"{os.getpid()} {kind} {s-T0:.2f} {e-T0:.2f} cpu {time.process_time()-c:.2f}\n")
        return r
    return wrapper
calibration.calibration_task = traced(calibration.calibration_task, "calib")
calibration.warm_task = traced(calibration.warm_task, "warm")
workers.run_task = balance.run_task = traced(workers.run_task, "unit")
balance.help_task = traced(balance.help_task, "help")
voice = Voice("piper", "en_US-joe-medium", 170, 1.0, None)
script = build_script(load_sections(3), voice, voice)
with tempfile.TemporaryDirectory() as tmp:
    render_with_stats(script, workdir=Path(tmp)/"w", cache=ClipCache(Path(tmp)/"c"), jobs=2, loudness=Loudness() if sys.argv[1] == "on" else None)
print("total", time.time() - T0)
