#!/usr/bin/env python3
"""Shard overhead (the table of docs/scale.md): one `jixiao batch` against `plan` + K shards +
`merge --manifest` over the same documents, for K = 1, 2, 4.

Documents: every PDF and .txt of corpus/ except corpus/hostile/ (whose time bounds make their
outcome depend on the machine), COPIES times, each copy made distinct by a trailing line (so the
hashes differ and nothing collapses).

CPU is user + system time of every process run, with the PDF readers it waited for (os.wait4's
rusage: RUSAGE_CHILDREN of that process). The shards run one after another, each with --jobs 2,
as array tasks sharing one machine would. A shard run's CPU is plan + every shard + merge: the
overhead is all that sharding adds.

On a shared, loaded machine CPU time moves by several percent from run to run, so: the
configurations are interleaved in ROUNDS rounds, the order rotated each round (A B C D, B C D A,
...), so that load drifting over minutes falls on all of them alike; each round gives a paired
ratio (config / one batch of the same round), and the table shows medians and the spread
(min..max) of those ratios, next to the median CPU seconds. Every merged database is checked
against the one batch: same documents, byte-identical finding rows.

Usage: tools/bench_shards.py [--build build] [--copies 3] [--rounds 5] [--shards 1,2,4]
"""
import argparse
import hashlib
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def make_docs(dest, copies):
    srcs = []
    for dirpath, dirnames, filenames in os.walk(os.path.join(ROOT, "corpus")):
        dirnames[:] = sorted(d for d in dirnames if d != "hostile")
        for f in sorted(filenames):
            if f.lower().endswith((".pdf", ".txt")):
                srcs.append(os.path.join(dirpath, f))
    os.makedirs(dest)
    for i in range(copies):
        for src in srcs:
            rel = os.path.relpath(src, os.path.join(ROOT, "corpus")).replace(os.sep, "_")
            base, ext = os.path.splitext(rel)
            out = os.path.join(dest, f"{base}-{i}{ext}")
            shutil.copyfile(src, out)
            if i > 0:  # copy 0 is the file itself
                with open(out, "ab") as f:
                    f.write(b"%%bench copy %d\n" % i if ext.lower() == ".pdf"
                            else b"\n bench copy %d\n" % i)
    return srcs


def run(cmd, ok=(0, 1, 2)):
    """(wall s, CPU s) of cmd and the children it waited for."""
    t0 = time.monotonic()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    err = p.stderr.read()
    _, status, ru = os.wait4(p.pid, 0)
    p.returncode = os.waitstatus_to_exitcode(status)
    wall = time.monotonic() - t0
    if p.returncode not in ok:
        sys.exit(f"bench_shards: {' '.join(cmd)} exited {p.returncode}:\n{err.decode(errors='replace')}")
    return wall, ru.ru_utime + ru.ru_stime


