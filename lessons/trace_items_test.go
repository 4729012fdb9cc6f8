package lessons

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
)

// A dict of counters updated through its methods races as counts[k] +=
// 1 does: the read inside counts.get (or setdefault) is a step of the
// table, the lost update is flagged, and exploration finds the count
// that lost an update; so does += on a dict's or a list's item.
func TestTraceSeesContainerMethods(t *testing.T) {
	const prog = `
import threading
counts = {}
items = [0]
def count(word, rounds):
    for _ in range(rounds):
        BODY
def run(rounds):
    counts.clear()
    items[:] = [0]
    t1 = threading.Thread(target=count, args=("a", rounds), name="t1")
    t2 = threading.Thread(target=count, args=("a", rounds), name="t2")
    t1.start(); t2.start(); t1.join(); t2.join()
    return RESULT
`
	cases := []struct {
		body, result string
		read         *regexp.Regexp // a read the table must show
	}{
		{"counts[word] = counts.get(word, 0) + 1", `counts["a"]`, regexp.MustCompile(`^read counts\['a'\] → \d+$`)},
		{"counts.setdefault(word, 0)\n        counts[word] = counts[word] + 1", `counts["a"]`, regexp.MustCompile(`^read counts\['a'\] → \d+$`)},
		{"counts[word] = counts.pop(word, 0) + 1", `counts["a"]`, regexp.MustCompile(`^read counts\['a'\] → \d+$`)},
		{"counts[word] = counts.get(word, 0)\n        counts[word] += 1", `counts["a"]`, regexp.MustCompile(`^read counts\['a'\] → \d+$`)},
		{"items[0] += 1", `items[0]`, regexp.MustCompile(`^read items\[0\] → \d+$`)},
	}
	for _, tc := range cases {
		s := New()
		code := strings.Replace(strings.Replace(prog, "BODY", tc.body, 1), "RESULT", tc.result, 1)
		if c := execute(s, code); c.err != nil {
			t.Fatalf("%s: %v", tc.body, c.err)
		}
		// Exploration: two threads, one increment each, may end with 1.
		c := execute(s, "sorted(lab.explore(lambda: run(1)).outcomes)")
		if c.err != nil || c.result != "[1, 2]" {
			t.Errorf("%s: explored outcomes %s (%v), want [1, 2]", tc.body, c.result, c.err)
		}
		// A seeded run that loses an update, and its table.
		lost := false
		for seed := 1; !lost && seed <= 40; seed++ {
			c := execute(s, fmt.Sprintf("lab.seed(%d)\nlab.switch_interval(3)\nrun(4)", seed))
			if c.err != nil {
				t.Fatalf("%s: %v", tc.body, c.err)
			}
			lost = c.result != "8"
		}
		if !lost {
			t.Fatalf("%s: no seed lost an update", tc.body)
		}
		b, _ := bundleOf(t, s, "lab.trace()")
		text := b["text/plain"].(string)
		if !regexp.MustCompile(`lost updates? \(`).MatchString(text) {
			t.Errorf("%s: no lost update flagged:\n%s", tc.body, text)
		}
		steps := stepsOf(t, text)
		reads := 0
		for _, th := range []string{"t1", "t2"} {
			for _, st := range steps[th] {
				if tc.read.MatchString(st) {
					reads++
				}
			}
		}
		// Each thread reads the count at least once per round it shows.
		if reads < 2 {
			t.Errorf("%s: the table shows %d reads matching %s:\n%s", tc.body, reads, tc.read, text)
		}
		c = execute(s, "lab.trace().lost")
		if c.err != nil || c.result == "[]" {
			t.Errorf("%s: lab.trace().lost = %s (%v)", tc.body, c.result, c.err)
		}
		s.Shutdown()
	}
}

// A check-then-act on a dict, `if k not in d: d[k] = ...`, races: the
// membership test is a read of item k, as d[k] is, so the table shows it
// beside the writes and flags the lost update, and exploration finds
// the run where both threads saw k absent and one list was lost.
func TestTraceSeesMembershipTest(t *testing.T) {
	const prog = `
import threading
groups = {}
def add(rounds):
    for i in range(rounds):
        word = "w%d" % i
        if word not in groups:
            groups[word] = []
        groups[word].append(1)
def run(rounds):
    groups.clear()
    t1 = threading.Thread(target=add, args=(rounds,), name="t1")
    t2 = threading.Thread(target=add, args=(rounds,), name="t2")
    t1.start(); t2.start(); t1.join(); t2.join()
    return sum(len(g) for g in groups.values())
`
	s := New()
	defer s.Shutdown()
	if c := execute(s, prog); c.err != nil {
		t.Fatal(c.err)
	}
	c := execute(s, "sorted(lab.explore(lambda: run(1)).outcomes)")
	if c.err != nil || c.result != "[1, 2]" {
		t.Errorf("explored outcomes %s (%v), want [1, 2]", c.result, c.err)
	}
	lost := false
	for seed := 1; !lost && seed <= 40; seed++ {
		c := execute(s, fmt.Sprintf("lab.seed(%d)\nlab.switch_interval(3)\nrun(8)", seed))
		if c.err != nil {
			t.Fatal(c.err)
		}
		lost = c.result != "16"
	}
	if !lost {
		t.Fatal("no seed lost an update")
	}
	b, _ := bundleOf(t, s, "lab.trace()")
	text := b["text/plain"].(string)
	absent := regexp.MustCompile(`^read groups\['w\d+'\] → absent$`)
	steps := stepsOf(t, text)
	for _, th := range []string{"t1", "t2"} {
		found := false
		for _, st := range steps[th] {
			found = found || absent.MatchString(st)
		}
		if !found {
			t.Errorf("%s's column shows no read of an item of groups finding it absent:\n%s", th, text)
		}
	}
	if !regexp.MustCompile(`lost updates? \(`).MatchString(text) {
		t.Errorf("no lost update flagged:\n%s", text)
	}
}
