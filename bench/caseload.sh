#!/usr/bin/env bash
# Whole-process figures of handing over a caseload: 100 cases of 70 steps
# with their history (a created event for every case and step, and 2,000
# changes), written by `houvast export cases` and read by `houvast import`,
# beside Taskwarrior's `task export` and `task import` of the same 7,000
# steps as tasks. Prints a Markdown table (for BENCHMARKS.md) on standard
# output; progress goes to standard error.
#
#   bash bench/caseload.sh > figures.md
#
# Needs Go and hyperfine (Debian: apt-get install -y hyperfine); Taskwarrior
# (apt-get install -y taskwarrior) is compared when it is installed, in a
# private TASKDATA/TASKRC: your own tasks are never touched; with the sqlite3
# shell (apt-get install -y sqlite3) the last row is SQLite's own floor.
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in go hyperfine; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "caseload.sh needs $tool. On Debian: apt-get install -y hyperfine" >&2
		exit 1
	fi
done

W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
say() { echo "caseload.sh: $*" >&2; }

load_start=$(cut -d' ' -f1 /proc/loadavg)
HV="$W/houvast"
go build -o "$HV" .
go build -o "$W/taskjson" ./bench/taskjson

# hf NAME CMD [RUNS [hyperfine options]]: the median of CMD in ms, of at
# least RUNS runs (10) after one warm-up run.
hf() {
	local name=$1 cmd=$2 runs=${3:-10}
	shift $(($# < 3 ? 2 : 3))
	hyperfine -N --style basic --warmup 1 --min-runs "$runs" "$@" --export-csv "$W/$name.csv" "$cmd" >&2
	awk -F, 'NR == 2 { printf "%.1f", $(NF - 4) * 1000 }' "$W/$name.csv"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a > 0 && b > 0) printf "%.1f×", a / b; else printf "–" }'; }
within() { awk -v v="$1" -v max="$2" 'BEGIN { print (v != "" && v + 0 < max) ? "yes" : "no" }'; }

DB="$W/caseload.db"
say "seeding 100 cases, 7,000 steps, 2,000 changes"
"$HV" --db "$DB" seed --cases 100 --steps 7000 --events 2000 >&2
printf '%s\n' "een lang wachtwoord voor de bench" >"$W/pass"
"$HV" --db "$DB" export cases --all --plain -o "$W/probe.json" >/dev/null 2>&1
"$HV" --db "$DB" export cases --all --passphrase-file "$W/pass" -o "$W/probe.age" >/dev/null
size=$(stat -c %s "$W/probe.json")

say "houvast export and import"
export_ms=$(hf export "$HV --db $DB export cases --all --plain -o $W/out.json" 10 --prepare "rm -f $W/out.json")
import_ms=$(hf import "$HV --db $W/new.db import $W/probe.json" 10 --prepare "rm -f $W/new.db $W/new.db-wal $W/new.db-shm")
# Locked, as is the default: age's scrypt (work factor 2^18) comes on top.
lexport_ms=$(hf lexport "$HV --db $DB export cases --all --passphrase-file $W/pass -o $W/out.age" 3 --prepare "rm -f $W/out.age")
limport_ms=$(hf limport "$HV --db $W/new.db import $W/probe.age --passphrase-file $W/pass" 3 --prepare "rm -f $W/new.db $W/new.db-wal $W/new.db-shm")

texport_ms="" timport_ms="" task_version=""
if command -v task >/dev/null 2>&1; then
	say "Taskwarrior on the same 7,000 steps"
	T="$W/task"
	mkdir -p "$T/data"
	printf '%s\n' "data.location=$T/data" confirmation=off hooks=off news.version=2.6.0 >"$T/taskrc"
	export TASKRC="$T/taskrc" TASKDATA="$T/data"
	"$W/taskjson" "$DB" >"$T/tasks.json"
	task_version=$(task --version)
	timport_ms=$(hf timport "task import $T/tasks.json" 10 --prepare "sh -c 'rm -rf $T/data && mkdir $T/data'")
	rm -rf "$T/data" && mkdir "$T/data"
	task import "$T/tasks.json" >/dev/null 2>&1
	texport_ms=$(hf texport "task export")
else
	say "Taskwarrior is not installed (apt-get install -y taskwarrior): no comparison"
fi

# The floor: SQLite copying the same rows table to table into an empty
# database with Houvast's schema, in its own C shell, with the settings
# Houvast writes with. No file to read and no Go code per row: no import of
# these rows can cost less on this machine.
floor_ms=""
if command -v sqlite3 >/dev/null 2>&1; then
	say "SQLite's own copy of the same rows (the sqlite3 shell)"
	sqlite3 "$DB" .schema | grep -v '^CREATE TABLE sqlite_sequence' >"$W/schema.sql"
	sqlite3 "$W/empty.db" "PRAGMA journal_mode = WAL;" >/dev/null
	sqlite3 "$W/empty.db" <"$W/schema.sql"
	copy="PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY; ATTACH '$DB' AS colleague; BEGIN IMMEDIATE;"
	for table in cases steps agreements debts events; do
		copy="$copy INSERT INTO main.$table SELECT * FROM colleague.$table;"
	done
	floor_ms=$(hf floor "sqlite3 $W/floor.db \"$copy COMMIT;\"" 10 --prepare "sh -c 'rm -f $W/floor.db-wal $W/floor.db-shm && cp $W/empty.db $W/floor.db'")
else
	say "sqlite3 is not installed (apt-get install -y sqlite3): no floor"
fi

load_end=$(cut -d' ' -f1 /proc/loadavg)
tw() { if [ -n "$2" ]; then echo "$1: $2 ms"; else echo "–"; fi; }
cat <<EOF
Machine: $(nproc) cores, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo), $(go version | awk '{ print $3 }'), ${task_version:+Taskwarrior $task_version, }$(date -u +%Y-%m-%d), load average $load_start at the start, $load_end at the end; the file is $(awk -v b="$size" 'BEGIN { printf "%.1f MB", b / 1e6 }')

| Caseload: 100 cases, 7,000 steps, 2,000 changes (medians) | Houvast | Budget met | Taskwarrior, 7,000 tasks | Taskwarrior ÷ Houvast |
|---|---|---|---|---|
| \`houvast export cases --all --plain\` | $export_ms ms | $(within "$export_ms" 150) (< 150 ms) | $(tw "task export" "$texport_ms") | $(ratio "$texport_ms" "$export_ms") |
| \`houvast import\` of that file | $import_ms ms | $(within "$import_ms" 150) (< 150 ms) | $(tw "task import" "$timport_ms") | $(ratio "$timport_ms" "$import_ms") |
| \`houvast export cases --all\`, locked (the default) | $lexport_ms ms | | | |
| \`houvast import\` of the locked file | $limport_ms ms | | | |
| SQLite's own copy of the same rows, table to table, no file (\`sqlite3\` shell) | ${floor_ms:-–} ms | | | |
EOF
