// Package pyref evaluates Python expressions with /usr/bin/python3 so that
// tests of threadlab's Python take their expected values from CPython at test
// time instead of from hand-typed tables.
//
// One python3 process evaluates a whole batch: the expressions travel as a
// JSON list on stdin and each comes back as str(value) or as the exception's
// type name and message.
package pyref

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os/exec"
	"testing"
)

// Python is the reference interpreter the project pins (Debian's CPython 3.11).
const Python = "/usr/bin/python3"

// Result is the outcome of one expression: Value is str() of the result when
// Err is empty; otherwise Err is "TypeName: message".
type Result struct {
	Value string `json:"value"`
	Err   string `json:"err"`
}

// driver runs the prelude once, then evaluates each expression in the same
// namespace, so a prelude can import modules and define helpers.
const driver = `
import json, sys
req = json.load(sys.stdin)
ns = {}
exec(req["prelude"], ns)
out = []
for src in req["exprs"]:
    try:
        out.append({"value": str(eval(src, ns)), "err": ""})
    except BaseException as e:
        out.append({"value": "", "err": type(e).__name__ + ": " + str(e)})
json.dump(out, sys.stdout)
`

// Eval evaluates exprs after running prelude and returns one Result per
// expression. It fails the test when python3 cannot run.
func Eval(t testing.TB, prelude string, exprs []string) []Result {
	t.Helper()
	res, err := eval(prelude, exprs)
	if err != nil {
		t.Fatalf("pyref: %v", err)
	}
	return res
}

func eval(prelude string, exprs []string) ([]Result, error) {
	req, err := json.Marshal(map[string]any{"prelude": prelude, "exprs": exprs})
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(Python, "-X", "utf8", "-c", driver)
	cmd.Stdin = bytes.NewReader(req)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("%s: %v: %s", Python, err, stderr.Bytes())
	}
	var res []Result
	if err := json.Unmarshal(stdout.Bytes(), &res); err != nil {
		return nil, fmt.Errorf("decoding %s output: %v", Python, err)
	}
	if len(res) != len(exprs) {
		return nil, fmt.Errorf("%s answered %d results for %d expressions", Python, len(res), len(exprs))
	}
	return res, nil
}

// Float returns a Python expression that denotes exactly f, so tests can hand
// any float64 (including subnormals, infinities and NaN) to python3.
func Float(f float64) string {
	return fmt.Sprintf("float.fromhex(%q)", floatHex(f))
}
