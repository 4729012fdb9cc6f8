package python

import "strings"

// The string module: its constants and capwords.

func init() {
	RegisterModule(ModuleDef{Name: "string", Doc: "Common string constants (threadlab).", Init: func(t *Thread, m *Module) error {
		lower := "abcdefghijklmnopqrstuvwxyz"
		upper := strings.ToUpper(lower)
		digits := "0123456789"
		punct := "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
		ws := " \t\n\r\x0b\x0c"
		for name, v := range map[string]string{
			"ascii_lowercase": lower, "ascii_uppercase": upper, "ascii_letters": lower + upper,
			"digits": digits, "hexdigits": digits + "abcdefABCDEF", "octdigits": "01234567",
			"punctuation": punct, "whitespace": ws, "printable": digits + lower + upper + punct + ws,
		} {
			m.Set(name, Str(v))
		}
		m.SetFunc("capwords", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
			var s, sep Value
			if err := UnpackArgs("capwords", args, kw, []string{"s", "sep?"}, &s, &sep); err != nil {
				return nil, err
			}
			split, err := CallValue(t, StrType.Lookup("split"), []Value{s, orNone(sep)}, nil)
			if err != nil {
				return nil, err
			}
			words, err := Collect(t, split)
			if err != nil {
				return nil, err
			}
			capd := make([]Value, len(words))
			for i, w := range words {
				if capd[i], err = CallValue(t, StrType.Lookup("capitalize"), []Value{w}, nil); err != nil {
					return nil, err
				}
			}
			joiner := Value(Str(" "))
			if sep != nil && sep != None {
				joiner = sep
			}
			return CallValue(t, StrType.Lookup("join"), []Value{joiner, NewList(capd)}, nil)
		})
		return nil
	}})
}

// orNone maps an absent optional argument to None.
func orNone(v Value) Value {
	if v == nil {
		return None
	}
	return v
}
