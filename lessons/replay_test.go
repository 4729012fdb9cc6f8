package lessons

import (
	"context"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// replayCell prints everything a learner would compare between runs: the
// result, the thread that ran last, and the whole interleaving table.
var replayCell = "lab.seed(2024)\n" + withTimes(raceCell, 500) + `
print(account.balance)
print(lab.trace())
`

// TestMain doubles as the child process of TestSeedReplaysAcrossProcesses:
// with THREADLAB_REPLAY_CHILD set it runs the seeded cell in a fresh
// session, prints what a learner would see, and exits.
func TestMain(m *testing.M) {
	if os.Getenv("THREADLAB_REPLAY_CHILD") == "" {
		os.Exit(m.Run())
	}
	rec := &recorder{}
	if _, err := New().Execute(context.Background(), replayCell, rec); err != nil {
		os.Stdout.WriteString(err.Error())
		os.Exit(1)
	}
	bundle, err := New().Execute(context.Background(), "lab.seed(2024)\n"+withTimes(raceCell, 500)+"\nlab.trace()", &recorder{})
	if err != nil {
		os.Stdout.WriteString(err.Error())
		os.Exit(1)
	}
	os.Stdout.WriteString("<<" + rec.out() + bundle["text/plain"].(string) + ">>")
	os.Exit(0)
}

func TestSeedReplaysAcrossProcesses(t *testing.T) {
	run := func() string {
		cmd := exec.Command(os.Args[0])
		cmd.Env = append(os.Environ(), "THREADLAB_REPLAY_CHILD=1")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("child: %v\n%s", err, out)
		}
		s := string(out)
		i, j := strings.Index(s, "<<"), strings.LastIndex(s, ">>")
		if i < 0 || j < i {
			t.Fatalf("child printed no result:\n%s", s)
		}
		return s[i+2 : j]
	}
	a, b := run(), run()
	if a != b {
		t.Fatalf("two kernel processes replaying seed 2024 disagree:\n--- first\n%s\n--- second\n%s", a, b)
	}
	if !strings.Contains(a, "read balance") || !strings.Contains(a, "lost update") {
		t.Errorf("the replayed trace shows no lost update:\n%.600s", a)
	}
}
