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
	stderr   strings.Builder
	displays []map[string]any
	prompts  []string
	answer   string
}

func (r *recorder) Stream(name, text string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if name == "stdout" {
		r.stdout.WriteString(text)
	} else {
		r.stderr.WriteString(text)
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
	r.prompts = append(r.prompts, prompt)
	return r.answer, nil
}

func (r *recorder) out() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.stdout.String()
}

func (r *recorder) errs() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.stderr.String()
}

// cell is one cell's run.
type cell struct {
	result string // text/plain of the final expression
	rec    *recorder
	err    error
}

// execute runs code in s.
func execute(s *Session, code string) cell {
	rec := &recorder{answer: "typed"}
	res, err := s.Execute(context.Background(), code, rec)
	text, _ := res["text/plain"].(string)
	return cell{text, rec, err}
}

// exit and quit ask the frontend to close; name? and name?? page help
// (all of a long value for ??), as IPython does; an unknown name? is a
// NameError.
func TestPayloads(t *testing.T) {
	s := New()
	defer s.Shutdown()
	for _, code := range []string{"exit", "quit()", " exit() "} {
		p, ok := execute(s, code).err.(payload)
		if !ok || p["source"] != "ask_exit" {
			t.Errorf("%q gave %v", code, p)
		}
	}
	execute(s, "big = list(range(1000))")
	short, ok1 := execute(s, "big?").err.(payload)
	long, ok2 := execute(s, "big??").err.(payload)
	if !ok1 || !ok2 || short["source"] != "page" {
		t.Fatalf("big? gave %v, big?? %v", short, long)
	}
	st, _ := short["data"].(map[string]any)["text/plain"].(string)
	lt, _ := long["data"].(map[string]any)["text/plain"].(string)
	if !strings.Contains(st, "list") || !strings.Contains(lt, "999]") || strings.Contains(st, "999]") {
		t.Errorf("big? paged %q; big?? paged %q", st, lt)
	}
	checkError(t, execute(s, "no_such_zz?").err, "NameError", "name 'no_such_zz' is not defined")
}
