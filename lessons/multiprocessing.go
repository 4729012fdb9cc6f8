package lessons

import (
	"go.starlark.net/starlark"
	"go.starlark.net/starlarkstruct"

	"threadlab/runtime"
)

func (w *world) multiprocessingModule() *starlarkstruct.Module {
	newProcess := func(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
		var target starlark.Value = starlark.None
		var targs starlark.Value = starlark.Tuple{}
		var tkw starlark.Value = starlark.NewDict(0)
		var name starlark.Value = starlark.None
		if err := starlark.UnpackArgs("Process", args, kw, "target?", &target, "args?", &targs, "kwargs?", &tkw, "name?", &name); err != nil {
			return nil, err
		}
		pv, err := w.makeRunner("Process", target, targs, tkw)
		if err != nil {
			return nil, err
		}
		n := ""
		if s, ok := name.(starlark.String); ok {
			n = string(s)
		}
		pv.t = w.rt.NewProcess(n)
		return pv, nil
	}
	cpuCount := func(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kw []starlark.Tuple) (starlark.Value, error) {
		if err := starlark.UnpackPositionalArgs(b.Name(), args, kw, 0); err != nil {
			return nil, err
		}
		return starlark.MakeInt(int(runtime.Cores() + 0.5)), nil
	}
	return &starlarkstruct.Module{Name: "multiprocessing", Members: starlark.StringDict{
		"Process": Builtin("multiprocessing", "Process", "Process(target, args=(), name=None)",
			"Make a process: a separate interpreter, with its own GIL, that will call target(*args) once you call start(). "+
				"Processes share no memory: the arguments are frozen copies, and lab.shared objects and locks cannot be passed. "+
				"Its methods: start(), join(timeout=None), is_alive(); its fields: name, pid, exitcode.", newProcess),
		"cpu_count": Builtin("multiprocessing", "cpu_count", "cpu_count()",
			"How many CPU cores this kernel may use (a container's CPU limit counts).", cpuCount),
	}}
}
