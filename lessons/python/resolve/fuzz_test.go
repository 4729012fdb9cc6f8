package resolve

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"threadlab/lessons/python/syntax"
)

// FuzzResolve: whatever parses resolves without a panic, every Ident
// gets a binding, and errors carry a position.
func FuzzResolve(f *testing.F) {
	files, _ := filepath.Glob("testdata/closures.py")
	for _, name := range files {
		src, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
	for _, s := range compileErrorCases {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		m, err := syntax.Parse("<fuzz>", src)
		if err != nil {
			return
		}
		top, err := resolveFile(m, src)
		if err != nil {
			var e *syntax.Error
			if !errors.As(err, &e) || e.Pos.Line < 1 || e.Msg == "" {
				t.Fatalf("%q: bad error %#v", src, err)
			}
			return
		}
		checkIdents(t, "<fuzz>", top)
	})
}
