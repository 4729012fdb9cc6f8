package python

import (
	"bytes"
	"encoding/hex"
	"strings"
	"threadlab/lessons/python/internal/format"
	"threadlab/lessons/python/internal/pystr"
	"unicode/utf8"
)

// str.encode and the basic methods of bytes. The codecs are UTF-8, ASCII
// and Latin-1, with the error handlers strict, ignore and replace.

func init() {
	m := BytesType.AddMethod
	m("decode", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		var enc, errs Value
		if err := UnpackArgs("decode", args[1:], kw, []string{"encoding?", "errors?"}, &enc, &errs); err != nil {
			return nil, err
		}
		return decodeBytes(string(args[0].(Bytes)), enc, errs)
	})
	m("__len__", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		return Int(len(args[0].(Bytes))), nil
	})
	m("__contains__", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := method1("bytes.__contains__", args, kw); err != nil {
			return nil, err
		}
		b := string(args[0].(Bytes))
		switch x := args[1].(type) {
		case Bytes:
			return Bool(strings.Contains(b, string(x))), nil
		case Int:
			if x < 0 || x > 255 {
				return nil, Errorf(ValueError, "byte must be in range(0, 256)")
			}
			return Bool(strings.IndexByte(b, byte(x)) >= 0), nil
		}
		return nil, Errorf(TypeError, "a bytes-like object is required, not '%s'", TypeName(args[1]))
	})
	BytesType.AddClassMethod("fromhex", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := methodArgs("fromhex", args, kw, 1, 1); err != nil {
			return nil, err
		}
		s, ok := args[1].(Str)
		if !ok {
			return nil, Errorf(TypeError, "fromhex() argument must be str, not %s", TypeName(args[1]))
		}
		var out []byte
		digits := string(s)
		for i := 0; i < len(digits); {
			if digits[i] == ' ' {
				i++
				continue
			}
			if i+1 >= len(digits) {
				return nil, Errorf(ValueError, "non-hexadecimal number found in fromhex() arg at position %d", i+1)
			}
			b, err := hex.DecodeString(digits[i : i+2])
			if err != nil {
				pos := i
				if _, err := hex.DecodeString("0" + digits[i:i+1]); err == nil {
					pos = i + 1
				}
				return nil, Errorf(ValueError, "non-hexadecimal number found in fromhex() arg at position %d", pos)
			}
			out = append(out, b...)
			i += 2
		}
		return Bytes(out), nil
	})
	m("hex", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := method0("bytes.hex", args, kw); err != nil {
			return nil, err
		}
		return Str(hex.EncodeToString([]byte(args[0].(Bytes)))), nil
	})
	m("upper", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := method0("bytes.upper", args, kw); err != nil {
			return nil, err
		}
		return Bytes(bytes.ToUpper([]byte(args[0].(Bytes)))), nil
	})
	m("lower", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := method0("bytes.lower", args, kw); err != nil {
			return nil, err
		}
		return Bytes(bytes.ToLower([]byte(args[0].(Bytes)))), nil
	})
	for _, name := range []string{"find", "index", "count"} {
		name := name
		m(name, func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
			if err := methodArgs(name, args, kw, 1, 3); err != nil {
				return nil, err
			}
			b := string(args[0].(Bytes))
			var sub string
			switch x := args[1].(type) {
			case Bytes:
				sub = string(x)
			case Int:
				if x < 0 || x > 255 {
					return nil, Errorf(ValueError, "byte must be in range(0, 256)")
				}
				sub = string([]byte{byte(x)})
			default:
				return nil, Errorf(TypeError, "argument should be integer or bytes-like object, not '%s'", TypeName(args[1]))
			}
			start, end, err := sliceBounds(args[2:], len(b))
			if err != nil {
				return nil, err
			}
			if start > end {
				start = end
			}
			part := b[start:end]
			if name == "count" {
				return Int(strings.Count(part, sub)), nil
			}
			i := strings.Index(part, sub)
			if i < 0 {
				if name == "index" {
					return nil, Errorf(ValueError, "subsection not found")
				}
				return Int(-1), nil
			}
			return Int(start + i), nil
		})
	}
	m("split", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		var sep, maxsplit Value
		if err := UnpackArgs("split", args[1:], kw, []string{"sep?", "maxsplit?"}, &sep, &maxsplit); err != nil {
			return nil, err
		}
		n := -1
		if maxsplit != nil {
			var err error
			if n, err = AsIndex(maxsplit); err != nil {
				return nil, err
			}
		}
		b := string(args[0].(Bytes))
		var parts []string
		if sep == nil || sep == None {
			parts = strings.Fields(b)
			if n >= 0 && len(parts) > n+1 {
				parts = pystrSplitN(b, n)
			}
		} else {
			sp, ok := sep.(Bytes)
			if !ok {
				return nil, Errorf(TypeError, "a bytes-like object is required, not '%s'", TypeName(sep))
			}
			if sp == "" {
				return nil, Errorf(ValueError, "empty separator")
			}
			if n < 0 {
				parts = strings.Split(b, string(sp))
			} else {
				parts = strings.SplitN(b, string(sp), n+1)
			}
		}
		return textList[Bytes](parts), nil
	})
	m("join", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		return textJoin[Bytes](t, "bytes.join", "a bytes-like object", args, kw)
	})
	m("replace", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := methodArgs("replace", args, kw, 2, 3); err != nil {
			return nil, err
		}
		old, ok1 := args[1].(Bytes)
		repl, ok2 := args[2].(Bytes)
		if !ok1 || !ok2 {
			return nil, Errorf(TypeError, "a bytes-like object is required, not '%s'", TypeName(args[1]))
		}
		n := -1
		if len(args) == 4 {
			var err error
			if n, err = AsIndex(args[3]); err != nil {
				return nil, err
			}
		}
		return Bytes(strings.Replace(string(args[0].(Bytes)), string(old), string(repl), n)), nil
	})
	for _, name := range []string{"strip", "lstrip", "rstrip"} {
		name := name
		m(name, func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
			if err := methodArgs(name, args, kw, 0, 1); err != nil {
				return nil, err
			}
			chars := " \t\n\r\x0b\x0c"
			if len(args) == 2 && args[1] != None {
				c, ok := args[1].(Bytes)
				if !ok {
					return nil, Errorf(TypeError, "a bytes-like object is required, not '%s'", TypeName(args[1]))
				}
				chars = string(c)
			}
			b := string(args[0].(Bytes))
			switch name {
			case "strip":
				b = strings.Trim(b, chars)
			case "lstrip":
				b = strings.TrimLeft(b, chars)
			default:
				b = strings.TrimRight(b, chars)
			}
			return Bytes(b), nil
		})
	}
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
				f, ok := args[2].(Bytes)
				if !ok || len(f) != 1 {
					return nil, Errorf(TypeError, "%s() argument 2 must be a byte string of length 1, not %s", name, TypeName(args[2]))
				}
				fill = string(f)
			}
			b := string(args[0].(Bytes))
			n := width - len(b)
			if n <= 0 {
				return args[0], nil
			}
			if err := checkSize(width); err != nil {
				return nil, err
			}
			return Bytes(padText(name, b, fill, n, width)), nil
		})
	}
	m("__mod__", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := method1("bytes.__mod__", args, kw); err != nil {
			return nil, err
		}
		var a format.Args
		if tup, ok := args[1].(Tuple); ok {
			a.Items, a.Tuple = make([]any, len(tup)), true
			for i, x := range tup {
				a.Items[i] = x
			}
		} else {
			a.Items = []any{args[1]}
			if _, ok := args[1].(*Dict); ok {
				a.Mapping = args[1]
			}
		}
		s, err := format.Percent(string(args[0].(Bytes)), a, bytesOperands{percentOperands{t}})
		if err != nil {
			return nil, fromHelper(err)
		}
		return Bytes(s), nil
	})
	for _, name := range []string{"startswith", "endswith"} {
		name := name
		m(name, func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
			if err := methodArgs(name, args, kw, 1, 1); err != nil {
				return nil, err
			}
			p, ok := args[1].(Bytes)
			if !ok {
				return nil, Errorf(TypeError, "%s first arg must be bytes or a tuple of bytes, not %s", name, TypeName(args[1]))
			}
			b := string(args[0].(Bytes))
			if name == "startswith" {
				return Bool(strings.HasPrefix(b, string(p))), nil
			}
			return Bool(strings.HasSuffix(b, string(p))), nil
		})
	}
}

