#!/usr/bin/env python3
"""Where a reload of samples/ZooService under `inkwell run` spends its time: edit saved -> changes seen -> the reload's
phases (read + source generators, graph, compile, load, stopping the old app, state, commit) -> the new version's host
started, from `inkwell run --verbose`'s log, timed as the lines arrive.

Each build named on the command line (NAME=PATH/inkwell.dll) runs its own copy of the sample; the edits are interleaved
(one edit of KeeperService.cs's greeting for each build in turn, who goes first alternating), so a loaded machine weighs
on both alike. Every copy runs in a network namespace of its own with only a veth pair whose both ends are in it (the
embedded DNS-SD responder announces into it; nothing leaves the namespace). Needs root (namespaces) and the built projects the
sample references (`dotnet build samples/ZooService -c Release` once).

Usage (from the repository root):
  python3 bench/scripts/zoo-reload-phases.py [--edits 10] [--rude] [--each] NAME=PATH/inkwell.dll [NAME=PATH/inkwell.dll ...]
"""
import argparse, os, queue, re, shutil, signal, statistics, subprocess, tempfile, threading, time, uuid

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PHASES = re.compile(r"Phases: read (?P<read>[\d.]+) ms, graph (?P<graph>[\d.]+) ms .*?compile (?P<compile>[\d.]+) ms .*?"
                    r"load (?P<load>[\d.]+) ms, stopping the old version (?P<stop>[\d.]+) ms, state (?P<state>[\d.]+) ms, "
                    r"commit (?P<commit>[\d.]+) ms")
RELOADED = re.compile(r"^\[inkwell\] reloaded .* in (?P<ms>\d+) ms")
COLUMNS = ["seen", "found", "read", "graph", "compile", "load", "stop", "state", "commit", "reload", "started", "total"]


