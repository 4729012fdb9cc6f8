package lessons

import (
	"bytes"
	"encoding/json"
	"os/exec"
	"testing"
)

// python3 is the CPython the tests take their expectations from.
const python3 = "/usr/bin/python3"

// pyCell is what testdata/cells.py reports for one cell run by CPython,
// and what the tests compare threadlab's run of the same cell with.
type pyCell struct {
	Stdout    string   `json:"stdout"`
	Stderr    string   `json:"stderr"`
	Result    *string  `json:"result"`
	Ename     *string  `json:"ename"`
	Evalue    *string  `json:"evalue"`
	Traceback []string `json:"traceback"`
}

// cpythonCells runs cells in one namespace with /usr/bin/python3.
func cpythonCells(t testing.TB, cells ...string) []pyCell {
	t.Helper()
	in, err := json.Marshal(cells)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(python3, "testdata/cells.py")
	cmd.Stdin = bytes.NewReader(in)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("python3 testdata/cells.py: %v\n%s", err, stderr.String())
	}
	var got []pyCell
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("python3 testdata/cells.py printed %q: %v", out, err)
	}
	return got
}

// threadlabCells runs cells in a new session and reports them as
// cpythonCells does.
func threadlabCells(cells ...string) []pyCell {
	s := New()
	defer s.Shutdown()
	var out []pyCell
	for _, code := range cells {
		c := execute(s, code)
		pc := pyCell{Stdout: c.rec.out(), Stderr: c.rec.errs()}
		if c.result != "" {
			r := c.result
			pc.Result = &r
		}
		if ce, ok := c.err.(*CellError); ok {
			pc.Ename, pc.Evalue, pc.Traceback = &ce.Name, &ce.Message, ce.Lines
		} else if c.err != nil {
			msg := c.err.Error()
			pc.Ename = &msg
		}
		out = append(out, pc)
	}
	return out
}
