package lessons

import (
	"strings"
	"testing"
)

// Every embedded check is a submodule of checks with a check function
// that answers odd input in plain words instead of raising. (The files
// named _*.py are what the checks share, not checks.)
func TestChecksModule(t *testing.T) {
	files, err := checkSources.ReadDir("checks")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no checks embedded")
	}
	for _, f := range files {
		name := strings.TrimSuffix(f.Name(), ".py")
		if strings.HasPrefix(name, "_") {
			continue
		}
		t.Run(name, func(t *testing.T) {
			got := threadlabCells("from checks import "+name, name+".check(42)", name+".check(None)")
			for i, cell := range got {
				if cell.Ename != nil {
					t.Fatalf("cell %d raised %s: %v", i, *cell.Ename, cell.Evalue)
				}
			}
			for _, cell := range got[1:] {
				if !strings.HasPrefix(cell.Stdout, "Not yet: pass your") {
					t.Errorf("check of odd input printed %q, want a Not yet with its reason", cell.Stdout)
				}
			}
		})
	}
}

// A name that is not a check is an ImportError, as for any module.
func TestChecksModuleUnknownName(t *testing.T) {
	got := threadlabCells("from checks import no_such_check")
	if got[0].Ename == nil || *got[0].Ename != "ImportError" {
		t.Fatalf("got %+v, want ImportError", got[0])
	}
}
