package complete

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestInspectTargetMatchesIPython: the name Inspect looks up is the one
// IPython's token_at_cursor picks, for cursors all over ordinary lines.
func TestInspectTargetMatchesIPython(t *testing.T) {
	type at struct {
		Code   string
		Cursor int
	}
	var cases []at
	for _, code := range []string{
		"t = threading.Thread(target=run_thread, args=(5,))",
		"print('main thread %s ends.' % threading.current_thread().name)",
		"balance = balance + n",
		"acct.deposit(5, note='pay')",
		"lock.acquire()\ntry:\n    change_it(n)\nfinally:\n    lock.release()",
		"s = 'é'; len(items)",
		"time.sleep(1)",
	} {
		for i := 0; i <= utf8.RuneCountInString(code); i++ {
			cases = append(cases, at{code, i})
		}
	}
	script := `import json, sys
from IPython.utils.tokenutil import token_at_cursor
print(json.dumps([token_at_cursor(c["Code"], c["Cursor"]) for c in json.load(sys.stdin)]))`
	in, _ := json.Marshal(cases)
	var want []string
	if err := json.Unmarshal(runPython(t, script, in), &want); err != nil {
		t.Fatal(err)
	}
	for i, c := range cases {
		if strings.Contains(want[i], ".") && !strings.Contains(c.Code, want[i]) {
			// IPython joins names across a call (x().y becomes x.y), which
			// names nothing; threadlab takes the name after the call.
			want[i] = want[i][strings.LastIndexByte(want[i], '.')+1:]
		}
		got := ""
		if targets := inspectTargets(c.Code, byteOffset(c.Code, c.Cursor)); len(targets) > 0 {
			got = strings.Join(targets[0], ".")
		}
		if got != want[i] {
			t.Errorf("%q at %d: inspects %q, IPython %q", c.Code, c.Cursor, got, want[i])
		}
	}
}

// TestInspectSignaturesMatchCPython: the signature and docstring Inspect
// shows are inspect.signature's and inspect.getdoc's in CPython, for the
// learner's functions, classes and methods and for builtins.
func TestInspectSignaturesMatchCPython(t *testing.T) {
	exprs := []string{
		"change_it", "run_thread", "Account", "Account.deposit", "acct.deposit",
		"Account.open", "acct.open", "Account.fee", "acct.fee", "Worker", "Worker.run", "square",
		"threading.Thread", "threading.Thread.join", "threading.Event.wait", "threading.Condition.wait_for",
		"threading.Timer", "threading.Barrier", "threading.Semaphore",
		"len", "print", "sorted", "isinstance", "enumerate", "input", "sum", "round",
		"items.append", "items.pop", "list.index", "name.split", "str.replace", "dict.get",
		"sys.setswitchinterval", "sys.getswitchinterval",
	}
	script := `import inspect, json, sys
exprs = json.load(sys.stdin)
ns = {}
exec(exprs.pop(0) + "\nimport sys", ns)
out = []
for e in exprs:
    obj = eval(e, ns)
    doc = inspect.getdoc(obj) if callable(obj) and getattr(obj, "__module__", None) == "__main__" else None
    out.append([e + str(inspect.signature(obj)), doc or ""])
print(json.dumps(out))`
	in, _ := json.Marshal(append([]string{program}, exprs...))
	var want [][2]string
	if err := json.Unmarshal(runPython(t, script, in), &want); err != nil {
		t.Fatal(err)
	}
	c := newCells(t, program+"import sys\n")
	for i, e := range exprs {
		bundle, found := Inspect(c.th, c.main, e, utf8.RuneCountInString(e), 0)
		if !found {
			t.Errorf("Inspect(%q) found nothing", e)
			continue
		}
		text := bundle["text/plain"].(string)
		if !strings.Contains(text, "Signature:   "+want[i][0]+"\n") {
			t.Errorf("Inspect(%q): want signature %s in\n%s", e, want[i][0], text)
		}
		if want[i][1] != "" && !strings.Contains(text, "Docstring:\n"+want[i][1]+"\n") {
			t.Errorf("Inspect(%q): want docstring %q in\n%s", e, want[i][1], text)
		}
	}
}

