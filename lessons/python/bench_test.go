package python_test

// Benchmarks of threadlab's Python beside /usr/bin/python3 in the same run
// (make bench-python runs them pinned to one CPU):
//
//   - BenchmarkPrograms: the programs of testdata/bench, each timing its own
//     main() with time.perf_counter; threadlab runs in this process, CPython
//     as a subprocess. Goal: geometric mean of the ratios <= 2, none > 4.
//   - BenchmarkStepHook: the race loop with a host called every 100 steps
//     against none (<= 1.15x); BenchmarkTracing: with a tracer against
//     without (<= 2x).
//   - BenchmarkMemory: peak RSS growth of a 1 000 000-int list and a
//     100 000-entry str->int dict over an empty program, `threadlab run`
//     against python3 (<= 2x).
//   - BenchmarkStartup: `threadlab run empty.py` against `python3 empty.py`
//     (<= 1x).
//
// The timed benchmarks run threadlab under python.TuneGC, the collector
// settings `threadlab run` and the kernel use.
//
// With THREADLAB_BENCH_DIR set, every figure goes to python.json there for
// kernel/clienttest/bench_summary.py. THREADLAB_BIN names the built
// threadlab binary (else the benchmark builds one).

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"threadlab/lessons/python"
)

// benchRepeats: each side runs a program this many times per iteration and
// keeps its fastest run, which is the least disturbed on a shared machine.
const benchRepeats = 2

func BenchmarkPrograms(b *testing.B) {
	files, err := filepath.Glob("testdata/bench/*.py")
	if err != nil || len(files) < 10 {
		b.Fatalf("want at least 10 programs in testdata/bench, have %d (%v)", len(files), err)
	}
	b.Cleanup(python.TuneGC())
	ratios := map[string]float64{}
	for _, path := range files {
		name := strings.TrimSuffix(filepath.Base(path), ".py")
		b.Run(name, func(b *testing.B) {
			src, err := os.ReadFile(path)
			if err != nil {
				b.Fatal(err)
			}
			var ours, theirs float64
			for i := 0; i < b.N; i++ {
				o, t := math.Inf(1), math.Inf(1)
				for r := 0; r < benchRepeats; r++ {
					oOut, oSec := oursTimed(b, path, src, asThreadlabRun)
					tOut, tSec := cpythonTimed(b, path)
					if oOut != tOut {
						b.Fatalf("%s: threadlab printed %q, CPython %q", name, oOut, tOut)
					}
					o, t = math.Min(o, oSec), math.Min(t, tSec)
				}
				ours += o
				theirs += t
			}
			ours, theirs = ours/float64(b.N), theirs/float64(b.N)
			ratio := ours / theirs
			b.ReportMetric(ours*1000, "threadlab-ms")
			b.ReportMetric(theirs*1000, "cpython-ms")
			b.ReportMetric(ratio, "ratio")
			ratios[name] = ratio
			recordPython(b, pyBenchRow{Label: "python " + name, Ours: ours * 1000, Peer: theirs * 1000,
				Name: "CPython", Unit: "ms", Ratio: ratio, Goal: "<= 4x", Met: met(ratio <= 4)})
		})
	}
	if len(ratios) != len(files) {
		return // a program failed, or -bench picked a few
	}
	logSum, worst, worstName := 0.0, 0.0, ""
	for name, r := range ratios {
		logSum += math.Log(r)
		if r > worst {
			worst, worstName = r, name
		}
	}
	geo := math.Exp(logSum / float64(len(ratios)))
	b.Logf("python programs: geometric mean of threadlab/CPython %.2f (goal <= 2), worst %s %.2f (goal <= 4)", geo, worstName, worst)
	recordPython(b, pyBenchRow{Label: fmt.Sprintf("python %d programs, geometric mean", len(ratios)), Ours: geo, Peer: 1,
		Name: "CPython = 1", Unit: "x", Ratio: geo, Goal: "<= 2x", Met: met(geo <= 2)})
}

