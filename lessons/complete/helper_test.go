package complete

import (
	"bytes"
	"os/exec"
	"testing"
	"time"

	"threadlab/lessons/pyhost"
	"threadlab/lessons/python"
	"threadlab/runtime"
)

// python3 is the reference interpreter the tests compare with.
const python3 = "/usr/bin/python3"

// cells is an interpreter with a __main__ module, as the kernel keeps
// one, with threadlab's threading modules.
type cells struct {
	th   *python.Thread
	main *python.Module
}

// newCells makes an interpreter and runs setup in its __main__.
func newCells(t testing.TB, setup string) *cells {
	t.Helper()
	rt := runtime.New()
	rt.SetTracing(false)
	h := pyhost.NewHost(rt)
	var out bytes.Buffer
	in := python.NewInterp(python.Options{Stdout: &out, Stderr: &out, Modules: h.Modules()})
	th := in.NewThread("MainThread")
	h.AttachMain(th)
	m := python.NewModule("__main__")
	in.AddModule(m)
	t.Cleanup(func() {
		rt.StopThreads()
		rt.Wait(time.Second)
	})
	if err := rt.BeginCell(); err != nil {
		t.Fatal(err)
	}
	defer rt.EndCell()
	if err := pyhost.Patch(th); err != nil {
		t.Fatal(err)
	}
	code, err := in.Compile("<cell>", []byte(setup), false)
	if err == nil {
		_, err = th.ExecModule(code, m)
	}
	if err != nil {
		t.Fatalf("setup: %v\n%s", err, out.String())
	}
	return &cells{th: th, main: m}
}

// runPython runs a program with /usr/bin/python3 and returns its output.
func runPython(t testing.TB, src string, stdin []byte) []byte {
	t.Helper()
	cmd := exec.Command(python3, "-c", src)
	cmd.Stdin = bytes.NewReader(stdin)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("python3: %v\n%s", err, stderr.String())
	}
	return out
}
