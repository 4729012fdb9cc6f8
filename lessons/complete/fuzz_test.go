package complete

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzCells feeds random text and cursors to Complete, Inspect and
// IsComplete: none may panic, ranges stay inside the text, and the
// statuses are the protocol's.
func FuzzCells(f *testing.F) {
	for _, seed := range []string{
		program, "threading.Thread(tar", "from threading import Ev", "import concurrent.",
		"def f():\n    if x:", "s = '''abc", "x = (1,\n", "acct.deposit(5, no", "\\", "'é'.up",
		"x = )", "\x00", "\xff", "a.b.c.d(", "((((", "f(x=", "\r\nbal", "\tif x:\n  y",
	} {
		f.Add(seed, len(seed))
	}
	c := newCells(f, program)
	f.Fuzz(func(t *testing.T, code string, cursor int) {
		n := utf8.RuneCountInString(code)
		matches, start, end := Complete(c.th, c.main, code, cursor)
		if start < 0 || start > end || end > n {
			t.Errorf("Complete(%q, %d) range [%d, %d) outside [0, %d]", code, cursor, start, end, n)
		}
		for _, m := range matches {
			if m == "" {
				t.Errorf("Complete(%q, %d) offers an empty match", code, cursor)
			}
		}
		if bundle, found := Inspect(c.th, c.main, code, cursor, cursor&1); found {
			if text, _ := bundle["text/plain"].(string); text == "" {
				t.Errorf("Inspect(%q, %d) found an empty help", code, cursor)
			}
		}
		status, indent := IsComplete(code)
		switch status {
		case "complete", "invalid":
			if indent != "" {
				t.Errorf("IsComplete(%q) = %s with indent %q", code, status, indent)
			}
		case "incomplete":
			if strings.Trim(indent, " ") != "" {
				t.Errorf("IsComplete(%q) indent %q", code, indent)
			}
		default:
			t.Errorf("IsComplete(%q) status %q", code, status)
		}
	})
}
