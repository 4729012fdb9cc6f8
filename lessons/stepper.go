package lessons

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"

	"threadlab/lessons/pyhost"
	"threadlab/lessons/python"
	"threadlab/runtime"
)

// lab.stepper(fn, goal=None): the learner is the scheduler. The runtime
// precomputes every state the program can reach (runtime.Steps, through
// pyhost.Host.Steps); this file turns that tree into the data of the
// widget (stepper_html.go draws it).

// stepSite is where a thread is when it announces an operation.
type stepSite struct {
	File string
	Line int
	Text string // the source line, trimmed
	// Where the def of the thread's outermost function of the program
	// starts (its target), when it is a def.
	DefFile string
	DefLine int
}

func (s stepSite) key() string { return fmt.Sprintf("%s:%d", s.File, s.Line) }

// stepperValue is what lab.stepper returns.
type stepperValue struct {
	tree *runtime.StepTree
	data *stepData
}

var stepperType = python.NewType("stepper", nil).SetModule("lab")

func (*stepperValue) Type() *python.Type { return stepperType }

func (v *stepperValue) Repr(*python.Thread) (string, error) {
	return fmt.Sprintf("<stepper: %d threads, %d schedules, %d states>", len(v.data.Threads), v.tree.Schedules, len(v.data.Nodes)), nil
}

func (v *stepperValue) MIMEBundle() map[string]any { return stepperBundle(v.data) }

func init() {
	prop := func(name string, get func(t *python.Thread, v *stepperValue) (python.Value, error)) {
		stepperType.AddAttr(name, python.NewProperty(name, func(t *python.Thread, args []python.Value, kw []python.Kwarg) (python.Value, error) {
			return get(t, args[0].(*stepperValue))
		}))
	}
	// How many complete schedules: every way the learner can click through.
	prop("schedules", func(_ *python.Thread, v *stepperValue) (python.Value, error) {
		return python.Int(v.tree.Schedules), nil
	})
	// How many different states (identical ones are kept once).
	prop("states", func(_ *python.Thread, v *stepperValue) (python.Value, error) {
		return python.Int(len(v.data.Nodes)), nil
	})
	prop("goal_schedules", func(_ *python.Thread, v *stepperValue) (python.Value, error) {
		return python.Int(v.data.GoalSchedules), nil
	})
	// Every way the program can end, with how many schedules end that way.
	prop("outcomes", func(t *python.Thread, v *stepperValue) (python.Value, error) {
		d := python.NewDict()
		for _, o := range v.data.Outcomes {
			var key python.Value = python.Str(o.Key)
			if x, ok := o.value.(python.Value); ok && x != nil && o.Key != "deadlock" && !strings.HasPrefix(o.Key, "error: ") {
				key = x
			} else if o.value == nil && o.Key == "None" {
				key = python.None
			}
			if err := d.Set(t, key, python.Int(o.Count)); err != nil {
				// An outcome that cannot be a key (a list) is keyed by its
				// repr, as lab.explore's are.
				var exc *python.Exception
				if !errors.As(err, &exc) || exc.Type() != python.TypeError {
					return nil, err
				}
				if err := d.Set(t, python.Str(o.Key), python.Int(o.Count)); err != nil {
					return nil, err
				}
			}
		}
		return d, nil
	})
}

// stepGoal is what the learner chases: an outcome (a result value), a
// deadlock, or an error (a failed check, in fn or in a thread).
type stepGoal struct {
	Kind  string // "", "value", "deadlock" or "error"
	Key   string // for "value": repr of the result
	Label string // how the widget states it
}

func parseGoal(t *python.Thread, v python.Value) (stepGoal, error) {
	switch {
	case v == nil || v == python.None:
		return stepGoal{}, nil
	case v == python.Str("deadlock"):
		return stepGoal{Kind: "deadlock", Label: "reach a deadlock: every thread waits and none can go on"}, nil
	case v == python.Str("error"):
		return stepGoal{Kind: "error", Label: "make a check fail: a thread or the function stops with an error"}, nil
	}
	k, err := python.Repr(t, v)
	return stepGoal{Kind: "value", Key: k, Label: "make the result " + k}, err
}

