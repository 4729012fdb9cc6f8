package syntax

import (
	"encoding/json"
	"os/exec"
	"testing"
)

// TestUnicodeNamesMatchPython: lookupName finds what \N{...} finds in
// /usr/bin/python3 for a sample of every kind of name, and nothing for
// names Python does not know.
func TestUnicodeNamesMatchPython(t *testing.T) {
	script := `import json, sys, unicodedata
out = {}
for cp in range(0, sys.maxunicode + 1, 61):
    try:
        out[unicodedata.name(chr(cp))] = cp
    except ValueError:
        pass
for name in ["latin small letter a", "Em Dash", "NBSP", "LINE FEED", "BOM", "HANGUL SYLLABLE GA",
             "HANGUL SYLLABLE HIH", "CJK UNIFIED IDEOGRAPH-20000", "NO SUCH NAME", "LATIN SMALL LETTER",
             "CJK UNIFIED IDEOGRAPH-0041", "HANGUL SYLLABLE X", "TANGUT IDEOGRAPH-17000"]:
    try:
        out[name] = ord(eval('"\\N{%s}"' % name))
    except SyntaxError:
        out[name] = -1
print(json.dumps(out))`
	out, err := exec.Command(python, "-c", script).Output()
	if err != nil {
		t.Fatalf("python: %v", err)
	}
	var want map[string]int
	if err := json.Unmarshal(out, &want); err != nil {
		t.Fatal(err)
	}
	for name, cp := range want {
		r, ok := lookupName(name)
		got := int(r)
		if !ok {
			got = -1
		}
		if got != cp {
			t.Errorf("\\N{%s}: got %d, Python %d", name, got, cp)
		}
	}
	t.Logf("%d names compared", len(want))
}