def rows_digest(db):
    """The finding rows without row ids, and the documents, as one digest (and counts)."""
    c = sqlite3.connect(db)
    docs = c.execute("SELECT hash, status, pages, errors, warnings, infos FROM documents "
                     "ORDER BY hash").fetchall()
    cols = [r[1] for r in c.execute("PRAGMA table_info(findings)")
            if r[1] not in ("id", "document_id", "other_document_id")]
    q = ("SELECT d.hash, coalesce(o.hash, ''), " + ", ".join("f." + x for x in cols) +
         " FROM findings f JOIN documents d ON d.id = f.document_id LEFT JOIN documents o ON "
         "o.id = f.other_document_id")
    rows = sorted(repr(r) for r in c.execute(q))
    c.close()
    h = hashlib.sha256(repr(docs).encode())
    for r in rows:
        h.update(r.encode())
    return h.hexdigest(), len(docs), len(rows)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--build", default="build")
    ap.add_argument("--copies", type=int, default=3)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--shards", default="1,2,4")
    ap.add_argument("--jobs", type=int, default=2)
    a = ap.parse_args()
    jixiao = os.path.realpath(os.path.join(a.build, "jixiao"))
    ks = [int(k) for k in a.shards.split(",")]
    work = tempfile.mkdtemp(prefix="jixiao-bench-shards.")
    try:
        docs = os.path.join(work, "docs")
        srcs = make_docs(docs, a.copies)
        n = len(srcs) * a.copies
        pdfs = sum(s.lower().endswith(".pdf") for s in srcs) * a.copies
        j = str(a.jobs)
        configs = ["one"] + ks
        cpu = {c: [] for c in configs}
        wall = {c: [] for c in configs}
        parts = {k: {"plan": [], "shards": [], "merge": []} for k in ks}
        ratio = {k: [] for k in ks}
        reference = None
        loads = []

        def fresh(path):
            for suffix in ("", "-wal", "-shm", "-journal"):
                if os.path.exists(path + suffix):
                    os.remove(path + suffix)

        def one():
            db = os.path.join(work, "one.db")
            fresh(db)
            w, c = run([jixiao, "batch", "--db", db, "--jobs", j, "--progress", "never", docs])
            return w, c, db, None

        def sharded(k):
            m = os.path.join(work, f"m{k}.tsv")
            w, c = run([jixiao, "plan", "--jobs", j, "--out", m, docs])
            p = {"plan": c, "shards": 0.0, "merge": 0.0}
            dbs = []
            for s in range(k):
                db = os.path.join(work, f"s{k}-{s}.db")
                fresh(db)
                w2, c2 = run([jixiao, "batch", "--manifest", m, "--shard-index", str(s),
                              "--shard-count", str(k), "--jobs", j, "--db", db], ok=(0,))
                w, c, p["shards"] = w + w2, c + c2, p["shards"] + c2
                dbs.append(db)
            out = os.path.join(work, f"all{k}.db")
            fresh(out)
            w2, c2 = run([jixiao, "merge", "--db", out, "--manifest", m] + dbs, ok=(0,))
            p["merge"] = c2
            return w + w2, c + c2, out, p

        for r in range(a.rounds):
            order = configs[r % len(configs):] + configs[:r % len(configs)]
            got = {}
            for cfg in order:
                w, c, db, p = one() if cfg == "one" else sharded(cfg)
                got[cfg] = c
                cpu[cfg].append(c)
                wall[cfg].append(w)
                if p:
                    for key in p:
                        parts[cfg][key].append(p[key])
                d = rows_digest(db)
                if reference is None:
                    reference = d
                elif d != reference:
                    sys.exit(f"bench_shards: round {r}: {cfg} gives other documents or findings "
                             f"than the first run ({d[1]} documents, {d[2]} findings vs "
                             f"{reference[1]}, {reference[2]})")
            for k in ks:
                ratio[k].append(got[k] / got["one"] - 1)
            loads.append(os.getloadavg()[0])
            print(f"round {r + 1}/{a.rounds}: " +
                  ", ".join(f"{c}: {got[c]:.2f}s" for c in configs) +
                  f" (load {loads[-1]:.1f})", file=sys.stderr)

        med = statistics.median
        one_cpu = cpu["one"]
        spread_one = (max(one_cpu) - min(one_cpu)) / med(one_cpu) * 100
        print(f"{n} documents ({pdfs} PDFs), {reference[2]} finding rows, identical in every run; "
              f"{os.cpu_count()} cores; {a.rounds} rounds; load average during the runs "
              f"{min(loads):.1f}..{max(loads):.1f}; one batch's CPU varied by {spread_one:.0f}% "
              f"(max-min over median) between rounds")
        print()
        print("| run | wall s | CPU s | plan / shards / merge CPU s | CPU vs one batch: median "
              "(min..max of rounds) |")
        print("|---|---:|---:|---|---:|")
        print(f"| one batch --jobs {j} | {med(wall['one']):.2f} | {med(one_cpu):.2f} | — | — |")
        for k in ks:
            pr = parts[k]
            print(f"| plan + {k} shard{'s' if k > 1 else ''} + merge | {med(wall[k]):.2f} | "
                  f"{med(cpu[k]):.2f} | {med(pr['plan']):.2f} / {med(pr['shards']):.2f} / "
                  f"{med(pr['merge']):.2f} | {100 * med(ratio[k]):+.1f}% "
                  f"({100 * min(ratio[k]):+.1f}..{100 * max(ratio[k]):+.1f}) |")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