// labStepper is _lab.stepper(fn, goal, max_schedules).
func (s *Session) labStepper(t *python.Thread, args []python.Value, kw []python.Kwarg) (python.Value, error) {
	var fn, goal, maxV python.Value
	if err := python.UnpackArgs("stepper", args, kw, []string{"fn", "goal", "max_schedules"}, &fn, &goal, &maxV); err != nil {
		return nil, err
	}
	if !s.isMain(t) {
		return nil, errNotMain("lab.stepper")
	}
	max, ok := wholeNumber(maxV)
	if !ok || max < 1 || max > 20000 {
		return nil, python.Errorf(python.ValueError, "lab.stepper: max_schedules must be a whole number between 1 and 20000")
	}
	g, err := parseGoal(t, goal)
	if err != nil {
		return nil, err
	}
	opts := runtime.StepOptions{MaxSchedules: int(max), Locate: s.locate}
	var tree *runtime.StepTree
	quietly(t, func() { tree, err = s.host.Steps(t, s.main, fn, opts) })
	if err != nil {
		var big *runtime.TooBigError
		var exc *python.Exception
		switch {
		case errors.As(err, &big):
			return nil, python.Errorf(python.ValueError, "lab.stepper: %s.", err.Error())
		case errors.Is(err, runtime.ErrStopped):
			t.Cancel(err.Error())
			return nil, t.Err()
		case errors.As(err, &exc):
			return nil, err
		}
		return nil, python.Errorf(python.RuntimeError, "%s", err.Error())
	}
	return &stepperValue{tree: tree, data: buildStepData(tree, g, s.interp.SourceLines)}, nil
}

// locate is StepOptions.Locate: the line of the program the thread runs,
// with its text, and the def of its outermost function of the program.
func (s *Session) locate(rt *runtime.Thread) any {
	pt, ok := rt.Data.(*python.Thread)
	if !ok {
		return nil
	}
	var site stepSite
	pt.Frames(func(file string, first, line int) bool {
		if pyhost.HostFile(file) {
			return true
		}
		if site.File == "" {
			site.File, site.Line = file, line
			site.Text = strings.TrimSpace(s.interp.SourceLine(file, line))
		}
		site.DefFile, site.DefLine = file, first // the outermost wins
		return true
	})
	if site.File == "" {
		return nil
	}
	return site
}

// The widget's data, as JSON. Node 0 is the start. Identical subtrees are
// stored once, so the data is a graph of distinct states.
type stepData struct {
	Threads       []string      `json:"threads"` // the learner's threads (the tree's 1..)
	Code          [][]codeLine  `json:"code"`    // each thread's function, and other lines where it steps
	Goal          string        `json:"goal"`
	Nodes         []stepNodeOut `json:"nodes"`
	GoalSchedules int           `json:"goalSchedules"`
	Outcomes      []stepOutcome `json:"outcomes"`
	Schedules     int           `json:"schedules"`
	Example       []string      `json:"-"` // a schedule that reaches the goal (or the first one), by thread name
	ExampleRows   [][]string    `json:"-"` // its interleaving: step, thread, what, state after
}

type codeLine struct {
	Key  string `json:"k"` // file:line, as threadAtOut.Where
	Line int    `json:"l"`
	Text string `json:"t"`
	file string
}

type stepNodeOut struct {
	Events []string      `json:"e,omitempty"` // "saver: read balance → 0"
	State  [][2]string   `json:"s"`
	Locks  [][2]string   `json:"k,omitempty"`
	Next   []threadAtOut `json:"n"`
	End    string        `json:"end,omitempty"`
	Goal   bool          `json:"goal,omitempty"`
}

type threadAtOut struct {
	Status  string `json:"st"`          // ready, blocked, ended, absent
	Line    int    `json:"l,omitempty"` // the step's source line
	Where   string `json:"k,omitempty"` // its file:line
	Text    string `json:"t,omitempty"` // its source text
	Op      string `json:"op,omitempty"`
	Kind    string `json:"kind,omitempty"` // read, write, acquire, ...
	Field   string `json:"f,omitempty"`
	Compute string `json:"x,omitempty"` // for a write: the expression computed (from its line)
	Did     string `json:"did,omitempty"`
	Value   string `json:"v,omitempty"` // the value the step reads or writes
	Waits   string `json:"w,omitempty"`
	Kid     int    `json:"c"` // the node after the step; -1 when it cannot step
}

type stepOutcome struct {
	Key      string   `json:"key"`
	Count    int      `json:"count"`
	Goal     bool     `json:"goal"`
	Schedule []string `json:"schedule"` // one schedule with the fewest switches
	value    any
}

