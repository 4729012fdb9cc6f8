package progen

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os/exec"
	"sync"
)

// TimedOut is Result.Exc for a program CPython stopped after 10 s, which
// the generator should never make.
const TimedOut = "progen: timed out"

// Result is what one program did: its stdout, and the last line of the
// traceback ("ZeroDivisionError: division by zero") if an exception ended
// it, else "".
type Result struct {
	Stdout string
	Exc    string
}

// batchScript runs programs one after another in one CPython process, each
// in a fresh namespace: one JSON string (the source) per input line, one
// JSON [stdout, exception line] per output line. Starting a process per
// program would cost more than the programs themselves.
//
// A program that runs longer than 10 s is stopped and reported as the
// exception line TimedOut.
const batchScript = `
import io, json, signal, sys, traceback
class Expired(BaseException):
    pass
def alarm(signum, frame):
    raise Expired()
signal.signal(signal.SIGALRM, alarm)
real = sys.stdout
for line in sys.stdin:
    src = json.loads(line)
    buf = io.StringIO()
    exc = ""
    sys.stdout = buf
    signal.setitimer(signal.ITIMER_REAL, 10)
    try:
        exec(compile(src, "<prog>", "exec"), {"__name__": "__main__"})
    except Expired:
        sys.settrace(None)
        exc = "` + TimedOut + `"
    except BaseException as e:
        sys.settrace(None)  # a program may have set one: not for the runner's own calls
        exc = traceback.format_exception_only(type(e), e)[-1].rstrip("\n")
    finally:
        sys.settrace(None)
        signal.setitimer(signal.ITIMER_REAL, 0)
        sys.stdout = real
    real.write(json.dumps([buf.getvalue(), exc]) + "\n")
    real.flush()
`

// CPython is a running batch process of a reference Python.
type CPython struct {
	cmd *exec.Cmd
	in  io.WriteCloser
	out *bufio.Reader
	mu  sync.Mutex // one RunAll at a time: results come back in order
}

// StartCPython starts the batch runner under the interpreter at path
// (the tests use /usr/bin/python3).
func StartCPython(path string) (*CPython, error) {
	cmd := exec.Command(path, "-c", batchScript)
	cmd.Env = []string{"PYTHONHASHSEED=0", "PYTHONIOENCODING=utf-8", "PYTHONDONTWRITEBYTECODE=1"}
	in, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("progen: starting %s: %w", path, err)
	}
	return &CPython{cmd: cmd, in: in, out: bufio.NewReaderSize(out, 1<<16)}, nil
}

// RunAll runs each program and returns their results in order.
func (c *CPython) RunAll(srcs []string) ([]Result, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	werr := make(chan error, 1)
	go func() {
		w := bufio.NewWriterSize(c.in, 1<<16)
		enc := json.NewEncoder(w)
		for _, s := range srcs {
			if err := enc.Encode(s); err != nil {
				werr <- err
				return
			}
		}
		werr <- w.Flush()
	}()
	results := make([]Result, len(srcs))
	for i := range results {
		line, err := c.out.ReadBytes('\n')
		if err != nil {
			return nil, fmt.Errorf("progen: reading CPython's result %d of %d: %w", i+1, len(srcs), err)
		}
		var pair [2]string
		if err := json.Unmarshal(line, &pair); err != nil {
			return nil, fmt.Errorf("progen: CPython's result %d: %w", i+1, err)
		}
		results[i] = Result{Stdout: pair[0], Exc: pair[1]}
	}
	return results, <-werr
}

// Close ends the process.
func (c *CPython) Close() error {
	c.in.Close()
	return c.cmd.Wait()
}
