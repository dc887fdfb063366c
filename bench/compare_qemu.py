#!/usr/bin/env python3
"""Runs jemu and qemu-system-x86_64 -accel tcg alternately on the same kernels and images and
prints a table of medians. Called by compare-qemu.sh (which installs QEMU and finds the jar);
see bench/README.md. Standard library only.

Each run is timed from just before the process starts to the moment a line appears on its
console (the serial port on stdout), or to its exit; peak RSS comes from wait4()'s rusage, the
figure /usr/bin/time -v prints as "Maximum resident set size". A run that times out or fails is
a row saying so."""

import argparse
import json
import os
import re
import select
import signal
import statistics
import subprocess
import sys
import time

HALT = re.compile(rb"reboot: (System halted|Power down)")
BOOT_TOOK = re.compile(rb"This boot took ([0-9.]+) seconds")
BEGIN = re.compile(rb"=== BEGIN (\S+) ===")
END = re.compile(rb"=== END (\S+) rc=(-?\d+) ===")
TESTS_DONE = b"=== jemu guest tests done ==="

CASES = {
    1: dict(name="stock kernel + seed-poweroff", kernel="stock/bzImage",
            initrd="seed-poweroff/initramfs.cpio.gz", stop="exit"),
    2: dict(name="small kernel + seed-poweroff", kernel="small/bzImage",
            initrd="seed-poweroff/initramfs.cpio.gz", stop="halt"),
    3: dict(name="small kernel + tests", kernel="small/bzImage",
            initrd="tests/initramfs.cpio.gz", stop="tests"),
}


def reap(pid, wait_s):
    end = time.monotonic() + wait_s
    while True:
        got, status, ru = os.wait4(pid, os.WNOHANG)
        if got == pid:
            return status, ru
        if time.monotonic() >= end:
            return None
        time.sleep(0.01)


def run_one(cmd, case, timeout, log_path):
    """Runs cmd, watching its console. Returns a dict of what was seen."""
    res = dict(ok=False, note="", wall=None, boot_took=None, halt_at=None, exit_at=None,
               rc=None, rss_kib=None, progs={}, load=os.getloadavg()[0])
    t0 = time.monotonic()
    p = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                         stderr=subprocess.STDOUT, start_new_session=True)
    fd = p.stdout.fileno()
    buf = b""
    log = open(log_path, "wb")
    begun = {}
    stop_at = None          # the moment the case's end condition was seen on the console
    killed = False
    eof = False
    deadline = t0 + timeout
    while not eof:
        now = time.monotonic()
        if stop_at is not None:
            # After the end line: QEMU (which cannot power off a non-ACPI kernel) is killed at
            # once; jemu gets a few seconds to exit by itself, so its exit status is recorded.
            if cmd[0].endswith("qemu-system-x86_64") or now > stop_at + 15:
                break
        if now > deadline:
            res["note"] = "timeout after %ds" % timeout
            break
        r, _, _ = select.select([fd], [], [], 0.05)
        if not r:
            continue
        chunk = os.read(fd, 65536)
        t = time.monotonic() - t0
        if not chunk:
            eof = True
            break
        if res.get("first_out") is None:
            res["first_out"] = t
        log.write(chunk)
        buf += chunk
        while b"\n" in buf:
            line, buf = buf.split(b"\n", 1)
            if line.startswith(b"jemu: ") and "error" not in res:
                res["error"] = line.decode(errors="replace").strip()[:160]
            m = BOOT_TOOK.search(line)
            if m:
                res["boot_took"] = float(m.group(1))
            m = BEGIN.search(line)
            if m:
                begun[m.group(1).decode()] = t
            m = END.search(line)
            if m:
                n = m.group(1).decode()
                if n in begun:
                    res["progs"][n] = dict(secs=t - begun[n], rc=int(m.group(2)))
            if HALT.search(line) and res["halt_at"] is None:
                res["halt_at"] = t
                if case["stop"] == "halt" and stop_at is None:
                    stop_at = t
            if TESTS_DONE in line and case["stop"] == "tests" and stop_at is None:
                stop_at = t
                res["tests_done_at"] = t
    # Reap it ourselves (not with Popen.wait/poll) so that wait4() gives its rusage: after EOF
    # give it a moment to exit by itself; otherwise kill its process group.
    got = reap(p.pid, 1.0 if eof else 0.0)
    if got is None:
        killed = True
        os.killpg(p.pid, signal.SIGKILL)
        _, status, ru = os.wait4(p.pid, 0)
    else:
        status, ru = got
    p.returncode = os.waitstatus_to_exitcode(status)
    t_end = time.monotonic() - t0
    log.close()
    res["rc"] = p.returncode
    res["rss_kib"] = ru.ru_maxrss
    res["cpu"] = ru.ru_utime + ru.ru_stime
    if not killed:
        res["exit_at"] = t_end
    if case["stop"] == "exit":
        res["wall"] = res["exit_at"]
        res["ok"] = res["exit_at"] is not None and p.returncode == 0 and res["boot_took"] is not None
    else:
        res["wall"] = stop_at
        res["ok"] = stop_at is not None
    if not res["ok"] and not res["note"]:
        res["note"] = "rc=%s%s%s" % (p.returncode, ", killed" if killed else "",
                                     ": " + res["error"] if "error" in res else "")
    if res["ok"] and case["stop"] == "tests":
        bad = [n for n, v in res["progs"].items() if v["rc"] != 0]
        if bad:
            res["note"] = "nonzero rc: " + ",".join(bad)
    return res


def med(xs):
    xs = [x for x in xs if x is not None]
    return statistics.median(xs) if xs else None


