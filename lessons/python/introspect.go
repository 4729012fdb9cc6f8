package python

import "sort"

// ParamKind is the kind of a function parameter, as in inspect.Parameter.
type ParamKind uint8

const (
	PositionalOnly ParamKind = iota
	PositionalOrKeyword
	VarPositional // *args
	KeywordOnly
	VarKeyword // **kwargs
)

// A Param is one parameter of a Python function, for help and
// completion. Default is nil when the parameter has none.
type Param struct {
	Name    string
	Kind    ParamKind
	Default Value
}

// Params lists f's parameters in signature order: positional-only,
// positional, *args, keyword-only, **kwargs.
func (f *Function) Params() []Param {
	c := f.code.Code
	var ps []Param
	firstDefault := c.NumArgs - len(f.defaults)
	for i := 0; i < c.NumArgs; i++ {
		p := Param{Name: c.Locals[i], Kind: PositionalOrKeyword}
		if i < c.NumPosOnly {
			p.Kind = PositionalOnly
		}
		if i >= firstDefault {
			p.Default = f.defaults[i-firstDefault]
		}
		ps = append(ps, p)
	}
	next := c.NumArgs + c.NumKwOnly
	if c.VarArgs {
		ps = append(ps, Param{Name: c.Locals[next], Kind: VarPositional})
		next++
	}
	for i := c.NumArgs; i < c.NumArgs+c.NumKwOnly; i++ {
		p := Param{Name: c.Locals[i], Kind: KeywordOnly}
		if f.kwdefault != nil {
			p.Default = f.kwdefault.GetStr(c.Locals[i])
		}
		ps = append(ps, p)
	}
	if c.VarKw {
		ps = append(ps, Param{Name: c.Locals[next], Kind: VarKeyword})
	}
	return ps
}

// Position is where f was defined: its file and first line.
func (f *Function) Position() (file string, line int) {
	return f.code.Filename, f.code.FirstLine
}

// ModuleNames lists the modules this interpreter can import (and those
// added with AddModule), sorted.
func (in *Interp) ModuleNames() []string {
	names := moduleNames(in.extra)
	have := make(map[string]bool, len(names))
	for _, n := range names {
		have[n] = true
	}
	in.mu.Lock()
	for n := range in.modules {
		if !have[n] {
			names = append(names, n)
		}
	}
	in.mu.Unlock()
	sort.Strings(names)
	return names
}

// Loaded returns the module called name if this interpreter has
// imported it, or nil; it never runs a module's initialisation.
func (in *Interp) Loaded(name string) *Module {
	in.mu.Lock()
	defer in.mu.Unlock()
	return in.modules[name]
}
