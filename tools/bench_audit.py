#!/usr/bin/env python3
"""The speed targets of the audit, as ratios to pdftotext on the same files in the same run.

    tools/bench_audit.py [--jixiao build/jixiao] [-n 7] [FILE.pdf ...]   (default: the corpus PDFs)
    tools/bench_audit.py --batch [-n 7] [FILE.pdf ...]   (default: the corpus/forms PDFs)

For each PDF it runs, interleaved n times, `pdftotext FILE /dev/null`, `jixiao audit FILE` and, when
the same base name has a .txt beside it, `jixiao audit FILE.txt`; it reports the median wall and CPU
(user + system, children included) of each, and the ratios the targets are stated in:
PDF audit wall / pdftotext wall (target <= 0.75), PDF audit CPU / pdftotext CPU (<= 1.1) and
.txt audit CPU / pdftotext CPU on the PDF (<= 0.15). Times of one run are noise on a busy machine;
ratios of interleaved medians hold better, and the load average is printed with them.

--batch measures what a filing office pays per form: one `jixiao audit` of all the files against
one `pdftotext` per file, both summed over the files (the rules are compiled once per process, and
each document compiles only the rules it can match).
"""
import argparse
import glob
import os
import resource
import statistics
import subprocess
import sys
import time


def run(argv):
    """Wall and CPU seconds of one run of argv (its output discarded)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    wall = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--jixiao", default="build/jixiao")
    ap.add_argument("-n", type=int, default=7, help="runs of each command (default 7)")
    ap.add_argument("--batch", action="store_true", help="all files in one audit run")
    ap.add_argument("files", nargs="*")
    args = ap.parse_args()
    files = args.files or sorted(glob.glob("corpus/forms/*.pdf" if args.batch else "corpus/*.pdf"))
    if not files:
        sys.exit("bench_audit: no PDF given and none in corpus/")
    for f in files:
        if not os.path.isfile(f):
            sys.exit(f"bench_audit: {f}: not found")
    print(f"{args.n} interleaved runs each, medians; {os.cpu_count()} cores, "
          f"load average {os.getloadavg()[0]:.2f}\n")
    if args.batch:
        batch(args, files)
        return
    print("| file | pdftotext wall / CPU s | audit PDF wall / CPU s | wall ratio | CPU ratio "
          "| audit .txt CPU s | .txt CPU ratio |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for f in files:
        txt = os.path.splitext(f)[0] + ".txt"
        has_txt = os.path.isfile(txt)
        runs = {"pdftotext": [], "pdf": [], "txt": []}
        for _ in range(args.n):
            runs["pdftotext"].append(run(["pdftotext", f, os.devnull]))
            runs["pdf"].append(run([args.jixiao, "audit", f]))
            if has_txt:
                runs["txt"].append(run([args.jixiao, "audit", txt]))
        med = {k: (statistics.median(w for w, _ in v), statistics.median(c for _, c in v))
               for k, v in runs.items() if v}
        pw, pc = med["pdftotext"]
        aw, ac = med["pdf"]
        tcpu = f"{med['txt'][1]:.3f}" if has_txt else "-"
        tratio = f"{med['txt'][1] / pc:.2f}" if has_txt and pc > 0 else "-"
        print(f"| {os.path.basename(f)} | {pw:.3f} / {pc:.3f} | {aw:.3f} / {ac:.3f} | "
              f"{aw / pw:.2f} | {ac / pc:.2f} | {tcpu} | {tratio} |")
    print(f"\nload average after: {os.getloadavg()[0]:.2f}")


def batch(args, files):
    """One audit of all files against one pdftotext per file, interleaved, medians."""
    ours, theirs = [], []
    for _ in range(args.n):
        walls = cpus = 0.0
        for f in files:
            w, c = run(["pdftotext", f, os.devnull])
            walls, cpus = walls + w, cpus + c
        theirs.append((walls, cpus))
        ours.append(run([args.jixiao, "audit", "-q"] + files))
    pw = statistics.median(w for w, _ in theirs)
    pc = statistics.median(c for _, c in theirs)
    aw = statistics.median(w for w, _ in ours)
    ac = statistics.median(c for _, c in ours)
    k = len(files)
    print("| files | pdftotext per file wall / CPU ms | audit per file wall / CPU ms | wall ratio | CPU ratio |")
    print("|---|---:|---:|---:|---:|")
    print(f"| {k} | {1000 * pw / k:.1f} / {1000 * pc / k:.1f} | {1000 * aw / k:.1f} / {1000 * ac / k:.1f} | "
          f"{aw / pw:.2f} | {ac / pc:.2f} |")
    print(f"\nload average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
