package python

import (
	"fmt"
	"strconv"
	"strings"

	"threadlab/lessons/python/internal/pystr"
)

// Repr is repr(v).
func Repr(t *Thread, v Value) (string, error) {
	switch x := v.(type) {
	case Str:
		return pystr.Repr(string(x)), nil
	case Int, *BigInt:
		return intRepr(v)
	case Float:
		return FloatRepr(float64(x)), nil
	case Bool:
		if x {
			return "True", nil
		}
		return "False", nil
	case NoneType:
		return "None", nil
	case NotImplementedType:
		return "NotImplemented", nil
	case EllipsisType:
		return "Ellipsis", nil
	case Bytes:
		return bytesRepr(string(x)), nil
	case *List:
		return t.reprSeq(v, "[", "]", x.Snapshot(), false)
	case Tuple:
		return t.reprSeq(v, "(", ")", x, len(x) == 1)
	case *Dict:
		return t.reprDict(x)
	case *Set:
		return t.reprSet(x)
	case *Type:
		return "<class '" + x.qualName() + "'>", nil
	case *Range:
		if x.Step == 1 {
			return fmt.Sprintf("range(%d, %d)", x.Start, x.Stop), nil
		}
		return fmt.Sprintf("range(%d, %d, %d)", x.Start, x.Stop, x.Step), nil
	case *Slice:
		a, _ := Repr(t, x.Start)
		b, _ := Repr(t, x.Stop)
		c, _ := Repr(t, x.Step)
		return "slice(" + a + ", " + b + ", " + c + ")", nil
	case *Module:
		return "<module '" + x.name + "' (built-in)>", nil
	case *Builtin:
		if x.self != nil {
			return fmt.Sprintf("<built-in method %s of %s object at %#x>", x.name, TypeName(x.self), t.interp.objectID(x.self)), nil
		}
		return "<built-in function " + x.name + ">", nil
	case *MethodDescr:
		return fmt.Sprintf("<method '%s' of '%s' objects>", x.name, x.owner.name), nil
	case *Cell:
		return fmt.Sprintf("<cell at %#x>", t.interp.objectID(v)), nil
	}
	if m := v.Type().Lookup("__repr__"); m != nil && m != objectRepr {
		if t.depth > t.interp.recursionLimit {
			return "", Errorf(RecursionError, "maximum recursion depth exceeded while getting the repr of an object")
		}
		r, err := CallValue(t, m, []Value{v}, nil)
		if err != nil {
			return "", err
		}
		s, ok := r.(Str)
		if !ok {
			return "", Errorf(TypeError, "__repr__ returned non-string (type %s)", TypeName(r))
		}
		return string(s), nil
	}
	if b := baseOf(v); b != nil {
		return Repr(t, b)
	}
	switch x := v.(type) {
	case Reprer:
		return x.Repr(t)
	case *Exception:
		s, err := t.reprSeq(x.args, "(", ")", x.args, false)
		return x.class.name + s, err
	}
	return fmt.Sprintf("<%s object at %#x>", v.Type().qualName(), t.interp.objectID(v)), nil
}

// ToStr is str(v).
func ToStr(t *Thread, v Value) (string, error) {
	switch x := v.(type) {
	case Str:
		return string(x), nil
	case Int:
		return strconv.FormatInt(int64(x), 10), nil
	case Float:
		return FloatRepr(float64(x)), nil
	}
	if m := v.Type().Lookup("__str__"); m != nil && m != objectStr {
		if t.depth > t.interp.recursionLimit {
			return "", Errorf(RecursionError, "maximum recursion depth exceeded while calling a Python object")
		}
		r, err := CallValue(t, m, []Value{v}, nil)
		if err != nil {
			return "", err
		}
		s, ok := r.(Str)
		if !ok {
			return "", Errorf(TypeError, "__str__ returned non-string (type %s)", TypeName(r))
		}
		return string(s), nil
	}
	if e, ok := v.(*Exception); ok {
		return e.str(t), nil
	}
	if b := baseOf(v); b != nil && v.Type().Lookup("__repr__") == objectRepr {
		return ToStr(t, b)
	}
	return Repr(t, v)
}

// nest counts one level of recursion into a container (repr, ==) against
// the recursion limit; call the returned function when done.
func (t *Thread) nest(what string) (func(), error) {
	if t.depth >= t.interp.recursionLimit {
		return nil, Errorf(RecursionError, "maximum recursion depth exceeded%s", what)
	}
	t.depth++
	return func() { t.depth-- }, nil
}

// enterRepr guards against infinite recursion when a container contains
// itself; it reports false if v is already being printed.
func (t *Thread) enterRepr(v Value) bool {
	for _, x := range t.reprStack {
		if x == v {
			return false
		}
	}
	t.reprStack = append(t.reprStack, v)
	return true
}

func (t *Thread) leaveRepr() { t.reprStack = t.reprStack[:len(t.reprStack)-1] }

func (t *Thread) reprSeq(self Value, open, close string, elems []Value, trailingComma bool) (string, error) {
	done, err := t.nest(" while getting the repr of an object")
	if err != nil {
		return "", err
	}
	defer done()
	if _, isTuple := self.(Tuple); !isTuple {
		if !t.enterRepr(self) {
			return open + "..." + close, nil
		}
		defer t.leaveRepr()
	}
	var b strings.Builder
	b.WriteString(open)
	for i, e := range elems {
		if i > 0 {
			b.WriteString(", ")
		}
		s, err := Repr(t, e)
		if err != nil {
			return "", err
		}
		b.WriteString(s)
	}
	if trailingComma {
		b.WriteString(",")
	}
	b.WriteString(close)
	return b.String(), nil
}

func (t *Thread) reprDict(d *Dict) (string, error) {
	done, err := t.nest(" while getting the repr of an object")
	if err != nil {
		return "", err
	}
	defer done()
	if !t.enterRepr(d) {
		return "{...}", nil
	}
	defer t.leaveRepr()
	var b strings.Builder
	b.WriteString("{")
	for i, kv := range d.Items() {
		if i > 0 {
			b.WriteString(", ")
		}
		k, err := Repr(t, kv[0])
		if err != nil {
			return "", err
		}
		v, err := Repr(t, kv[1])
		if err != nil {
			return "", err
		}
		b.WriteString(k)
		b.WriteString(": ")
		b.WriteString(v)
	}
	b.WriteString("}")
	return b.String(), nil
}

func (t *Thread) reprSet(s *Set) (string, error) {
	elems := s.Elems()
	name := "set"
	if s.frozen {
		name = "frozenset"
	}
	if len(elems) == 0 {
		return name + "()", nil
	}
	r, err := t.reprSeq(s, "{", "}", elems, false)
	if err != nil {
		return "", err
	}
	if s.frozen {
		return "frozenset(" + r + ")", nil
	}
	return r, nil
}

func bytesRepr(s string) string {
	q := byte('\'')
	if strings.IndexByte(s, '\'') >= 0 && strings.IndexByte(s, '"') < 0 {
		q = '"'
	}
	var b strings.Builder
	b.WriteString("b")
	b.WriteByte(q)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == q || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c == '\n':
			b.WriteString(`\n`)
		case c == '\r':
			b.WriteString(`\r`)
		case c == '\t':
			b.WriteString(`\t`)
		case c < 0x20 || c >= 0x7f:
			fmt.Fprintf(&b, `\x%02x`, c)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte(q)
	return b.String()
}
