package lessons

import (
	"slices"
	"strings"
	"testing"
)

func TestComplete(t *testing.T) {
	s := New()
	if _, _, err := run(t, s, "balance = 100\nballoon = 1\nitems = [1]\ndef deposit(n):\n    return n\nname = 'é'"); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		code       string
		cursor     int // -1: end of code
		want       []string
		notWant    []string
		start, end int
		exactly    bool
	}{
		{code: "bal", cursor: -1, want: []string{"balance", "balloon"}, start: 0, end: 3, exactly: true},
		{code: "x = dep", cursor: -1, want: []string{"deposit"}, start: 4, end: 7, exactly: true},
		{code: "le", cursor: -1, want: []string{"len"}, start: 0, end: 2},
		{code: "pri", cursor: -1, want: []string{"print"}, start: 0, end: 3},
		{code: "ti", cursor: -1, want: []string{"time"}, start: 0, end: 2},
		{code: "wh", cursor: -1, want: []string{"while"}, start: 0, end: 2},
		{code: "time.sl", cursor: -1, want: []string{"sleep"}, start: 5, end: 7, exactly: true},
		{code: "time.", cursor: -1, want: []string{"monotonic", "perf_counter", "sleep", "time"}, start: 5, end: 5, exactly: true},
		{code: "items.ap", cursor: -1, want: []string{"append"}, start: 6, end: 8, exactly: true},
		{code: "name.up", cursor: -1, want: []string{"upper"}, start: 5, end: 7},
		{code: "print(bal)", cursor: 9, want: []string{"balance", "balloon"}, start: 6, end: 9},
		{code: "s = 'é'\nbal", cursor: -1, want: []string{"balance"}, start: 8, end: 11},
		{code: "ba", cursor: -1, notWant: []string{nsName, resultName}, start: 0, end: 2},
		{code: "__n", cursor: -1, notWant: []string{nsName}, start: 0, end: 3},
		{code: "nothing.x", cursor: -1, start: 9, end: 9},
		{code: "3.1", cursor: -1, start: 3, end: 3},
	}
	for _, tc := range tests {
		t.Run(tc.code, func(t *testing.T) {
			cur := tc.cursor
			if cur < 0 {
				cur = len([]rune(tc.code))
			}
			got, start, end := s.Complete(tc.code, cur)
			for _, w := range tc.want {
				if !slices.Contains(got, w) {
					t.Errorf("matches %v lack %q", got, w)
				}
			}
			for _, w := range tc.notWant {
				if slices.Contains(got, w) {
					t.Errorf("matches %v contain %q", got, w)
				}
			}
			if tc.exactly && !slices.Equal(got, tc.want) {
				t.Errorf("matches = %v, want exactly %v", got, tc.want)
			}
			if start != tc.start || end != tc.end {
				t.Errorf("range = [%d, %d), want [%d, %d)", start, end, tc.start, tc.end)
			}
		})
	}
}

func TestInspect(t *testing.T) {
	s := New()
	if _, _, err := run(t, s, "items = [1, 2]\ndef deposit(amount, note='cash'):\n    \"\"\"Add amount to the balance.\"\"\"\n    return amount\ndef sig(a, b=1, *args, c, d=2, **kw):\n    pass\ndef kwonly(*, k):\n    pass"); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		code   string
		cursor int
		want   []string
	}{
		{"len", 1, []string{"Signature: len(x)", "number of elements"}},
		{"print(x)", 2, []string{"print(*values", "Output appears at once"}},
		{"time.sleep(1)", 7, []string{"Signature: time.sleep(seconds)", "Pause"}},
		{"time.sleep(1)", 11, []string{"Signature: time.sleep(seconds)"}},
		{"time", 2, []string{"sleep", "perf_counter"}},
		{"items", 5, []string{"Type: list", "Value: [1, 2]"}},
		{"items.append", 10, []string{"append(x)", "end of the list"}},
		{"deposit", 3, []string{"Signature: deposit(amount, note='cash')", "Add amount to the balance."}},
		{"sig", 1, []string{"Signature: sig(a, b=1, *args, c, d=2, **kw)"}},
		{"kwonly", 1, []string{"Signature: kwonly(*, k)"}},
		{"x = len(items", 12, []string{"Type: list"}},
		{"sorted(items, ", 14, []string{"sorted(iterable"}},
		{"while", 2, []string{"Repeat body"}},
		{"range", 5, []string{"range(stop)"}},
		{"input", 0, []string{"input(prompt"}},
	}
	for _, tc := range tests {
		t.Run(tc.code, func(t *testing.T) {
			data, found := s.Inspect(tc.code, tc.cursor, 0)
			if !found {
				t.Fatalf("nothing found")
			}
			text, _ := data["text/plain"].(string)
			for _, w := range tc.want {
				if !strings.Contains(text, w) {
					t.Errorf("help lacks %q:\n%s", w, text)
				}
			}
		})
	}
	for _, code := range []string{"", "   ", "undefined_name_here", "1 + 2"} {
		if data, found := s.Inspect(code, len(code), 0); found {
			t.Errorf("Inspect(%q) found %v", code, data)
		}
	}
}

// Every builtin and every member of every module has help.
func TestEveryFunctionHasHelp(t *testing.T) {
	s := New()
	for _, name := range builtinNames() {
		if _, ok := LookupDoc(name); !ok {
			t.Errorf("no help for builtin %s", name)
		}
	}
	for mod, v := range s.mods {
		for _, member := range v.(interface{ AttrNames() []string }).AttrNames() {
			if _, ok := s.help(mod+"."+member, 0); !ok {
				t.Errorf("no help for %s.%s", mod, member)
			}
		}
	}
}

func TestIsComplete(t *testing.T) {
	s := New()
	tests := []struct {
		code, status, indent string
	}{
		{"", "complete", ""},
		{"x = 1", "complete", ""},
		{"print('hi')", "complete", ""},
		{"def f():", "incomplete", "    "},
		{"def f():\n    x = 1", "incomplete", "    "},
		{"def f():\n    x = 1\n    return x\n", "complete", ""},
		{"def f():\n    x = 1\n    ", "complete", ""},
		{"def f():\n    if x:", "incomplete", "        "},
		{"while True:", "incomplete", "    "},
		{"x = (1,", "incomplete", ""},
		{"x = [1,\n     2", "incomplete", "     "},
		{"x = [1,\n     2]", "complete", ""},
		{"d = {'a':", "incomplete", ""},
		{"s = '''abc", "incomplete", ""},
		{"x = 1 + \\", "incomplete", ""},
		{"x = )", "invalid", ""},
		{"1 +* 2", "invalid", ""},
		{"def f(:\n    pass", "invalid", ""},
		{"import threading", "complete", ""},
		{"import numpy", "complete", ""},
	}
	for _, tc := range tests {
		t.Run(tc.code, func(t *testing.T) {
			status, indent := s.IsComplete(tc.code)
			if status != tc.status || indent != tc.indent {
				t.Errorf("IsComplete(%q) = %q, %q; want %q, %q", tc.code, status, indent, tc.status, tc.indent)
			}
		})
	}
}
