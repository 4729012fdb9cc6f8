package lessons

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

// builtins are threadlab's own global functions. They are reached through
// the namespace (after the learner's globals), so a learner may shadow them.
var builtins = starlark.StringDict{}

func init() {
	builtins["print"] = Builtin("", "print", "print(*values, sep=' ', end='\\n')",
		"Write the values to the output of the cell that started the calling thread, separated by sep and followed by end. "+
			"Strings are written as they are; other values as repr() shows them. Output appears at once, while the cell still runs.",
		builtinPrint)
	builtins["repr"] = Builtin("", "repr", "repr(x)",
		"Return the text that represents x as it would be written in code, for example 'hi' with quotes for a string.", builtinRepr)
	builtins["str"] = Builtin("", "str", "str(x)",
		"Return x as text. A string is returned unchanged; other values are converted as print shows them.", builtinStr)
	builtins["input"] = Builtin("", "input", "input(prompt='')",
		"Show prompt, wait for the learner to type a line in the notebook, and return that line as a string (without the newline).", builtinInput)
	builtins["sum"] = Builtin("", "sum", "sum(iterable, start=0)",
		"Add up the numbers of iterable, starting from start, and return the total.", builtinSum)
	builtins["round"] = Builtin("", "round", "round(number, ndigits=None)",
		"Round number to ndigits decimal places; without ndigits, return the nearest int (halves go to the even neighbour, as in Python).", builtinRound)
	builtins["display"] = Builtin("", "display", "display(*values)",
		"Show each value in the cell's output now, with its rich form when it has one (an interleaving table, a plot), "+
			"instead of only at the end of the cell.", builtinDisplay)
	builtins["clear_output"] = Builtin("", "clear_output", "clear_output(wait=False)",
		"Clear what the cell has shown so far. With wait=True the old output stays until new output arrives.", builtinClearOutput)
	builtins["help"] = Builtin("", "help", "help(obj)",
		"Print the help text of a function, module or value, for example help(threading.Lock).", builtinHelp)
}

func builtinDisplay(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(kwargs) > 0 {
		return nil, fmt.Errorf("display: unexpected keyword argument %s", kwargs[0][0])
	}
	if o := threadOutput(th); o != nil {
		for _, v := range args {
			o.Display(Bundle(v), nil, "", false)
		}
	}
	return starlark.None, nil
}

func builtinClearOutput(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	wait := false
	if err := starlark.UnpackArgs("clear_output", args, kwargs, "wait?", &wait); err != nil {
		return nil, err
	}
	if o := threadOutput(th); o != nil {
		o.ClearOutput(wait)
	}
	return starlark.None, nil
}

func threadOutput(th *starlark.Thread) Output {
	if th == nil {
		return nil
	}
	o, _ := th.Local(LocalOutput).(Output)
	return o
}

func builtinPrint(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	sep, end := " ", "\n"
	for _, kv := range kwargs {
		k := string(kv[0].(starlark.String))
		switch k {
		case "sep", "end":
			var v string
			switch x := kv[1].(type) {
			case starlark.String:
				v = string(x)
			case starlark.NoneType:
				v = map[string]string{"sep": " ", "end": "\n"}[k]
			default:
				return nil, fmt.Errorf("print: %s must be a string, not %s", k, x.Type())
			}
			if k == "sep" {
				sep = v
			} else {
				end = v
			}
		case "flush":
		default:
			return nil, fmt.Errorf("print: unexpected keyword argument '%s' (print takes sep, end and flush)", k)
		}
	}
	var sb strings.Builder
	for i, a := range args {
		if i > 0 {
			sb.WriteString(sep)
		}
		sb.WriteString(PyStr(a))
	}
	sb.WriteString(end)
	if o := threadOutput(th); o != nil {
		o.Stream("stdout", sb.String())
	}
	return starlark.None, nil
}

func builtinRepr(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x starlark.Value
	if err := starlark.UnpackPositionalArgs("repr", args, kwargs, 1, &x); err != nil {
		return nil, err
	}
	return starlark.String(PyRepr(x)), nil
}

func builtinStr(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) == 0 && len(kwargs) == 0 {
		return starlark.String(""), nil
	}
	var x starlark.Value
	if err := starlark.UnpackPositionalArgs("str", args, kwargs, 1, &x); err != nil {
		return nil, err
	}
	return starlark.String(PyStr(x)), nil
}

func builtinInput(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var prompt starlark.Value = starlark.String("")
	if err := starlark.UnpackArgs("input", args, kwargs, "prompt?", &prompt); err != nil {
		return nil, err
	}
	o := threadOutput(th)
	if o == nil {
		return nil, &CellError{Name: "RuntimeError", Message: "input() has nowhere to read from"}
	}
	line, err := o.Input(PyStr(prompt), false)
	if err != nil {
		return nil, &CellError{Name: "StdinNotImplementedError", Message: "input() cannot read here: " + err.Error()}
	}
	return starlark.String(strings.TrimRight(line, "\r\n")), nil
}

