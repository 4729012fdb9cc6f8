package lessons

import (
	"context"
	"strings"
	"testing"
	"time"
)

const leftSpinning = `
def spin():
    x = 0
    while True:
        x = x ^ 1

for i in range(2):
    threading.Thread(target=spin, name="spin-" + str(i + 1)).start()
`

// execErr runs one cell and returns its text/plain, what it wrote to
// stderr and its error.
func execErr(s *Session, code string) (string, string, error) {
	rec := &errRecorder{}
	res, err := s.Execute(context.Background(), code, rec)
	text := ""
	if res != nil {
		text, _ = res["text/plain"].(string)
	}
	rec.mu.Lock()
	defer rec.mu.Unlock()
	return text, rec.stderr.String(), err
}

// A cell that leaves threads running says so; an interrupt while no cell
// runs stops them, and the next cell (only the next) says what it stopped.
func TestIdleInterruptStopsLeftoverThreads(t *testing.T) {
	s := New()
	_, note, err := execErr(s, leftSpinning)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(note, "Still running after this cell") ||
		!strings.Contains(note, "'spin-1'") || !strings.Contains(note, "'spin-2'") {
		t.Errorf("the cell did not name the threads it left running; stderr %q", note)
	}

	s.Interrupt()
	if !s.Ext.(*world).rt.Wait(10 * time.Second) {
		t.Fatal("the spinning threads did not end after an idle interrupt")
	}
	got, said, err := execErr(s, "threading.active_count()")
	if err != nil || got != "1" {
		t.Errorf("after the interrupt: active_count() = %s, %v; want 1", got, err)
	}
	if n := strings.Count(said, "The interrupt stopped 2 threads"); n != 1 ||
		!strings.Contains(said, "'spin-1', 'spin-2'") {
		t.Errorf("the cell after the interrupt said %q", said)
	}
	if _, said, _ = execErr(s, "1"); said != "" {
		t.Errorf("the note was repeated: %q", said)
	}
	// Interrupting with nothing left running says nothing.
	s.Interrupt()
	if _, said, _ = execErr(s, "1"); said != "" {
		t.Errorf("an interrupt that stopped nothing left a note: %q", said)
	}
}

// Threads joined by their cell leave no note.
func TestJoinedThreadsLeaveNoNote(t *testing.T) {
	s := New()
	_, said, err := execErr(s, `
def work():
    pass
t = threading.Thread(target=work)
t.start()
t.join()
`)
	if err != nil {
		t.Fatal(err)
	}
	if said != "" {
		t.Errorf("stderr %q, want nothing", said)
	}
}
