package python

import "testing"

// TestSharedMapAcrossGoroutines iterates one map from several goroutines
// at once while its function advances the same map (a step inside a
// step, which CPython allows): the guard keeps each step atomic between
// threads, so every item comes out once, and -race stays quiet.
func TestSharedMapAcrossGoroutines(t *testing.T) {
	src := `n = 2000
def pair(x):
    if x % 2 == 0:
        return (x, next(m, None))
    return x
m = map(pair, range(n))
plain = map(lambda x: x * 2, range(n))
got = []
def worker():
    for v in plain:
        got.append(v)
    for v in m:
        got.append(v)
`
	in, mod := load(t, src, Options{})
	worker := mod.Globals().GetStr("worker")
	const goroutines = 4
	inGoroutines(t, in, goroutines, func(th *Thread, g int) error {
		_, err := Call(th, worker)
		return err
	})
	const n = 2000
	doubled, items := map[Int]int{}, map[Int]int{}
	for _, v := range mod.Globals().GetStr("got").(*List).Snapshot() {
		switch v := v.(type) {
		case Int:
			doubled[v]++
		case Tuple:
			// an even item, with the odd one the inner step took
			items[v[0].(Int)]++
			if odd, ok := v[1].(Int); ok {
				items[odd]++
			}
		default:
			t.Fatalf("unexpected item of type %s", TypeName(v))
		}
	}
	if len(doubled) != n {
		t.Errorf("the plain map gave %d distinct items, want %d", len(doubled), n)
	}
	for k, c := range doubled {
		if c != 1 {
			t.Errorf("plain item %d came out %d times", k, c)
		}
	}
	if len(items) != n {
		t.Errorf("the re-entered map gave %d distinct items, want %d", len(items), n)
	}
	for k, c := range items {
		if c != 1 {
			t.Errorf("item %d came out %d times", k, c)
		}
	}
}