// TestBuiltinDocs: every entry of threadlab's own help names something
// threadlab has, says something, and writes the signature CPython's
// inspect.signature gives wherever CPython has one.
func TestBuiltinDocs(t *testing.T) {
	c := newCells(t, "import threading, time, sys, multiprocessing, math, random, itertools, functools, collections\n")
	ns := namespace{th: c.th, globals: c.main}
	var keys []string
	for k := range builtinDocs {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	// threading's lock types are _thread's in CPython; threadlab reaches
	// them through threading.
	threadlabName := map[string]string{"_thread.lock": "threading.Lock", "_thread.RLock": "threading._RLock"}
	for _, k := range keys {
		d := builtinDocs[k]
		if strings.TrimSpace(d.help) == "" {
			t.Errorf("%s: no help", k)
		}
		expr := k
		for from, to := range threadlabName {
			if k == from || strings.HasPrefix(k, from+".") {
				expr = to + k[len(from):]
			}
		}
		o, ok := ns.find(strings.Split(expr, "."))
		if !ok {
			t.Errorf("%s: threadlab has no %s", k, expr)
		} else if o.key != k {
			t.Errorf("%s: %s is found as %q", k, expr, o.key)
		}
	}
	script := `import inspect, json, sys, importlib, builtins
out = {}
for k in json.load(sys.stdin):
    parts = k.split(".")
    try:
        obj = importlib.import_module(parts[0]) if parts[0] not in dir(builtins) else getattr(builtins, parts[0])
        if parts[0] == "_thread" and len(parts) > 1:
            obj = {"lock": obj.LockType, "RLock": obj.RLock}[parts[1]]
            parts = parts[1:]
        for p in parts[1:]:
            obj = getattr(obj, p)
        out[k] = str(inspect.signature(obj))
    except (ValueError, TypeError):
        pass
print(json.dumps(out))`
	in, _ := json.Marshal(keys)
	var sigs map[string]string
	if err := json.Unmarshal(runPython(t, script, in), &sigs); err != nil {
		t.Fatal(err)
	}
	for k, sig := range sigs {
		if builtinDocs[k].sig != sig {
			t.Errorf("%s: signature %s, CPython's is %s", k, builtinDocs[k].sig, sig)
		}
	}
	if len(sigs) < 40 {
		t.Errorf("only %d signatures compared with CPython", len(sigs))
	}
}

// TestInspect covers what help shows for values, modules and methods, and
// that nothing is found where there is nothing.
func TestInspect(t *testing.T) {
	c := newCells(t, program+"big = list(range(5000))\nimport sys\n")
	tests := []struct {
		code   string
		cursor int // -1: the end
		want   []string
	}{
		{"items", -1, []string{"String form: [1, 2]", "Length:      2", "Type:        list"}},
		{"balance", 3, []string{"String form: 0", "Type:        int"}},
		{"acct", -1, []string{"Type:        __main__.Account", "A bank account that threads share."}},
		{"acct.owner", -1, []string{"String form: 'ann'", "Type:        str"}},
		{"lock", -1, []string{"Type:        lock", "A lock: one thread"}},
		{"lock.acquire", -1, []string{"Signature:   lock.acquire(blocking=True, timeout=-1)", "Type:        builtin_function_or_method"}},
		{"threading", -1, []string{"Type:        module", "Members:", "Thread", "Condition"}},
		{"time", -1, []string{"Type:        module", "Clocks and sleeping.", "sleep"}},
		{"time.sleep(1)", 11, []string{"Signature:   time.sleep(seconds)", "Pause the calling thread"}},
		{"acct.deposit", -1, []string{"Type:        method", "Defined in:  <cell>, line 14"}},
		{"Account.deposit", -1, []string{"Type:        function"}},
		{"x = len(items", -1, []string{"Signature:   len(obj, /)"}},
		{"big", -1, []string{"..."}},
		{"name.upper", -1, []string{"Signature:   name.upper()", "upper case"}},
	}
	for _, tc := range tests {
		t.Run(tc.code, func(t *testing.T) {
			cur := tc.cursor
			if cur < 0 {
				cur = utf8.RuneCountInString(tc.code)
			}
			data, found := Inspect(c.th, c.main, tc.code, cur, 0)
			if !found {
				t.Fatal("nothing found")
			}
			text, _ := data["text/plain"].(string)
			for _, w := range tc.want {
				if !strings.Contains(text, w) {
					t.Errorf("help lacks %q:\n%s", w, text)
				}
			}
		})
	}
	full, _ := Inspect(c.th, c.main, "big", 3, 1)
	if text := full["text/plain"].(string); !strings.Contains(text, fmt.Sprint(4999)+"]") {
		t.Errorf("detail 1 does not show the whole list: %.200s", text)
	}
	for _, code := range []string{"", "   ", "undefined_name_here", "1 + 2", "# items", "items.nothing", "'items'"} {
		if data, found := Inspect(c.th, c.main, code, utf8.RuneCountInString(code), 0); found {
			t.Errorf("Inspect(%q) found %v", code, data)
		}
	}
}
