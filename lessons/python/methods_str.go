package python

import (
	"strings"
	"unicode/utf8"

	"threadlab/lessons/python/internal/format"
	"threadlab/lessons/python/internal/pystr"
)

// The methods of str. Indexes are in code points, as in Python.

func init() {
	m := StrType.AddMethod
	// The no-argument transformations.
	for name, f := range map[string]func(string) string{
		"upper": pystr.Upper, "lower": pystr.Lower, "title": pystr.Title, "capitalize": pystr.Capitalize,
		"swapcase": pystr.SwapCase, "casefold": pystr.Casefold,
	} {
		qual, f := "str."+name, f // made once, not on each call
		m(name, func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
			if err := method0(qual, args, kw); err != nil {
				return nil, err
			}
			return Str(f(string(args[0].(Str)))), nil
		})
	}
	// The predicates.
	for name, f := range map[string]func(string) bool{
		"isupper": pystr.IsUpper, "islower": pystr.IsLower, "istitle": pystr.IsTitle,
		"isidentifier": pystr.IsIdentifier,
		"isspace":      func(s string) bool { return pystr.All(s, pystr.IsSpaceRune) },
		"isdigit":      func(s string) bool { return pystr.All(s, pystr.IsDigitRune) },
		"isdecimal":    func(s string) bool { return pystr.All(s, pystr.IsDecimal) },
		"isnumeric":    func(s string) bool { return pystr.All(s, pystr.IsNumeric) },
		"isalpha":      func(s string) bool { return pystr.All(s, pystr.IsAlpha) },
		"isalnum":      func(s string) bool { return pystr.All(s, pystr.IsAlnum) },
		"isascii":      func(s string) bool { return isASCII(s) },
		"isprintable": func(s string) bool {
			for _, r := range s {
				if !pystr.IsPrintable(r) {
					return false
				}
			}
			return true
		},
	} {
		qual, f := "str."+name, f // made once, not on each call
		m(name, func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
			if err := method0(qual, args, kw); err != nil {
				return nil, err
			}
			return Bool(f(string(args[0].(Str)))), nil
		})
	}
	m("split", func(t *Thread, args []Value, kw []Kwarg) (Value, error) { return strSplit(t, args, kw, "split") })
	m("rsplit", func(t *Thread, args []Value, kw []Kwarg) (Value, error) { return strSplit(t, args, kw, "rsplit") })
	m("splitlines", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		var keep Value
		if err := UnpackArgs("splitlines", args[1:], kw, []string{"keepends?"}, &keep); err != nil {
			return nil, err
		}
		k := false
		if keep != nil {
			var err error
			if k, err = Truth(t, keep); err != nil {
				return nil, err
			}
		}
		return textList[Str](pystr.SplitLines(string(args[0].(Str)), k)), nil
	})
	m("join", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		return textJoin[Str](t, "str.join", "str instance", args, kw)
	})
	for _, name := range []string{"strip", "lstrip", "rstrip"} {
		name := name
		m(name, func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
			if err := methodArgs(name, args, kw, 0, 1); err != nil {
				return nil, err
			}
			s := string(args[0].(Str))
			cut := pystr.IsSpaceRune
			if len(args) == 2 && args[1] != None {
				chars, ok := args[1].(Str)
				if !ok {
					return nil, Errorf(TypeError, "%s arg must be None or str", name)
				}
				cut = func(r rune) bool { return strings.ContainsRune(string(chars), r) }
			}
			switch name {
			case "strip":
				s = strings.TrimFunc(s, cut)
			case "lstrip":
				s = strings.TrimLeftFunc(s, cut)
			default:
				s = strings.TrimRightFunc(s, cut)
			}
			return Str(s), nil
		})
	}
	m("replace", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := methodArgs("replace", args, kw, 2, 3); err != nil {
			return nil, err
		}
		old, err := strArg("replace", 1, args[1])
		if err != nil {
			return nil, err
		}
		repl, err := strArg("replace", 2, args[2])
		if err != nil {
			return nil, err
		}
		n := -1
		if len(args) == 4 {
			if n, err = AsIndex(args[3]); err != nil {
				return nil, err
			}
		}
		s := string(args[0].(Str))
		if n < 0 {
			n = -1
		}
		if err := checkSize(len(s) + max(0, strings.Count(s, old))*len(repl)); err != nil {
			return nil, err
		}
		return Str(strings.Replace(s, old, repl, n)), nil
	})
	m("find", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		return strFind(args, kw, "find", false, false)
	})
	m("rfind", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		return strFind(args, kw, "rfind", true, false)
	})
	m("index", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		return strFind(args, kw, "index", false, true)
	})
	m("rindex", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		return strFind(args, kw, "rindex", true, true)
	})
	m("count", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		sub, s, _, err := strSearchArgs(args, kw, "count")
		if err != nil {
			return nil, err
		}
		if s == nil {
			return Int(0), nil
		}
		if sub == "" {
			return Int(utf8.RuneCountInString(*s) + 1), nil
		}
		return Int(strings.Count(*s, sub)), nil
	})
	m("startswith", func(t *Thread, args []Value, kw []Kwarg) (Value, error) { return strAffix(args, kw, "startswith") })
	m("endswith", func(t *Thread, args []Value, kw []Kwarg) (Value, error) { return strAffix(args, kw, "endswith") })
	for _, name := range []string{"center", "ljust", "rjust"} {
		name := name
		m(name, func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
			if err := methodArgs(name, args, kw, 1, 2); err != nil {
				return nil, err
			}
			width, err := AsIndex(args[1])
			if err != nil {
				return nil, err
			}
			fill := " "
			if len(args) == 3 {
				f, ok := args[2].(Str)
				if !ok {
					return nil, Errorf(TypeError, "The fill character must be a unicode character, not %s", TypeName(args[2]))
				}
				if utf8.RuneCountInString(string(f)) != 1 {
					return nil, Errorf(TypeError, "The fill character must be exactly one character long")
				}
				fill = string(f)
			}
			s := string(args[0].(Str))
			n := width - utf8.RuneCountInString(s)
			if n <= 0 {
				return args[0], nil
			}
			if err := checkSize(width * len(fill)); err != nil {
				return nil, err
			}
			return Str(padText(name, s, fill, n, width)), nil
		})
	}
	m("zfill", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := method1("str.zfill", args, kw); err != nil {
			return nil, err
		}
		width, err := AsIndex(args[1])
		if err != nil {
			return nil, err
		}
		s := string(args[0].(Str))
		n := width - utf8.RuneCountInString(s)
		if n <= 0 {
			return args[0], nil
		}
		if err := checkSize(width); err != nil {
			return nil, err
		}
		sign := ""
		if s != "" && (s[0] == '+' || s[0] == '-') {
			sign, s = s[:1], s[1:]
		}
		return Str(sign + strings.Repeat("0", n) + s), nil
	})
	for _, name := range []string{"partition", "rpartition"} {
		qual := "str." + name
		m(name, func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
			if err := method1(qual, args, kw); err != nil {
				return nil, err
			}
			sep, ok := args[1].(Str)
			if !ok {
				return nil, Errorf(TypeError, "must be str, not %s", TypeName(args[1]))
			}
			if sep == "" {
				return nil, Errorf(ValueError, "empty separator")
			}
			s := string(args[0].(Str))
			var i int
			if name == "partition" {
				i = strings.Index(s, string(sep))
				if i < 0 {
					return Tuple{Str(s), Str(""), Str("")}, nil
				}
			} else {
				i = strings.LastIndex(s, string(sep))
				if i < 0 {
					return Tuple{Str(""), Str(""), Str(s)}, nil
				}
			}
			return Tuple{Str(s[:i]), sep, Str(s[i+len(sep):])}, nil
		})
	}
	m("removeprefix", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := method1("str.removeprefix", args, kw); err != nil {
			return nil, err
		}
		p, err := strArg("removeprefix", 1, args[1])
		if err != nil {
			return nil, err
		}
		return Str(strings.TrimPrefix(string(args[0].(Str)), p)), nil
	})
	m("removesuffix", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := method1("str.removesuffix", args, kw); err != nil {
			return nil, err
		}
		p, err := strArg("removesuffix", 1, args[1])
		if err != nil {
			return nil, err
		}
		return Str(strings.TrimSuffix(string(args[0].(Str)), p)), nil
	})
	m("expandtabs", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		var size Value
		if err := UnpackArgs("expandtabs", args[1:], kw, []string{"tabsize?"}, &size); err != nil {
			return nil, err
		}
		n := 8
		if size != nil {
			var err error
			if n, err = AsIndex(size); err != nil {
				return nil, err
			}
		}
		return Str(pystr.ExpandTabs(string(args[0].(Str)), n)), nil
	})
	m("encode", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		var enc, errs Value
		if err := UnpackArgs("encode", args[1:], kw, []string{"encoding?", "errors?"}, &enc, &errs); err != nil {
			return nil, err
		}
		return encodeStr(string(args[0].(Str)), enc, errs)
	})
	m("format", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		out, err := format.Expand(string(args[0].(Str)), templateFields{t: t, args: args[1:], kw: kw})
		if err != nil {
			return nil, fromHelper(err)
		}
		return Str(out), nil
	})
	m("format_map", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := method1("str.format_map", args, kw); err != nil {
			return nil, err
		}
		out, err := format.Expand(string(args[0].(Str)), templateFields{t: t, mapping: args[1]})
		if err != nil {
			return nil, fromHelper(err)
		}
		return Str(out), nil
	})
}

