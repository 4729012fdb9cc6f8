package complete

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestIsCompleteMatchesIPython: IsComplete answers as IPython's
// TransformerManager.check_complete does, run by /usr/bin/python3 on the
// same cells. The cells are pieces of ordinary threading programs as a
// learner types them.
func TestIsCompleteMatchesIPython(t *testing.T) {
	cells := []string{
		"", "   ", "\n",
		"import threading",
		"balance = 0",
		"print('main thread %s is running...' % threading.current_thread().name)",
		"def change_it(n):",
		"def change_it(n):\n    global balance",
		"def change_it(n):\n    global balance\n    balance = balance + n\n",
		"def change_it(n):\n    global balance\n    ",
		"def run_thread(n):\n    for i in range(100000):",
		"def run_thread(n):\n    for i in range(100000):\n        lock.acquire()\n        try:",
		"for i in range(5):\n    print(i)",
		"for i in range(5):\n    print(i)\n",
		"for i in range(5):\n    print(i)\n\n",
		"while True:",
		"while True:\n    x = x ^ 1",
		"class Worker(threading.Thread):",
		"class Worker(threading.Thread):\n    def run(self):",
		"if n > 0:\n    pass\nelse:",
		"try:\n    change_it(n)\nfinally:",
		"with lock:",
		"t = threading.Thread(target=loop, name='LoopThread'",
		"t = threading.Thread(target=loop,\n                     name='LoopThread'",
		"t = threading.Thread(target=loop,\n                     name='LoopThread')",
		"results = {name: [",
		"doc = '''A worker",
		"doc = \"\"\"A worker\nthat counts",
		"total = balance + \\",
		"    total = balance + \\",
		"@functools.lru_cache",
		"lambda n:",
		"t1.start(); t2.start()",
		"x = )",
		"balance = balance +* n",
		"def change_it(:\n    pass",
		"for i in range(3) print(i)",
		"print('unclosed",
		"if x:\n\tpass",
		"def f():\n    return 1\n# done",
		"x = [1,\n     2]",
		"def f(a,\n      b):",
		"import numpy",
		"x = 'abc", "def f(:", "x = $", "x = ($", "x = (1,\n$", "print('a\nb", "    x = 1\n    if x:",
		"  if x:\n    y", "x = 1 + \\\n", "(\n)", "f(\n  a=1,", "x = )\ny = (", "if x:\n  pass\n  ",
		"lock.acquire()\ntry:\n    change_it(n)\nfinally:\n    lock.release()",
	}
	script := `import json, sys
from IPython.core.inputtransformer2 import TransformerManager
tm = TransformerManager()
out = []
for cell in json.load(sys.stdin):
    status, indent = tm.check_complete(cell)
    out.append([status, " " * (indent or 0)])
print(json.dumps(out))`
	in, _ := json.Marshal(cells)
	var want [][2]string
	if err := json.Unmarshal(runPython(t, script, in), &want); err != nil {
		t.Fatal(err)
	}
	for i, cell := range cells {
		status, indent := IsComplete(cell)
		if status != want[i][0] || indent != want[i][1] {
			t.Errorf("IsComplete(%q) = %s, %q; IPython says %s, %q", cell, status, indent, want[i][0], want[i][1])
		}
	}
}

// TestIsCompleteAnswers checks the contract on every cell form: one of
// the three statuses, and an indent (only spaces) only when incomplete.
func TestIsCompleteAnswers(t *testing.T) {
	for _, cell := range []string{"def f():", "x = (", "x = )", "x = 1", "s = '''", "\x00", "\xff\xfe", "if x:\n\tif y:"} {
		status, indent := IsComplete(cell)
		switch {
		case status != "complete" && status != "incomplete" && status != "invalid":
			t.Errorf("IsComplete(%q) status %q", cell, status)
		case status != "incomplete" && indent != "", strings.Trim(indent, " ") != "":
			t.Errorf("IsComplete(%q) = %s with indent %q", cell, status, indent)
		}
	}
}
