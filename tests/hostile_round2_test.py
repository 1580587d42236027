#!/usr/bin/env python3
"""Hostile input, round 2 (issue 13; docs/hostile.md): outputs that never destroy, a terminal that
never obeys a document, special files, costs that stay linear, figures that cannot be read,
documents with nothing to assess.

    hostile_round2_test.py JIXIAO SOURCE_DIR

Prints one line per check; exits 1 if any failed. No check depends on how fast the machine is:
sizes and counts are compared, and the one cost check compares the CPU time of 1x and 4x the
same content (linear: about 4x; quadratic: 16x).
"""
import json
import os
import resource
import shutil
import sqlite3
import stat
import subprocess
import sys
import tempfile
import threading

JIXIAO, SRC = sys.argv[1], sys.argv[2]
TIMEOUT = float(os.environ.get("HOSTILE_TIMEOUT", "60"))
failures = []


def check(name, ok, detail=""):
    print(("ok   " if ok else "FAIL ") + name + ("" if ok else ": " + str(detail)[:400]))
    if not ok:
        failures.append(name)


# The messages checked below are the English ones (jixiao's default language is Chinese).
ENV = dict(os.environ, LC_ALL="en_US.UTF-8")


def run(args, cwd=None, stdin=None):
    try:
        p = subprocess.run([JIXIAO] + args, capture_output=True, timeout=TIMEOUT, cwd=cwd,
                           stdin=stdin, env=ENV)
    except subprocess.TimeoutExpired:
        return None, b"", "no answer after %.0f s (hang)" % TIMEOUT
    return p.returncode, p.stdout, p.stderr.decode("utf-8", "replace")


def one_line(err, *words):
    return err.count("\n") == 1 and err.startswith("jixiao: ") and all(w in err for w in words)


TXT = os.path.join(SRC, "corpus", "lechang-county-2024.txt")
PDF = os.path.join(SRC, "corpus", "lechang-county-2024.pdf")