// strArg checks that argument i of a str method is a str.
func strArg(fname string, i int, v Value) (string, error) {
	s, ok := v.(Str)
	if !ok {
		return "", Errorf(TypeError, "%s() argument %d must be str, not %s", fname, i, TypeName(v))
	}
	return string(s), nil
}

// textList is a list of the parts as values of S, str or bytes, as
// split() and splitlines() return.
func textList[S textType](parts []string) *List {
	vs := make([]Value, len(parts))
	for i, p := range parts {
		vs[i] = S(p)
	}
	return NewList(vs)
}

// padText is s with n fill characters added, on the right for ljust, the
// left for rjust, and both sides for center, which puts the odd one on the
// left when width is odd (left = n/2 + (n & width & 1)), as CPython does.
func padText(name, s, fill string, n, width int) string {
	left := 0
	switch name {
	case "center":
		left = n/2 + (n & width & 1)
	case "rjust":
		left = n
	}
	return strings.Repeat(fill, left) + s + strings.Repeat(fill, n-left)
}

// textType is the constraint of the helpers shared by str and bytes.
type textType interface {
	Str | Bytes
	Value
}

// textJoin is str.join and bytes.join: the items of args[1], each of
// self's type S (want names it in the error), with self between them.
func textJoin[S textType](t *Thread, name, want string, args []Value, kw []Kwarg) (Value, error) {
	if err := method1(name, args, kw); err != nil {
		return nil, err
	}
	items, err := Collect(t, args[1])
	if err != nil {
		return nil, err
	}
	sep := string(args[0].(S))
	total := 0
	for i, x := range items {
		s, ok := x.(S)
		if !ok {
			return nil, Errorf(TypeError, "sequence item %d: expected %s, %s found", i, want, TypeName(x))
		}
		if total += len(s) + len(sep); total > MaxSeqLen {
			return nil, NewException(MemoryError)
		}
	}
	// Written straight from the items: one allocation, the result's.
	var b strings.Builder
	b.Grow(max(total-len(sep), 0))
	for i, x := range items {
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteString(string(x.(S)))
	}
	return S(b.String()), nil
}