// codecName normalises an encoding name to utf-8, ascii or latin-1.
func codecName(v Value) (string, error) {
	if v == nil {
		return "utf-8", nil
	}
	s, ok := v.(Str)
	if !ok {
		return "", Errorf(TypeError, "encode() argument 'encoding' must be str, not %s", TypeName(v))
	}
	n := strings.ReplaceAll(strings.ToLower(string(s)), "_", "-")
	switch n {
	case "utf-8", "utf8", "u8":
		return "utf-8", nil
	case "ascii", "us-ascii":
		return "ascii", nil
	case "latin-1", "latin1", "iso-8859-1", "iso8859-1", "l1":
		return "latin-1", nil
	}
	return "", Errorf(LookupError, "unknown encoding: %s", s)
}

func errorsName(v Value) (string, error) {
	if v == nil {
		return "strict", nil
	}
	s, ok := v.(Str)
	if !ok {
		return "", Errorf(TypeError, "encode() argument 'errors' must be str, not %s", TypeName(v))
	}
	switch s {
	case "strict", "ignore", "replace":
		return string(s), nil
	}
	return "", Errorf(LookupError, "unknown error handler name '%s'", s)
}

// encodeStr is str.encode(encoding, errors).
func encodeStr(s string, encV, errsV Value) (Value, error) {
	enc, err := codecName(encV)
	if err != nil {
		return nil, err
	}
	handler, err := errorsName(errsV)
	if err != nil {
		return nil, err
	}
	if enc == "utf-8" {
		return Bytes(s), nil
	}
	limit, rng := rune(0x80), "range(128)"
	if enc == "latin-1" {
		limit, rng = 0x100, "range(256)"
	}
	var b strings.Builder
	pos := 0
	for _, r := range s {
		switch {
		case r < limit:
			b.WriteByte(byte(r))
		case handler == "ignore":
		case handler == "replace":
			b.WriteByte('?')
		default:
			return nil, Errorf(UnicodeEncodeError, "'%s' codec can't encode character '%s' in position %d: ordinal not in %s",
				enc, strings.Trim(asciiEscape(pystr.Repr(string(r))), "'"), pos, rng)
		}
		pos++
	}
	return Bytes(b.String()), nil
}