func valueText(v any) string { return pyhost.SpellValue(v) }

func eventText(e runtime.StepEvent) string {
	if e.Items {
		return fmt.Sprintf("%s: call %s", e.Thread, e.Field)
	}
	v := valueText(e.Value)
	switch e.Kind {
	case runtime.OpRead:
		if e.Value == nil {
			return fmt.Sprintf("%s: read %s → absent", e.Thread, e.Field) // `k in d` found no item k
		}
		return fmt.Sprintf("%s: read %s → %s", e.Thread, e.Field, v)
	case runtime.OpWrite:
		return fmt.Sprintf("%s: write %s ← %s", e.Thread, e.Field, v)
	case runtime.OpWait:
		// Say what it waits for, as the trace does, not the name of the
		// lock a Condition's wait happens to block on.
		if what, ok := e.Value.(string); ok && what != "" {
			return fmt.Sprintf("%s: waits for %s", e.Thread, what)
		}
	case runtime.OpNotify:
		return fmt.Sprintf("%s: %v", e.Thread, e.Value)
	}
	return fmt.Sprintf("%s: %s %s", e.Thread, e.Kind, e.Field)
}

// computeText finds the expression a write stores, from its line: the
// right-hand side of `x.f = expr`, or `x.f + n` for `x.f += n`.
func computeText(line string) string {
	for i := 0; i+1 < len(line); i++ {
		c := line[i]
		if c == '"' || c == '\'' || c == '#' {
			return ""
		}
		if c != '=' {
			continue
		}
		if line[i+1] == '=' || (i > 0 && strings.ContainsRune("=!<>", rune(line[i-1]))) {
			if line[i+1] == '=' {
				i++
			}
			continue
		}
		lhs, rhs := strings.TrimSpace(line[:i]), strings.TrimSpace(line[i+1:])
		if h := strings.IndexByte(rhs, '#'); h >= 0 && !strings.ContainsAny(rhs[:h], `"'`) {
			rhs = strings.TrimSpace(rhs[:h]) // a comment
		}
		if i > 0 && strings.ContainsRune("+-*/%", rune(line[i-1])) {
			op := string(line[i-1])
			lhs = strings.TrimSpace(line[:i-1])
			return lhs + " " + op + " " + rhs
		}
		return rhs
	}
	return ""
}

