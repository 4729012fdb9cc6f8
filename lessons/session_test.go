package lessons

import (
	"context"
	"strings"
	"sync"
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
