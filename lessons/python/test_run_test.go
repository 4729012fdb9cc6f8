package python_test

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"threadlab/lessons/python"
)

// runBounded runs src as python.Run does (module __main__, traceback to
// stderr, CPython's exit status) and gives up after limit, cancelling the
// program: a program that hangs fails its test instead of the run.
func runBounded(filename string, src, stdin []byte, limit time.Duration) (outcome, error) {
	return runWatched(filename, src, stdin, limit, nil, nil)
}

// pollEvery is how often runWatched asks its watch function.
const pollEvery = 20 * time.Millisecond

// runWatched is runBounded with watch, which is asked every pollEvery
// whether the program must be stopped (a non-empty reason), and setup,
// which may set a host or tracer on the thread before it runs (either may
// be nil).
func runWatched(filename string, src, stdin []byte, limit time.Duration, watch func() string, setup func(*python.Thread)) (outcome, error) {
	var stdout, stderr bytes.Buffer
	in := python.NewInterp(python.Options{
		Stdout: &stdout, Stderr: &stderr, Stdin: bytes.NewReader(stdin), Argv: []string{filename},
	})
	th := in.NewThread("MainThread")
	if setup != nil {
		setup(th)
	}
	done := make(chan int, 1)
	go func() {
		code, err := in.Compile(filename, src, false)
		if err == nil {
			m := python.NewModule("__main__")
			in.AddModule(m)
			_, err = th.ExecModule(code, m)
		}
		done <- th.ExitStatus(err)
	}()
	deadline := time.NewTimer(limit)
	defer deadline.Stop()
	var tick <-chan time.Time
	if watch != nil {
		t := time.NewTicker(pollEvery)
		defer t.Stop()
		tick = t.C
	}
	var why string
	for why == "" {
		select {
		case code := <-done:
			return finished(stdout.String(), stderr.String(), code), nil
		case <-deadline.C:
			why = fmt.Sprintf("did not finish within %v", limit)
		case <-tick:
			why = watch()
		}
	}
	th.Cancel("test watchdog: " + why)
	select {
	case <-done:
		return outcome{stdout: stdout.String()}, fmt.Errorf("%s (cancelled)", why)
	case <-time.After(limit):
		return outcome{}, fmt.Errorf("%s, and did not stop within %v of being cancelled", why, limit)
	}
}

func finished(stdout, stderr string, code int) outcome {
	var lines []string
	if stderr != "" {
		lines = strings.Split(strings.TrimRight(stderr, "\n"), "\n")
		if code != 0 {
			lines = lines[len(lines)-1:]
		}
	}
	return outcome{stdout: stdout, code: code, stderr: lines}
}
