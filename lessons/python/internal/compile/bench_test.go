package compile

import (
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"

	"threadlab/lessons/python/resolve"
	"threadlab/lessons/python/syntax"
)

// BenchmarkCompile parses, resolves and compiles a 6400-line module of
// CPython's standard library (the file resolve's benchmark uses) and
// reports, beside it, the time CPython's compile() takes for the same
// source, which also parses, analyses scopes and generates code.
func BenchmarkCompile(b *testing.B) {
	const file = "/usr/lib/python3.11/_pydecimal.py"
	src, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	peer := cpythonCompileNanos(b, file)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m, err := syntax.Parse(file, src)
		if err == nil {
			err = resolve.File(m, src)
		}
		if err == nil {
			_, err = Module(m, false)
		}
		if err != nil {
			b.Fatal(err)
		}
	}
	ours := float64(b.Elapsed().Nanoseconds()) / float64(b.N)
	b.ReportMetric(ours/1e6, "ms/compile")
	b.ReportMetric(peer/1e6, "cpython-ms/compile")
	b.ReportMetric(ours/peer, "ratio")
}

// cpythonCompileNanos is the best of 15 timings of CPython compiling file.
func cpythonCompileNanos(b *testing.B, file string) float64 {
	const timing = "import sys, timeit\n" +
		"src = open(sys.argv[1]).read()\n" +
		"print(int(min(timeit.repeat(lambda: compile(src, 'f', 'exec'), number=1, repeat=15)) * 1e9))\n"
	out, err := exec.Command("/usr/bin/python3", "-c", timing, file).Output()
	if err != nil {
		b.Fatalf("timing CPython's compile: %v", err)
	}
	ns, err := strconv.ParseFloat(strings.TrimSpace(string(out)), 64)
	if err != nil {
		b.Fatalf("timing CPython's compile: %v", err)
	}
	return ns
}