// oursTimed runs a benchmark program on threadlab and returns its output
// without the elapsed line, and the elapsed seconds it printed.
func oursTimed(b *testing.B, path string, src []byte, setup func(*python.Thread)) (string, float64) {
	o, err := runWatched(filepath.Base(path), src, nil, 10*time.Minute, nil, setup)
	if err != nil {
		b.Fatalf("%s on threadlab: %v", path, err)
	}
	if o.code != 0 {
		b.Fatalf("%s on threadlab: exit %d: %s", path, o.code, strings.Join(o.stderr, "\n"))
	}
	return splitElapsed(b, path, o.stdout)
}

func cpythonTimed(b *testing.B, path string) (string, float64) {
	cmd := exec.Command(python3, filepath.Base(path))
	cmd.Dir = filepath.Dir(path)
	out, err := cmd.Output()
	if err != nil {
		b.Fatalf("%s on CPython: %v", path, err)
	}
	return splitElapsed(b, path, string(out))
}

// splitElapsed cuts the last line, "elapsed SECONDS", off a program's output.
func splitElapsed(b *testing.B, path, out string) (string, float64) {
	body, last, _ := strings.Cut(strings.TrimSuffix(out, "\n"), "\nelapsed ")
	sec, err := strconv.ParseFloat(last, 64)
	if err != nil {
		b.Fatalf("%s: output does not end in an elapsed line: %q", path, out)
	}
	return body, sec
}

// asThreadlabRun sets the interpreter up as `threadlab run` does: its
// GIL serialises the threads (pyhost.Host.AttachMain), so lists and dicts
// skip their locks.
func asThreadlabRun(th *python.Thread) { th.Interp().SetSerialised(true) }

// countingHost is the cheapest host: it counts the calls.
type countingHost struct{ steps int }

func (h *countingHost) Step(*python.Thread) error { h.steps++; return nil }

// countingTracer counts memory events.
type countingTracer struct{ events int }

func (c *countingTracer) Event(*python.Thread, *python.Event) { c.events++ }

// BenchmarkStepHook: the race loop with the host called every 100 steps,
// against no host, alternating. Goal: at most 1.15x.
func BenchmarkStepHook(b *testing.B) {
	h := &countingHost{}
	with, without := alternate(b, func(th *python.Thread) { th.SetHost(h, 100) })
	if h.steps == 0 {
		b.Fatal("the host was never called")
	}
	ratio := with / without
	b.ReportMetric(ratio, "ratio")
	recordPython(b, pyBenchRow{Label: "python race loop, step hook N=100 vs none", Ours: with * 1000, Peer: without * 1000,
		Name: "threadlab, no hook", Unit: "ms", Ratio: ratio, Goal: "<= 1.15x", Met: met(ratio <= 1.15)})
}

// BenchmarkTracing: the race loop with a tracer on against off. Goal: at
// most 2x.
func BenchmarkTracing(b *testing.B) {
	tr := &countingTracer{}
	with, without := alternate(b, func(th *python.Thread) { th.SetTracer(tr) })
	if tr.events == 0 {
		b.Fatal("the tracer saw no events")
	}
	ratio := with / without
	b.ReportMetric(ratio, "ratio")
	recordPython(b, pyBenchRow{Label: "python race loop, tracing on vs off", Ours: with * 1000, Peer: without * 1000,
		Name: "threadlab, tracing off", Unit: "ms", Ratio: ratio, Goal: "<= 2x", Met: met(ratio <= 2)})
}

// BenchmarkTraceFunction: a program that runs under a sys.settrace
// function counting every event (testdata/bench_trace/settrace.py), as a
// debugger or coverage tool would, beside CPython running it the same
// way. Goal: at most 4x, as for each program of BenchmarkPrograms.
func BenchmarkTraceFunction(b *testing.B) {
	b.Cleanup(python.TuneGC())
	path := "testdata/bench_trace/settrace.py"
	src, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	ours, theirs := math.Inf(1), math.Inf(1)
	for i := 0; i < b.N*benchRepeats; i++ {
		oOut, o := oursTimed(b, path, src, asThreadlabRun)
		tOut, t := cpythonTimed(b, path)
		if oOut != tOut {
			b.Fatalf("threadlab printed %q, CPython %q", oOut, tOut)
		}
		ours, theirs = math.Min(ours, o), math.Min(theirs, t)
	}
	ratio := ours / theirs
	b.ReportMetric(ratio, "ratio")
	recordPython(b, pyBenchRow{Label: "python under a sys.settrace function", Ours: ours * 1000, Peer: theirs * 1000,
		Name: "CPython", Unit: "ms", Ratio: ratio, Goal: "<= 4x", Met: met(ratio <= 4)})
}