def fmt(x, nd=2):
    return "-" if x is None else ("%.*f" % (nd, x))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--jar", required=True)
    ap.add_argument("--images", required=True)
    ap.add_argument("--out", required=True, help="directory for console logs and results.json")
    ap.add_argument("-n", type=int, default=3)
    ap.add_argument("--cases", default="1,2,3")
    ap.add_argument("--java", action="append", default=[], help="LABEL=PATH, repeatable")
    ap.add_argument("--qemu", default="qemu-system-x86_64")
    ap.add_argument("--append", default="console=ttyS0 panic=-1")
    ap.add_argument("--mem", default="512M")
    ap.add_argument("--jemu-opts", default="", help="extra jemu options, e.g. '-icount 3'")
    ap.add_argument("--accel", default="jit", help="jemu engines, comma-separated: jit, interp")
    ap.add_argument("--timeout", type=int, default=480, help="seconds per jemu run (QEMU: a third)")
    a = ap.parse_args()

    engines = []
    for accel in [x for x in a.accel.split(",") if x]:
        for spec in a.java:
            label, path = spec.split("=", 1)
            engines.append(("jemu %s %s" % (accel, label), [path, "-jar", a.jar, "-accel", accel] + a.jemu_opts.split()))
    engines.append(("qemu tcg", [a.qemu, "-accel", "tcg"]))
    cases = [int(c) for c in a.cases.split(",") if c]
    results = {c: {e[0]: [] for e in engines} for c in cases}
    os.makedirs(a.out, exist_ok=True)
    loads = []
    for c in cases:
        case = CASES[c]
        k = os.path.join(a.images, case["kernel"])
        i = os.path.join(a.images, case["initrd"])
        for it in range(a.n):
            order = engines if it % 2 == 0 else list(reversed(engines))
            for label, base in order:
                cmd = base + ["-kernel", k, "-initrd", i, "-nographic", "-append", a.append,
                              "-no-reboot", "-m", a.mem]
                is_qemu = label.startswith("qemu")
                tmo = max(60, a.timeout // 3) if is_qemu else a.timeout
                log = os.path.join(a.out, "case%d-%s-%d.log" % (c, label.replace(" ", "_"), it + 1))
                r = run_one(cmd, case, tmo, log)
                loads.append(r["load"])
                results[c][label].append(r)
                print("case %d run %d %-22s %s wall=%s boot_took=%s rss=%dMiB load=%.1f %s" % (
                    c, it + 1, label, "ok  " if r["ok"] else "FAIL", fmt(r["wall"]),
                    fmt(r["boot_took"]), (r["rss_kib"] or 0) // 1024, r["load"], r["note"]),
                    file=sys.stderr, flush=True)
    with open(os.path.join(a.out, "results.json"), "w") as f:
        json.dump({str(c): results[c] for c in cases}, f, indent=1)

    # ---- the table ----
    out = []
    out.append("N=%d per engine per case, medians over successful runs; load average 1-min at run starts: "
               "min %.1f, median %.1f, max %.1f" % (a.n, min(loads), statistics.median(loads), max(loads)))
    out.append("")
    out.append("| case | engine | ok | wall s | jemu/QEMU | guest \"boot took\" s | jemu/QEMU | first console output at s | halt line at s | peak RSS MiB | CPU s |")
    out.append("|---|---|---|---|---|---|---|---|---|---|---|")
    for c in cases:
        q = [r for r in results[c]["qemu tcg"] if r["ok"]]
        qw, qb = med([r["wall"] for r in q]), med([r["boot_took"] for r in q])
        for label, _ in engines:
            rs = results[c][label]
            good = [r for r in rs if r["ok"]]
            w, b = med([r["wall"] for r in good]), med([r["boot_took"] for r in good])
            notes = sorted({r["note"] for r in rs if r["note"]})
            ok = "%d/%d" % (len(good), len(rs)) + (" (" + "; ".join(notes) + ")" if notes else "")
            ratio = lambda x, y: "-" if (x is None or y is None or label.startswith("qemu") or y == 0) else "%.1fx" % (x / y)
            out.append("| %d %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
                c, CASES[c]["name"], label, ok, fmt(w), ratio(w, qw), fmt(b), ratio(b, qb),
                fmt(med([r.get("first_out") for r in good])),
                fmt(med([r["halt_at"] for r in good])),
                fmt(med([r["rss_kib"] / 1024 for r in rs if r["rss_kib"]]), 0),
                fmt(med([r["cpu"] for r in good]), 1)))
    if 3 in cases:
        progs = sorted({n for rs in results[3].values() for r in rs for n in r["progs"]})
        if progs:
            out.append("")
            out.append("Case 3 per program: seconds between its BEGIN and END markers as they appear on the "
                       "console (host wall clock; the init script prints no in-guest times), medians.")
            out.append("")
            out.append("| program | " + " | ".join(e[0] for e in engines) + " | " +
                       " | ".join("%s / QEMU" % e[0] for e in engines[:-1]) + " |")
            out.append("|---|" + "---|" * (2 * len(engines) - 1))
            for n in progs:
                vals = [med([r["progs"][n]["secs"] for r in results[3][e[0]] if n in r["progs"]]) for e in engines]
                qv = vals[-1]
                out.append("| %s | %s | %s |" % (n, " | ".join(fmt(v) for v in vals),
                           " | ".join("-" if (v is None or not qv) else "%.1fx" % (v / qv) for v in vals[:-1])))
    print("\n".join(out))
    with open(os.path.join(a.out, "table.md"), "w") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
