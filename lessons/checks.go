package lessons

import (
	"embed"
	"path"
	"sort"
	"strings"

	"threadlab/lessons/python"
)

// The checks module holds the lessons' exercise checks, one submodule per
// exercise (checks/bounded_buffer.py is checks.bounded_buffer). They live
// in the kernel, not in the notebook, so a check cell shows no answers:
// `from checks import bounded_buffer; bounded_buffer.check(Buffer)`.
// A file whose name starts with _ holds what several checks share (checks/
// _watched.py): the files run in name order, so it runs before them, and
// each submodule is importable by its full name once it has run
// (`from checks._watched import WatchedLock`).

//go:embed checks/*.py
var checkSources embed.FS

// checksModule is the module checks; each submodule is compiled and run
// when checks is first imported.
func checksModule() python.ModuleDef {
	return python.ModuleDef{Name: "checks", Doc: "The exercise checks of threadlab's lessons, one submodule per exercise.",
		Init: func(t *python.Thread, m *python.Module) error {
			files, err := checkSources.ReadDir("checks")
			if err != nil {
				return err
			}
			names := make([]string, 0, len(files))
			for _, f := range files {
				names = append(names, f.Name())
			}
			sort.Strings(names)
			for _, file := range names {
				src, err := checkSources.ReadFile(path.Join("checks", file))
				if err != nil {
					return err
				}
				name := strings.TrimSuffix(file, ".py")
				code, err := t.Interp().Compile("checks/"+file, src, false)
				if err != nil {
					return err
				}
				sub := python.NewModule("checks." + name)
				if _, err := t.ExecModule(code, sub); err != nil {
					return err
				}
				m.Set(name, sub)
				t.Interp().AddModule(sub)
			}
			return nil
		}}
}
