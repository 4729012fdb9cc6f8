package format

import (
	"math"
	"strconv"
	"strings"
)

// Float returns format(f, spec).
func Float(f float64, spec string) (string, error) {
	if spec == "" {
		return FloatRepr(f), nil
	}
	s, err := ParseSpec(spec, "float")
	if err != nil {
		return "", err
	}
	return floatSpec(f, s, "float")
}

// floatSpec formats f under a parsed spec; typeName is the type CPython
// names in an unknown-code error.
func floatSpec(f float64, s Spec, typeName string) (string, error) {
	switch s.Type {
	case 0, 'e', 'E', 'f', 'F', 'g', 'G', 'n', '%':
	default:
		return "", unknownCode(rune(s.Type), typeName)
	}
	if s.Precision > math.MaxInt32 {
		return "", errorf(ValueError, "precision too big")
	}
	if s.Precision > MaxWidth {
		return "", errorf(MemoryError, "")
	}
	if s.Type == '%' {
		f *= 100
	}
	n := number{neg: math.Signbit(f) && !math.IsNaN(f), groupBy: 3}
	body := floatBody(math.Abs(f), s.Type, s.Precision, s.Alt)
	if n.neg && s.NoNegZero && strings.Trim(body, "0.e+-%") == "" {
		n.neg = false
	}
	if s.Width < 0 && s.Grouping == 0 {
		return signText(n.neg, s.Sign) + body, nil // nothing to group or pad
	}
	if math.IsInf(f, 0) || math.IsNaN(f) {
		n.rest, n.groupBy = body, 0
	} else {
		i := strings.IndexFunc(body, func(r rune) bool { return r < '0' || r > '9' })
		if i < 0 {
			i = len(body)
		}
		n.digits, n.rest = body[:i], body[i:]
	}
	return layout(s, n)
}

// floatBody spells a non-negative f for presentation type typ (0 for none)
// with precision prec (-1: not given); for '%' f is already scaled by 100.
func floatBody(f float64, typ byte, prec int, alt bool) string {
	upper := typ == 'E' || typ == 'F' || typ == 'G'
	var s string
	switch {
	case math.IsInf(f, 0):
		s = "inf"
	case math.IsNaN(f):
		s = "nan"
	case typ == 0 && prec < 0:
		s = reprAbs(f, alt)
	case typ == 0:
		s = general(f, prec, alt, true)
	case typ == 'g' || typ == 'G' || typ == 'n':
		if prec < 0 {
			prec = 6
		}
		s = general(f, prec, alt, false)
	case typ == 'e' || typ == 'E':
		if prec < 0 {
			prec = 6
		}
		s = strconv.FormatFloat(f, 'e', prec, 64)
		if alt && prec == 0 {
			s = s[:1] + "." + s[1:]
		}
	default: // 'f', 'F', '%'
		if prec < 0 {
			prec = 6
		}
		s = strconv.FormatFloat(f, 'f', prec, 64)
		if alt && prec == 0 {
			s += "."
		}
	}
	if typ == '%' {
		s += "%"
	}
	if upper {
		s = strings.ToUpper(s)
	}
	return s
}

// general is the 'g' presentation with p significant digits. none selects
// the no-type variant that switches to scientific one exponent earlier and
// always keeps a digit after the point in positional form.
func general(f float64, p int, alt, none bool) string {
	if p == 0 {
		p = 1
	}
	sci := strconv.FormatFloat(f, 'e', p-1, 64)
	exp := decimalExponent(sci)
	limit := p
	if none {
		limit = p - 1
	}
	var s string
	if -4 <= exp && exp < limit {
		s = strconv.FormatFloat(f, 'f', p-1-exp, 64)
	} else {
		s = sci
	}
	mant, tail := s, ""
	if i := strings.IndexByte(s, 'e'); i >= 0 {
		mant, tail = s[:i], s[i:]
	}
	if alt {
		if !strings.Contains(mant, ".") {
			mant += "."
		}
	} else if strings.Contains(mant, ".") {
		mant = strings.TrimRight(strings.TrimRight(mant, "0"), ".")
	}
	if none && tail == "" && !strings.Contains(mant, ".") {
		mant += ".0"
	}
	return mant + tail
}
