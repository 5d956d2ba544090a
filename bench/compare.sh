#!/usr/bin/env bash
# Whole-process figures of Houvast, side by side with Taskwarrior on the same
# data, in one run. Prints a Markdown table (for BENCHMARKS.md) on standard
# output; progress and the tools' own output go to standard error.
#
#   bash bench/compare.sh > figures.md
#
# Needs Go, tmux, hyperfine and GNU time (Debian: apt-get install -y tmux
# hyperfine time). Taskwarrior (apt-get install -y taskwarrior) is compared
# when it is installed, in a private TASKDATA/TASKRC: your own tasks are never
# touched. RUNS sets how many times the screen is started (default 15).
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-15}

# ---- Export and import of a 10,000-step case file --------------------------
# The command lines of `houvast export case` and `houvast import`. Each is
# tried once first; if that fails (the verbs are missing, or their flags
# changed: then fix these two lines), the table says "not measured" and the
# rest of the run goes on.
export_cmd() { # DB FILE: write case S00001 of DB to FILE
	printf '%q --db %q export case --case S00001 --plain -o %q' "$HV" "$1" "$2"
}
import_cmd() { # FILE DB: read FILE into the new database DB
	printf '%q --db %q import %q' "$HV" "$2" "$1"
}
# -----------------------------------------------------------------------------

for tool in go tmux hyperfine /usr/bin/time; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "compare.sh needs $tool. On Debian: apt-get install -y tmux hyperfine time" >&2
		exit 1
	fi
done

W=$(mktemp -d)
SESSION="houvast-bench-$$"
cleanup() {
	tmux kill-session -t "$SESSION" 2>/dev/null || true
	rm -rf "$W"
}
trap cleanup EXIT
say() { echo "compare.sh: $*" >&2; }

load_start=$(cut -d' ' -f1 /proc/loadavg)
HV="$W/houvast"
go build -o "$HV" .
go build -o "$W/taskjson" ./bench/taskjson

# wait_for FILE: until FILE has content, at most 20 s.
wait_for() {
	for _ in $(seq 400); do
		[ -s "$1" ] && return 0
		sleep 0.05
	done
	say "gave up waiting for $1"
	return 1
}

# wait_screen PATTERN: until the screen shows PATTERN, at most 20 s.
wait_screen() {
	for _ in $(seq 400); do
		tmux capture-pane -p -t "$SESSION" 2>/dev/null | grep -q -- "$1" && return 0
		sleep 0.05
	done
	say "gave up waiting for the screen to show $1"
	return 1
}

