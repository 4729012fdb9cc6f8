package syntax

import (
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

const python = "/usr/bin/python3"

// cpythonCanon runs testdata/canon.py over files and returns each
// file's canonical dump (or "!! ..." when CPython rejects it).
func cpythonCanon(t testing.TB, files []string) map[string]string {
	t.Helper()
	out, err := exec.Command(python, append([]string{"testdata/canon.py"}, files...)...).Output()
	if err != nil {
		t.Fatalf("canon.py: %v", err)
	}
	res := map[string]string{}
	var name string
	for _, line := range strings.Split(string(out), "\n") {
		if n, ok := strings.CutPrefix(line, "== "); ok {
			name = n
		} else if line != "" {
			res[name] = line
		}
	}
	return res
}

// unsupported reports whether CPython's dump uses syntax that
// threadlab's Python leaves out.
func unsupported(dump string) bool {
	for _, s := range []string{"AsyncFunctionDef@", "AsyncFor@", "AsyncWith@", "Await@", "Match@", "TryStar@", "is_async=1"} {
		if strings.Contains(dump, s) {
			return true
		}
	}
	return false
}

// firstDiff returns a window around the first difference of a and b.
func firstDiff(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	lo := max(i-150, 0)
	return "\n ours:    ..." + a[lo:min(i+150, len(a))] + "\n cpython: ..." + b[lo:min(i+150, len(b))]
}

// compareWithCPython compares our trees of files with CPython's. In a
// strict comparison every file must be one CPython accepts.
func compareWithCPython(t *testing.T, files []string, strict bool) {
	want := cpythonCanon(t, files)
	compared, skipped := 0, 0
	for _, f := range files {
		w, ok := want[f]
		if !ok {
			t.Errorf("%s: no output from canon.py", f)
			continue
		}
		if strings.HasPrefix(w, "!!") || unsupported(w) {
			if strict {
				t.Errorf("%s: CPython says %s", f, w)
			}
			skipped++
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		m, err := Parse(f, src)
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		compared++
		if got := canon(m); got != w {
			t.Errorf("%s: tree differs from CPython's:%s", f, firstDiff(got, w))
		}
	}
	t.Logf("compared %d files with CPython, left out %d it rejects or that use async/match", compared, skipped)
	if compared == 0 {
		t.Error("nothing compared")
	}
}

func TestParseCorpusMatchesCPython(t *testing.T) {
	files, _ := filepath.Glob("testdata/parse/*.py")
	compareWithCPython(t, files, true)
}

// TestParseStdlibMatchesCPython parses CPython's own standard library.
func TestParseStdlibMatchesCPython(t *testing.T) {
	files, _ := filepath.Glob("/usr/lib/python3.11/*.py")
	sort.Strings(files)
	if testing.Short() {
		files = files[:min(len(files), 20)]
	}
	compareWithCPython(t, files, false)
}

// TestParseExpr: an expression parses as the value of the same text as a
// statement (which the CPython comparisons cover); statements fail.
func TestParseExpr(t *testing.T) {
	for _, src := range []string{"1", "a + b * c", "f(x, *y, k=1)", "[x for x in y if x]", "lambda: 0",
		"x if y else z", "(yield)", "f'{x!r:>{w}}'", "a, b", "*a, b", "1\n", "  (1 +\n 2)"} {
		e, err := ParseExpr("<t>", []byte(src))
		if err != nil {
			t.Errorf("%q: %v", src, err)
			continue
		}
		m, err := Parse("<t>", []byte(strings.TrimLeft(src, " ")))
		if err != nil {
			t.Errorf("%q as a statement: %v", src, err)
			continue
		}
		if got, want := canon(e), canon(m.Body[0].(*ExprStmt).X); got != want {
			t.Errorf("%q: %s, as a statement %s", src, got, want)
		}
	}
	for _, src := range []string{"x = 1", "pass", "1; 2", "if x: y", "1 2"} {
		if _, err := ParseExpr("<t>", []byte(src)); err == nil {
			t.Errorf("%q: no error", src)
		}
	}
}
