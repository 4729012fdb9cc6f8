package python

import "embed"

// lib holds the parts of built-in modules written in Python: classes
// whose behaviour is mostly calls of other Python objects, where Python
// says it more plainly than Go (collections.ChainMap).
//
//go:embed lib/*.py
var lib embed.FS

// LibFile reports whether file is one of these modules' files: their
// lines are library code, where a host reports the caller's line.
func LibFile(file string) bool {
	_, err := lib.Open("lib/" + file)
	return err == nil
}

// execLib runs lib/file in module m, adding what it defines to m.
func execLib(t *Thread, m *Module, file string) error {
	src, err := lib.ReadFile("lib/" + file)
	if err != nil {
		return err
	}
	return ExecSource(t, m, file, src)
}

// ExecSource compiles src, the Python source of a module's file, and
// runs it in m: how a module written in Python is filled in, here and
// by a host.
func ExecSource(t *Thread, m *Module, file string, src []byte) error {
	code, err := t.Interp().Compile(file, src, false)
	if err != nil {
		return err
	}
	_, err = t.ExecModule(code, m)
	return err
}