# start CMD...: run CMD in a detached 120x40 tmux window, as a person would.
start() {
	tmux kill-session -t "$SESSION" 2>/dev/null || true
	tmux new-session -d -s "$SESSION" -x 120 -y 40 "$(printf '%q ' "$@")"
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# hf NAME CMD [hyperfine options]: the median of CMD in ms, via hyperfine.
hf() {
	local name=$1 cmd=$2
	shift 2
	hyperfine -N --style basic --warmup 2 --min-runs 10 "$@" --export-csv "$W/$name.csv" "$cmd" >&2
	# The CSV's last columns are mean,stddev,median,user,system,min,max.
	awk -F, 'NR == 2 { printf "%.1f", $(NF - 4) * 1000 }' "$W/$name.csv"
}

ms() { awk -v us="$1" 'BEGIN { printf "%.1f", us / 1000 }'; }
mb() { awk -v kb="$1" 'BEGIN { printf "%.1f", kb / 1024 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a > 0 && b > 0) printf "%.1f×", a / b; else printf "–" }'; }
within() { awk -v v="$1" -v max="$2" 'BEGIN { print (v != "" && v + 0 < max) ? "yes" : "no" }'; }

# ---- The data ---------------------------------------------------------------
LOAD="$W/load.db" # 1,000 cases, 20,000 steps, 10,000 changes: the caseload
ONE="$W/one.db"   # one case of 10,000 steps: the case file, and Taskwarrior's tasks
BIG="$W/big.db"   # one case of 20,000 steps: memory with them all loaded
say "seeding"
/usr/bin/time -f '%e %M' -o "$W/seed.time" "$HV" --db "$LOAD" seed --cases 1000 --steps 20000 --events 10000 >&2
read -r seed_s seed_kb <"$W/seed.time"
"$HV" --db "$ONE" seed --cases 1 --steps 10000 --events 2000 >&2
"$HV" --db "$BIG" seed --cases 1 --steps 20000 >&2

# ---- Time to the first frame --------------------------------------------------
# The screen writes the microseconds from the start of main to its first real
# frame (the loaded case list) to $HOUVAST_FIRST_FRAME. What runs before main
# (loading the program, the packages' init) is measured apart with the Go
# runtime's init trace: the moment main's own package starts.
say "first frame, $RUNS runs"
for _ in $(seq "$RUNS"); do
	rm -f "$W/frame"
	start env HOUVAST_FIRST_FRAME="$W/frame" "$HV" --db "$LOAD"
	wait_for "$W/frame"
	tmux kill-session -t "$SESSION"
	cat "$W/frame" >>"$W/frames"
done
frame_us=$(median <"$W/frames")
premain_ms=$(GODEBUG=inittrace=1 "$HV" --db "$LOAD" cases --json 2>&1 >/dev/null |
	awk '$1 == "init" { sub("@", "", $3); t = $3 } END { print t + 0 }')
frame_total_ms=$(awk -v f="$frame_us" -v p="$premain_ms" 'BEGIN { printf "%.1f", f / 1000 + p }')

# The same, started on the agenda (houvast --agenda): its first real frame
# is the loaded agenda.
say "first frame on the agenda, $RUNS runs"
for _ in $(seq "$RUNS"); do
	rm -f "$W/frame"
	start env HOUVAST_FIRST_FRAME="$W/frame" "$HV" --db "$LOAD" --agenda
	wait_for "$W/frame"
	tmux kill-session -t "$SESSION"
	cat "$W/frame" >>"$W/agenda-frames"
done
agenda_frame_us=$(median <"$W/agenda-frames")
agenda_total_ms=$(awk -v f="$agenda_frame_us" -v p="$premain_ms" 'BEGIN { printf "%.1f", f / 1000 + p }')

say "houvast cases --json"
cases_ms=$(hf cases "$HV --db $LOAD cases --json")
say "houvast agenda --json"
agenda_ms=$(hf agenda "$HV --db $LOAD agenda --json")

# ---- Peak memory (RSS) --------------------------------------------------------
# peak NAME WAIT [KEYS...] -- CMD...: CMD's peak RSS in KB, once the screen
# shows WAIT (after pressing KEYS, then waiting for the case's reference).
peak() {
	local name=$1 wait=$2
	shift 2
	local keys=()
	while [ "$1" != "--" ]; do
		keys+=("$1")
		shift
	done
	shift
	rm -f "$W/$name.rss" "$W/frame"
	start env HOUVAST_FIRST_FRAME="$W/frame" /usr/bin/time -f %M -o "$W/$name.rss" "$@"
	wait_screen "$wait"
	if [ ${#keys[@]} -gt 0 ]; then
		tmux send-keys -t "$SESSION" "${keys[@]}"
		wait_screen "S00001 ·"
	fi
	tmux send-keys -t "$SESSION" C-c
	wait_for "$W/$name.rss"
	tail -n 1 "$W/$name.rss"
}
say "peak memory"
rss_list=$(peak list S00 -- "$HV" --db "$LOAD")
rss_case=$(peak case S00001 Enter -- "$HV" --db "$BIG")
rss_volunteer=$(peak volunteer "\[" -- "$HV" --db "$LOAD" --role vrijwilliger)

# ---- Export and import (see the top of this file) -----------------------------
export_ms="" import_ms="" rss_export="" rss_import=""
if eval "$(export_cmd "$ONE" "$W/probe.file")" >/dev/null 2>&1 && [ -s "$W/probe.file" ] &&
	eval "$(import_cmd "$W/probe.file" "$W/probe.db")" >/dev/null 2>&1; then
	say "export and import"
	export_ms=$(hf export "$(export_cmd "$ONE" "$W/case.file")" --prepare "rm -f $W/case.file")
	import_ms=$(hf import "$(import_cmd "$W/probe.file" "$W/new.db")" --prepare "rm -f $W/new.db $W/new.db-wal $W/new.db-shm")
	eval "/usr/bin/time -f %M -o $W/export.rss $(export_cmd "$ONE" "$W/mem.file")" >/dev/null
	eval "/usr/bin/time -f %M -o $W/import.rss $(import_cmd "$W/probe.file" "$W/mem.db")" >/dev/null
	rss_export=$(tail -n 1 "$W/export.rss")
	rss_import=$(tail -n 1 "$W/import.rss")
else
	say "export/import not measured: the commands at the top of bench/compare.sh do not run yet"
fi

# ---- Taskwarrior on the same 10,000 steps -------------------------------------
next_ms="" next20_ms="" texport_ms="" timport_ms="" task_version=""
if command -v task >/dev/null 2>&1; then
	say "Taskwarrior"
	T="$W/task"
	mkdir -p "$T/data"
	printf '%s\n' "data.location=$T/data" confirmation=off hooks=off news.version=2.6.0 >"$T/taskrc"
	export TASKRC="$T/taskrc" TASKDATA="$T/data"
	"$W/taskjson" "$ONE" >"$T/tasks.json"
	task_version=$(task --version)
	timport_ms=$(hf timport "task import $T/tasks.json" --prepare "sh -c 'rm -rf $T/data && mkdir $T/data'")
	rm -rf "$T/data" && mkdir "$T/data"
	task import "$T/tasks.json" >/dev/null 2>&1
	next_ms=$(hf next "task next")
	texport_ms=$(hf texport "task export")
	# task next on 20,000 tasks, beside the agenda over 20,000 steps.
	mkdir -p "$T/data20"
	"$W/taskjson" "$BIG" >"$T/tasks20.json"
	TASKDATA="$T/data20" task rc.data.location="$T/data20" import "$T/tasks20.json" >/dev/null 2>&1
	next20_ms=$(TASKDATA="$T/data20" hf next20 "task rc.data.location=$T/data20 next")
else
	say "Taskwarrior is not installed (apt-get install -y taskwarrior): no comparison"
fi

# ---- The table ------------------------------------------------------------------
load_end=$(cut -d' ' -f1 /proc/loadavg)
or_not() { if [ -n "$1" ]; then echo "$1 $2"; else echo "not measured"; fi; }
tw() { if [ -n "$2" ]; then echo "$1: $2 ms"; else echo "–"; fi; }
cat <<EOF
Machine: $(nproc) cores, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo), $(awk '/MemTotal/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo), $(go version | awk '{ print $3 }'), ${task_version:+Taskwarrior $task_version, }$(date -u +%Y-%m-%d), load average $load_start at the start, $load_end at the end

| What (medians) | Houvast | Budget met | Taskwarrior, 10,000 tasks | Taskwarrior ÷ Houvast |
|---|---|---|---|---|
| Start to first frame, 1,000 cases / 20,000 steps ($RUNS starts) | $frame_total_ms ms ($(ms "$frame_us") ms from main, $premain_ms ms before it) | $(within "$frame_total_ms" 60) (< 60 ms) | $(tw "task next" "$next_ms") | $(ratio "$next_ms" "$frame_total_ms") |
| Start to first frame on the agenda (\`--agenda\`), 1,000 cases / 20,000 steps | $agenda_total_ms ms ($(ms "$agenda_frame_us") ms from main) | $(within "$agenda_total_ms" 60) (< 60 ms) | | |
| \`houvast cases --json\`, 1,000 cases, whole process | $cases_ms ms | | | |
| \`houvast agenda --json\`, 1,000 cases / 20,000 steps, whole process | $agenda_ms ms | | $(tw "task next, 20,000 tasks" "$next20_ms") | $(ratio "$next20_ms" "$agenda_ms") |
| \`houvast export case\`, 10,000 steps | $(or_not "$export_ms" ms) | $([ -n "$export_ms" ] && within "$export_ms" 100 || echo "–") (< 100 ms) | $(tw "task export" "$texport_ms") | $(ratio "$texport_ms" "$export_ms") |
| \`houvast import\` of that file | $(or_not "$import_ms" ms) | $([ -n "$import_ms" ] && within "$import_ms" 300 || echo "–") (< 300 ms) | $(tw "task import" "$timport_ms") | $(ratio "$timport_ms" "$import_ms") |
| Peak memory: case list, 1,000 cases / 20,000 steps | $(mb "$rss_list") MB | $(within "$(mb "$rss_list")" 60) (< 60 MB) | | |
| Peak memory: one case of 20,000 steps open | $(mb "$rss_case") MB | $(within "$(mb "$rss_case")" 60) (< 60 MB) | | |
| Peak memory: volunteer checklist over 1,000 cases | $(mb "$rss_volunteer") MB | $(within "$(mb "$rss_volunteer")" 60) (< 60 MB) | | |
| Peak memory: export / import of the 10,000-step case | $(or_not "${rss_export:+$(mb "$rss_export") / $(mb "$rss_import")}" MB) | | | |
| \`houvast seed\` 1,000 cases / 20,000 steps / 10,000 events | $seed_s s, $(mb "$seed_kb") MB peak | | | |
EOF
