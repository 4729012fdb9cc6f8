package pyhost

import (
	"bufio"
	"io"
	"os/exec"
	"strings"
	"testing"
	"time"

	"threadlab/lessons/python"
)

// flushDialogue waits for each prompt before it answers: it hangs unless
// print(flush=True), sys.stdout.flush() and input() flush a buffered
// stdout, as `threadlab run` gives the program (a bufio.Writer on a pipe).
const flushDialogue = `import sys
print("one?", flush=True)
a = sys.stdin.readline().strip()
sys.stdout.write("two?\n")
sys.stdout.flush()
b = sys.stdin.readline().strip()
c = input("three? ")
print("got", a, b, c)
`

var flushAnswers = []struct{ prompt, answer string }{
	{"one?\n", "1\n"},
	{"two?\n", "2\n"},
	{"three? ", "3\n"},
}

// converse answers each prompt once stdout has shown it, then returns
// everything stdout showed up to its end.
func converse(stdout io.Reader, stdin io.WriteCloser) (string, error) {
	r := bufio.NewReader(stdout)
	var seen strings.Builder
	for _, step := range flushAnswers {
		for !strings.HasSuffix(seen.String(), step.prompt) {
			c, err := r.ReadByte()
			if err != nil {
				return seen.String(), err
			}
			seen.WriteByte(c)
		}
		if _, err := io.WriteString(stdin, step.answer); err != nil {
			return seen.String(), err
		}
	}
	stdin.Close()
	rest, err := io.ReadAll(r)
	seen.Write(rest)
	return seen.String(), err
}

// withTimeout runs f, failing the test if it has not returned in time (a
// missing flush leaves both sides waiting).
func withTimeout(t *testing.T, what string, f func() (string, error)) string {
	type result struct {
		s   string
		err error
	}
	done := make(chan result, 1)
	go func() {
		s, err := f()
		done <- result{s, err}
	}()
	select {
	case r := <-done:
		if r.err != nil {
			t.Fatalf("%s: %v (stdout so far %q)", what, r.err, r.s)
		}
		return r.s
	case <-time.After(30 * time.Second):
		t.Fatalf("%s: no prompt within 30s: stdout was not flushed", what)
	}
	return ""
}

func TestRunFlushesBeforeInput(t *testing.T) {
	want := withTimeout(t, "python3", func() (string, error) {
		cmd := exec.Command(python3, "-c", flushDialogue)
		in, err := cmd.StdinPipe()
		if err != nil {
			return "", err
		}
		out, err := cmd.StdoutPipe()
		if err != nil {
			return "", err
		}
		if err := cmd.Start(); err != nil {
			return "", err
		}
		s, err := converse(out, in)
		if werr := cmd.Wait(); err == nil {
			err = werr
		}
		return s, err
	})
	got := withTimeout(t, "Run", func() (string, error) {
		outR, outW := io.Pipe()
		inR, inW := io.Pipe()
		status := make(chan int, 1)
		go func() {
			buf := bufio.NewWriter(outW)
			status <- Run("flush.py", []byte(flushDialogue), python.Options{Stdout: buf, Stderr: io.Discard, Stdin: inR})
			buf.Flush()
			outW.Close()
		}()
		s, err := converse(outR, inW)
		if code := <-status; err == nil && code != 0 {
			t.Errorf("Run exit status %d", code)
		}
		return s, err
	})
	if got != want {
		t.Errorf("Run showed %q, python3 %q", got, want)
	}
}
