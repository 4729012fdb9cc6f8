package resolve

import (
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"

	"threadlab/lessons/python/syntax"
)

// benchFile is a 6400-line module of CPython's standard library.
const benchFile = "/usr/lib/python3.11/_pydecimal.py"

// BenchmarkParseResolve parses and resolves a large file and reports,
// beside it, the time CPython's symtable module (which parses too) takes
// to analyse the same file.
func BenchmarkParseResolve(b *testing.B) {
	src, err := os.ReadFile(benchFile)
	if err != nil {
		b.Fatal(err)
	}
	script := `import ast, symtable, sys, timeit
src = open(sys.argv[1]).read()
t = lambda f: min(timeit.repeat(f, number=1, repeat=15))
print(int(t(lambda: symtable.symtable(src, "f", "exec")) * 1e9))`
	out, err := exec.Command(python, "-c", script, benchFile).Output()
	if err != nil {
		b.Fatalf("timing CPython: %v", err)
	}
	peer, err := strconv.ParseFloat(strings.TrimSpace(string(out)), 64)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m, err := syntax.Parse(benchFile, src)
		if err != nil {
			b.Fatal(err)
		}
		if err := File(m, src); err != nil {
			b.Fatal(err)
		}
	}
	ours := float64(b.Elapsed().Nanoseconds()) / float64(b.N)
	b.ReportMetric(ours/1e6, "ms/parse+resolve")
	b.ReportMetric(peer/1e6, "cpython-ms/symtable")
	b.ReportMetric(ours/peer, "ratio")
}