with tempfile.TemporaryDirectory() as tmp:
    os.chdir(tmp)
    shutil.copy(TXT, "r.txt")
    shutil.copy(PDF, "r.pdf")
    original = {f: open(f, "rb").read() for f in ("r.txt", "r.pdf")}

    # 1. -o naming an input or the database, through ./, a symlink, a hard link: refused, untouched.
    os.link("r.pdf", "hard.pdf")
    os.symlink("r.txt", "link.txt")
    for fmt in ("text", "json", "csv", "html", "xlsx", "pdf"):
        for out, inp in (("r.pdf", "r.pdf"), ("./hard.pdf", "r.pdf"), ("link.txt", "r.txt")):
            if fmt == "pdf" and inp != "r.pdf":
                continue
            rc, _, err = run(["audit", "--format", fmt, "-o", out, inp])
            check("audit --format %s -o %s %s is refused" % (fmt, out, inp),
                  rc == 2 and one_line(err, "refusing to overwrite") or (
                      fmt == "pdf" and rc == 2 and "must not overwrite the original" in err),
                  (rc, err))
            check("  ... %s untouched" % inp, open(inp, "rb").read() == original[inp])
    # A document that fails to read is an input too.
    shutil.copy(os.path.join(SRC, "corpus", "bad", "truncated.pdf"), "bad.pdf")
    bad = open("bad.pdf", "rb").read()
    rc, _, err = run(["audit", "--format", "json", "-o", "bad.pdf", "bad.pdf"])
    check("audit -o of an unreadable input is refused", rc == 2 and open("bad.pdf", "rb").read() == bad,
          err)
    rc, _, err = run(["batch", "--db", "v.db", "--progress", "never", "r.txt"])
    db = open("v.db", "rb").read()
    for fmt in ("html", "xlsx"):
        for out in ("v.db", "./v.db"):
            rc, _, err = run(["report", "--db", "v.db", "--format", fmt, "-o", out])
            check("report --format %s -o %s (the database) is refused" % (fmt, out),
                  rc == 2 and one_line(err, "is the database"), (rc, err))
    check("  ... the database untouched", open("v.db", "rb").read() == db)

    # 2. -o of what is not a regular file.
    rc, out, err = run(["audit", "--format", "json", "-o", "-", "r.txt"])
    check("-o - is standard output", rc == 1 and out.startswith(b"{") and not os.path.exists("-"),
          (rc, err))
    rc, out, err = run(["audit", "--format", "xlsx", "-o", "-", "r.txt"])
    check("-o - with xlsx writes the workbook to stdout", out[:2] == b"PK" and not os.path.exists("-"),
          (rc, err))
    rc, out, err = run(["audit", "-o", "/dev/null", "r.txt"])
    check("-o /dev/null leaves /dev/null a character device",
          rc == 1 and stat.S_ISCHR(os.stat("/dev/null").st_mode), (rc, err))
    rc, out, err = run(["audit", "-o", "/dev/full", "r.txt"])
    check("-o on a full device gives the reason", rc == 2 and one_line(
        err, "/dev/full: cannot write: No space left on device"), err)
    os.mkfifo("fifo")
    got = []
    reader = threading.Thread(target=lambda: got.append(open("fifo", "rb").read()))
    reader.start()
    rc, out, err = run(["audit", "-o", "fifo", "r.txt"])
    reader.join(TIMEOUT)
    check("-o FIFO is written into, stays a FIFO", rc == 1 and stat.S_ISFIFO(os.stat("fifo").st_mode)
          and got and b"coverage:" in got[0], (rc, err))
    with open("private.txt", "w") as fh:
        fh.write("old")
    os.chmod("private.txt", 0o600)
    rc, out, err = run(["audit", "-o", "private.txt", "r.txt"])
    check("an existing 0600 file keeps its mode", rc == 1 and
          stat.S_IMODE(os.stat("private.txt").st_mode) == 0o600, oct(os.stat("private.txt").st_mode))
    with open("target.txt", "w") as fh:
        fh.write("old")
    os.symlink("target.txt", "report-link.txt")
    rc, out, err = run(["audit", "-o", "report-link.txt", "r.txt"])
    check("-o a symlink writes its target, keeps the link", os.path.islink("report-link.txt") and
          b"coverage:" in open("target.txt", "rb").read(), err)
    os.symlink("new-target.txt", "dangling.txt")
    rc, out, err = run(["audit", "-o", "dangling.txt", "r.txt"])
    check("-o a dangling symlink creates its target", os.path.islink("dangling.txt") and
          os.path.exists("new-target.txt"), err)
    os.mkdir("adir")
    rc, out, err = run(["audit", "-o", "adir", "r.txt"])
    check("-o a directory is refused, named", rc == 2 and one_line(err, "adir: is a directory"), err)

    # 4. Special files: named, never a hang.
    os.mkfifo("in.txt")
    cases = [
        (["audit", "--max-seconds", "1", "in.txt"], "in.txt: is a FIFO (named pipe), not a file"),
        (["audit", "/dev/zero"], "/dev/zero: is a character device, not a file"),
        (["audit", "/proc/self/status"], "/proc/self/status: is a kernel pseudo-file"),
        (["extract", "/dev/null"], "/dev/null: is a character device, not a file"),
    ]
    os.symlink("loop-b", "loop-a")
    os.symlink("loop-a", "loop-b")
    os.symlink("nowhere.txt", "gone.txt")
    cases += [(["audit", "loop-a"], "loop-a: a loop of symbolic links"),
              (["audit", "gone.txt"], "gone.txt: a dangling symbolic link (to nowhere.txt)")]
    for rules_entry, kind in (("fifo", "FIFO"), ("zero", "character device")):
        d = "rules-" + rules_entry
        os.mkdir(d)
        if rules_entry == "fifo":
            os.mkfifo(os.path.join(d, "a.rules"))
        else:
            os.symlink("/dev/zero", os.path.join(d, "a.rules"))
        cases.append((["audit", "--max-seconds", "1", "--rules", d, "r.txt"], "a.rules: is a " + kind))
    for args, want in cases:
        rc, out, err = run(args)
        check("%s: %s" % (" ".join(args), want), rc == 2 and one_line(err, want), (rc, err))
    os.mkdir("folder")
    shutil.copy("r.txt", "folder/good.txt")
    os.mkfifo("folder/pipe.txt")
    os.symlink("missing.pdf", "folder/dangling.pdf")
    os.symlink("l2.txt", "folder/l1.txt")
    os.symlink("l1.txt", "folder/l2.txt")
    rc, out, err = run(["batch", "--db", "f.db", "--progress", "never", "folder"])
    check("batch lists FIFOs, dangling symlinks and loops as failed", rc == 2 and
          all("failed: folder/%s: " % n in err for n in ("pipe.txt", "dangling.pdf", "l1.txt", "l2.txt"))
          and "(1 audited, 0 unchanged, 4 failed)" in err, err)

    # 3. Control characters and bidi overrides: escaped for people, intact in JSON.
    hostile = ("部门整体支出绩效自评报告\n一、预算执行（20分）自评得18分\n"
               "\x1b]0;owned\x07\x1b[2J\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\ 预算执行率为\u202e90%\b\x7f，"
               "此项指标自评得 21 分。\n")
    name = "evil\x1b[31m\nname.txt"
    with open(name, "w", encoding="utf-8") as fh:
        fh.write(hostile)
    for args in (["audit", name], ["extract", name], ["audit", "--format", "csv", name],
                 ["audit", "--format", "html", name]):
        rc, out, err = run(args)
        text = out.decode("utf-8", "replace") + err
        check("%s: no raw control or bidi character" % " ".join(args[:-1]),
              not any(c in text for c in "\x1b\x07\b\x7f\u202e") and "\\x1b" in text, repr(text[:300]))
    rc, out, err = run(["audit", "--format", "json", name])
    j = json.loads(out) if out else {}
    check("JSON keeps the text intact", "\x1b" in j.get("document", "") and j.get("path") == name,
          repr(out[:200]))
    rc, out, err = run(["audit", "missing\njixiao: forged line"])
    check("a newline in a file name cannot forge an error line", rc == 2 and err.count("\n") == 1 and
          "missing\\njixiao: forged line" in err, err)
    rc, _, _ = run(["batch", "--db", "evil.db", "--progress", "never", name])
    for cmd in (["report", "--db", "evil.db"], ["stats", "--db", "evil.db"]):
        rc, out, err = run(cmd)
        text = out.decode("utf-8", "replace") + err
        check("%s: no raw control character" % " ".join(cmd[:1]),
              not any(c in text for c in "\x1b\x07\b\x7f\u202e"), repr(text[:300]))

    # 11. XLSX: a literal _x0041_ stays itself (Excel would decode it to "A").
    with open("x.txt", "w", encoding="utf-8") as fh:
        fh.write("部门整体支出绩效自评报告\n一、预算执行（20分）自评得22分 _x0041_\n")
    rc, out, err = run(["audit", "--format", "xlsx", "-o", "x.xlsx", "x.txt"])
    shared = subprocess.run(["unzip", "-p", "x.xlsx", "xl/sharedStrings.xml"], capture_output=True).stdout
    check("xlsx escapes a literal _x0041_", b"_x005F_x0041_" in shared, shared[:300])
    rc, out, err = run(["batch", "--db", "j.db", "--jobs", "-1", "r.txt"])
    check("batch --jobs -1 is a usage error", rc == 2 and not os.path.exists("j.db"), err)

    # 8. A figure of more than 18 significant digits is parse.unread, never dropped silently.
    with open("digits.txt", "w", encoding="utf-8") as fh:
        fh.write("部门整体支出绩效自评报告\n一、预算执行（分值20分，自评得 22.0000000000000000001 分）\n")
    rc, out, err = run(["audit", "--format", "json", "digits.txt"])
    j = json.loads(out) if out else {}
    check("an unrepresentable figure is parse.unread", j.get("coverage", {}).get("unread", 0) >= 1 and
          any(f["check"] == "parse.unread" and "22.0000000000000000001" in f["stated"]
              for f in j.get("findings", [])), out[:300])

    # 9. Nothing of a self-evaluation: never clean.
    with open("plain.txt", "w") as fh:
        fh.write("hello world\nthis is not a report at all\n")
    rc, out, err = run(["audit", "plain.txt"])
    check("a text that is no report says 'not assessed', exit 0", rc == 0 and
          b"not assessed: no self-evaluation content found" in out and b"0 errors" not in out, out)
    rc, out, err = run(["audit", "--format", "csv", "plain.txt"])
    check("  ... a CSV row says not_assessed", b",not_assessed," in out, out)
    rc, out, err = run(["batch", "--db", "p.db", "--progress", "never", "plain.txt", "r.txt"])
    with sqlite3.connect("p.db") as con:
        rows = dict(con.execute("SELECT name, assessed FROM documents"))
    check("  ... batch stores it as not assessed", rows == {"plain": 0, "r": 1}, rows)
    rc, out, err = run(["report", "--db", "p.db"])
    check("  ... report lists it", b"plain.txt: not assessed: no self-evaluation content found" in out,
          out[-300:])
    rc, out, err = run(["report", "--db", "p.db", "--format", "json"])
    check("  ... report json has its status", b'"status":"not assessed"' in out, out[-300:])
    rc, out, err = run(["stats", "--db", "p.db", "--format", "json"])
    check("  ... stats counts it", sum(json.loads(l)["not_assessed"] for l in out.splitlines()) == 1, out)
    rc, out, err = run(["report", "--db", "p.db", "--format", "html", "-o", "p.html"])
    check("  ... report html says so", "not assessed" in open("p.html", encoding="utf-8").read(), err)

    # 6. Quotes are bounded: 4x the sentence, about 4x the JSON (never the whole sentence per check).
    unit = "预算执行率为90.00%，此项指标自评得16分，"
    sizes = []
    for n in (300, 1200):
        with open("q%d.txt" % n, "w", encoding="utf-8") as fh:
            fh.write("部门整体支出绩效自评报告\n" + unit * n + "。\n")
        rc, out, err = run(["audit", "--format", "json", "q%d.txt" % n])
        sizes.append(len(out))
    check("JSON grows linearly with one long sentence (%d -> %d bytes)" % tuple(sizes),
          sizes[0] > 0 and sizes[1] < 6 * sizes[0])

    # 5. The outline is linear: CPU time of 4x the headings within 9x (quadratic: 16x; startup
    # makes small runs look better than linear, never worse).
    # Growth is a property of the algorithm, measured in the normal build; under the sanitizers
    # (HOSTILE_SKIP_GROWTH=1) these runs would take a minute and test nothing more.
    def cpu(args):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        run(args)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    times = []
    for n in (() if os.environ.get("HOSTILE_SKIP_GROWTH") == "1" else (8000, 32000)):
        with open("o%d.txt" % n, "w", encoding="utf-8") as fh:
            fh.write("部门整体支出绩效自评报告\n" + "1.预算编制（20分）得分20分\n" * n)
        times.append(min(cpu(["audit", "--format", "json", "o%d.txt" % n]) for _ in range(2)))
    if times:
        check("outline CPU time grows linearly (%.2f s -> %.2f s)" % tuple(times),
              times[1] < 9 * max(times[0], 0.05), times)

print("%d failed" % len(failures))
sys.exit(1 if failures else 0)