func builtinSum(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var it starlark.Iterable
	var total starlark.Value = starlark.MakeInt(0)
	if err := starlark.UnpackArgs("sum", args, kwargs, "iterable", &it, "start?", &total); err != nil {
		return nil, err
	}
	iter := it.Iterate()
	defer iter.Done()
	var x starlark.Value
	for iter.Next(&x) {
		v, err := starlark.Binary(syntax.PLUS, total, x)
		if err != nil {
			return nil, fmt.Errorf("sum: %v", err)
		}
		total = v
	}
	return total, nil
}

func builtinRound(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x, nd starlark.Value = nil, starlark.None
	if err := starlark.UnpackArgs("round", args, kwargs, "number", &x, "ndigits?", &nd); err != nil {
		return nil, err
	}
	f, ok := starlark.AsFloat(x)
	if !ok {
		return nil, fmt.Errorf("round: got %s, want a number", x.Type())
	}
	if nd == starlark.None {
		if i, isInt := x.(starlark.Int); isInt {
			return i, nil
		}
		return starlark.NumberToInt(starlark.Float(math.RoundToEven(f)))
	}
	var n int
	if err := starlark.AsInt(nd, &n); err != nil {
		return nil, fmt.Errorf("round: ndigits: %v", err)
	}
	p := math.Pow(10, float64(n))
	return starlark.Float(math.RoundToEven(f*p) / p), nil
}

func builtinHelp(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x starlark.Value
	if err := starlark.UnpackPositionalArgs("help", args, kwargs, 1, &x); err != nil {
		return nil, err
	}
	text := describeValue("", x, 1)
	if o := threadOutput(th); o != nil {
		o.Stream("stdout", text+"\n")
	}
	return starlark.None, nil
}

// PyStr formats v as Python's str() would: strings as they are, anything
// else as PyRepr.
func PyStr(v starlark.Value) string {
	if s, ok := v.(starlark.String); ok {
		return string(s)
	}
	return PyRepr(v)
}

// PyRepr formats v as Python's repr() would (single-quoted strings,
// {1, 2} for sets), falling back to Starlark's own text for other values.
func PyRepr(v starlark.Value) string {
	var sb strings.Builder
	writeRepr(&sb, v, 0)
	return sb.String()
}

func writeRepr(sb *strings.Builder, v starlark.Value, depth int) {
	if depth > 50 {
		sb.WriteString("...")
		return
	}
	switch x := v.(type) {
	case nil:
		sb.WriteString("None")
	case starlark.String:
		sb.WriteString(quote(string(x)))
	case *starlark.List:
		sb.WriteByte('[')
		for i := 0; i < x.Len(); i++ {
			if i > 0 {
				sb.WriteString(", ")
			}
			writeRepr(sb, x.Index(i), depth+1)
		}
		sb.WriteByte(']')
	case starlark.Tuple:
		sb.WriteByte('(')
		for i, e := range x {
			if i > 0 {
				sb.WriteString(", ")
			}
			writeRepr(sb, e, depth+1)
		}
		if len(x) == 1 {
			sb.WriteByte(',')
		}
		sb.WriteByte(')')
	case *starlark.Dict:
		sb.WriteByte('{')
		for i, kv := range x.Items() {
			if i > 0 {
				sb.WriteString(", ")
			}
			writeRepr(sb, kv[0], depth+1)
			sb.WriteString(": ")
			writeRepr(sb, kv[1], depth+1)
		}
		sb.WriteByte('}')
	case *starlark.Set:
		if x.Len() == 0 {
			sb.WriteString("set()")
			return
		}
		sb.WriteByte('{')
		iter := x.Iterate()
		var e starlark.Value
		for i := 0; iter.Next(&e); i++ {
			if i > 0 {
				sb.WriteString(", ")
			}
			writeRepr(sb, e, depth+1)
		}
		iter.Done()
		sb.WriteByte('}')
	case *starlark.Function:
		fmt.Fprintf(sb, "<function %s>", x.Name())
	case *starlark.Builtin:
		fmt.Fprintf(sb, "<built-in function %s>", x.Name())
	default:
		sb.WriteString(v.String())
	}
}

// quote quotes s as Python's repr does.
func quote(s string) string {
	q := byte('\'')
	if strings.Contains(s, "'") && !strings.Contains(s, `"`) {
		q = '"'
	}
	var sb strings.Builder
	sb.WriteByte(q)
	for _, r := range s {
		switch {
		case r == rune(q) || r == '\\':
			sb.WriteByte('\\')
			sb.WriteRune(r)
		case r == '\n':
			sb.WriteString(`\n`)
		case r == '\t':
			sb.WriteString(`\t`)
		case r == '\r':
			sb.WriteString(`\r`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&sb, `\x%02x`, r)
		default:
			sb.WriteRune(r)
		}
	}
	sb.WriteByte(q)
	return sb.String()
}

// builtinNames lists threadlab's builtins and Starlark's universal names.
func builtinNames() []string {
	seen := map[string]bool{}
	var out []string
	for k := range builtins {
		seen[k] = true
		out = append(out, k)
	}
	for k := range starlark.Universe {
		if !seen[k] {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}
