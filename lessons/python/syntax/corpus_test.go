package syntax

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// readFuzzEntry decodes a file of Go's fuzz corpus format holding one
// []byte value.
func readFuzzEntry(t *testing.T, name string) []byte {
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitN(string(data), "\n", 2)
	if len(lines) < 2 || lines[0] != "go test fuzz v1" {
		t.Fatalf("%s: not a fuzz corpus file", name)
	}
	lit := strings.TrimSpace(lines[1])
	lit = strings.TrimSuffix(strings.TrimPrefix(lit, "[]byte("), ")")
	s, err := strconv.Unquote(lit)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return []byte(s)
}

// TestFuzzCorpusAgreesWithCPython: on every input of the fuzz corpus we
// accept what CPython accepts, with the same tree, and reject what it
// rejects.
func TestFuzzCorpusAgreesWithCPython(t *testing.T) {
	entries, _ := filepath.Glob("testdata/fuzz/*/*")
	dir := t.TempDir()
	var files []string
	srcs := map[string][]byte{}
	for i, e := range entries {
		src := readFuzzEntry(t, e)
		f := filepath.Join(dir, strconv.Itoa(i)+".py")
		if err := os.WriteFile(f, src, 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
		srcs[f] = src
	}
	want := cpythonCanon(t, files)
	agree := 0
	for i, f := range files {
		w := want[f]
		m, err := Parse(f, srcs[f])
		switch {
		case strings.HasPrefix(w, "!!"):
			if err == nil {
				t.Errorf("%s: %q: CPython says %s; we accept it", entries[i], srcs[f], w)
				continue
			}
		case unsupported(w):
			continue
		case err != nil:
			t.Errorf("%s: %q: CPython accepts it; we say %v", entries[i], srcs[f], err)
			continue
		default:
			if got := canon(m); got != w {
				t.Errorf("%s: %q: tree differs:%s", entries[i], srcs[f], firstDiff(got, w))
				continue
			}
		}
		agree++
	}
	t.Logf("%d of %d corpus inputs agree with CPython", agree, len(files))
}
