#!/usr/bin/env python3
"""A/B of inkwell's start-up steps: runs `inkwell dns-sd -B TYPE` under two environments (or two executables) in turn,
N times each, interleaved, with INKWELL_STARTUP_TRACE=1, and prints the median of every step (ms after spawn) and of the
first result line for each. Run it inside a lab namespace where something answers the browse (never on a real
interface); docs/benchmarks.md (#18) has the commands.

Usage: dns-sd-startup-ab.py N TYPE 'LABEL_A=ENV=VALUE,...::EXECUTABLE' 'LABEL_B=...::EXECUTABLE'
   e.g. ip netns exec LAB_B dns-sd-startup-ab.py 11 _bar._tcp 'base=::/tmp/base-r2r/inkwell' 'new=::/tmp/r2r/inkwell'
   (two `dotnet publish src/Inkwell.Cli -c Release -r linux-x64` outputs, of the two trees compared; an environment
   variable after the label, 'cold=NAME=VALUE::EXE', compares switches of one build)
"""
import os, re, select, signal, statistics, subprocess, sys, time

n, service_type = int(sys.argv[1]), sys.argv[2]
variants = []
for spec in sys.argv[3:]:
    head, executable = spec.split("::", 1)
    label, _, assignments = head.partition("=")
    extra = dict(a.split("=", 1) for a in assignments.split(",") if a)
    variants.append((label, executable.split(), extra))
base_env = dict(os.environ, DBUS_SYSTEM_BUS_ADDRESS="unix:path=/nonexistent/inkwell-bench-no-bus", INKWELL_STARTUP_TRACE="1")
runs = {label: [] for label, _, _ in variants}
for i in range(n):
    for label, argv, extra in variants:
        time.sleep(1.2)  # responders answer a record at most once a second (RFC 6762 §6): each run starts fresh
        start = time.monotonic()
        p = subprocess.Popen(argv + ["dns-sd", "-B", service_type], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=dict(base_env, **extra))
        out, err, first = b"", b"", None
        while b"[inkwell] startup: event" not in err and time.monotonic() - start < 20:
            ready, _, _ = select.select([p.stdout, p.stderr], [], [], 0.5)
            for f in ready:
                chunk = os.read(f.fileno(), 65536)
                if f is p.stdout:
                    out += chunk
                    if first is None and b" Add " in out:
                        first = (time.monotonic() - start) * 1000
                else:
                    err += chunk
        p.send_signal(signal.SIGINT)
        try:
            p.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            p.kill(); p.communicate()
        steps = {}
        for line in err.decode(errors="replace").splitlines():
            m = re.match(r"\[inkwell\] startup: (\S+) ([\d.]+)", line)
            if m and m.group(1) not in steps:
                steps[m.group(1)] = float(m.group(2)) - start * 1000
        if first is not None:
            steps["first-result"] = first
        runs[label].append(steps)
for label, results in runs.items():
    names = [k for k in results[0]] if results else []
    print(f"{label:10s} (median of {len(results)}): " + ", ".join(
        f"{k} {statistics.median([r[k] for r in results if k in r]):.0f}" for k in names))
    # action -> backend is the window the embedded transport's start falls in
    spans = [r["backend"] - r["action"] for r in results if "backend" in r and "action" in r]
    if spans:
        print(f"{'':10s} action->backend median {statistics.median(spans):.1f} ms (min {min(spans):.1f}, max {max(spans):.1f})")
