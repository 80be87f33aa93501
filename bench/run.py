#!/usr/bin/python3
# bench/run.py
# Copyright 2026 The Craft Companion authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Runs every benchmark of Craft Companion and prints the table (README.md, "Speed and memory").

Run through `make bench`, which builds the programs and gives this script a display
(Xvfb) and a session bus of its own. Each figure is the median of RUNS runs after one
warm-up. Writes BUILD/bench/results.json.
"""

import argparse
import datetime
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

SIZES = [0, 3650, 100000]

# (name, what, target text, check(medians) -> bool or None); filled in by the figures below.
CAIRO = {"GSK_RENDERER": "cairo", "GDK_DEBUG": "gl-disable"}


def log(*args):
    print(*args, file=sys.stderr, flush=True)


def machine():
    cpu = ""
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo") as f:
        mem_kb = int(re.search(r"MemTotal:\s+(\d+)", f.read()).group(1))
    return {
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "ram_gib": round(mem_kb / 1024 / 1024, 1),
        "kernel": platform.release(),
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }


class Bench:
    def __init__(self, build, runs, scratch):
        self.build = os.path.abspath(build)
        self.runs = runs
        self.scratch = scratch
        self.samples = {}  # figure key -> list of numbers
        self.env = dict(os.environ)
        home = os.path.join(scratch, "home")
        for var, sub in (("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "config"),
                         ("XDG_CACHE_HOME", "cache"), ("XDG_STATE_HOME", "state")):
            os.makedirs(os.path.join(home, sub), exist_ok=True)
            self.env[var] = os.path.join(home, sub)
        self.env.update({
            "GSETTINGS_BACKEND": "memory",
            "GSETTINGS_SCHEMA_DIR": os.path.join(self.build, "resources"),
            "CRAFT_LOCALEDIR": os.path.join(self.build, "po"),
            "GDK_BACKEND": "x11",
            "LANG": "C.UTF-8",
        })
        for var in ("GSK_RENDERER", "GDK_DEBUG", "LANGUAGE"):
            self.env.pop(var, None)

    def prog(self, name):
        return os.path.join(self.build, "bench", name)

    def add(self, key, values):
        self.samples.setdefault(key, []).extend(values)

    # The data folders, made once and kept in the build folder.
    def data_dir(self, size):
        cache = os.path.join(self.build, "bench", "data")
        path = os.path.join(cache, "diary-%d" % size)
        stamp = os.path.join(path, ".generated")
        generator = self.prog("craft-bench-generate")
        if os.path.exists(stamp) and os.path.getmtime(stamp) >= os.path.getmtime(generator):
            return path
        shutil.rmtree(path, ignore_errors=True)
        log("Generating %d entries in %s" % (size, path))
        subprocess.run([generator, path, str(size)], check=True, env=self.env,
                       stdout=subprocess.DEVNULL)
        open(stamp, "w").close()
        return path

    def copy_of(self, size, name):
        """A scratch copy, so that what the app writes never changes the cached folder."""
        target = os.path.join(self.scratch, name)
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(self.data_dir(size), target,
                        ignore=shutil.ignore_patterns(".generated"))
        return target

    # 1 and 2: exec to first frame, and peak memory.
    def launch_first_frame(self, argv, extra_env):
        env = dict(self.env)
        env.update(extra_env)
        env["CRAFT_BENCH_START_NS"] = str(time.clock_gettime_ns(time.CLOCK_MONOTONIC))
        proc = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.DEVNULL, text=True)
        try:
            out, _ = proc.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()
            raise SystemExit("%s did not show a first frame within 60 s" % argv[0])
        if proc.returncode != 0:
            raise SystemExit("%s failed (%d)" % (argv[0], proc.returncode))
        values = dict(line.split(" ", 1) for line in out.splitlines() if " " in line)
        return float(values["first-frame-ms"]), int(values["peak-rss-kb"]) / 1024.0

    def first_frame(self):
        app = os.path.join(self.build, "src", "craft-companion")
        cases = [("bare", [self.prog("craft-bench-bare-window")])]
        for size in SIZES:
            folder = self.copy_of(size, "start-%d" % size)
            cases.append((str(size), [app, "--data-dir", folder, "--quit-after-first-frame"]))
        # Round-robin: the machine's load drifts (other jobs share its cores), and taking
        # each case in turn spreads the drift over all of them alike.
        for renderer, extra in (("cairo", CAIRO), ("default", {})):
            log("First frame, %s renderer" % renderer)
            for label, argv in cases:
                # Two warm-ups: the app's first start of a day also makes the daily backup.
                for _ in range(2):
                    self.launch_first_frame(argv, extra)
            for _ in range(self.runs):
                for label, argv in cases:
                    ms, mb = self.launch_first_frame(argv, extra)
                    self.add("first-frame/%s/%s" % (renderer, label), [ms])
                    self.add("peak-rss/%s/%s" % (renderer, label), [mb])

    # 3, 4 and 5: the store through the app's own code.
    def store(self):
        for size in SIZES:
            folder = self.copy_of(size, "store-%d" % size)
            work = os.path.join(self.scratch, "work-%d" % size)
            os.makedirs(work, exist_ok=True)
            argv = [self.prog("craft-bench-store"), folder, work, str(self.runs)]
            if size == max(SIZES):
                # Import the JSON this very run exported of the largest diary.
                argv.append(os.path.join(work, "export.json"))
            log("Store: %d entries" % size)
            out = subprocess.run(argv, env=self.env, check=True, stdout=subprocess.PIPE,
                                 text=True).stdout
            for name, values in json.loads(out).items():
                self.add("%s/%d" % (name, size), values)
            shutil.rmtree(work, ignore_errors=True)

    # 6: the background reminder process.
    def background(self, window_s):
        config = tempfile.mkdtemp(dir=self.scratch)
        os.makedirs(os.path.join(config, "glib-2.0", "settings"))
        with open(os.path.join(config, "glib-2.0", "settings", "keyfile"), "w") as f:
            # A diary reminder every evening keeps the process running.
            f.write("[org/craftcompanion/CraftCompanion]\nreminder-diary=true\n"
                    "reminder-diary-times=['20:00']\n")
        app = os.path.join(self.build, "src", "craft-companion")
        for renderer, extra in (("cairo", CAIRO), ("default", {})):
            log("Background process, %s renderer" % renderer)
            rss = []
            for run in range(self.runs + 1):
                folder = self.copy_of(3650, "background")
                env = dict(self.env)
                env.update(extra)
                env.update({"GSETTINGS_BACKEND": "keyfile", "XDG_CONFIG_HOME": config})
                proc = subprocess.Popen([app, "--background", "--data-dir", folder], env=env,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                time.sleep(3)
                if proc.poll() is not None:
                    raise SystemExit("--background quit by itself (%d)" % proc.returncode)
                if run > 0:
                    rss.append(self.proc_status(proc.pid, "VmRSS") / 1024.0)
                if run == self.runs and renderer == "cairo":
                    wakeups = []
                    for _ in range(self.runs):
                        before = self.switches(proc.pid)
                        time.sleep(window_s)
                        wakeups.append((self.switches(proc.pid) - before) * 60.0 / window_s)
                    self.add("background-wakeups/%s" % renderer, wakeups)
                proc.terminate()
                proc.wait(timeout=30)
            self.add("background-rss/%s" % renderer, rss)

    @staticmethod
    def proc_status(pid, key, task=None):
        path = "/proc/%d/task/%s/status" % (pid, task) if task else "/proc/%d/status" % pid
        with open(path) as f:
            m = re.search(r"^%s:\s+(\d+)" % key, f.read(), re.M)
        return int(m.group(1)) if m else 0

    def switches(self, pid):
        """Every time a thread of @pid went to sleep: each is one wake-up before it."""
        total = 0
        for task in os.listdir("/proc/%d/task" % pid):
            try:
                total += self.proc_status(pid, "voluntary_ctxt_switches", task)
                total += self.proc_status(pid, "nonvoluntary_ctxt_switches", task)
            except FileNotFoundError:
                pass
        return total

    # 7: typing into the real window.
    def typing(self):
        folder = self.copy_of(max(SIZES), "typing")
        env = dict(self.env)
        env.update(CAIRO)
        log("Typing into a diary of %d entries" % max(SIZES))
        out = subprocess.run([self.prog("craft-bench-typing"), folder, str(self.runs)], env=env,
                             check=True, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                             text=True).stdout
        for name, values in json.loads(out).items():
            self.add("%s/%d" % (name, max(SIZES)), values)


def median(values):
    return statistics.median(values) if values else None


def figures(b):
    """The table: (figure, cells {column: key}, unit, target text, pass check)."""
    m = {k: median(v) for k, v in b.samples.items()}
    big = max(SIZES)

    def g(key):
        return m.get(key)

    rows = []

    def row(name, key_of, unit, target, check):
        cells = {}
        for col in ["bare"] + [str(s) for s in SIZES]:
            key = key_of(col)
            if key and key in m:
                cells[col] = m[key]
        try:
            ok = check()
        except TypeError:
            ok = None
        rows.append({"figure": name, "unit": unit, "cells": cells, "target": target, "ok": ok})

    for renderer in ("cairo", "default"):
        ff = "first-frame/%s/" % renderer
        rss = "peak-rss/%s/" % renderer
        strict = renderer == "cairo"
        row("First frame (%s)" % renderer, lambda c, ff=ff: ff + c, "ms",
            "≤ 1.2 × bare, 100k ≤ 1.1 × 0" if strict else "(reported)",
            (lambda ff=ff: g(ff + "0") <= 1.2 * g(ff + "bare")
             and g(ff + str(big)) <= 1.2 * g(ff + "bare")
             and g(ff + str(big)) <= 1.1 * g(ff + "0")) if strict else (lambda: None))
        row("Peak memory at start (%s)" % renderer, lambda c, rss=rss: rss + c, "MB",
            "≤ 1.5 × bare, 100k ≤ 0 + 10 MB" if strict else "(reported)",
            (lambda rss=rss: g(rss + "0") <= 1.5 * g(rss + "bare")
             and g(rss + str(big)) <= 1.5 * g(rss + "bare")
             and g(rss + str(big)) <= g(rss + "0") + 10) if strict else (lambda: None))

    def store_row(name, key, target_3650, target_big, unit="ms"):
        target = []
        if target_3650:
            target.append("3,650 ≤ %g" % target_3650)
        if target_big:
            target.append("100k ≤ %g" % target_big)
        row(name, lambda c: "%s/%s" % (key, c) if c != "bare" else None, unit,
            ", ".join(target) or "(reported)",
            lambda: all([not target_3650 or g("%s/3650" % key) <= target_3650,
                         not target_big or g("%s/%d" % (key, big)) <= target_big])
            if (target_3650 or target_big) else None)

    store_row("Open the store", "open", None, None)
    store_row("Diary list, first read", "diary-list-new", None, None)
    store_row("Diary list, no filter", "diary-list", None, None)
    store_row("Search, common word", "search-common", 20, 60)
    store_row("Search, rare word", "search-rare", 20, 60)
    store_row("Search, Swedish word", "search-swedish", 20, 60)
    store_row("Filter: coping + safe", "filter-coping-safe", None, 30)
    store_row("Filter: coping + safe, first read", "filter-coping-safe-new", None, None)
    store_row("Filter: tag + stress", "filter-tag-stress", None, 30)
    store_row("Filter: year + state + flagged", "filter-year-state-flagged", None, 30)
    store_row("All review aggregates", "aggregates", None, 100)
    store_row("Export to JSON", "export-json", None, 3000)
    store_row("Export to CSV", "export-csv", None, None)
    store_row("Import of the 100k JSON", "import-json", None, 10000)

    row("Background: resident memory (cairo)", lambda c: "background-rss/cairo" if c == "3650"
        else None, "MB", "≤ 40", lambda: g("background-rss/cairo") <= 40)
    row("Background: resident memory (default)", lambda c: "background-rss/default"
        if c == "3650" else None, "MB", "(reported)", lambda: None)
    row("Background: wake-ups per minute", lambda c: "background-wakeups/cairo"
        if c == "3650" else None, "/min", "≤ 1 (its next timer only)",
        lambda: g("background-wakeups/cairo") <= 1)
    row("Typing: longest main-loop stall", lambda c: "typing-max-gap/%d" % big
        if c == str(big) else None, "ms", "≤ 16",
        lambda: g("typing-max-gap/%d" % big) <= 16)
    row("Typing: longest stall, processor time", lambda c: "typing-max-gap-cpu/%d" % big
        if c == str(big) else None, "ms", "(reported)", lambda: None)
    row("Typing: longest stall, saver held back", lambda c: "typing-max-gap-unsaved/%d" % big
        if c == str(big) else None, "ms", "(reported)", lambda: None)
    row("Typing: longest gap while idle (noise)", lambda c: "typing-idle-gap/%d" % big
        if c == str(big) else None, "ms", "(reported)", lambda: None)
    row("Typing: one field saved", lambda c: "typing-save-field/%d" % big
        if c == str(big) else None, "ms", "(reported)", lambda: None)
    row("Typing: one field saved, processor time", lambda c: "typing-save-field-cpu/%d" % big
        if c == str(big) else None, "ms", "(reported)", lambda: None)
    row("Typing: diary list updated for one entry", lambda c: "typing-list-update/%d" % big
        if c == str(big) else None, "ms", "(reported)", lambda: None)
    return rows


def fmt(value):
    if value is None:
        return ""
    if value >= 100:
        return "%.0f" % value
    return "%.1f" % value


def table(rows):
    cols = ["bare"] + [str(s) for s in SIZES]
    heads = ["Figure (median)", "unit", "bare", "0", "3,650", "100,000", "target", "ok"]
    lines = ["| " + " | ".join(heads) + " |", "|" + "---|" * len(heads)]
    for r in rows:
        ok = {True: "yes", False: "**no**", None: ""}[r["ok"]]
        cells = [fmt(r["cells"].get(c)) for c in cols]
        lines.append("| " + " | ".join([r["figure"], r["unit"]] + cells + [r["target"], ok])
                     + " |")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--build", default="build")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--wakeup-window", type=float, default=6.0,
                        help="seconds of each wake-up sample of the background process")
    parser.add_argument("--only", action="append",
                        choices=["first-frame", "store", "background", "typing"])
    args = parser.parse_args()
    if args.runs < 5:
        log("Note: fewer than 5 runs per figure")
    if not os.environ.get("DISPLAY") or not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        raise SystemExit("Run through `make bench`: it needs a display and a session bus.")

    started = time.time()
    with tempfile.TemporaryDirectory(prefix="craft-bench-") as scratch:
        b = Bench(args.build, args.runs, scratch)
        only = args.only or ["first-frame", "store", "background", "typing"]
        for size in SIZES:
            b.data_dir(size)
        if "first-frame" in only:
            b.first_frame()
        if "store" in only:
            b.store()
        if "background" in only:
            b.background(args.wakeup_window)
        if "typing" in only:
            b.typing()

    rows = figures(b)
    result = {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": machine(),
        "runs": args.runs,
        "seconds": round(time.time() - started),
        "figures": rows,
        "samples": b.samples,
        "medians": {k: median(v) for k, v in b.samples.items()},
    }
    out = os.path.join(b.build, "bench", "results.json")
    with open(out, "w") as f:
        json.dump(result, f, indent=2, ensure_ascii=False)
    mach = result["machine"]
    print("Craft Companion benchmarks, %s, %d runs each after a warm-up, %d s" %
          (result["date"], args.runs, result["seconds"]))
    print("Machine: %d cores (%s), %.0f GiB RAM, load average %s at the end\n" %
          (mach["nproc"], mach["cpu"], mach["ram_gib"], mach["load_average"]))
    print(table(rows))
    print("\nSaved as %s" % out)


if __name__ == "__main__":
    main()
