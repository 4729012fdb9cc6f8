package format

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Fields is what str.format needs from the interpreter to fill a template.
type Fields interface {
	Positional(i int) (any, error) // args[i], or IndexError when out of range
	Keyword(name string) (any, error)
	Attr(v any, name string) (any, error)
	// Item is v[key]; key is an int when the text was all digits, else a string.
	Item(v any, key any) (any, error)
	Convert(v any, conv rune) (any, error) // !r, !s or !a
	Format(v any, spec string) (string, error)
}

// Expand returns template.format(...) with the operands behind f.
func Expand(template string, f Fields) (string, error) {
	e := expander{f: f}
	return e.expand(template, 2)
}

// expander keeps the numbering state shared by a template and its nested
// format specs: auto is the next automatic index, or -1 once a field named
// its index; manual records that one did.
type expander struct {
	f      Fields
	auto   int
	manual bool
}

func (e *expander) expand(s string, depth int) (string, error) {
	if depth <= 0 {
		return "", errorf(ValueError, "Max string recursion exceeded")
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c != '{' && c != '}':
			j := strings.IndexAny(s[i:], "{}")
			if j < 0 {
				j = len(s) - i
			}
			b.WriteString(s[i : i+j])
			i += j
		case i+1 < len(s) && s[i+1] == c:
			b.WriteByte(c)
			i += 2
		case c == '}':
			return "", errorf(ValueError, "Single '}' encountered in format string")
		case i+1 == len(s):
			return "", errorf(ValueError, "Single '{' encountered in format string")
		default:
			out, next, err := e.field(s, i+1, depth)
			if err != nil {
				return "", err
			}
			b.WriteString(out)
			i = next
		}
	}
	return b.String(), nil
}

// field expands the replacement field whose text starts at s[i] (after the
// '{') and returns the index after its closing '}'.
func (e *expander) field(s string, i, depth int) (string, int, error) {
	// The field name runs to '!', ':' or '}', skipping over [...] keys.
	start, end := i, -1
	var stop byte
scan:
	for i < len(s) {
		switch c := s[i]; c {
		case '{':
			return "", 0, errorf(ValueError, "unexpected '{' in field name")
		case '[':
			if j := strings.IndexByte(s[i:], ']'); j >= 0 {
				i += j + 1
			} else {
				i = len(s)
			}
		case '}', '!', ':':
			end, stop = i, c
			i++
			break scan
		default:
			i++
		}
	}
	if end < 0 {
		return "", 0, errorf(ValueError, "expected '}' before end of string")
	}
	name := s[start:end]
	var conv rune
	spec := ""
	nested := false
	if stop == '!' || stop == ':' {
		if stop == '!' {
			if i >= len(s) {
				return "", 0, errorf(ValueError, "end of string while looking for conversion specifier")
			}
			var size int
			conv, size = utf8.DecodeRuneInString(s[i:])
			i += size
			if i < len(s) {
				c := s[i]
				i++
				if c == '}' {
					return e.replace(name, conv, "", false, depth, i)
				}
				if c != ':' {
					return "", 0, errorf(ValueError, "expected ':' after conversion specifier")
				}
			}
		}
		// The spec runs to the '}' that balances the field's '{'.
		specStart, open := i, 1
		for ; i < len(s) && open > 0; i++ {
			switch s[i] {
			case '{':
				nested = true
				open++
			case '}':
				open--
			}
		}
		if open > 0 {
			return "", 0, errorf(ValueError, "unmatched '{' in format spec")
		}
		spec = s[specStart : i-1]
	}
	return e.replace(name, conv, spec, nested, depth, i)
}

// replace looks the field up, converts and formats it; next is returned
// unchanged as the index after the field.
func (e *expander) replace(name string, conv rune, spec string, nested bool, depth, next int) (string, int, error) {
	v, err := e.lookup(name)
	if err != nil {
		return "", 0, err
	}
	if conv != 0 {
		if conv != 'r' && conv != 's' && conv != 'a' {
			shown := string(conv)
			if conv < 32 || conv > 126 {
				shown = fmt.Sprintf(`\x%x`, conv)
			}
			return "", 0, errorf(ValueError, "Unknown conversion specifier "+shown)
		}
		if v, err = e.f.Convert(v, conv); err != nil {
			return "", 0, err
		}
	}
	if nested {
		if spec, err = e.expand(spec, depth-1); err != nil {
			return "", 0, err
		}
	}
	out, err := e.f.Format(v, spec)
	return out, next, err
}

// lookup resolves a field name: an index or keyword, then .attr and [key]
// parts applied one by one (so an early lookup error wins over later
// syntax errors, as in CPython).
func (e *expander) lookup(name string) (any, error) {
	j := strings.IndexAny(name, ".[")
	if j < 0 {
		j = len(name)
	}
	first, rest := name[:j], name[j:]
	var v any
	var err error
	switch idx, isNum, nerr := index(first); {
	case nerr != nil:
		return nil, nerr
	case first == "":
		if e.manual {
			return nil, errorf(ValueError, "cannot switch from manual field specification to automatic field numbering")
		}
		v, err = e.f.Positional(e.auto)
		e.auto++
	case isNum:
		if e.auto > 0 {
			return nil, errorf(ValueError, "cannot switch from automatic field numbering to manual field specification")
		}
		e.manual = true
		v, err = e.f.Positional(idx)
	default:
		v, err = e.f.Keyword(first)
	}
	for err == nil && rest != "" {
		switch rest[0] {
		case '.':
			k := strings.IndexAny(rest[1:], ".[") + 1
			if k == 0 {
				k = len(rest)
			}
			attr := rest[1:k]
			if attr == "" {
				return nil, errorf(ValueError, "Empty attribute in format string")
			}
			v, err = e.f.Attr(v, attr)
			rest = rest[k:]
		case '[':
			k := strings.IndexByte(rest, ']')
			if k < 0 {
				return nil, errorf(ValueError, "Missing ']' in format string")
			}
			key := rest[1:k]
			if key == "" {
				return nil, errorf(ValueError, "Empty attribute in format string")
			}
			var kv any = key
			if n, isNum, nerr := index(key); nerr == nil && isNum {
				kv = n
			}
			v, err = e.f.Item(v, kv)
			rest = rest[k+1:]
		default:
			return nil, errorf(ValueError, "Only '.' or '[' may follow ']' in format field specifier")
		}
	}
	return v, err
}

// index reads s as a decimal index if it is all ASCII digits.
func index(s string) (int, bool, error) {
	if s == "" || strings.Trim(s, "0123456789") != "" {
		return 0, false, nil
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if n > (1<<62)/10 {
			return 0, false, errorf(ValueError, "Too many decimal digits in format string")
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, true, nil
}
