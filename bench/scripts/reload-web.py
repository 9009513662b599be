#!/usr/bin/env python3
"""Edit saved -> first HTTP response from the new code, `inkwell run` against `dotnet watch`, on the same ASP.NET
Core minimal API project (`dotnet new web` plus one NuGet package) and the same edits.

The app answers GET / with `value N hits H`: N comes from a method in Source.cs (the file edited), H from a static
counter in State.cs marked [Preserve] (an attribute the project declares itself, so `dotnet watch` builds it too).
Each edit rewrites Source.cs with a new N; the latency is from the write to the first response showing N. Whether
the counter went on (state kept) or started over (state lost) is counted too.
  * body edit: change the returned constant (an edit Hot Reload applies in place)
  * rude edits (Hot Reload must restart the app; Inkwell reloads the module), the four of issue 16, each also changing
    the constant: add an enum member; change a class's base class; rename a field; change what a lambda captures

With --ab it instead runs two `inkwell run`s side by side, edits interleaved: A keeps the listening sockets across
reloads (the default), B lets every version close and reopen them (INKWELL_KEEP_LISTENING_SOCKETS=0, the way before).
Connections refused while waiting for the new code are counted for each.

Usage (from the repository root, after `dotnet build src/Inkwell.Cli -c Release`):
  python3 bench/scripts/reload-web.py [--edits 30] [--rude-edits 5] [--skip-watch] [--ab]
"""
import argparse, os, shutil, signal, socket, statistics, subprocess, sys, tempfile, time, urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
INKWELL = os.path.join(ROOT, "src", "Inkwell.Cli", "bin", "Release", "net10.0", "inkwell.dll")

CSPROJ = """<Project Sdk="Microsoft.NET.Sdk.Web">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>
  <ItemGroup><PackageReference Include="Newtonsoft.Json" Version="13.0.3" /></ItemGroup>
</Project>
"""
PROGRAM = """var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();

app.MapGet("/", () => $"value {Source.Value()} hits {State.Hit()}");

app.Run();
"""
STATE = """[AttributeUsage(AttributeTargets.Field)]
public sealed class PreserveAttribute : Attribute { }

public static class State
{
    [Preserve] public static int Hits;
    public static int Hit() => Interlocked.Increment(ref Hits);
}
"""


def source(value, members=0, rude=None, step=0):
    """Source.cs answering `value`; `rude` names the rude edit made at `step` (each step differs from the one before)."""
    enum = ", ".join(f"M{i}" for i in range(members + 1))
    parse = f"Newtonsoft.Json.JsonConvert.DeserializeObject<int>(\"{value}\")"
    if rude == "base":  # Holder's base class alternates
        return (f"public enum Kind {{ {enum} }}\npublic class BaseA {{ }}\npublic class BaseB {{ }}\n"
                f"public class Holder : Base{'AB'[step % 2]} {{ }}\n"
                f"public static class Source {{ public static string Value() => {parse}.ToString(); }}\n")
    if rude == "field":  # the field's name changes
        return (f"public enum Kind {{ {enum} }}\n"
                f"public static class Source {{ static int Field{step} = 0; public static string Value() => ({parse} + Field{step}).ToString(); }}\n")
    if rude == "lambda":  # the lambda captures b, then not
        capture = " + b" if step % 2 == 0 else ""
        return (f"public enum Kind {{ {enum} }}\n"
                f"public static class Source {{ public static string Value() {{ int a = {parse}; int b = 0; "
                f"Func<int> f = () => a{capture}; return f().ToString(); }} }}\n")
    return (f"public enum Kind {{ {enum} }}\n"
            f"public static class Source {{ public static string Value() => {parse}.ToString(); }}\n")


# The edits measured: (label, rude edit or None, whether it adds an enum member, first value).
KINDS = [("body edit", None, False, 0), ("rude edit (enum member)", None, True, 1000),
         ("rude edit (base class)", "base", False, 2000), ("rude edit (renamed field)", "field", False, 3000),
         ("rude edit (lambda capture)", "lambda", False, 4000)]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


REFUSED = {}


def get(url):
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.read().decode()
    except Exception as e:
        if isinstance(getattr(e, "reason", e), ConnectionRefusedError):
            REFUSED[url] = REFUSED.get(url, 0) + 1
        return None


def wait_for(url, value, timeout):
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        body = get(url)
        if body is not None and body.startswith(f"value {value} "):
            return time.perf_counter(), int(body.split()[-1])
        time.sleep(0.002)
    raise TimeoutError(f"no 'value {value}' within {timeout} s")


def measure(url, path, edits, kind, start_value):
    _, rude, enum, _ = kind
    results, kept, members = [], 0, 0
    for i in range(edits):
        value = start_value + i + 1
        if enum:
            members += 1
        time.sleep(0.5)
        hits_before = int(get(url).split()[-1])
        with open(path, "w") as f:
            f.write(source(value, members, rude, i))
        written = time.perf_counter()
        at, hits = wait_for(url, value, 180)
        results.append((at - written) * 1000)
        kept += hits > hits_before
    return results, kept


