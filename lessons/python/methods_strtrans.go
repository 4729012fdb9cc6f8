package python

import (
	"strings"
	"unicode/utf8"
)

// str.maketrans and str.translate.

func init() {
	StrType.AddStaticMethod("maketrans", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := NoKwargs("maketrans", kw); err != nil {
			return nil, err
		}
		if err := ArgCount("maketrans", args, 1, 3); err != nil {
			return nil, err
		}
		d := NewDict()
		if len(args) == 1 {
			src, ok := args[0].(*Dict)
			if !ok {
				return nil, Errorf(TypeError, "if you give only one argument to maketrans it must be a dict")
			}
			for _, kv := range src.Items() {
				k := kv[0]
				if s, ok := k.(Str); ok {
					if utf8.RuneCountInString(string(s)) != 1 {
						return nil, Errorf(ValueError, "string keys in translate table must be of length 1")
					}
					r, _ := utf8.DecodeRuneInString(string(s))
					k = Int(r)
				} else if _, ok := k.(Int); !ok {
					return nil, Errorf(TypeError, "keys in translate table must be strings or integers")
				}
				if err := d.Set(t, k, kv[1]); err != nil {
					return nil, err
				}
			}
			return d, nil
		}
		from, ok1 := args[0].(Str)
		to, ok2 := args[1].(Str)
		if !ok1 || !ok2 {
			return nil, Errorf(TypeError, "maketrans() argument must be str, not %s", TypeName(args[0]))
		}
		fr, tr := []rune(string(from)), []rune(string(to))
		if len(fr) != len(tr) {
			return nil, Errorf(ValueError, "the first two maketrans arguments must have equal length")
		}
		for i, r := range fr {
			if err := d.Set(t, Int(r), Int(tr[i])); err != nil {
				return nil, err
			}
		}
		if len(args) == 3 {
			del, ok := args[2].(Str)
			if !ok {
				return nil, Errorf(TypeError, "maketrans() argument 3 must be str, not %s", TypeName(args[2]))
			}
			for _, r := range string(del) {
				if err := d.Set(t, Int(r), None); err != nil {
					return nil, err
				}
			}
		}
		return d, nil
	})
	StrType.AddMethod("translate", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := method1("str.translate", args, kw); err != nil {
			return nil, err
		}
		var b strings.Builder
		for _, r := range string(args[0].(Str)) {
			v, err := GetItem(t, args[1], Int(r))
			if err != nil {
				if ErrorMatches(err, LookupError) {
					b.WriteRune(r)
					continue
				}
				return nil, err
			}
			switch x := v.(type) {
			case NoneType:
			case Int:
				if x < 0 || x > 0x10ffff {
					return nil, Errorf(ValueError, "character mapping must be in range(0x110000)")
				}
				b.WriteRune(rune(x))
			case Str:
				b.WriteString(string(x))
			default:
				return nil, Errorf(TypeError, "character mapping must return integer, None or str")
			}
		}
		return Str(b.String()), nil
	})
}
