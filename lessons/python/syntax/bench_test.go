package syntax

import (
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
)

// benchFile is a 6400-line module of CPython's standard library.
const benchFile = "/usr/lib/python3.11/_pydecimal.py"

// cpythonParseNs times ast.parse of file in /usr/bin/python3 (best of
// several runs) in nanoseconds.
func cpythonParseNs(b *testing.B, file string) float64 {
	script := `import ast, sys, time
src = open(sys.argv[1], "rb").read()
best = min(__import__("timeit").repeat(lambda: ast.parse(src), number=1, repeat=15))
print(int(best * 1e9))`
	out, err := exec.Command(python, "-c", script, file).Output()
	if err != nil {
		b.Fatalf("timing CPython: %v", err)
	}
	ns, err := strconv.ParseFloat(strings.TrimSpace(string(out)), 64)
	if err != nil {
		b.Fatal(err)
	}
	return ns
}

// BenchmarkParse parses a large file and reports CPython's ast.parse
// time for the same file beside ours.
func BenchmarkParse(b *testing.B) {
	src, err := os.ReadFile(benchFile)
	if err != nil {
		b.Fatal(err)
	}
	lines := strings.Count(string(src), "\n")
	peer := cpythonParseNs(b, benchFile)
	b.SetBytes(int64(len(src)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Parse(benchFile, src); err != nil {
			b.Fatal(err)
		}
	}
	ours := float64(b.Elapsed().Nanoseconds()) / float64(b.N)
	b.ReportMetric(float64(lines), "lines")
	b.ReportMetric(ours/1e6, "ms/parse")
	b.ReportMetric(peer/1e6, "cpython-ms/parse")
	b.ReportMetric(ours/peer, "ratio")
}
