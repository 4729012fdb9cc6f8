package lessons

import (
	"fmt"
	"strings"
	"testing"
)

// notifyProgs each make cat wait once, on a Condition, an Event or a
// Semaphore, and wake it from dog. In the first, cat is inside its wait
// by the time dog can take the Condition's lock, so its notify always
// wakes it; in the others, whenever cat got there first.
var notifyProgs = map[string]string{
	"changed (a Condition)": `
changed = threading.Condition()
inside = threading.Event()
ready = False
def cat():
    with changed:
        inside.set()
        while not ready:
            changed.wait()
def dog():
    global ready
    with changed:
        ready = True
        changed.notify()
c = threading.Thread(target=cat, name="cat")
d = threading.Thread(target=dog, name="dog")
c.start(); inside.wait(); d.start(); c.join(); d.join()
`,
	"an Event": `
done = threading.Event()
def cat():
    done.wait()
def dog():
    done.set()
c = threading.Thread(target=cat, name="cat")
d = threading.Thread(target=dog, name="dog")
c.start(); d.start(); c.join(); d.join()
`,
	"a Semaphore": `
permits = threading.Semaphore(0)
def cat():
    permits.acquire()
def dog():
    permits.release()
c = threading.Thread(target=cat, name="cat")
d = threading.Thread(target=dog, name="dog")
c.start(); d.start(); c.join(); d.join()
`,
}

// A notify that wakes a waiting thread is a row of the table, in the
// notifier's column: "notifies changed (a Condition): wakes cat". Every
// wait for a notify is followed by the notify that ends it, before the
// waiter's next step, and every notify row wakes a thread that waits.
func TestTraceShowsNotifies(t *testing.T) {
	s := New()
	defer s.Shutdown()
	execute(s, "import threading")
	kinds := map[string]bool{}
	for seed := 1; seed <= 20; seed++ {
		for _, prog := range notifyProgs {
			if c := execute(s, fmt.Sprintf("lab.seed(%d)\n%s", seed, prog)); c.err != nil {
				t.Fatal(c.err)
			}
			checkNotifyRows(t, s, seed, kinds)
		}
	}
	for what := range notifyProgs {
		if !kinds[what] {
			t.Errorf("in 20 seeded runs no notify of %s was shown; shown: %v", what, kinds)
		}
	}
}

// checkNotifyRows checks the last cell's table: a wait for a notify is
// followed by the notify that wakes the waiter before its next step, and
// every notify wakes a thread that waits; kinds gets what was notified.
func checkNotifyRows(t *testing.T, s *Session, seed int, kinds map[string]bool) {
	t.Helper()
	{
		b, _ := bundleOf(t, s, "lab.trace()")
		text := b["text/plain"].(string)
		header, rows := tableRows(text)
		waiting := map[string]string{} // thread: the Condition it waits for a notify of
		notifies := 0
		for _, row := range rows {
			for col := 3; col < len(header)-2; col++ {
				who, cell := header[col], row[col]
				switch {
				case cell == "":
				case strings.HasPrefix(cell, "waits for a notify of "):
					waiting[who] = strings.TrimPrefix(cell, "waits for a notify of ")
				case strings.HasPrefix(cell, "notifies "):
					notifies++
					what, woken, ok := strings.Cut(strings.TrimPrefix(cell, "notifies "), ": wakes ")
					if !ok || waiting[woken] != what {
						t.Fatalf("seed %d: %q at step %s, but %s waits for %q:\n%s", seed, cell, row[0], woken, waiting[woken], text)
					}
					delete(waiting, woken)
					kinds[what] = true
				default:
					if w, ok := waiting[who]; ok {
						t.Fatalf("seed %d: %s goes on at step %s (%s) with no row for the notify of %s that woke it:\n%s", seed, who, row[0], cell, w, text)
					}
				}
			}
		}
		if len(waiting) > 0 {
			t.Fatalf("seed %d: %v still wait at the end of a program that ended:\n%s", seed, waiting, text)
		}
		if got := strings.Count(b["text/html"].(string), `<tr class="notify">`); got != notifies {
			t.Errorf("seed %d: %d notify rows are marked in the HTML table, %d in the text", seed, got, notifies)
		}
	}
}

// A Condition's wait that lab.stop ended is over: a notify that comes
// after, before the gate is taken off the list, wakes no one, and its row
// says so rather than that it wakes cat. (An interrupt stops threads the
// same way, Runtime.StopThreads.)
func TestNotifyAfterAStopWakesNoOne(t *testing.T) {
	s := New()
	defer s.Shutdown()
	c := execute(s, `
import threading
changed = threading.Condition()
inside = threading.Event()
def cat():
    with changed:
        inside.set()
        changed.wait()
threading.Thread(target=cat, name="cat").start()
inside.wait()
with changed:
    pass  # cat has given the lock up: it waits
lab.stop()
with changed:
    changed.notify()
`)
	if c.err != nil {
		t.Fatal(c.err)
	}
	b, _ := bundleOf(t, s, "lab.trace()")
	text := b["text/plain"].(string)
	if !strings.Contains(text, "notifies changed (a Condition): wakes no one (cat's wait is over)") {
		t.Errorf("the notify after the stop does not say it wakes no one:\n%s", text)
	}
	if strings.Contains(text, "wakes cat") {
		t.Errorf("the notify after the stop says it wakes cat:\n%s", text)
	}
}
