package python

import (
	"fmt"
	"strings"
	"testing"
)

// itemRecorder keeps a tracer's container events, as "line kind
// object.name" for a read of it all and "line kind object[key]=value" for
// an item (value "-" when absent).
type itemRecorder struct {
	names  map[Value]string
	events []string
}

func (r *itemRecorder) Event(t *Thread, ev *Event) {
	obj := r.names[ev.Object]
	switch ev.Kind {
	case ReadItems, WriteItems:
		r.events = append(r.events, fmt.Sprintf("%d %s %s.%s", ev.Line, ev.Kind, obj, ev.Name))
	case ReadItem, WriteItem, DeleteItem:
		k, _ := Repr(t, ev.Key)
		v := "-"
		if ev.Value() != nil {
			v, _ = Repr(t, ev.Value())
		}
		r.events = append(r.events, fmt.Sprintf("%d %s %s[%s]=%s", ev.Line, ev.Kind, obj, k, v))
	}
}

// Reads of a container by iteration and by the built-ins are events:
// each step of a list's or dict's iterator (a list's as the read of item
// i, the end as item len, absent), one read of it all for len, unpacking,
// copies (list, sorted, [*x], dict, copy.copy) and for iterating a set or
// deque (their iterators walk a copy). With the tracer off, none.
func TestIterationEvents(t *testing.T) {
	src := `import copy, heapq
from collections import deque, OrderedDict
items = [1, 2]
table = {"a": 1}
bag = {3}
dq = deque([4])
od = OrderedDict(b=2)
def work():
    t = 0
    for x in items:
        t += x
    n = len(items)
    a, b = items
    c = sorted(items)
    d = [*items]
    e = sum(items)
    f = max(items)
    for k in table: pass
    for k in bag: pass
    for k in dq: pass
    for k in od: pass
    g = list(table)
    h = dict(table)
    i = copy.copy(items)
    j = [x for x in table.values()]
    heapq.heappush(items, 0)
    heapq.heappop(items)
    k = 4 in dq, "b" in od
    r = reversed(items), reversed(table)
    return t
`
	in, m := load(t, src, Options{})
	th := in.NewThread("t")
	r := &itemRecorder{names: map[Value]string{}}
	for _, name := range []string{"items", "table", "bag", "dq", "od"} {
		r.names[m.Globals().GetStr(name)] = name
	}
	th.SetTracer(r)
	if _, err := Call(th, m.Globals().GetStr("work"), nil...); err != nil {
		t.Fatal(err)
	}
	want := []string{
		"10 read item items[0]=1",
		"10 read item items[1]=2",
		"10 read item items[2]=-",
		"12 read items items.__len__",
		"13 read items items.__iter__",
		"14 read items items.__iter__",
		"15 read items items.__iter__",
		"16 read item items[0]=1",
		"16 read item items[1]=2",
		"16 read item items[2]=-",
		"17 read item items[0]=1",
		"17 read item items[1]=2",
		"17 read item items[2]=-",
		"18 read items table.__next__",
		"18 read items table.__next__",
		"19 read items bag.__iter__",
		"20 read items dq.__iter__",
		"21 read items od.__next__",
		"21 read items od.__next__",
		"22 read items table.__iter__",
		"23 read items table.__iter__",
		"24 read items items.copy",
		"25 read items table.values",
		"25 read items table.__next__",
		"25 read items table.__next__",
		"26 write items items.heappush",
		"27 write items items.heappop",
		"28 read items dq.__contains__",
		"28 read items od.__contains__",
		"29 read items items.__reversed__",
		"29 read items table.__reversed__",
	}
	if got := strings.Join(r.events, "\n"); got != strings.Join(want, "\n") {
		t.Fatalf("events:\n%s\nwant:\n%s", got, strings.Join(want, "\n"))
	}
	th.SetTracer(nil)
	if _, err := Call(th, m.Globals().GetStr("work"), nil...); err != nil {
		t.Fatal(err)
	}
	if len(r.events) != len(want) {
		t.Fatal("events recorded with the tracer off")
	}
}
