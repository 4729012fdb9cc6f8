package syntax

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// checkResult fails unless err is nil or a located *Error.
func checkResult(t *testing.T, src []byte, err error) {
	if err == nil {
		return
	}
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("%q: error of type %T: %v", src, err, err)
	}
	if e.Pos.Line < 1 || e.Pos.Col < 0 || e.Msg == "" {
		t.Fatalf("%q: error without a position or message: %#v", src, e)
	}
}

func addSeeds(f *testing.F) {
	files, _ := filepath.Glob("testdata/parse/*.py")
	for _, name := range files {
		src, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
	for _, s := range syntaxErrorCases {
		f.Add([]byte(s))
	}
}

func FuzzTokenize(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, src []byte) {
		toks := tokenize("<fuzz>", string(src), 0, len(src), Pos{1, 0}, false)
		last := toks[len(toks)-1]
		switch last.kind {
		case tEOF:
		case tError:
			checkResult(t, src, last.err)
		default:
			t.Fatalf("%q: token stream ends with kind %d", src, last.kind)
		}
		for i := 1; i < len(toks); i++ {
			if toks[i].kind != tError && toks[i].pos.Before(toks[i-1].pos) {
				t.Fatalf("%q: token %d starts before token %d", src, i, i-1)
			}
		}
	})
}

func FuzzParse(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, src []byte) {
		_, err := Parse("<fuzz>", src)
		checkResult(t, src, err)
	})
}

// TestDeepNesting: input nested far beyond what CPython accepts ends in a
// located SyntaxError, not a stack overflow.
func TestDeepNesting(t *testing.T) {
	const n = 100000
	cases := []struct{ name, src, msg string }{
		{"parens", strings.Repeat("(", n), "too many nested parentheses"},
		{"brackets", "x = " + strings.Repeat("[", n), "too many nested parentheses"},
		{"unary", strings.Repeat("-", n) + "1", "too many nested expressions"},
		{"not", strings.Repeat("not ", n) + "x", "too many nested expressions"},
		{"power", "x" + strings.Repeat("**x", n), "too many nested expressions"},
		{"sum", "1" + strings.Repeat("+1", n), "too many nested expressions"},
		{"attributes", "x" + strings.Repeat(".y", n), "too many nested expressions"},
		{"calls", "f" + strings.Repeat("()", n), "too many nested expressions"},
		{"lambda", strings.Repeat("lambda:", n) + "1", "too many nested expressions"},
		{"ternary", strings.Repeat("a if b else ", n) + "c", "too many nested expressions"},
		{"fstring", "f'{" + strings.Repeat("-", n) + "1}'", "too many nested expressions"},
		{"blocks", nestedBlocks(150), "too many levels of indentation"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse("<deep>", []byte(c.src))
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("got %v, want a SyntaxError", err)
			}
			if !strings.Contains(e.Msg, c.msg) || e.Pos.Line < 1 {
				t.Errorf("got %v, want %q with a position", e, c.msg)
			}
		})
	}
}

func nestedBlocks(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString(strings.Repeat(" ", i) + "if x:\n")
	}
	b.WriteString(strings.Repeat(" ", n) + "pass\n")
	return b.String()
}
