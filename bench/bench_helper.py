#!/usr/bin/env python3
"""Helper for bench/run.sh (Python 3 standard library only).

Subcommands:
  free-port
      Print a free TCP port on 127.0.0.1.
  wait-line LOG REGEX [--timeout S] [--pid PID]
      Wait until a line of LOG matches REGEX; print that line. Exit 1 if PID
      dies first, 2 on timeout.
  latency-sse --url URL --file F --record TSV --posts N --tool T [...]
      Kiln: connect to URL (the /_kiln/events Server-Sent Events stream),
      then K times: rewrite F with a changed last line and measure from just
      before the write to the arrival of the next `event: site`.
  latency-log --log LOG --regex RE --file F --record TSV --posts N --tool T [...]
      Same, but the end of a rebuild is a line of LOG matching RE (Hugo's
      "Total in ... ms"); LOG is polled every 2 ms.
  report BUILDS_TSV [--serve SERVE_TSV]
      Print the Markdown tables.
  report-shapes SHAPES_TSV --titles TITLES_TSV
      Print one Markdown table per blog shape: cold, warm and edit runs.
"""

import argparse
import http.client
import json
import os
import queue
import re
import socket
import statistics
import sys
import threading
import time
import urllib.parse


def log(msg):
    print(msg, file=sys.stderr, flush=True)


# ------------------------------------------------------------------ small --
def cmd_free_port(_args):
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        print(s.getsockname()[1])
    return 0


def pid_alive(pid):
    if not pid:
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # a zombie still answers kill(0); look at its state
    try:
        with open("/proc/%d/stat" % pid) as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return True


def cmd_wait_line(args):
    pattern = re.compile(args.regex)
    deadline = time.monotonic() + args.timeout
    pos = 0
    pending = b""
    while True:
        try:
            with open(args.log, "rb") as f:
                f.seek(pos)
                chunk = f.read()
                pos += len(chunk)
        except FileNotFoundError:
            chunk = b""
        if chunk:
            pending += chunk
            *lines, pending = pending.split(b"\n")
            for raw in lines:
                line = raw.decode("utf-8", "replace").rstrip("\r")
                if pattern.search(line):
                    print(line)
                    return 0
            continue
        if not pid_alive(args.pid):
            log("bench: process %d exited before printing /%s/" % (args.pid, args.regex))
            return 1
        if time.monotonic() > deadline:
            log("bench: no line matching /%s/ in %s after %.0f s" % (args.regex, args.log, args.timeout))
            return 2
        time.sleep(0.05)


# --------------------------------------------------------- event sources --
class SseSource:
    """Reads a Server-Sent Events stream in a thread; queues (t, event, data)."""

    def __init__(self, url, connect_timeout):
        u = urllib.parse.urlsplit(url)
        self.conn = http.client.HTTPConnection(u.hostname, u.port or 80, timeout=connect_timeout)
        self.conn.request("GET", u.path or "/", headers={"Accept": "text/event-stream",
                                                         "Cache-Control": "no-cache"})
        self.resp = self.conn.getresponse()
        if self.resp.status != 200:
            raise RuntimeError("GET %s answered %d %s" % (url, self.resp.status, self.resp.reason))
        # the server sends a keepalive comment every 15 s; the thread may block
        self.conn.sock.settimeout(None)
        self.q = queue.Queue()
        self.closing = False
        threading.Thread(target=self._run, daemon=True).start()

    def _run(self):
        event, data = None, []
        try:
            while True:
                raw = self.resp.readline()
                if not raw:
                    break
                line = raw.decode("utf-8", "replace").rstrip("\r\n")
                if line == "":
                    if event is not None or data:
                        self.q.put((time.monotonic(), event or "message", "\n".join(data)))
                    event, data = None, []
                elif line.startswith(":"):
                    continue
                else:
                    field, _, value = line.partition(":")
                    if value.startswith(" "):
                        value = value[1:]
                    if field == "event":
                        event = value
                    elif field == "data":
                        data.append(value)
        except Exception as e:  # noqa: BLE001 - any failure ends the stream
            if not self.closing:
                log("bench: event stream error: %r" % e)
        self.q.put((time.monotonic(), "EOF", ""))

    def close(self):
        self.closing = True
        try:
            self.conn.close()
        except OSError:
            pass