// strSplit is str.split and str.rsplit(sep=None, maxsplit=-1).
func strSplit(t *Thread, args []Value, kw []Kwarg, name string) (Value, error) {
	var sep, maxsplit Value
	if err := UnpackArgs(name, args[1:], kw, []string{"sep?", "maxsplit?"}, &sep, &maxsplit); err != nil {
		return nil, err
	}
	n := -1
	if maxsplit != nil {
		var err error
		if n, err = AsIndex(maxsplit); err != nil {
			return nil, err
		}
	}
	s := string(args[0].(Str))
	if sep == nil || sep == None {
		if name == "split" {
			return textList[Str](pystr.SplitSpace(s, n)), nil
		}
		return textList[Str](pystr.RSplitSpace(s, n)), nil
	}
	sp, ok := sep.(Str)
	if !ok {
		return nil, Errorf(TypeError, "must be str or None, not %s", TypeName(sep))
	}
	if sp == "" {
		return nil, Errorf(ValueError, "empty separator")
	}
	if name == "split" {
		return textList[Str](pystr.Split(s, string(sp), n)), nil
	}
	return textList[Str](pystr.RSplit(s, string(sp), n)), nil
}

// strSearchArgs reads (sub[, start[, end]]) and returns sub and the part
// of the receiver searched, and that part's offset in code points. A nil
// part means the bounds select nothing (start past the end).
func strSearchArgs(args []Value, kw []Kwarg, name string) (string, *string, int, error) {
	if err := NoKwargs(name, kw); err != nil {
		return "", nil, 0, err
	}
	if len(args) < 2 {
		return "", nil, 0, Errorf(TypeError, "%s() takes at least 1 argument (0 given)", name)
	}
	if len(args) > 4 {
		return "", nil, 0, Errorf(TypeError, "%s() takes at most 3 arguments (%d given)", name, len(args)-1)
	}
	sub, ok := args[1].(Str)
	if !ok {
		return "", nil, 0, Errorf(TypeError, "must be str, not %s", TypeName(args[1]))
	}
	s := string(args[0].(Str))
	start, end, ok, err := runeBounds(s, args[2:])
	if err != nil || !ok {
		return "", nil, 0, err
	}
	part := runeSub(s, start, end)
	if len(part) < len(sub) {
		return string(sub), nil, 0, nil
	}
	return string(sub), &part, start, nil
}