// buildStepData flattens the tree into distinct nodes; source returns
// the lines of a cell.
func buildStepData(tree *runtime.StepTree, g stepGoal, source func(file string) []string) *stepData {
	d := &stepData{Threads: tree.Threads[1:], Goal: g.Label, Schedules: tree.Schedules}
	if len(d.Threads) == 0 {
		d.Threads = []string{}
	}
	// Each thread's code: the distinct lines of its steps, and the def
	// of its target.
	code := make([]map[string]codeLine, len(tree.Threads))
	defs := make([]stepSite, len(tree.Threads))
	for i := range code {
		code[i] = map[string]codeLine{}
	}

	reached := func(n *runtime.StepNode) bool {
		switch g.Kind {
		case "value":
			return n.End != nil && n.End.Deadlock == nil && n.End.Err == nil && n.End.Key == g.Key
		case "deadlock":
			return n.End != nil && n.End.Deadlock != nil
		case "error":
			if n.End != nil && n.End.Err != nil && n.End.Deadlock == nil {
				return true
			}
			for _, at := range n.Next {
				if at.Status == runtime.StepEnded && at.Err != nil && !quiet(at.Err) {
					return true
				}
			}
		}
		return false
	}

	ids := map[string]int{}
	var emit func(n *runtime.StepNode) int
	emit = func(n *runtime.StepNode) int {
		out := stepNodeOut{State: [][2]string{}, Goal: reached(n)}
		for _, e := range n.Events {
			out.Events = append(out.Events, eventText(e))
		}
		for _, f := range n.State {
			out.State = append(out.State, [2]string{f.Field, valueText(f.Value)})
		}
		for _, l := range n.Locks {
			h := l.Holder
			if h == "" {
				h = "free"
			} else {
				h = "held by " + h
			}
			out.Locks = append(out.Locks, [2]string{l.Name, h})
		}
		if n.End != nil {
			out.End = endText(n.End)
		}
		for i := 1; i < len(tree.Threads); i++ {
			at := runtime.StepAt{}
			if i < len(n.Next) {
				at = n.Next[i]
			}
			o := threadAtOut{Kid: -1}
			switch at.Status {
			case runtime.StepAbsent:
				o.Status = "absent"
			case runtime.StepReady:
				o.Status = "ready"
			case runtime.StepBlocked:
				o.Status, o.Waits = "blocked", at.Waits
			case runtime.StepEnded:
				o.Status = "ended"
				if at.Err != nil && !quiet(at.Err) {
					o.Status, o.Waits = "failed", errorText(at.Err)
				}
			}
			if at.Status == runtime.StepReady || at.Status == runtime.StepBlocked {
				o.Kind = at.Op.Kind.String()
				o.Field = at.Name
				o.Op = strings.TrimSpace(o.Kind + " " + at.Name)
				switch {
				case at.Op.Kind == runtime.OpStart || at.Op.Kind == runtime.OpJoin:
					o.Op = o.Kind + " a thread"
				case at.Notify != "":
					// A Condition's wait blocks on a lock of its own, which
					// the learner never made: say what the thread waits for.
					o.Kind, o.Field, o.Op = "wait", "", "wait for a notify of "+at.Notify
					if at.Status == runtime.StepReady {
						o.Op = "wake up: " + at.Notify + " was notified"
					}
				}
				if s, ok := at.Site.(stepSite); ok {
					o.Line, o.Text, o.Where = s.Line, s.Text, s.key()
					code[i][s.key()] = codeLine{Key: s.key(), Line: s.Line, Text: s.Text, file: s.File}
					if defs[i].DefLine == 0 {
						defs[i] = s
					}
					if at.Op.Kind == runtime.OpWrite {
						o.Compute = computeText(s.Text)
					}
				}
			}
			if i < len(n.Kids) && n.Kids[i] != nil {
				k := n.Kids[i]
				o.Kid = emit(k)
				if len(k.Events) > 0 && k.Events[0].Thread == tree.Threads[i] {
					e := k.Events[0]
					o.Did = strings.TrimPrefix(eventText(e), e.Thread+": ")
					if e.Kind == runtime.OpRead || e.Kind == runtime.OpWrite {
						o.Value = valueText(e.Value)
					}
				} else {
					o.Did = o.Op
				}
			}
			out.Next = append(out.Next, o)
		}
		b, _ := json.Marshal(out)
		if id, ok := ids[string(b)]; ok {
			return id
		}
		id := len(d.Nodes)
		ids[string(b)] = id
		d.Nodes = append(d.Nodes, out)
		return id
	}
	root := emit(tree.Root)
	// The start must be node 0: move it there.
	if root != 0 {
		d.Nodes[0], d.Nodes[root] = d.Nodes[root], d.Nodes[0]
		for i := range d.Nodes {
			for j := range d.Nodes[i].Next {
				switch d.Nodes[i].Next[j].Kid {
				case 0:
					d.Nodes[i].Next[j].Kid = root
				case root:
					d.Nodes[i].Next[j].Kid = 0
				}
			}
		}
	}
	for i := 1; i < len(code); i++ {
		lines := defBody(source(defs[i].DefFile), defs[i].DefFile, defs[i].DefLine)
		var extra []codeLine
		for _, c := range code[i] {
			if !slices.ContainsFunc(lines, func(l codeLine) bool { return l.Key == c.Key }) {
				extra = append(extra, c)
			}
		}
		sort.Slice(extra, func(a, b int) bool {
			return extra[a].file < extra[b].file || extra[a].file == extra[b].file && extra[a].Line < extra[b].Line
		})
		lines = append(lines, extra...)
		if lines == nil {
			lines = []codeLine{}
		}
		d.Code = append(d.Code, lines)
	}
	d.outcomes(tree, reached)
	return d
}

// quiet reports whether a thread's error means it was stopped, which is
// not worth a message.
func quiet(err error) bool {
	var c *python.Cancelled
	return errors.Is(err, runtime.ErrStopped) || errors.As(err, &c)
}

func endText(e *runtime.StepOutcome) string {
	switch {
	case e.Deadlock != nil:
		return "deadlock: every thread that is left waits for another, so none can ever go on"
	case e.Err != nil:
		return "the function stopped with an error: " + errorText(e.Err)
	}
	return "the function returned " + e.Key
}

