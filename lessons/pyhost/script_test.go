package pyhost

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"threadlab/lessons/python"
)

const python3 = "/usr/bin/python3"

// outcome is what a program did: its standard output, the report lines
// of its standard error and its exit status.
type outcome struct {
	stdout, report string
	status         int
}

// reportLines keeps the lines of a traceback that do not depend on the
// interpreter's own files: "Exception in thread ...:" headers and the
// exception lines, not the frames (CPython's include its threading.py).
func reportLines(stderr string) string {
	var keep []string
	for _, line := range strings.Split(stderr, "\n") {
		if line == "" || strings.HasPrefix(line, " ") || strings.HasPrefix(line, "Traceback ") {
			continue
		}
		keep = append(keep, line)
	}
	return strings.Join(keep, "\n")
}

// runCPython runs a program file under /usr/bin/python3.
func runCPython(t *testing.T, path string) outcome {
	t.Helper()
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(python3, filepath.Base(path))
	cmd.Dir = filepath.Dir(path)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	status := 0
	switch {
	case errors.As(err, &exit):
		status = exit.ExitCode()
		// An uncaught KeyboardInterrupt ends CPython with SIGINT, which a
		// shell shows as 128+2.
		if ws, ok := exit.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			status = 128 + int(ws.Signal())
		}
	case err != nil:
		t.Fatalf("python3 %s: %v", path, err)
	}
	return outcome{stdout.String(), reportLines(stderr.String()), status}
}

// runOurs runs a program with Run, in this process.
func runOurs(t *testing.T, path string, src []byte) outcome {
	t.Helper()
	var stdout, stderr bytes.Buffer
	status := Run(filepath.Base(path), src, python.Options{Stdout: &stdout, Stderr: &stderr})
	return outcome{stdout.String(), reportLines(stderr.String()), status}
}

// TestScripts runs every testdata program under threadlab and CPython and
// compares what they print.
func TestScripts(t *testing.T) {
	if _, err := os.Stat(python3); err != nil {
		t.Fatalf("the reference interpreter %s is needed: %v", python3, err)
	}
	paths, err := filepath.Glob("testdata/*.py")
	if err != nil || len(paths) < 20 {
		t.Fatalf("want at least 20 programs in testdata, have %d (%v)", len(paths), err)
	}
	for _, path := range paths {
		t.Run(strings.TrimSuffix(filepath.Base(path), ".py"), func(t *testing.T) {
			t.Parallel()
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			want := runCPython(t, path)
			got := runOurs(t, path, src)
			if got.stdout != want.stdout {
				t.Errorf("stdout differs\n--- threadlab\n%s--- python3\n%s", got.stdout, want.stdout)
			}
			if got.report != want.report {
				t.Errorf("stderr reports differ\n--- threadlab\n%s\n--- python3\n%s", got.report, want.report)
			}
			if got.status != want.status {
				t.Errorf("exit status %d, python3 %d", got.status, want.status)
			}
		})
	}
}

// execPython runs a program file under /usr/bin/python3 and returns its
// standard output.
func execPython(path string) (string, error) {
	out, err := exec.Command(python3, path).Output()
	return string(out), err
}
