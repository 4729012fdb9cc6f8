package syntax

import (
	"encoding/json"
	"fmt"
	"os/exec"
	"strings"
	"testing"
)

// TestExportedTokensMatchPython: Tokens reports what Python's tokenize
// module reports for the same source (names, numbers, strings, operators
// and their positions), with keywords told apart as keyword.iskeyword does.
func TestExportedTokensMatchPython(t *testing.T) {
	src := "import threading\nif balance > 0:\n    print(f'{x!r}', b'\\x00', 1.5e3, a.b[c], **kw)  # note\nx = [1,\n     2]\n"
	script := `import io, json, keyword, sys, tokenize
out = []
for t in tokenize.generate_tokens(io.StringIO(sys.stdin.read()).readline):
    k = tokenize.tok_name[t.type]
    if k == "NAME":
        k = "KEYWORD" if keyword.iskeyword(t.string) else "NAME"
    if k in ("NAME", "KEYWORD", "NUMBER", "STRING", "OP"):
        out.append("%s %d:%d %s" % (k, t.start[0], t.start[1], t.string))
print(json.dumps(out))`
	cmd := exec.Command(python, "-c", script)
	cmd.Stdin = strings.NewReader(src)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("tokenize: %v", err)
	}
	var want []string
	if err := json.Unmarshal(out, &want); err != nil {
		t.Fatal(err)
	}
	toks, terr := Tokens(src)
	if terr != nil {
		t.Fatal(terr)
	}
	names := map[TokenKind]string{TokenName: "NAME", TokenKeyword: "KEYWORD", TokenNumber: "NUMBER", TokenString: "STRING", TokenOp: "OP"}
	var got []string
	for _, tk := range toks {
		if k, ok := names[tk.Kind]; ok {
			got = append(got, fmt.Sprintf("%s %d:%d %s", k, tk.Pos.Line, tk.Pos.Col, tk.Text))
		}
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Tokens:\n%s\nPython's tokenize:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if last := toks[len(toks)-1]; last.Kind != TokenEOF {
		t.Errorf("the tokens end with %v, not TokenEOF", last)
	}
	for _, tc := range []struct {
		src        string
		incomplete bool
	}{{"x = (1,", true}, {"s = '''abc", true}, {"x = \\", true}, {"x = 'abc", false}, {"x = 1\x00", false}} {
		toks, err := Tokens(tc.src)
		if err == nil || err.Incomplete != tc.incomplete || toks[len(toks)-1].Kind != TokenError {
			t.Errorf("Tokens(%q): error %v, want one with Incomplete=%v and a final TokenError", tc.src, err, tc.incomplete)
		}
	}
}