class LogSource:
    """Tails a log file from its current end in a thread; queues (t, "line", text)."""

    def __init__(self, path, poll=0.002):
        self.path = path
        self.poll = poll
        self.q = queue.Queue()
        self.stop = False
        with open(path, "rb") as f:
            f.seek(0, os.SEEK_END)
            self.pos = f.tell()
        threading.Thread(target=self._run, daemon=True).start()

    def _run(self):
        pending = b""
        with open(self.path, "rb") as f:
            f.seek(self.pos)
            while not self.stop:
                chunk = f.read()
                if not chunk:
                    time.sleep(self.poll)
                    continue
                now = time.monotonic()
                pending += chunk
                *lines, pending = pending.split(b"\n")
                for raw in lines:
                    self.q.put((now, "line", raw.decode("utf-8", "replace").rstrip("\r")))

    def close(self):
        self.stop = True


# ------------------------------------------------------------- latency --
def edited_text(original, k):
    # a real edit of the body: a new last line whose words change every time
    words = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel"]
    return original.rstrip("\n") + "\n\nBench edit %d: %s.\n" % (k, words[k % len(words)])


def write_file(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def measure(args, source, is_done, describe):
    """Returns a list of latencies in ms (None for a timeout)."""
    with open(args.file, encoding="utf-8") as f:
        original = f.read()
    results = []
    try:
        for k in range(1, args.edits + 1):
            # anything that arrived since the last edit (a late second rebuild) is not ours
            while True:
                try:
                    t, ev, data = source.q.get_nowait()
                except queue.Empty:
                    break
                if ev == "EOF":
                    raise RuntimeError("the server closed the connection")
                if is_done(ev, data):
                    log("bench:   (ignored a late %s before edit %d)" % (describe(ev, data), k))
            t0 = time.monotonic()
            write_file(args.file, edited_text(original, k))
            deadline = t0 + args.timeout
            latency = None
            while True:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    break
                try:
                    t, ev, data = source.q.get(timeout=remaining)
                except queue.Empty:
                    break
                if ev == "EOF":
                    raise RuntimeError("the server closed the connection during edit %d" % k)
                if is_done(ev, data):
                    latency = (t - t0) * 1000.0
                    break
            if latency is None:
                log("bench:   %s edit %d: no rebuild within %.0f s" % (args.tool, k, args.timeout))
                results.append(None)
                break  # the server is stuck or far too slow: stop here, bounded
            results.append(latency)
            log("bench:   %s edit %d/%d: %.0f ms (%s)" % (args.tool, k, args.edits, latency, describe(ev, data)))
            # let trailing events (errors, a second batch) arrive before the next edit
            settle_end = time.monotonic() + args.settle
            while True:
                remaining = settle_end - time.monotonic()
                if remaining <= 0:
                    break
                try:
                    t, ev, data = source.q.get(timeout=remaining)
                except queue.Empty:
                    break
                if ev == "EOF":
                    raise RuntimeError("the server closed the connection after edit %d" % k)
                if ev == "errors" and data.strip():
                    log("bench:   WARNING: the rebuild after edit %d reported errors" % k)
                elif ev == "line" and re.search(r"\bERROR\b", data):
                    log("bench:   WARNING: %s" % data)
                elif is_done(ev, data):
                    log("bench:   (a second rebuild followed edit %d)" % k)
    finally:
        write_file(args.file, original)
    return results


def record(args, results, note=""):
    ok = [r for r in results if r is not None]
    with open(args.record, "a", encoding="utf-8") as f:
        f.write("%s\t%s\t%s\t%s\t%d\t%s\n" % (
            args.posts, args.tool, ",".join("%.3f" % r for r in ok),
            "timeout" if len(ok) < len(results) else "ok", args.edits, note))


def cmd_latency_sse(args):
    try:
        source = SseSource(args.url, connect_timeout=30)
    except (OSError, RuntimeError, http.client.HTTPException) as e:
        log("bench: cannot open %s: %s" % (args.url, e))
        record(args, [None], "no event stream")
        return 1
    state = {"version": None}

    def is_done(ev, data):
        return ev == "site"

    def describe(ev, data):
        try:
            d = json.loads(data)
            v = d.get("version")
            same = v == state["version"]
            state["version"] = v
            return "event: site, version %s%s" % (v, " (unchanged!)" if same else "")
        except ValueError:
            return "event: site"

    try:
        # on connect the server sends the current state: wait for it
        try:
            t, ev, data = source.q.get(timeout=60)
        except queue.Empty:
            log("bench: no initial event from %s" % args.url)
            record(args, [None], "no initial event")
            return 1
        if ev == "site":
            describe(ev, data)
        results = measure(args, source, is_done, describe)
    except RuntimeError as e:
        log("bench: %s" % e)
        record(args, [None], str(e))
        return 1
    finally:
        source.close()
    record(args, results)
    return 0 if all(r is not None for r in results) else 1


def cmd_latency_log(args):
    pattern = re.compile(args.regex)
    source = LogSource(args.log)

    def is_done(ev, data):
        return ev == "line" and pattern.search(data) is not None

    def describe(ev, data):
        return data.strip()

    try:
        results = measure(args, source, is_done, describe)
    except RuntimeError as e:
        log("bench: %s" % e)
        record(args, [None], str(e))
        return 1
    finally:
        source.close()
    record(args, results)
    return 0 if all(r is not None for r in results) else 1


# -------------------------------------------------------------- report --
def fmt_ratio(a, b):
    if a is None or b is None or b == 0:
        return "n/a"
    return "%.2f×" % (a / b)


def cmd_report(args):
    builds = {}   # (posts, tool) -> list of (secs, rss_kb or None, status)
    files = {}
    order = []
    with open(args.builds, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if parts[0] == "build":
                _, posts, tool, _run, secs, rss, status = parts
                key = (int(posts), tool)
                if key not in builds:
                    builds[key] = []
                    order.append(key)
                builds[key].append((float(secs), None if rss in ("", "n/a") else int(rss), status))
            elif parts[0] == "files":
                _, posts, tool, count = parts
                files[(int(posts), tool)] = count

    summary = {}
    for key in order:
        runs = builds[key]
        ok = [r for r in runs if r[2] == "ok"]
        failed = [r for r in runs if r[2] != "ok"]
        if ok and not failed:
            secs = [r[0] for r in ok]
            rss = [r[1] for r in ok if r[1] is not None]
            summary[key] = (statistics.median(secs), min(secs),
                            statistics.median(rss) / 1024.0 if rss else None, len(ok), None)
        else:
            summary[key] = (None, None, None, len(ok), failed[0][2] if failed else "failed")

    if order:
        print("| posts | tool | median s | min s | peak RSS MiB | files | time vs Hugo | RSS vs Hugo |")
        print("|---:|---|---:|---:|---:|---:|---:|---:|")
    for key in order:
        posts, tool = key
        med, mn, rss, _n, failure = summary[key]
        hugo = summary.get((posts, "hugo"))
        if failure:
            print("| %d | %s | %s | | | %s | | |" % (posts, tool, failure.upper(), files.get(key, "")))
            continue
        hugo_med = hugo[0] if hugo else None
        hugo_rss = hugo[2] if hugo else None
        print("| %d | %s | %.2f | %.2f | %s | %s | %s | %s |" % (
            posts, tool, med, mn, "%.0f" % rss if rss is not None else "n/a",
            files.get(key, "?"), fmt_ratio(med, hugo_med), fmt_ratio(rss, hugo_rss)))

    if args.serve and os.path.exists(args.serve) and os.path.getsize(args.serve) > 0:
        if order:
            print()
        print("| posts | tool | save→reload median ms | max ms |")
        print("|---:|---|---:|---:|")
        with open(args.serve, encoding="utf-8") as f:
            for line in f:
                posts, tool, values, status, edits, note = (line.rstrip("\n").split("\t") + [""] * 6)[:6]
                vals = [float(v) for v in values.split(",") if v]
                if not vals:
                    print("| %s | %s | FAILED%s | |" % (posts, tool, " (%s)" % note if note else ""))
                    continue
                med = "%.0f" % statistics.median(vals)
                mx = "%.0f" % max(vals)
                if status != "ok":
                    mx = "> %d (timeout at edit %d of %s)" % (args.edit_timeout * 1000, len(vals) + 1, edits)
                elif len(vals) != int(edits or len(vals)):
                    mx += " (%d of %s edits)" % (len(vals), edits)
                print("| %s | %s | %s | %s |" % (posts, tool, med, mx))
    return 0


def cmd_report_shapes(args):
    runs = {}    # (shape, run, tool) -> list of (secs, cpu or None, rss_kb or None, status)
    files = {}
    order = []   # shapes in order of appearance
    tools = []
    with open(args.shapes, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if parts[0] == "shape":
                _, shape, run, tool, _round, secs, cpu, rss, status = parts
                runs.setdefault((shape, run, tool), []).append(
                    (float(secs), None if cpu == "n/a" else float(cpu), None if rss == "n/a" else int(rss), status))
                if shape not in order:
                    order.append(shape)
                if tool not in tools:
                    tools.append(tool)
            elif parts[0] == "files":
                _, shape, tool, count = parts
                files[(shape, tool)] = count
    titles = {}
    if args.titles:
        with open(args.titles, encoding="utf-8") as f:
            for line in f:
                shape, _, title = line.rstrip("\n").partition("\t")
                titles[shape] = title

    def summary(key):
        values = runs.get(key)
        if not values:
            return None
        if any(v[3] != "ok" for v in values):
            return next(v[3] for v in values if v[3] != "ok")
        cpu = [v[1] for v in values if v[1] is not None]
        rss = [v[2] for v in values if v[2] is not None]
        return (statistics.median(v[0] for v in values), min(v[0] for v in values),
                statistics.median(cpu) if cpu else None, statistics.median(rss) / 1024.0 if rss else None)

    for shape in order:
        print("**%s**" % titles.get(shape, shape))
        print()
        print("| run | tool | median s | min s | CPU s | peak RSS MiB | files | Kiln/tool time | Kiln/tool CPU |")
        print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
        for run in ("cold", "warm", "edit"):
            kiln = summary((shape, run, "kiln"))
            for tool in tools:
                s = summary((shape, run, tool))
                if s is None:
                    continue
                if isinstance(s, str):
                    print("| %s | %s | %s | | | | | | |" % (run, tool, s.upper()))
                    continue
                med, mn, cpu, rss = s
                ratio_time = ratio_cpu = ""
                if tool != "kiln":
                    ok = kiln is not None and not isinstance(kiln, str)
                    ratio_time = fmt_ratio(kiln[0] if ok else None, med)
                    ratio_cpu = fmt_ratio(kiln[2] if ok else None, cpu)
                print("| %s | %s | %.2f | %.2f | %s | %s | %s | %s | %s |" % (
                    run, tool, med, mn, "%.2f" % cpu if cpu is not None else "n/a",
                    "%.0f" % rss if rss is not None else "n/a", files.get((shape, tool), "?"), ratio_time, ratio_cpu))
        print()
    return 0


# ---------------------------------------------------------------- main --
def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)

    sub.add_parser("free-port").set_defaults(func=cmd_free_port)

    p = sub.add_parser("wait-line")
    p.add_argument("log")
    p.add_argument("regex")
    p.add_argument("--timeout", type=float, default=600)
    p.add_argument("--pid", type=int, default=0)
    p.set_defaults(func=cmd_wait_line)

    for name, func in (("latency-sse", cmd_latency_sse), ("latency-log", cmd_latency_log)):
        p = sub.add_parser(name)
        if name == "latency-sse":
            p.add_argument("--url", required=True, help="the event stream, http://127.0.0.1:PORT/_kiln/events")
        else:
            p.add_argument("--log", required=True)
            p.add_argument("--regex", required=True)
        p.add_argument("--file", required=True, help="the post to edit (restored at the end)")
        p.add_argument("--edits", type=int, default=5)
        p.add_argument("--timeout", type=float, default=120, help="seconds to wait for each rebuild")
        p.add_argument("--settle", type=float, default=1.0, help="seconds to wait after each rebuild")
        p.add_argument("--record", required=True)
        p.add_argument("--posts", required=True, help="the site's size, or the name of its shape")
        p.add_argument("--tool", required=True)
        p.set_defaults(func=func)

    p = sub.add_parser("report-shapes")
    p.add_argument("shapes")
    p.add_argument("--titles")
    p.set_defaults(func=cmd_report_shapes)

    p = sub.add_parser("report")
    p.add_argument("builds")
    p.add_argument("--serve")
    p.add_argument("--edit-timeout", type=int, default=120)
    p.set_defaults(func=cmd_report)

    args = ap.parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
