#!/usr/bin/env bash
# A real Slurm run of the shard contract (docs/scale.md): starts a one-node cluster on this machine
# (munged, slurmctld and slurmd from Debian's munge and slurm-wlm, which tools/setup.sh installs,
# with a generated slurm.conf in a temporary folder, bound to 127.0.0.1 on non-default ports),
# submits `sbatch --array=0-3` of `jixiao batch --manifest` over the corpus, merges the shards with
# `jixiao merge --manifest`, and checks the merged database holds the same documents and the same
# finding rows as one `jixiao batch` of the same files. Every daemon it started is stopped by its
# pid, on failure too. When Slurm or munge is missing the test FAILS (setup installs them): it does
# not skip. Needs root (slurmd runs jobs as their user).
# Usage: tests/slurm_test.sh JIXIAO SOURCE_DIR
set -euo pipefail
JIXIAO=$(realpath "$1")
SRC=$(realpath "$2")

fail() { echo "slurm_test: FAIL: $*" >&2; exit 1; }
for tool in munged mungekey slurmctld slurmd sbatch sinfo squeue sqlite3; do
  command -v "$tool" >/dev/null ||
    fail "$tool is not installed: run tools/setup.sh (it installs slurm-wlm, munge and sqlite3)"
done
[[ $(id -u) -eq 0 ]] || fail "needs root (slurmd and munged run as root here)"

T=$(mktemp -d /tmp/jixiao-slurm.XXXXXX)
chmod 755 "$T"
PIDS=()
cleanup() {
  local rc=$?
  local f pid
  for f in "$T/slurmd.pid" "$T/slurmctld.pid" "$T/munged.pid"; do
    [[ -s $f ]] || continue
    pid=$(cat "$f")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  done
  if ((rc != 0)); then
    echo "slurm_test: logs ($T):" >&2
    for f in "$T"/*.log; do [[ -f $f ]] && { echo "== $f" >&2; tail -20 "$f" >&2; }; done
  fi
  rm -rf "$T"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

# Wait up to $1 seconds for the command after it to succeed (generous: not a speed test).
wait_for() {
  local secs=$1; shift
  local end=$((SECONDS + secs))
  until "$@" >/dev/null 2>&1; do
    ((SECONDS < end)) || return 1
    sleep 0.5
  done
}

# munge, with its key, socket, pid and log in $T.
mkdir -p "$T/munge" && chmod 700 "$T/munge"
mungekey --create --keyfile="$T/munge/munge.key" --force
munged --force --key-file="$T/munge/munge.key" --socket="$T/munge/munge.sock" \
  --pid-file="$T/munged.pid" --log-file="$T/munged.log" --seed-file="$T/munge/seed"
wait_for 60 test -S "$T/munge/munge.sock" || fail "munged did not start"

HOST=$(hostname -s)
PORT=$((20000 + ($$ % 5000) * 2))
mkdir -p "$T/state" "$T/spool"
cat >"$T/slurm.conf" <<CONF
ClusterName=jixiaotest
SlurmctldHost=$HOST(127.0.0.1)
SlurmctldPort=$PORT
SlurmdPort=$((PORT + 1))
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$T/munge/munge.sock
SlurmUser=root
SlurmdUser=root
StateSaveLocation=$T/state
SlurmdSpoolDir=$T/spool
SlurmctldPidFile=$T/slurmctld.pid
SlurmdPidFile=$T/slurmd.pid
SlurmctldLogFile=$T/slurmctld.log
SlurmdLogFile=$T/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
ReturnToService=2
MpiDefault=none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
NodeName=$HOST NodeAddr=127.0.0.1 CPUs=2 State=UNKNOWN
PartitionName=test Nodes=$HOST Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF=$T/slurm.conf
slurmctld -c
wait_for 120 scontrol ping || fail "slurmctld did not answer"
slurmd
node_idle() { [[ $(sinfo -h -n "$HOST" -o %t) == idle* ]]; }
wait_for 180 node_idle || fail "the node did not become idle: $(sinfo -h -o '%t %E' 2>&1)"

# The corpus (without its hostile PDFs, whose time bounds make them machine-dependent) and a copy.
W=$T/work
mkdir -p "$W/copies"
cp "$SRC/corpus/styles/tree-planted-errors.txt" "$W/copies/renamed.txt"
INPUTS=()
for p in lechang-county-2024.pdf lechang-county-2024.txt meizhou-city-2021.pdf \
  meizhou-city-2021.txt meizhou-city-2024.pdf meizhou-city-2024.txt bad styles crossyear; do
  INPUTS+=("$SRC/corpus/$p")
done
INPUTS+=("$W/copies")

"$JIXIAO" plan --out "$W/manifest.tsv" "${INPUTS[@]}"
rc=0; "$JIXIAO" batch --db "$W/single.db" --jobs 2 --progress never "${INPUTS[@]}" 2>"$W/single.log" || rc=$?
((rc <= 2)) || fail "the single batch exited $rc"

# Four array tasks, one CPU each; --wait returns when all are done (non-zero if one failed).
timeout 900 sbatch --wait --array=0-3 --cpus-per-task=1 --job-name=jixiao-shards \
  --output="$W/task-%a.log" --chdir="$W" \
  --wrap "'$JIXIAO' batch --manifest '$W/manifest.tsv' --shard-count 4 --db '$W/shard-{index}.db'" ||
  { cat "$W"/task-*.log >&2 || true; fail "sbatch --array=0-3 failed"; }
cat "$W"/task-*.log
for i in 0 1 2 3; do
  [[ -f $W/shard-$i.db ]] || fail "shard $i wrote no database"
  grep -q "shard $i of 4" "$W/task-$i.log" || fail "task $i did not report shard $i of 4"
done

"$JIXIAO" merge --db "$W/all.db" --manifest "$W/manifest.tsv" "$W"/shard-[0-3].db ||
  fail "merge --manifest exited $?"

docs_sql="SELECT hash, size, status, pages, department, year, total_score, errors, warnings, infos,
  cov_checks_run, (SELECT count(*) FROM checks c WHERE c.document_id = d.id)
  FROM documents d ORDER BY hash"
findings_sql="SELECT d.hash, f.seq, f.check_id, f.severity, f.page, f.line, f.quote, f.path,
  f.stated, f.recomputed, f.arithmetic, f.bbox_x0, f.bbox_y0, f.bbox_x1, f.bbox_y1, o.hash,
  f.other_page, f.other_line, f.other_quote FROM findings f JOIN documents d ON d.id = f.document_id
  LEFT JOIN documents o ON o.id = f.other_document_id ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 16"
for db in single all; do
  sqlite3 -readonly "$W/$db.db" "$docs_sql" >"$W/$db.docs"
  sqlite3 -readonly "$W/$db.db" "$findings_sql" >"$W/$db.findings"
done
[[ -s $W/single.docs && $(wc -l <"$W/single.findings") -gt 10 ]] || fail "the single batch is empty"
diff "$W/single.docs" "$W/all.docs" || fail "the merged documents differ from one batch"
diff "$W/single.findings" "$W/all.findings" || fail "the merged findings differ from one batch"
echo "slurm_test: OK: $(wc -l <"$W/all.docs") documents, $(wc -l <"$W/all.findings") findings," \
  "4 array tasks merged = one batch"
