package syntax

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// dumpTokens prints src's tokens in testdata/tokens.py's form.
func dumpTokens(src string) string {
	var b strings.Builder
	lines := strings.SplitAfter(src, "\n")
	charCol := func(p Pos) int {
		line := lines[p.Line-1]
		return utf8.RuneCountInString(line[:min(int(p.Col), len(line))])
	}
	for _, t := range tokenize("<t>", src, 0, len(src), Pos{1, 0}, false) {
		kind := ""
		switch {
		case t.kind == tName || t.kind.isKeyword():
			kind = "NAME"
		case t.kind == tInt || t.kind == tFloat || t.kind == tImag:
			kind = "NUMBER"
		case t.kind == tString:
			kind = "STRING"
		case t.kind == tNewline:
			fmt.Fprintf(&b, "NEWLINE %d\n", t.pos.Line)
			continue
		case t.kind >= tLParen && t.kind <= tGe:
			kind = "OP"
		default:
			continue
		}
		text := strings.NewReplacer("\r", "", "\n", "\\n").Replace(t.text)
		fmt.Fprintf(&b, "%s %d:%d %s\n", kind, t.pos.Line, charCol(t.pos), text)
	}
	return b.String()
}

func TestTokensMatchPythonTokenize(t *testing.T) {
	files, _ := filepath.Glob("testdata/parse/*.py")
	out, err := exec.Command(python, append([]string{"testdata/tokens.py"}, files...)...).Output()
	if err != nil {
		t.Fatalf("tokens.py: %v", err)
	}
	want := map[string]string{}
	var name string
	for _, line := range strings.SplitAfter(string(out), "\n") {
		if n, ok := strings.CutPrefix(line, "== "); ok {
			name = strings.TrimSpace(n)
			continue
		}
		want[name] += line
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text, serr := sourceText(f, src)
		if serr != nil {
			t.Fatal(serr)
		}
		got := dumpTokens(text)
		if got != want[f] {
			gl, wl := strings.Split(got, "\n"), strings.Split(want[f], "\n")
			for i := 0; i < len(gl) && i < len(wl); i++ {
				if gl[i] != wl[i] {
					t.Errorf("%s: token %d differs:\n ours:     %s\n tokenize: %s", f, i, gl[i], wl[i])
					break
				}
			}
		}
	}
}
