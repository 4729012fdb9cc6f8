package lessons

import (
	"context"
	"strings"
	"sync"
	"testing"
)

// recorder is an Output that keeps what a cell writes.
type recorder struct {
	mu       sync.Mutex
	stdout   strings.Builder
	displays []map[string]any
	inputs   []string
}

func (r *recorder) Stream(name, text string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if name == "stdout" {
		r.stdout.WriteString(text)
	}
}
func (r *recorder) Display(data, metadata map[string]any, id string, update bool) {
	r.mu.Lock()
	r.displays = append(r.displays, data)
	r.mu.Unlock()
}
func (r *recorder) ClearOutput(bool) {}
func (r *recorder) Input(prompt string, password bool) (string, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.inputs = append(r.inputs, prompt)
	return "typed", nil
}
func (r *recorder) out() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.stdout.String()
}

// run executes cells in order in one session and returns the last
// cell's text/plain result, its output and its error.
func run(t *testing.T, s *Session, cells ...string) (string, string, error) {
	t.Helper()
	var res map[string]any
	var err error
	rec := &recorder{}
	for i, c := range cells {
		rec = &recorder{}
		res, err = s.Execute(context.Background(), c, rec)
		if err != nil && i < len(cells)-1 {
			t.Fatalf("cell %d %q: %v", i+1, c, err)
		}
	}
	text, _ := res["text/plain"].(string)
	return text, rec.out(), err
}

func TestSmoke(t *testing.T) {
	s := New()
	res, out, err := run(t, s, "x = 1\ndef show():\n    return x", "x = 2\nprint('hi', [1,'a'])\nshow()")
	t.Logf("res=%q out=%q err=%v", res, out, err)
	for _, c := range []string{"y + 1", "def f():\n    x += 1\nf()", "global x", "import numpy", "1/0", "def r(n):\n    return r(n+1)\nr(0)", "with lock:\n    pass"} {
		_, _, err := run(t, s, c)
		if ce, ok := err.(*CellError); ok {
			t.Logf("%q -> %s", c, strings.Join(ce.Traceback(), " | "))
		} else {
			t.Logf("%q -> %v", c, err)
		}
	}
}