// runeBounds resolves optional start/end arguments over s in code points
// the way CPython's string search does: negative values count from the
// end, end is clamped, and ok is false when start lies beyond end.
func runeBounds(s string, args []Value) (start, end int, ok bool, err error) {
	n := utf8.RuneCountInString(s)
	start, end = 0, n
	get := func(v Value) (int, error) {
		i, err := AsIndex(v)
		if err != nil {
			if b, isBig := v.(*BigInt); isBig {
				if b.Big().Sign() < 0 {
					return -n - 1, nil
				}
				return n + 1, nil
			}
			return 0, Errorf(TypeError, "slice indices must be integers or None or have an __index__ method")
		}
		return i, nil
	}
	if len(args) > 0 && args[0] != None {
		if start, err = get(args[0]); err != nil {
			return
		}
	}
	if len(args) > 1 && args[1] != None {
		if end, err = get(args[1]); err != nil {
			return
		}
	}
	if end > n {
		end = n
	} else if end < 0 {
		end = max(end+n, 0)
	}
	if start < 0 {
		start = max(start+n, 0)
	}
	return start, end, start <= end, nil
}

// runeSub is s[start:end] in code points (0 <= start <= end <= len).
func runeSub(s string, start, end int) string {
	if isASCII(s) {
		return s[start:end]
	}
	i, k := 0, 0
	for ; k < start; k++ {
		_, n := utf8.DecodeRuneInString(s[i:])
		i += n
	}
	j := i
	for ; k < end; k++ {
		_, n := utf8.DecodeRuneInString(s[j:])
		j += n
	}
	return s[i:j]
}

func strFind(args []Value, kw []Kwarg, name string, last, raise bool) (Value, error) {
	sub, part, off, err := strSearchArgs(args, kw, name)
	if err != nil {
		return nil, err
	}
	i := -1
	if part != nil {
		if last {
			i = strings.LastIndex(*part, sub)
		} else {
			i = strings.Index(*part, sub)
		}
		if i >= 0 {
			i = off + utf8.RuneCountInString((*part)[:i])
		}
	}
	if i < 0 && raise {
		return nil, Errorf(ValueError, "substring not found")
	}
	return Int(i), nil
}

// strAffix is str.startswith and str.endswith(prefix[, start[, end]]).
func strAffix(args []Value, kw []Kwarg, name string) (Value, error) {
	if err := NoKwargs(name, kw); err != nil {
		return nil, err
	}
	if len(args) < 2 {
		return nil, Errorf(TypeError, "%s expected at least 1 argument, got 0", name)
	}
	if len(args) > 4 {
		return nil, Errorf(TypeError, "%s expected at most 3 arguments, got %d", name, len(args)-1)
	}
	var affixes []string
	switch a := args[1].(type) {
	case Str:
		affixes = []string{string(a)}
	case Tuple:
		for _, x := range a {
			s, ok := x.(Str)
			if !ok {
				return nil, Errorf(TypeError, "tuple for %s must only contain str, not %s", name, TypeName(x))
			}
			affixes = append(affixes, string(s))
		}
	default:
		return nil, Errorf(TypeError, "%s first arg must be str or a tuple of str, not %s", name, TypeName(args[1]))
	}
	s := string(args[0].(Str))
	start, end, ok, err := runeBounds(s, args[2:])
	if err != nil || !ok {
		return False, err
	}
	part := runeSub(s, start, end)
	for _, a := range affixes {
		if (name == "startswith" && strings.HasPrefix(part, a)) || (name == "endswith" && strings.HasSuffix(part, a)) {
			return True, nil
		}
	}
	return False, nil
}