// decodeBytes is bytes.decode(encoding, errors).
func decodeBytes(b string, encV, errsV Value) (Value, error) {
	enc, err := codecName(encV)
	if err != nil {
		return nil, err
	}
	handler, err := errorsName(errsV)
	if err != nil {
		return nil, err
	}
	var out strings.Builder
	bad := func(i int, reason string) error {
		return Errorf(UnicodeDecodeError, "'%s' codec can't decode byte 0x%02x in position %d: %s", enc, b[i], i, reason)
	}
	for i := 0; i < len(b); {
		c := b[i]
		switch {
		case enc == "latin-1":
			out.WriteRune(rune(c))
			i++
		case c < 0x80:
			out.WriteByte(c)
			i++
		case enc == "ascii":
			if handler == "strict" {
				return nil, bad(i, "ordinal not in range(128)")
			}
			if handler == "replace" {
				out.WriteRune(utf8.RuneError)
			}
			i++
		default:
			r, n := utf8.DecodeRuneInString(b[i:])
			if r != utf8.RuneError || n > 1 {
				out.WriteRune(r)
				i += n
				continue
			}
			if handler == "strict" {
				return nil, bad(i, utf8Reason(b[i:]))
			}
			if handler == "replace" {
				out.WriteRune(utf8.RuneError)
			}
			i++
		}
	}
	return Str(out.String()), nil
}

// utf8Reason says why b does not start with a valid UTF-8 sequence, in
// CPython's words.
func utf8Reason(b string) string {
	c := b[0]
	need := 0
	switch {
	case c >= 0xc2 && c <= 0xdf:
		need = 1
	case c >= 0xe0 && c <= 0xef:
		need = 2
	case c >= 0xf0 && c <= 0xf4:
		need = 3
	default:
		return "invalid start byte"
	}
	for k := 1; k <= need; k++ {
		if k >= len(b) {
			return "unexpected end of data"
		}
		if b[k]&0xc0 != 0x80 {
			return "invalid continuation byte"
		}
	}
	return "invalid continuation byte"
}

// pystrSplitN is bytes.split() on white space with at most n splits: the
// remainder after the nth field keeps its inner spacing.
func pystrSplitN(b string, n int) []string {
	var out []string
	rest := strings.TrimLeft(b, " \t\n\r\x0b\x0c")
	for len(out) < n && rest != "" {
		i := strings.IndexAny(rest, " \t\n\r\x0b\x0c")
		if i < 0 {
			break
		}
		out = append(out, rest[:i])
		rest = strings.TrimLeft(rest[i:], " \t\n\r\x0b\x0c")
	}
	if rest != "" {
		out = append(out, rest)
	}
	return out
}

// bytesOperands is percentOperands for bytes % args: %s takes bytes as
// they are, %r and %a give the ASCII repr.
type bytesOperands struct{ percentOperands }

func (b bytesOperands) Str(v any) (string, error) {
	if x, ok := v.(Bytes); ok {
		return string(x), nil
	}
	return "", Errorf(TypeError, "%%b requires a bytes-like object, or an object that implements __bytes__, not '%s'", TypeName(v.(Value)))
}

func (b bytesOperands) Repr(v any) (string, error) { return b.ASCII(v) }
