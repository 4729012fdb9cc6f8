package format

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"threadlab/lessons/python/internal/pystr"
)

// ParseFloat returns float(s) for a str s: surrounding white space, an
// optional sign, then a decimal literal (digits of any script, single
// underscores between digits) or inf, infinity or nan in any case.
func ParseFloat(s string) (float64, error) {
	t := strings.TrimFunc(s, pystr.IsSpace)
	var b strings.Builder
	i := 0
	if i < len(t) && (t[i] == '+' || t[i] == '-') {
		b.WriteByte(t[i])
		i++
	}
	switch strings.ToLower(t[i:]) {
	case "nan":
		return math.NaN(), nil
	case "inf", "infinity":
		return math.Inf(1 - 2*strings.Count(b.String(), "-")), nil
	}
	// digitPart copies digit (['_'] digit)* and reports how many digits.
	digitPart := func() int {
		n := 0
		for i < len(t) {
			r, size := utf8.DecodeRuneInString(t[i:])
			if r == '_' && n > 0 && i+1 < len(t) {
				if r2, _ := utf8.DecodeRuneInString(t[i+1:]); pystr.DigitValue(r2) >= 0 {
					i++
					continue
				}
			}
			d := pystr.DigitValue(r)
			if d < 0 {
				break
			}
			b.WriteByte(byte('0' + d))
			n++
			i += size
		}
		return n
	}
	n := digitPart()
	if i < len(t) && t[i] == '.' {
		b.WriteByte('.')
		i++
		n += digitPart()
	}
	ok := n > 0
	if ok && i < len(t) && (t[i] == 'e' || t[i] == 'E') {
		b.WriteByte('e')
		i++
		if i < len(t) && (t[i] == '+' || t[i] == '-') {
			b.WriteByte(t[i])
			i++
		}
		ok = digitPart() > 0
	}
	if !ok || i < len(t) {
		return 0, errorf(ValueError, "could not convert string to float: "+pystr.Repr(s))
	}
	// Out-of-range literals become ±inf or ±0 as in CPython; strconv
	// reports those as ErrRange with the right value.
	f, _ := strconv.ParseFloat(b.String(), 64)
	return f, nil
}
