package lessons
import ("testing";"context";"time")
func TestZZDisplay(t *testing.T) {
	s := New()
	if _, err := s.Execute(context.Background(), raceOnly, &recorder{}); err != nil { t.Fatal(err) }
	for i := 0; i < 3; i++ {
		began := time.Now()
		rec := &recorder{}
		if _, err := s.Execute(context.Background(), "lab.trace()", rec); err != nil { t.Fatal(err) }
		t.Logf("display %v", time.Since(began))
		began = time.Now()
		if _, err := s.Execute(context.Background(), "len(lab.trace().lost)", rec); err != nil { t.Fatal(err) }
		t.Logf("lost %v", time.Since(began))
	}
}