def measure_ab(targets, edits, rude, start_value):
    """Edits the projects in `targets` (name -> (url, path)) in turn, the same edit each, one after the other."""
    results = {name: ([], 0) for name in targets}
    members = 0
    for i in range(edits):
        value = start_value + i + 1
        if rude:
            members += 1
        order = list(targets.items())
        for name, (url, path) in (order if i % 2 == 0 else reversed(order)):  # alternate who goes first
            ms, kept = results[name]
            time.sleep(0.5)
            hits_before = int(get(url).split()[-1])
            with open(path, "w") as f:
                f.write(source(value, members))
            written = time.perf_counter()
            at, hits = wait_for(url, value, 180)
            ms.append((at - written) * 1000)
            results[name] = (ms, kept + (hits > hits_before))
    return results


def summary(name, measured, refused=None):
    ms, kept = measured
    ms = sorted(ms)
    p95 = ms[min(len(ms) - 1, int(round(0.95 * (len(ms) - 1))))]
    extra = "" if refused is None else f"  connections refused {refused}"
    print(f"{name:52} n={len(ms):3}  median {statistics.median(ms):8.1f} ms  p95 {p95:8.1f} ms  state kept {kept}/{len(ms)}{extra}", flush=True)
    return statistics.median(ms)


def ab(work, args):
    procs, targets = [], {}
    try:
        for name, keep in (("A kept sockets", "1"), ("B reopened sockets", "0")):
            folder = project(work, name.split()[0])
            url = f"http://127.0.0.1:{free_port()}/"
            procs.append(start(["dotnet", INKWELL, "run", folder], folder, url, {"INKWELL_KEEP_LISTENING_SOCKETS": keep}))
            wait_for(url, 0, 300)
            targets[name] = (url, os.path.join(folder, "Source.cs"))
        print(f"load average before: {os.getloadavg()}", flush=True)
        for kind, edits, rude, first in (("body edit", args.edits, False, 0), ("rude edit (enum member)", args.rude_edits, True, 1000)):
            REFUSED.clear()
            for name, measured in measure_ab(targets, edits, rude, first).items():
                summary(f"inkwell run, {name}, {kind}", measured, REFUSED.get(targets[name][0], 0))
        print(f"load average after: {os.getloadavg()}", flush=True)
    finally:
        for proc in procs:
            stop(proc)


def project(work, name):
    folder = os.path.join(work, name)
    os.makedirs(folder)
    for file, text in (("App.csproj", CSPROJ), ("Program.cs", PROGRAM), ("State.cs", STATE), ("Source.cs", source(0, 0))):
        open(os.path.join(folder, file), "w").write(text)
    return folder


def start(args, cwd, url, extra_env=None):
    env = dict(os.environ, ASPNETCORE_URLS=url, **(extra_env or {}))
    return subprocess.Popen(args, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            stdin=subprocess.DEVNULL, env=env, start_new_session=True)


def stop(proc):
    try:
        os.killpg(proc.pid, signal.SIGINT)
        proc.wait(timeout=30)
    except Exception:
        os.killpg(proc.pid, signal.SIGKILL)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--edits", type=int, default=30)
    parser.add_argument("--rude-edits", type=int, default=5)
    parser.add_argument("--skip-watch", action="store_true")
    parser.add_argument("--ab", action="store_true", help="kept sockets against reopened sockets, interleaved")
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="inkwell-web-")
    medians = {}
    try:
        if args.ab:
            ab(work, args)
            return 0
        folder = project(work, "inkwell")
        url = f"http://127.0.0.1:{free_port()}/"
        proc = start(["dotnet", INKWELL, "run", folder], folder, url)
        wait_for(url, 0, 300)
        for kind in KINDS:
            edits = args.edits if kind[1] is None and not kind[2] else args.rude_edits
            medians["inkwell " + kind[0]] = summary(f"inkwell run, {kind[0]}", measure(url, os.path.join(folder, "Source.cs"), edits, kind, kind[3]))
        stop(proc)

        if not args.skip_watch:
            folder = project(work, "watch")
            url = f"http://127.0.0.1:{free_port()}/"
            proc = start(["dotnet", "watch", "run", "--non-interactive"], folder, url,
                         {"DOTNET_WATCH_RESTART_ON_RUDE_EDIT": "1", "DOTNET_WATCH_SUPPRESS_EMOJIS": "1", "DOTNET_WATCH_SUPPRESS_LAUNCH_BROWSER": "1"})
            wait_for(url, 0, 300)
            for kind in KINDS:
                edits = args.edits if kind[1] is None and not kind[2] else args.rude_edits
                medians["watch " + kind[0]] = summary(f"dotnet watch, {kind[0]}", measure(url, os.path.join(folder, "Source.cs"), edits, kind, kind[3]))
            stop(proc)
            for kind in KINDS:
                print(f"ratio dotnet watch / inkwell run, {kind[0]}: {medians['watch ' + kind[0]] / medians['inkwell ' + kind[0]]:.2f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
