package lessons

// Benchmarks for `make bench`. Each prints threadlab's figure and its
// peer's (Debian's /usr/bin/python3) from the same run, and their ratio,
// as custom metrics: compare, don't quote absolutes, on a shared machine.

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"threadlab/lessons/python"
	"threadlab/runtime"
)

// timedRace is the tutorial's race with its own clocks, for CPython: the
// clocks start once the modules are imported, as the cell's runs after an
// earlier cell imported them. It prints the wall time, then the CPU time.
var timedRace = "import threading, time\nstart, cpu = time.perf_counter(), time.process_time()\n" +
	strings.Replace(race("100000"), "print(balance)", "print(time.perf_counter() - start, time.process_time() - cpu)", 1)

// cpython runs a program under Debian's CPython and returns the number it
// prints.
func cpython(b *testing.B, program string, args ...string) float64 {
	b.Helper()
	out, err := exec.Command(python3, append([]string{"-c", program}, args...)...).Output()
	if err != nil {
		b.Fatalf("%s: %v", python3, err)
	}
	f, err := strconv.ParseFloat(strings.TrimSpace(string(out)), 64)
	if err != nil {
		b.Fatalf("python3 printed %q", out)
	}
	return f
}

// cpythonTimes runs a program under Debian's CPython and returns the two
// numbers of seconds it prints.
func cpythonTimes(b *testing.B, program string) (wall, cpu time.Duration) {
	b.Helper()
	out, err := exec.Command(python3, "-c", program).Output()
	if err != nil {
		b.Fatalf("%s: %v", python3, err)
	}
	var w, c float64
	if _, err := fmt.Sscan(string(out), &w, &c); err != nil {
		b.Fatalf("python3 printed %q: %v", out, err)
	}
	return time.Duration(w * float64(time.Second)), time.Duration(c * float64(time.Second))
}