// alternate runs the race program with setup and without, in turns, and
// returns the fastest time of each.
func alternate(b *testing.B, setup func(*python.Thread)) (with, without float64) {
	b.Cleanup(python.TuneGC())
	path := "testdata/bench/race.py"
	src, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	with, without = math.Inf(1), math.Inf(1)
	for i := 0; i < b.N*3; i++ {
		_, w := oursTimed(b, path, src, setup)
		_, wo := oursTimed(b, path, src, nil)
		with, without = math.Min(with, w), math.Min(without, wo)
	}
	return with, without
}

// Programs for BenchmarkMemory: each keeps its data alive to the end.
var memoryPrograms = []struct{ label, src string }{
	{"list of 1 000 000 small ints", "x = [i for i in range(1000000)]\n"},
	{"dict of 100 000 str->int", "d = {str(i): i for i in range(100000)}\n"},
}

// BenchmarkMemory: how much a program's peak RSS (VmHWM) grows over an
// empty program's, under `threadlab run` and under python3. Goal: at most 2x.
func BenchmarkMemory(b *testing.B) {
	bin := threadlabBinary(b)
	dir := b.TempDir()
	empty := writeProgram(b, dir, "empty.py", handshake)
	for k, mp := range memoryPrograms {
		prog := writeProgram(b, dir, fmt.Sprintf("mem%d.py", k), mp.src+handshake)
		var ours, theirs float64
		for i := 0; i < b.N; i++ {
			ours += float64(growth(b, empty, prog, bin, "run"))
			theirs += float64(growth(b, empty, prog, python3))
		}
		ours, theirs = ours/float64(b.N), theirs/float64(b.N)
		if ours <= 0 || theirs <= 0 {
			b.Fatalf("%s: RSS growth threadlab %.0f bytes, CPython %.0f bytes: the measurement is broken", mp.label, ours, theirs)
		}
		ratio := ours / theirs
		b.Logf("%s: RSS growth threadlab %.1f MiB, CPython %.1f MiB, ratio %.2f", mp.label, ours/(1<<20), theirs/(1<<20), ratio)
		recordPython(b, pyBenchRow{Label: "python RSS growth, " + mp.label, Ours: ours, Peer: theirs,
			Name: "CPython", Unit: "bytes", Ratio: ratio, Goal: "<= 2x", Met: met(ratio <= 2)})
	}
}

// BenchmarkStartup: `threadlab run empty.py` against `python3 empty.py`,
// wall time of the whole process. Goal: no slower than CPython.
func BenchmarkStartup(b *testing.B) {
	bin := threadlabBinary(b)
	empty := writeProgram(b, b.TempDir(), "empty.py", "")
	const runs = 20
	var ours, theirs time.Duration
	for i := 0; i < b.N; i++ {
		for r := 0; r < runs; r++ {
			ours += wall(b, bin, "run", empty)
			theirs += wall(b, python3, empty)
		}
	}
	o := float64(ours.Microseconds()) / 1000 / float64(b.N*runs)
	t := float64(theirs.Microseconds()) / 1000 / float64(b.N*runs)
	b.ReportMetric(o, "threadlab-ms")
	b.ReportMetric(t, "cpython-ms")
	recordPython(b, pyBenchRow{Label: "python start-up, empty program", Ours: o, Peer: t,
		Name: "python3 empty.py", Unit: "ms", Ratio: o / t, Goal: "<= 1x", Met: met(o <= t)})
}

func threadlabBinary(b *testing.B) string {
	if bin := os.Getenv("THREADLAB_BIN"); bin != "" {
		return bin
	}
	bin := filepath.Join(b.TempDir(), "threadlab")
	cmd := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-o", bin, "threadlab")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("building threadlab: %v\n%s", err, out)
	}
	return bin
}

func writeProgram(b *testing.B, dir, name, src string) string {
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		b.Fatal(err)
	}
	return path
}

