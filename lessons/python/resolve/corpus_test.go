package resolve

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"threadlab/lessons/python/syntax"
)

// TestFuzzCorpusAgreesWithCPython: of the fuzz corpora's inputs that
// parse, we reject with CPython's message what its compile() rejects and
// accept what it accepts.
func TestFuzzCorpusAgreesWithCPython(t *testing.T) {
	entries, _ := filepath.Glob("../syntax/testdata/fuzz/*/*")
	own, _ := filepath.Glob("testdata/fuzz/*/*")
	var srcs []string
	for _, e := range append(entries, own...) {
		data, err := os.ReadFile(e)
		if err != nil {
			t.Fatal(err)
		}
		_, lit, _ := strings.Cut(string(data), "\n")
		lit = strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(lit), "[]byte("), ")")
		s, err := strconv.Unquote(lit)
		if err != nil {
			t.Fatalf("%s: %v", e, err)
		}
		if _, err := syntax.Parse("<t>", []byte(s)); err == nil {
			srcs = append(srcs, s)
		}
	}
	in, _ := json.Marshal(srcs)
	cmd := exec.Command(python, "testdata/errors.py")
	cmd.Stdin = bytes.NewReader(in)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("errors.py: %v", err)
	}
	var want [][]any
	if err := json.Unmarshal(out, &want); err != nil {
		t.Fatal(err)
	}
	for i, src := range srcs {
		m, _ := syntax.Parse("<t>", []byte(src))
		err := File(m, []byte(src))
		var e *syntax.Error
		switch {
		case want[i] == nil && err != nil:
			t.Errorf("%q: CPython compiles it; we say %v", src, err)
		case want[i] != nil && !errors.As(err, &e):
			t.Errorf("%q: CPython says %v; we accept it", src, want[i])
		case want[i] != nil && e.Msg != want[i][1]:
			t.Errorf("%q: we say %q, CPython %q", src, e.Msg, want[i][1])
		}
	}
	t.Logf("%d inputs compared", len(srcs))
}