// processCPU is the CPU time this process has used, all its threads.
func processCPU(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// timeCell runs code in s and returns the wall time of the cell.
func timeCell(b *testing.B, s *Session, code string) time.Duration {
	b.Helper()
	began := time.Now()
	if _, err := s.Execute(context.Background(), code, &recorder{}); err != nil {
		b.Fatal(err)
	}
	return time.Since(began)
}

// BenchmarkRaceVsCPython: the tutorial's race (global balance, two
// threads of 100000 rounds, GIL on, tracing off) as a cell, beside the
// same program on CPython. Goal: at most 2x CPython's wall time. The CPU
// times are reported too: on a machine that other work shares, they
// vary less than wall times do. The kernel runs cells under
// python.TuneGC's collector settings (main.go), so the benchmark does.
func BenchmarkRaceVsCPython(b *testing.B) {
	b.Cleanup(python.TuneGC())
	var ours, theirs, oursCPU, theirsCPU time.Duration
	cell := race("100000")
	for i := 0; i < b.N; i++ {
		s := New()
		timeCell(b, s, "lab.tracing(False)\nimport threading")
		cpu := processCPU(b)
		ours += timeCell(b, s, cell)
		oursCPU += processCPU(b) - cpu
		s.Shutdown()
		wall, cpu := cpythonTimes(b, timedRace)
		theirs += wall
		theirsCPU += cpu
	}
	report(b, "race", ours, theirs, 2)
	b.ReportMetric(oursCPU.Seconds()/theirsCPU.Seconds(), "cpu-ratio")
	b.Logf("race: CPU time threadlab %v, CPython %v per run: ratio %.2f", oursCPU/time.Duration(b.N), theirsCPU/time.Duration(b.N), oursCPU.Seconds()/theirsCPU.Seconds())
	n := float64(b.N)
	ms, pms := float64(ours.Microseconds())/1000/n, float64(theirs.Microseconds())/1000/n
	cms, cpms := float64(oursCPU.Microseconds())/1000/n, float64(theirsCPU.Microseconds())/1000/n
	record(b, benchRow{Label: "race 2x100000 as a cell, GIL on, tracing off", Ours: ms, Peer: pms, Name: "CPython", Unit: "ms",
		Goal: "<= 2x", Met: met(ms <= 2*pms)},
		benchRow{Label: "race 2x100000 as a cell, CPU time", Ours: cms, Peer: cpms, Name: "CPython", Unit: "ms"})
}

// BenchmarkGILHandoff: how often the GIL changes hands while two threads
// spin, in switches per second.
func BenchmarkGILHandoff(b *testing.B) {
	var rate float64
	for i := 0; i < b.N; i++ {
		s := New()
		before := s.rt.Switches()
		d := timeCell(b, s, `
import threading
def spin(n):
    x = 0
    for i in range(n):
        x = x ^ 1
a = threading.Thread(target=spin, args=(300000,))
b = threading.Thread(target=spin, args=(300000,))
a.start(); b.start(); a.join(); b.join()
`)
		rate += float64(s.rt.Switches()-before) / d.Seconds()
		s.Shutdown()
	}
	b.ReportMetric(rate/float64(b.N), "switches/s")
	record(b, benchRow{Label: "GIL hand-offs, 2 spinning threads", Ours: rate / float64(b.N), Peer: 200, Name: "CPython (5 ms interval)", Unit: "switches/s"})
	b.Logf("GIL hand-offs: %.0f per second with a switch interval of %d steps (CPython switches every 5 ms: 200/s)", rate/float64(b.N), runtime.DefaultSwitchInterval)
}

// spinCell starts one spinning worker per core (threads or processes),
// watches the CPU with lab.cpu, stops them and prints the report's
// percent, cores and the sum of every core's use.
func spinCell(setup, kind string, seconds float64) string {
	return setup + `
import threading, multiprocessing
def spin():
    x = 0
    while True:
        x = x ^ 1
workers = []
for i in range(multiprocessing.cpu_count()):
    w = ` + kind + `(target=spin)
    w.start()
    workers.append(w)
report = lab.cpu(` + strconv.FormatFloat(seconds, 'f', -1, 64) + `)
lab.stop()
print(report.percent, report.cores, sum(report.per_core), len(report.per_core))
`
}

const pythonSpin = `
import multiprocessing, os, sys, threading, time
def spin(stop):
    x = 0
    while time.monotonic() < stop:
        x ^= 1
n = os.cpu_count()
stop = time.monotonic() + 2
before = os.times()
t0 = time.monotonic()
Worker = multiprocessing.Process if sys.argv[1] == "process" else threading.Thread
ws = [Worker(target=spin, args=(stop,)) for _ in range(n)]
for w in ws: w.start()
for w in ws: w.join()
after = os.times()
busy = (after.user - before.user) + (after.system - before.system) + (after.children_user - before.children_user) + (after.children_system - before.children_system)
print(100 * busy / (time.monotonic() - t0))
`

// BenchmarkCPU: CPU% of one spinning thread per core with the GIL on and
// off, and of one spinning process per core, beside CPython's threads and
// processes. Goals: GIL on at most 115%; GIL off and processes at least
// 90% of every core.
func BenchmarkCPU(b *testing.B) {
	cores := runtime.Cores()
	for i := 0; i < b.N; i++ {
		measure := func(setup, kind string) float64 {
			s := New()
			defer s.Shutdown()
			rec := &recorder{}
			if _, err := s.Execute(context.Background(), spinCell(setup, kind, 2), rec); err != nil {
				b.Fatal(err)
			}
			f, _ := strconv.ParseFloat(strings.Fields(rec.out())[0], 64)
			return f
		}
		on := measure("", "threading.Thread")
		off := measure("lab.gil(False)", "threading.Thread")
		procs := measure("", "multiprocessing.Process")
		pyThreads := cpython(b, pythonSpin, "thread")
		pyProcs := cpython(b, pythonSpin, "process")
		b.ReportMetric(on, "gil-on-%")
		b.ReportMetric(off, "gil-off-%")
		b.ReportMetric(procs, "processes-%")
		b.ReportMetric(pyThreads, "cpython-threads-%")
		b.ReportMetric(pyProcs, "cpython-processes-%")
		all := 100 * cores
		record(b,
			benchRow{Label: "CPU, thread per core, GIL on", Ours: on, Peer: pyThreads, Name: "CPython threads", Unit: "%", Goal: "<= 115%", Met: met(on <= 115)},
			benchRow{Label: "CPU, thread per core, GIL off", Ours: off, Peer: all, Name: "all cores", Unit: "%", Goal: ">= 90% of every core", Met: met(off >= 0.9*all)},
			benchRow{Label: "CPU, process per core", Ours: procs, Peer: pyProcs, Name: "CPython processes", Unit: "%", Goal: ">= 90% of every core", Met: met(procs >= 0.9*all)})
		b.Logf("%.0f cores: threadlab GIL on %.0f%% (CPython threads %.0f%%), GIL off %.0f%%, processes %.0f%% (CPython processes %.0f%%)", cores, on, pyThreads, off, procs, pyProcs)
	}
}

func report(b *testing.B, what string, ours, theirs time.Duration, goal float64) {
	n := float64(b.N)
	b.ReportMetric(float64(ours.Microseconds())/1000/n, "threadlab-ms")
	b.ReportMetric(float64(theirs.Microseconds())/1000/n, "cpython-ms")
	b.ReportMetric(ours.Seconds()/theirs.Seconds(), "ratio")
	goalText := ""
	if goal > 0 {
		goalText = fmt.Sprintf(" (goal <= %g)", goal)
	}
	b.Logf("%s: threadlab %v, CPython %v per run: ratio %.2f%s", what, ours/time.Duration(b.N), theirs/time.Duration(b.N), ours.Seconds()/theirs.Seconds(), goalText)
}

// benchRow is one line of `make bench`'s summary. With THREADLAB_BENCH_DIR
// set, each benchmark adds its rows to runtime.json there, in the same shape
// as the kernel benchmark's, for kernel/clienttest/bench_summary.py.
type benchRow struct {
	Label string  `json:"label"`
	Ours  float64 `json:"threadlab"`
	Peer  float64 `json:"peer"`
	Name  string  `json:"peer_name"`
	Unit  string  `json:"unit"`
	Ratio float64 `json:"ratio"`
	Goal  string  `json:"goal"`
	Met   *bool   `json:"met"`
}

func record(b *testing.B, rows ...benchRow) {
	dir := os.Getenv("THREADLAB_BENCH_DIR")
	if dir == "" {
		return
	}
	path := filepath.Join(dir, "runtime.json")
	var doc struct {
		Summary []benchRow `json:"summary"`
	}
	if data, err := os.ReadFile(path); err == nil {
		_ = json.Unmarshal(data, &doc)
	}
	for _, r := range rows {
		if r.Peer != 0 && r.Ratio == 0 {
			r.Ratio = r.Ours / r.Peer
		}
		kept := doc.Summary[:0]
		for _, old := range doc.Summary {
			if old.Label != r.Label {
				kept = append(kept, old)
			}
		}
		doc.Summary = append(kept, r)
	}
	data, _ := json.MarshalIndent(doc, "", "  ")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		b.Fatal(err)
	}
}

func met(ok bool) *bool { return &ok }