// handshake ends every memory program: it says it is done and waits, so
// that its peak can be read while it is still alive. It writes to stderr:
// `threadlab run` buffers stdout and print(flush=True) does not flush it.
const handshake = "import sys\nsys.stderr.write('ready\\n')\ninput()\n"

// growth is how much more the peak resident set of prog is than that of
// empty, under the interpreter command cmd. A shared machine has been seen
// to give no growth at all once in a while; such a reading is taken again
// (three tries), so that one bad moment does not end make bench.
func growth(b *testing.B, empty, prog string, cmd ...string) int64 {
	with := func(file string) []string { return append(append([]string{}, cmd[1:]...), file) }
	var g int64
	for try := 0; try < 3 && g <= 0; try++ {
		g = minRSS(b, cmd[0], with(prog)...) - minRSS(b, cmd[0], with(empty)...)
	}
	return g
}

// minRSS is the smallest peak resident set of three runs of a program:
// the least disturbed by a machine short of memory.
func minRSS(b *testing.B, name string, args ...string) int64 {
	least := peakRSS(b, name, args...)
	for i := 0; i < 2; i++ {
		least = min(least, peakRSS(b, name, args...))
	}
	return least
}

// peakRSS runs a memory program and returns its VmHWM once it has said
// "ready". (The rusage of a child is no good: Linux counts in it the
// resident set of the parent that started it, this test process.)
func peakRSS(b *testing.B, name string, args ...string) int64 {
	cmd := exec.Command(name, args...)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		b.Fatal(err)
	}
	stderr, err := cmd.StderrPipe()
	if err != nil {
		b.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	defer cmd.Wait()
	defer stdin.Close()
	line, err := bufio.NewReader(stderr).ReadString('\n')
	if err != nil || line != "ready\n" {
		b.Fatalf("%s %v: want \"ready\", got %q (%v)", name, args, line, err)
	}
	status, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", cmd.Process.Pid))
	if err != nil {
		b.Fatal(err)
	}
	for _, l := range strings.Split(string(status), "\n") {
		if rest, ok := strings.CutPrefix(l, "VmHWM:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			if err != nil {
				b.Fatal(err)
			}
			if _, err := stdin.Write([]byte("\n")); err != nil {
				b.Fatal(err)
			}
			return kb * 1024
		}
	}
	b.Fatalf("no VmHWM in /proc/%d/status", cmd.Process.Pid)
	return 0
}

func wall(b *testing.B, name string, args ...string) time.Duration {
	began := time.Now()
	if out, err := exec.Command(name, args...).CombinedOutput(); err != nil {
		b.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
	return time.Since(began)
}

// pyBenchRow is one line of `make bench`'s summary, in the shape of
// lessons/bench_test.go's rows.
type pyBenchRow struct {
	Label string  `json:"label"`
	Ours  float64 `json:"threadlab"`
	Peer  float64 `json:"peer"`
	Name  string  `json:"peer_name"`
	Unit  string  `json:"unit"`
	Ratio float64 `json:"ratio"`
	Goal  string  `json:"goal"`
	Met   *bool   `json:"met"`
}

func met(ok bool) *bool { return &ok }

// setRow adds r to rows, replacing a row of the same label.
func setRow(rows []pyBenchRow, r pyBenchRow) []pyBenchRow {
	for i := range rows {
		if rows[i].Label == r.Label {
			rows[i] = r
			return rows
		}
	}
	return append(rows, r)
}

// recordPython merges rows into $THREADLAB_BENCH_DIR/python.json.
func recordPython(b *testing.B, rows ...pyBenchRow) {
	dir := os.Getenv("THREADLAB_BENCH_DIR")
	if dir == "" {
		return
	}
	path := filepath.Join(dir, "python.json")
	var doc struct {
		Summary []pyBenchRow `json:"summary"`
	}
	if data, err := os.ReadFile(path); err == nil {
		if err := json.Unmarshal(data, &doc); err != nil {
			b.Fatalf("%s: %v", path, err)
		}
	}
	for _, r := range rows {
		doc.Summary = setRow(doc.Summary, r)
	}
	data, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		b.Fatal(err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		b.Fatal(err)
	}
}
