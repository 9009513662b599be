#!/usr/bin/env python3
"""Folder mode, edit -> effect, several `inkwell run` builds side by side (A/B), edits interleaved.

Each variant runs `dotnet <inkwell.dll> run <folder>` on its own copy of a two-module chain (Source.cs used by
Program.cs, whose RunAsync prints `value N` every 10 ms). Round by round every variant gets one edit of Source.cs
(in turn, so machine load hits all alike); the latency is from the write returning to the first stdout line showing
the new N (the reload, the entry point's restart and its first line). Load averages are printed before and after.

Usage (from the repository root):
  python3 bench/scripts/reload-folder-ab.py NAME=PATH/inkwell.dll[,--debounce=50] ... [--edits 40] [--rude-edits 10]
e.g.
  python3 bench/scripts/reload-folder-ab.py \\
      before=/tmp/before/inkwell.dll after=src/Inkwell.Cli/bin/Release/net10.0/inkwell.dll --edits 40
"""
import argparse, os, queue, re, shutil, signal, statistics, subprocess, sys, tempfile, threading, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from importlib import import_module

watch = import_module("reload-vs-dotnet-watch")
RELOADED = re.compile(r"\[inkwell\] reloaded .* in (\d+) ms")


class Runner(watch.Runner):
    """Also reads stderr, keeping the duration of each reload the host reports ("reloaded ... in N ms")."""

    def __init__(self, args, cwd):
        self.lines = queue.Queue()
        self.reloads = queue.Queue()
        self.proc = subprocess.Popen(args, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     stdin=subprocess.DEVNULL, text=True, bufsize=1, start_new_session=True)
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=self._read_errors, daemon=True).start()

    def _read_errors(self):
        for line in self.proc.stderr:
            m = RELOADED.search(line)
            if m:
                self.reloads.put(float(m.group(1)))

    def last_reload(self):
        value = None
        while True:
            try:
                value = self.reloads.get(timeout=0.05 if value is None else 0)
            except queue.Empty:
                return value


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("variants", nargs="+", help="NAME=PATH/inkwell.dll[,extra args separated by commas]")
    parser.add_argument("--edits", type=int, default=40)
    parser.add_argument("--rude-edits", type=int, default=10)
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="inkwell-folder-ab-")
    runners = {}
    try:
        print("load average before:", " ".join(f"{x:.1f}" for x in os.getloadavg()))
        for spec in args.variants:
            name, rest = spec.split("=", 1)
            dll, *extra = rest.split(",")
            folder = os.path.join(work, name)
            os.makedirs(folder)
            open(os.path.join(folder, "Program.cs"), "w").write(watch.PROGRAM_INKWELL)
            open(os.path.join(folder, "Source.cs"), "w").write(watch.source(0, 0))
            runners[name] = (Runner(["dotnet", os.path.abspath(dll), "run", folder] + extra, folder), os.path.join(folder, "Source.cs"))
        for name, (runner, _) in runners.items():
            runner.wait_for("value 0", 0, 180)
        results = {name: {"body": [], "rude": []} for name in runners}
        reloads = {name: {"body": [], "rude": []} for name in runners}
        for kind, edits, start in (("body", args.edits, 0), ("rude", args.rude_edits, 1000)):
            for i in range(edits):
                for name, (runner, path) in runners.items():
                    value = start + i + 1
                    time.sleep(0.3)
                    with open(path, "w") as f:
                        f.write(watch.source(value, (i + 1) if kind == "rude" else 0))
                    written = time.perf_counter()
                    results[name][kind].append((runner.wait_for(f"value {value}", written, 120) - written) * 1000)
                    time.sleep(0.05)
                    reloaded = runner.last_reload()
                    if reloaded is not None:
                        reloads[name][kind].append(reloaded)
        for kind in ("body", "rude"):
            for name in runners:
                watch.summary(f"{name}, {kind} edit", results[name][kind])
                if reloads[name][kind]:
                    print(f"{'':38}   of which the reload transaction (as reported): median {statistics.median(reloads[name][kind]):6.1f} ms")
        print("load average after:", " ".join(f"{x:.1f}" for x in os.getloadavg()))
    finally:
        for runner, _ in runners.values():
            runner.stop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
