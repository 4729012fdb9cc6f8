package pyhost

import (
	"os/exec"
	"strings"
	"testing"
)

// The trace spells collections' dicts as CPython's repr does, frozen at
// the time of the access: the expected texts are /usr/bin/python3's.
func TestSpellCollectionsDicts(t *testing.T) {
	exprs := []string{
		"collections.Counter()",
		"collections.Counter('abracadabra')",
		"collections.Counter({'x': 1, 'y': 3, 'z': 3})",
		"collections.defaultdict(int)",
		"collections.defaultdict(list, {'k': [1, 2]})",
		"collections.defaultdict(None, {1: 'one'})",
		"collections.OrderedDict()",
		"collections.OrderedDict([('b', 2), ('a', (1, 'x'))])",
	}
	src := "import collections\nfor e in " + pyList(exprs) + ":\n    print(repr(eval(e)))\n"
	out, err := exec.Command("/usr/bin/python3", "-c", src).Output()
	if err != nil {
		t.Fatalf("python3: %v", err)
	}
	want := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	s := newSession(t)
	for i, e := range exprs {
		s.run("import collections\nv = " + e)
		v := s.mod.Globals().GetStr("v")
		if got := SpellValue(freeze(v)); got != want[i] {
			t.Errorf("%s is spelled %s, want %s", e, got, want[i])
		}
	}
	// A defaultdict whose factory is a function is spelled by its type:
	// CPython's repr would show the function's address.
	s.run("import collections\nv = collections.defaultdict(lambda: 0)")
	if got := SpellValue(freeze(s.mod.Globals().GetStr("v"))); got != "<defaultdict object>" {
		t.Errorf("a defaultdict of a lambda is spelled %s", got)
	}
}

func pyList(items []string) string {
	quoted := make([]string, len(items))
	for i, s := range items {
		quoted[i] = "'''" + s + "'''"
	}
	return "[" + strings.Join(quoted, ", ") + "]"
}
