package format

import (
	"fmt"
	"unicode/utf8"

	"threadlab/lessons/python/internal/pystr"
)

// MaxWidth caps widths and float precisions: a wider result is reported as
// MemoryError instead of being built.
const MaxWidth = 1 << 28

// Spec is a parsed format spec. Absent parts are zero, except Width and
// Precision, which are -1 when absent.
type Spec struct {
	Fill      rune // 0: not given
	Align     byte // '<', '>', '=', '^' or 0
	Sign      byte // '+', '-', ' ' or 0
	NoNegZero bool // 'z'
	Alt       bool // '#'
	Zero      bool // '0' before the width
	Width     int
	Grouping  byte // ',', '_' or 0
	Precision int
	Type      byte // presentation type or 0
}

func isAlign(r rune) bool { return r == '<' || r == '>' || r == '=' || r == '^' }

// ParseSpec parses spec for an object of the Python type typeName (the name
// appears in CPython's messages).
func ParseSpec(spec, typeName string) (Spec, error) {
	s := Spec{Width: -1, Precision: -1}
	i := 0
	if r, n := utf8.DecodeRuneInString(spec); n > 0 && n < len(spec) {
		if r2, n2 := utf8.DecodeRuneInString(spec[n:]); isAlign(r2) {
			s.Fill, s.Align = r, byte(r2)
			i = n + n2
		}
	}
	if i == 0 && len(spec) > 0 && isAlign(rune(spec[0])) {
		s.Align = spec[0]
		i = 1
	}
	if i < len(spec) && (spec[i] == '+' || spec[i] == '-' || spec[i] == ' ') {
		s.Sign = spec[i]
		i++
	}
	if i < len(spec) && spec[i] == 'z' {
		s.NoNegZero = true
		i++
	}
	if i < len(spec) && spec[i] == '#' {
		s.Alt = true
		i++
	}
	if i < len(spec) && spec[i] == '0' {
		s.Zero = true
		i++
	}
	var err error
	if s.Width, i, err = digits(spec, i); err != nil {
		return s, err
	}
	if i < len(spec) && (spec[i] == ',' || spec[i] == '_') {
		s.Grouping = spec[i]
		i++
		if i < len(spec) && (spec[i] == ',' || spec[i] == '_') {
			return s, errorf(ValueError, "Cannot specify both ',' and '_'.")
		}
	}
	if i < len(spec) && spec[i] == '.' {
		if s.Precision, i, err = digits(spec, i+1); err != nil {
			return s, err
		}
		if s.Precision < 0 {
			return s, errorf(ValueError, "Format specifier missing precision")
		}
	}
	switch rest := spec[i:]; {
	case utf8.RuneCountInString(rest) > 1:
		return s, errorf(ValueError, fmt.Sprintf("Invalid format specifier '%s' for object of type '%s'", spec, typeName))
	case rest != "":
		r, _ := utf8.DecodeRuneInString(rest)
		if r >= utf8.RuneSelf {
			return s, unknownCode(r, typeName)
		}
		s.Type = rest[0]
	}
	if s.Grouping != 0 {
		ok := false
		switch s.Type {
		case 0, 'd', 'e', 'f', 'g', 'E', 'F', 'G', '%':
			ok = true
		case 'b', 'o', 'x', 'X':
			ok = s.Grouping == '_'
		}
		if !ok {
			return s, errorf(ValueError, fmt.Sprintf("Cannot specify '%c' with '%c'.", s.Grouping, s.Type))
		}
	}
	return s, nil
}

// digits reads a decimal number (in any script's digits) at spec[i:]; it returns -1 when there is none.
func digits(spec string, i int) (int, int, error) {
	n, start := 0, i
	for i < len(spec) {
		r, size := utf8.DecodeRuneInString(spec[i:])
		d := pystr.DigitValue(r)
		if d < 0 {
			break
		}
		if n > (1<<62)/10 {
			return 0, i, errorf(ValueError, "Too many decimal digits in format string")
		}
		n = n*10 + d
		i += size
	}
	if i == start {
		return -1, i, nil
	}
	return n, i, nil
}

// unknownCode spells the code as CPython does: printable ASCII as itself,
// anything else as \x and its hex value.
func unknownCode(r rune, typeName string) error {
	code := string(r)
	if r <= 32 || r >= 128 {
		code = fmt.Sprintf("\\x%x", r)
	}
	return errorf(ValueError, fmt.Sprintf("Unknown format code '%s' for object of type '%s'", code, typeName))
}