func errorText(err error) string {
	var exc *python.Exception
	if errors.As(err, &exc) {
		return exc.Error()
	}
	return err.Error()
}

// outcomes lists every way the program ends, with the schedule of fewest
// thread switches behind each, and the interleaving of the goal's.
func (d *stepData) outcomes(tree *runtime.StepTree, reached func(*runtime.StepNode) bool) {
	type best struct {
		path     []int
		switches int
	}
	byKey := map[string]*stepOutcome{}
	var keys []string // in the order first reached
	bestOf := map[string]best{}
	var goalBest *best
	var path []int
	var walk func(n *runtime.StepNode, goalOnWay bool)
	walk = func(n *runtime.StepNode, goalOnWay bool) {
		goalOnWay = goalOnWay || reached(n)
		if n.End != nil {
			o := byKey[n.End.Key]
			if o == nil {
				o = &stepOutcome{Key: n.End.Key, value: n.End.Value}
				byKey[n.End.Key] = o
				keys = append(keys, n.End.Key)
			}
			o.Count++
			o.Goal = o.Goal || goalOnWay
			sw := 0
			for i := 1; i < len(path); i++ {
				if path[i] != path[i-1] {
					sw++
				}
			}
			if b, ok := bestOf[n.End.Key]; !ok || sw < b.switches {
				bestOf[n.End.Key] = best{append([]int(nil), path...), sw}
			}
			if goalOnWay {
				d.GoalSchedules++
				if goalBest == nil || sw < goalBest.switches {
					goalBest = &best{append([]int(nil), path...), sw}
				}
			}
			return
		}
		for i, k := range n.Kids {
			if k != nil {
				path = append(path, i)
				walk(k, goalOnWay)
				path = path[:len(path)-1]
			}
		}
	}
	walk(tree.Root, false)
	schedule := func(p []int) []string {
		var s []string
		for _, i := range p {
			s = append(s, tree.Threads[i])
		}
		if s == nil {
			s = []string{}
		}
		return s
	}
	for _, k := range keys {
		o := byKey[k]
		o.Schedule = schedule(bestOf[k].path)
		d.Outcomes = append(d.Outcomes, *o)
	}
	var example []int
	switch {
	case goalBest != nil:
		example = goalBest.path
	case len(d.Outcomes) > 0:
		example = bestOf[d.Outcomes[0].Key].path
	}
	d.Example = schedule(example)
	// Its interleaving: one row per event after the start.
	state := map[string]string{}
	var order []string
	set := func(name, v string) {
		if _, ok := state[name]; !ok {
			order = append(order, name)
		}
		state[name] = v
	}
	for _, f := range tree.Root.State {
		set(f.Field, valueText(f.Value))
	}
	n := tree.Root
	step := 0
	for _, i := range example {
		n = n.Kids[i]
		for _, e := range n.Events {
			step++
			if e.Kind == runtime.OpWrite {
				set(e.Field, valueText(e.Value))
			}
			var parts []string
			for _, name := range order {
				parts = append(parts, name+"="+state[name])
			}
			d.ExampleRows = append(d.ExampleRows, []string{fmt.Sprint(step), e.Thread,
				strings.TrimPrefix(eventText(e), e.Thread+": "), strings.Join(parts, " ")})
		}
	}
	if n.End != nil {
		d.ExampleRows = append(d.ExampleRows, []string{"", "", endText(n.End), ""})
	}
}

// defBody returns the lines of the def that starts at line of src: the
// def line and the lines indented deeper, without the def's own indent.
func defBody(src []string, file string, line int) []codeLine {
	if line < 1 || line > len(src) {
		return nil
	}
	indent := func(s string) int { return len(s) - len(strings.TrimLeft(s, " \t")) }
	base := indent(src[line-1])
	var out []codeLine
	for l := line; l <= len(src); l++ {
		text := strings.TrimRight(src[l-1], " \t")
		if l > line && text != "" && indent(text) <= base {
			break
		}
		if len(text) >= base {
			text = text[base:]
		}
		out = append(out, codeLine{Key: fmt.Sprintf("%s:%d", file, l), Line: l, Text: text, file: file})
	}
	for len(out) > 0 && strings.TrimSpace(out[len(out)-1].Text) == "" {
		out = out[:len(out)-1]
	}
	return out
}
