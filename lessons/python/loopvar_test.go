package python

import (
	"fmt"
	"strings"
	"testing"

	"threadlab/lessons/python/internal/compile"
)

// localsHost records, at each step hook, the innermost frame's line and
// what locals() says of the names it watches.
type localsHost struct {
	names []string
	seen  []string
}

func (h *localsHost) Step(t *Thread) error {
	_, line := t.Position()
	d := t.Locals()
	var b strings.Builder
	fmt.Fprintf(&b, "%d:", line)
	for _, n := range h.names {
		if v := d.GetStr(n); v != nil {
			fmt.Fprintf(&b, " %s=%v", n, v)
		} else {
			fmt.Fprintf(&b, " %s unbound", n)
		}
	}
	h.seen = append(h.seen, b.String())
	return nil
}

// A range loop whose variable nothing reads keeps the variable unboxed
// in the frame (STORE_LOOP_VAR); locals() must still see it as if it
// were stored at each turn. lazy's loops are eager's, whose return reads
// the variables (so they are stored as usual); at a hook every k steps,
// locals() must say the same of both until the loops end, whether or
// not the hook falls between a FOR_ITER and its store.
func TestLoopVarUnboxedSeenByLocals(t *testing.T) {
	const body = `
    for seq in its:
        for i in seq:
            pass
    for u in range(2, 5):
        for w in range(3):
            pass
    k = 0
`
	// one program each, so that their lines are the same
	mods := map[string]*Module{}
	interps := map[string]*Interp{}
	for fn, ret := range map[string]string{"lazy": "None", "eager": "i, u, w"} {
		interps[fn], mods[fn] = load(t, "def f(its):"+body+"    return "+ret+"\n", Options{})
		got := false
		for _, ins := range mods[fn].Globals().GetStr("f").(*Function).code.Instrs {
			got = got || ins.Op == compile.STORE_LOOP_VAR
		}
		if got != (fn == "lazy") {
			t.Fatalf("%s: STORE_LOOP_VAR compiled: %v, want %v", fn, got, fn == "lazy")
		}
	}
	watch := func(fn string, every int, it Value) []string {
		// the second call reuses the first's frame
		th := interps[fn].NewThread("t")
		h := &localsHost{names: []string{"i", "u", "w"}}
		for range 2 {
			h.seen = nil
			th.SetHost(h, every)
			if _, err := Call(th, mods[fn].Globals().GetStr("f"), it); err != nil {
				t.Fatal(err)
			}
		}
		// the steps of the loops (lines 2 to 7), where the two are alike
		var loops []string
		for _, s := range h.seen {
			if s[0] >= '2' && s[0] <= '7' && s[1] == ':' {
				loops = append(loops, s)
			}
		}
		if len(loops) < 10 {
			t.Fatalf("%s: only %v in the loops", fn, h.seen)
		}
		return loops
	}
	for _, every := range []int{1, 2, 3, 5} {
		// one loop, and so one store site, runs over a range and then a
		// list, and the other way round
		rng := &Range{0, 3, 1}
		list := NewList([]Value{Int(100000), Int(200000)})
		for _, its := range [][]Value{{rng, list}, {list, rng}, {rng, rng}} {
			got, want := watch("lazy", every, NewList(its)), watch("eager", every, NewList(its))
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("hook every %d steps over %T, %T:\nunboxed: %v\nstored:  %v", every, its[0], its[1], got, want)
			}
		}
	}
}