class Server:
    """One build running its own copy of the sample under `inkwell run --verbose` in a namespace of its own."""

    def __init__(self, name, dll, index, servers):
        servers.append(self)  # closed (namespace and copy removed) even if starting fails half-way
        self.name, self.lines, self.process = name, queue.Queue(), None
        self.log = os.path.join(tempfile.gettempdir(), f"zoo-reload-phases-{name}.log")
        self.netns = f"zph{os.getpid() % 10000}{index}"
        self.folder = os.path.join(ROOT, "artifacts", f"ZooPhases-{uuid.uuid4().hex[:8]}")
        self.keeper = os.path.join(self.folder, "KeeperService.cs")
        shutil.copytree(os.path.join(ROOT, "samples", "ZooService"), self.folder,
                        ignore=shutil.ignore_patterns("bin", "obj"))
        self.original = open(self.keeper).read()
        for command in (["ip", "netns", "add", self.netns],
                        ["ip", "-n", self.netns, "link", "set", "lo", "up"],
                        ["ip", "-n", self.netns, "link", "add", "zd0", "type", "veth", "peer", "name", "zd1"],
                        ["ip", "-n", self.netns, "addr", "add", "10.77.0.1/24", "dev", "zd0"],
                        ["ip", "-n", self.netns, "link", "set", "zd0", "up", "multicast", "on"],
                        ["ip", "-n", self.netns, "link", "set", "zd1", "up"],
                        ["ip", "-n", self.netns, "route", "add", "224.0.0.0/4", "dev", "zd0"]):
            subprocess.run(command, check=True)
        # NuGetAudit=false: the restore runs inside the namespace, which has no way out to fetch vulnerability data
        # (NU1900 is an error in this repository once the cached data has expired).
        env = dict(os.environ, Configuration="Release", NuGetAudit="false", ASPNETCORE_URLS="http://10.77.0.1:5080", Zoo__Name=f"Zoo {name}",
                   Zeroconf__Backend="embedded", Zeroconf__Interfaces__0="zd0", Zeroconf__HostName=f"zoo-{index}")
        self.process = subprocess.Popen(["ip", "netns", "exec", self.netns, "dotnet", dll, "run", "--verbose", self.folder],
                                        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                        env=env, text=True, start_new_session=True)
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        with open(self.log, "w") as log:  # what inkwell run printed, for a closer look
            for line in self.process.stdout:
                log.write(line)
                log.flush()
                self.lines.put((time.perf_counter(), line.rstrip("\n")))
        self.lines.put((time.perf_counter(), None))

    def wait_for_all(self, matches, optional, timeout):
        """The time and text of the first line each of `matches` accepts, once every one not in `optional` has been seen
        (an optional one seen by then counts too)."""
        found = {}
        deadline = time.perf_counter() + timeout
        while any(name not in found for name in matches if name not in optional):
            missing = [name for name in matches if name not in found and name not in optional]
            try:
                at, line = self.lines.get(timeout=max(0.01, deadline - time.perf_counter()))
            except queue.Empty:
                raise TimeoutError(f"{self.name}: no line for {', '.join(missing)} within {timeout} s")
            if line is None:
                raise RuntimeError(f"{self.name}: inkwell run exited before {', '.join(missing)}")
            for name, match in matches.items():
                if name not in found and match(line):
                    found[name] = (at, line)
        return found

    def edit(self, step, rude):
        """Saves a new greeting (a method-body edit of KeeperService.cs; with `rude`, also a new enum and a method using
        it, as the lab test's edit, named anew each time) and returns the timings of its reload, in ms."""
        text = self.original.replace("the sofa is yours.", f"the sofa is yours ({step}).")
        if rude:
            text = text.replace(
                "    // Edit me while the service runs: the next animal admitted is greeted by the new code.",
                f"    private enum Mood{step} {{ Sleepy, Playful }}\n\n"
                f"    private static Mood{step} MoodOf(Animal animal) => animal.Name.Length % 2 == 0 ? Mood{step}.Sleepy : Mood{step}.Playful;\n"
            ).replace("$\"Welcome, {cat.Name}: mind the pond.\"", "$\"Hello again, {cat.Name}, you look {MoodOf(cat)}.\"")
            assert "MoodOf(cat)" in text
        saved = time.perf_counter()
        with open(self.keeper, "w") as f:
            f.write(text)
        # The host's lines for one reload come from several threads (the reload worker, the new version's host, its
        # hosted services), so their order varies: "DNS-SD: announced" may come before or after "A host started". Wait
        # for all of them in any order (waiting for each in turn would drop one that came early, and then hang).
        at = self.wait_for_all({
            "begun": lambda l: "debug: Reload started" in l,  # builds from session 10 on
            "changes": lambda l: "debug: Changes:" in l,
            "phases": lambda l: "debug: Phases:" in l,
            "reloaded": lambda l: RELOADED.match(l) is not None,
            "started": lambda l: "debug: A host started" in l,
            "announced": lambda l: "DNS-SD: announced" in l,
        }, optional={"begun"}, timeout=300)
        phases, reloaded = at["phases"][1], at["reloaded"][1]
        p = {k: float(v) for k, v in PHASES.search(phases).groupdict().items()}
        row = dict(seen=(at["begun"][0] - saved) * 1000 if "begun" in at else float("nan"), found=(at["changes"][0] - saved) * 1000, **p, reload=float(RELOADED.match(reloaded)["ms"]),
                   started=(at["started"][0] - at["reloaded"][0]) * 1000, total=(at["started"][0] - saved) * 1000)
        if self.each:
            print(f"{self.name} edit {step}: " + " · ".join(f"{row[c]:.0f}" for c in COLUMNS) + f"\n  {phases}", flush=True)
        return row

    def close(self):
        if self.process is not None:
            try:
                os.killpg(self.process.pid, signal.SIGINT)
                self.process.wait(timeout=60)
            except Exception:
                os.killpg(self.process.pid, signal.SIGKILL)
        subprocess.run(["ip", "netns", "del", self.netns], check=False)
        shutil.rmtree(self.folder, ignore_errors=True)
        print(f"{self.name}: inkwell run's output is in {self.log}", flush=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--edits", type=int, default=10)
    parser.add_argument("--each", action="store_true", help="print every edit's timings and the host's phase line")
    parser.add_argument("--rude", action="store_true", help="a rude edit (a new enum and a method), as the lab test makes")
    parser.add_argument("builds", nargs="+", help="NAME=PATH/inkwell.dll")
    args = parser.parse_args()
    servers = []
    try:
        for index, build in enumerate(args.builds):
            name, dll = build.split("=", 1)
            Server(name, os.path.abspath(dll), index, servers).each = args.each
        for server in servers:
            server.wait_for_all({"announced": lambda l: "DNS-SD: announced" in l}, (), 900)
        print(f"load average before: {os.getloadavg()}", flush=True)
        results = {s.name: [] for s in servers}
        for step in range(1, args.edits + 1):
            for server in (servers if step % 2 else list(reversed(servers))):
                time.sleep(1.0)  # the previous version's goodbyes and the new one's probing are done with
                results[server.name].append(server.edit(step, args.rude))  # waits for the new version's announcement too
        print(f"load average after: {os.getloadavg()}", flush=True)
        print(f"medians of {args.edits} edits, ms: " + " · ".join(COLUMNS))
        print("  seen: save -> the reload began (nan: a build from before session 10, which does not log it); found: save -> the")
        print("  changed files were named, after reading them and running the source generators (read); stop: stopping the old app;")
        print("  reload: the host's own duration; started: reloaded -> the new version's host started; total: save -> started")
        for name, rows in results.items():
            print(f"{name:12} " + " · ".join(f"{statistics.median(r[c] for r in rows):.0f}" for c in COLUMNS), flush=True)
    finally:
        for server in servers:
            server.close()


if __name__ == "__main__":
    main()
