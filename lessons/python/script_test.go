package python_test

// The language tests: every testdata/NAME.py runs through python.Run and
// must do what /usr/bin/python3 did, as recorded in testdata/NAME.out by
// testdata/regen.py (stdout, then for a failing program a "#! exit N" line
// and the last line of stderr).
//
// testdata/KNOWN_FAILING lists the programs the interpreter does not pass
// yet, one "NAME.py  reason" per line. The test fails when an unlisted
// program fails and when a listed one passes, so the list can only shrink.
// `go test -run TestScripts -known-failing=write` rewrites the list from the
// current results.

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
)

var knownFailingMode = flag.String("known-failing", "check", "check: compare with testdata/KNOWN_FAILING; write: rewrite it from this run")

const knownFailingFile = "testdata/KNOWN_FAILING"

// scriptTimeout bounds one program; the corpus's programs take
// milliseconds under CPython.
const scriptTimeout = 20 * time.Second

func TestScripts(t *testing.T) {
	files, err := filepath.Glob("testdata/*.py")
	if err != nil {
		t.Fatal(err)
	}
	files = without(files, "testdata/regen.py")
	if len(files) < 100 {
		t.Fatalf("only %d programs in testdata", len(files))
	}
	known, err := readKnownFailing(knownFailingFile)
	if err != nil {
		t.Fatal(err)
	}
	failing := map[string]string{}
	passed := 0
	for _, path := range files {
		name := filepath.Base(path)
		t.Run(strings.TrimSuffix(name, ".py"), func(t *testing.T) {
			reason := checkScript(path)
			_, listed := known[name]
			switch {
			case reason == "":
				passed++
				if listed && *knownFailingMode == "check" {
					t.Errorf("%s passes now: remove it from %s", name, knownFailingFile)
				}
			case !listed && *knownFailingMode == "check":
				t.Errorf("%s: %s", name, reason)
				failing[name] = reason
			default:
				failing[name] = reason
			}
		})
	}
	for name := range known {
		if _, err := os.Stat(filepath.Join("testdata", name)); err != nil {
			t.Errorf("%s lists %s, which is not in testdata", knownFailingFile, name)
		}
	}
	t.Logf("language tests: %d of %d programs pass", passed, len(files))
	if *knownFailingMode == "write" {
		if err := writeKnownFailing(knownFailingFile, failing); err != nil {
			t.Fatal(err)
		}
	}
}

// checkScript runs one program and says how it differs from its .out, or
// returns "" when it matches.
func checkScript(path string) string {
	want, err := readExpected(strings.TrimSuffix(path, ".py") + ".out")
	if err != nil {
		return err.Error()
	}
	src, err := os.ReadFile(path)
	if err != nil {
		return err.Error()
	}
	stdin, err := os.ReadFile(strings.TrimSuffix(path, ".py") + ".in")
	if err != nil && !os.IsNotExist(err) {
		return err.Error()
	}
	got, err := runBounded(filepath.Base(path), src, stdin, scriptTimeout)
	if err != nil {
		return err.Error()
	}
	return want.diff(got)
}

// outcome is what a program did, in the terms the .out files keep.
type outcome struct {
	stdout string
	code   int
	stderr []string // every stderr line when code is 0, else only the last
}

func (want outcome) diff(got outcome) string {
	if got.stdout != want.stdout {
		why := "stdout differs: " + firstDiff(want.stdout, got.stdout)
		if got.code != want.code && len(got.stderr) > 0 {
			why += fmt.Sprintf(" (exit %d: %s)", got.code, got.stderr[len(got.stderr)-1])
		}
		return why
	}
	if got.code != want.code {
		return fmt.Sprintf("exit status %d, want %d (stderr: %q)", got.code, want.code, strings.Join(got.stderr, " / "))
	}
	if strings.Join(got.stderr, "\n") != strings.Join(want.stderr, "\n") {
		return fmt.Sprintf("stderr %q, want %q", strings.Join(got.stderr, " / "), strings.Join(want.stderr, " / "))
	}
	return ""
}

// readExpected parses a .out file written by regen.py.
func readExpected(path string) (outcome, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return outcome{}, fmt.Errorf("no expected output (run testdata/regen.py): %w", err)
	}
	text := string(data)
	var o outcome
	at := strings.Index(text, "#! exit ")
	if at < 0 || (at > 0 && text[at-1] != '\n') {
		o.stdout = text
		return o, nil
	}
	o.stdout = text[:at]
	for i, line := range strings.Split(strings.TrimSuffix(text[at:], "\n"), "\n") {
		rest, ok := strings.CutPrefix(line, "#! ")
		if !ok {
			return o, fmt.Errorf("%s: trailer line %q does not start with \"#! \"", path, line)
		}
		if i == 0 {
			if _, err := fmt.Sscanf(rest, "exit %d", &o.code); err != nil {
				return o, fmt.Errorf("%s: bad exit line %q: %w", path, line, err)
			}
			continue
		}
		o.stderr = append(o.stderr, rest)
	}
	return o, nil
}

// firstDiff shows the first line where two outputs part.
func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl || i >= len(w) || i >= len(g) {
			return fmt.Sprintf("line %d: want %q, got %q", i+1, clip(wl), clip(gl))
		}
	}
	return "same lines, different bytes"
}

func clip(s string) string {
	if len(s) > 120 {
		return s[:117] + "..."
	}
	return s
}

func readKnownFailing(path string) (map[string]string, error) {
	known := map[string]string{}
	f, err := os.Open(path)
	if os.IsNotExist(err) {
		return known, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, reason, _ := strings.Cut(line, " ")
		if !strings.HasSuffix(name, ".py") {
			return nil, fmt.Errorf("%s:%d: %q is not a NAME.py", path, n, name)
		}
		known[name] = strings.TrimSpace(reason)
	}
	return known, sc.Err()
}

func writeKnownFailing(path string, failing map[string]string) error {
	names := make([]string, 0, len(failing))
	for name := range failing {
		names = append(names, name)
	}
	sort.Strings(names)
	var b strings.Builder
	b.WriteString("# Language tests the interpreter does not pass yet: NAME.py, then why.\n")
	b.WriteString("# script_test.go fails when one of these passes; remove it then.\n")
	b.WriteString("# Rewrite: go test ./lessons/python -run TestScripts -known-failing=write\n")
	for _, name := range names {
		reason := strings.ReplaceAll(failing[name], "\n", " ")
		if len(reason) > 160 {
			reason = reason[:157] + "..."
		}
		fmt.Fprintf(&b, "%s  %s\n", name, reason)
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}

func without(list []string, drop string) []string {
	out := list[:0]
	for _, s := range list {
		if s != drop {
			out = append(out, s)
		}
	}
	return out
}
