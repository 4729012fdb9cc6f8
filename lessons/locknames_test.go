package lessons

import (
	"regexp"
	"testing"
)

// A lock is named after where the cell keeps it; elsewhere it is numbered.
func TestLockNames(t *testing.T) {
	numbered := `^<unlocked R?Lock-\d+>$`
	tests := []struct {
		code, show, want string
	}{
		{"guard = threading.Lock()", "guard", `^<unlocked guard>$`},
		{"a, b = threading.Lock(), threading.RLock()", "b", `^<unlocked b>$`},
		{`locks = {"alice": threading.Lock()}`, `locks["alice"]`, `^<unlocked locks\["alice"\]>$`},
		{"def open_bank():\n    return {\"locks\": {\"bob\": threading.Lock()}}\nbank = open_bank()",
			`bank["locks"]["bob"]`, `^<unlocked locks\["bob"\]>$`},
		{"forks = [threading.Lock(), threading.Lock()]", "forks[1]", `^<unlocked forks\[1\]>$`},
		{"table = {}\ntable[\"x\"] = threading.Lock()", `table["x"]`, `^<unlocked table\["x"\]>$`},
		{"def keep(lock):\n    return lock\nk = keep(lock=threading.Lock())", "k", `^<unlocked lock>$`},
		{"from threading import Lock\nplain = Lock()", "plain", `^<unlocked plain>$`},
		{"many = [threading.Lock() for i in range(2)]", "many[0]", numbered},
		{"make = threading.Lock\nm = make()", "m", numbered},
		{"print(threading.Lock())\nz = 1", "threading.Lock()", numbered},
	}
	for _, tc := range tests {
		s := New()
		got, _, err := run(t, s, tc.code, "str("+tc.show+")")
		if err != nil {
			t.Errorf("%q: %v", tc.code, err)
			continue
		}
		if !regexp.MustCompile(tc.want).MatchString(trimQuotes(got)) {
			t.Errorf("%q: %s is %s, want %s", tc.code, tc.show, got, tc.want)
		}
	}
}

// The deadlock report names the locks the lesson's bank keeps.
func TestDeadlockReportNamesLocks(t *testing.T) {
	s := New()
	_, _, err := run(t, s, `
def open_bank():
    return {"locks": {"alice": threading.Lock(), "bob": threading.Lock()}}
def transfer(bank, source, target):
    bank["locks"][source].acquire()
    time.sleep(0.05)
    bank["locks"][target].acquire()
bank = open_bank()
one = threading.Thread(target=transfer, args=(bank, "alice", "bob"), name="alice-pays")
two = threading.Thread(target=transfer, args=(bank, "bob", "alice"), name="bob-pays")
one.start(); two.start(); one.join()
`)
	if err == nil {
		t.Fatal("no deadlock")
	}
	want := `alice-pays holds locks["alice"] and waits for locks["bob"], held by bob-pays`
	if !regexp.MustCompile(regexp.QuoteMeta(want)).MatchString(err.Error()) {
		t.Errorf("the report lacks %q:\n%v", want, err)
	}
}

func trimQuotes(s string) string {
	if len(s) >= 2 && (s[0] == '"' || s[0] == '\'') {
		return s[1 : len(s)-1]
	}
	return s
}
