#!/usr/bin/env python3
"""Edit -> effect latency, `inkwell run` against `dotnet watch`, on the same console program and the same edits.

The program prints `value N` every 10 ms from a method in its own file. Each edit rewrites that file with a new N;
the latency is the time from the write to the first line showing the new N on the program's stdout.
  * body edit: change the returned constant (an edit Hot Reload supports)
  * rude edit: also add an enum member (Hot Reload must restart the process; Inkwell reloads the module)

Usage (from the repository root, after `dotnet build src/Inkwell.Cli -c Release`):
  python3 bench/scripts/reload-vs-dotnet-watch.py [--edits 50] [--rude-edits 10] [--skip-watch] [--debounce MS]
"""
import argparse, os, queue, shutil, signal, statistics, subprocess, sys, tempfile, threading, time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
INKWELL = os.path.join(ROOT, "src", "Inkwell.Cli", "bin", "Release", "net10.0", "inkwell.dll")

PROGRAM_INKWELL = """public static class Program
{
    public static async Task RunAsync(CancellationToken token)
    {
        while (!token.IsCancellationRequested)
        {
            Console.WriteLine($"value {Source.Value()}");
            await Task.Delay(10, token);
        }
    }
}
"""
PROGRAM_WATCH = """while (true)
{
    Console.WriteLine($"value {Source.Value()}");
    await Task.Delay(10);
}
"""
CSPROJ = """<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework>
  <ImplicitUsings>enable</ImplicitUsings><Nullable>enable</Nullable></PropertyGroup>
</Project>
"""


def source(value, members):
    enum = ", ".join(f"M{i}" for i in range(members + 1))
    return f"public enum Kind {{ {enum} }}\npublic static class Source {{ public static int Value() => {value}; }}\n"


class Runner:
    def __init__(self, args, cwd, env=None):
        self.lines = queue.Queue()
        self.proc = subprocess.Popen(args, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                     stdin=subprocess.DEVNULL, text=True, bufsize=1, env=env, start_new_session=True)
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.proc.stdout:
            self.lines.put((time.perf_counter(), line.strip()))

    def wait_for(self, text, since, timeout):
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            try:
                at, line = self.lines.get(timeout=0.5)
            except queue.Empty:
                continue
            if line == text and at >= since:
                return at
        raise TimeoutError(f"no '{text}' within {timeout} s")

    def stop(self):
        try:
            os.killpg(self.proc.pid, signal.SIGINT)
            self.proc.wait(timeout=20)
        except Exception:
            os.killpg(self.proc.pid, signal.SIGKILL)


def measure(runner, path, edits, rude, start_value):
    results, members = [], 0
    for i in range(edits):
        value = start_value + i + 1
        if rude:
            members += 1
        time.sleep(0.3)
        with open(path, "w") as f:
            f.write(source(value, members))
        written = time.perf_counter()
        results.append((runner.wait_for(f"value {value}", written, 120) - written) * 1000)
    return results


def summary(name, ms):
    ms = sorted(ms)
    p95 = ms[min(len(ms) - 1, int(round(0.95 * (len(ms) - 1))))]
    print(f"{name:38} n={len(ms):3}  median {statistics.median(ms):8.1f} ms  p95 {p95:8.1f} ms")
    return statistics.median(ms), p95


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--edits", type=int, default=50)
    parser.add_argument("--rude-edits", type=int, default=10)
    parser.add_argument("--skip-watch", action="store_true")
    parser.add_argument("--debounce", type=int, default=None, help="inkwell run --debounce MS (default: inkwell's own, 50)")
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="inkwell-vs-watch-")
    results = {}
    try:
        ink = os.path.join(work, "inkwell")
        os.makedirs(ink)
        open(os.path.join(ink, "Program.cs"), "w").write(PROGRAM_INKWELL)
        open(os.path.join(ink, "Source.cs"), "w").write(source(0, 0))
        runner = Runner(["dotnet", INKWELL, "run", ink] + ([f"--debounce={args.debounce}"] if args.debounce is not None else []), ink)
        runner.wait_for("value 0", 0, 180)
        results["inkwell run, body edit"] = summary("inkwell run, body edit", measure(runner, os.path.join(ink, "Source.cs"), args.edits, False, 0))
        results["inkwell run, rude edit"] = summary("inkwell run, rude edit (enum member)", measure(runner, os.path.join(ink, "Source.cs"), args.rude_edits, True, 1000))
        runner.stop()

        if not args.skip_watch:
            proj = os.path.join(work, "watch")
            os.makedirs(proj)
            open(os.path.join(proj, "watch.csproj"), "w").write(CSPROJ)
            open(os.path.join(proj, "Program.cs"), "w").write(PROGRAM_WATCH)
            open(os.path.join(proj, "Source.cs"), "w").write(source(0, 0))
            env = dict(os.environ, DOTNET_WATCH_RESTART_ON_RUDE_EDIT="1", DOTNET_WATCH_SUPPRESS_EMOJIS="1")
            runner = Runner(["dotnet", "watch", "run", "--non-interactive"], proj, env)
            runner.wait_for("value 0", 0, 300)
            results["dotnet watch, body edit"] = summary("dotnet watch, body edit", measure(runner, os.path.join(proj, "Source.cs"), args.edits, False, 0))
            results["dotnet watch, rude edit"] = summary("dotnet watch, rude edit (enum member)", measure(runner, os.path.join(proj, "Source.cs"), args.rude_edits, True, 1000))
            runner.stop()
            for kind in ("body edit", "rude edit"):
                ink_median, watch_median = results[f"inkwell run, {kind}"][0], results[f"dotnet watch, {kind}"][0]
                print(f"ratio dotnet watch / inkwell run, {kind}: {watch_median / ink_median:.2f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
