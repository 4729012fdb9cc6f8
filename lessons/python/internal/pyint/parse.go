package pyint

import (
	"fmt"
	"math/big"
	"strings"
	"unicode/utf8"

	"threadlab/lessons/python/internal/pyerr"
	"threadlab/lessons/python/internal/pystr"
)

// DefaultMaxStrDigits is CPython 3.11's default for sys.get_int_max_str_digits().
const DefaultMaxStrDigits = 4300

// Parse returns int(s, base). maxDigits is the interpreter's digit limit
// for bases that are not powers of two (0: no limit).
func Parse(s string, base, maxDigits int) (*big.Int, error) {
	if base != 0 && (base < 2 || base > 36) {
		return nil, pyerr.New(pyerr.ValueError, "int() base must be >= 2 and <= 36, or 0")
	}
	invalid := func() error {
		return pyerr.New(pyerr.ValueError, fmt.Sprintf("invalid literal for int() with base %d: %s", base, truncate(pystr.Repr(s), 200)))
	}
	t := strings.TrimFunc(s, pystr.IsSpace)
	neg := false
	if t != "" && (t[0] == '+' || t[0] == '-') {
		neg = t[0] == '-'
		t = t[1:]
	}
	b, afterPrefix := base, false
	if len(t) >= 2 && t[0] == '0' {
		p := map[byte]int{'x': 16, 'X': 16, 'o': 8, 'O': 8, 'b': 2, 'B': 2}[t[1]]
		if p != 0 && (base == 0 || base == p) {
			b, afterPrefix = p, true
			t = t[2:]
		}
	}
	if b == 0 {
		b = 10
	}
	// Scan the digits, allowing one underscore between digits (or right
	// after a prefix); stop at the first character that does not belong.
	var digits strings.Builder
	underscoreOK, underscore := afterPrefix, false
	i := 0
	for i < len(t) {
		r, size := rune(t[i]), 1
		if r >= 0x80 {
			r, size = utf8.DecodeRuneInString(t[i:])
		}
		if r == '_' {
			if !underscoreOK {
				break
			}
			underscoreOK, underscore = false, true
			i += size
			continue
		}
		d := digitValue(r)
		if d < 0 || d >= b {
			break
		}
		digits.WriteByte("0123456789abcdefghijklmnopqrstuvwxyz"[d])
		underscoreOK, underscore = true, false
		i += size
	}
	ds := digits.String()
	if maxDigits > 0 && b&(b-1) != 0 && len(ds) > maxDigits {
		return nil, pyerr.New(pyerr.ValueError, fmt.Sprintf("Exceeds the limit (%d digits) for integer string conversion: value has %d digits; use sys.set_int_max_str_digits() to increase the limit", maxDigits, len(ds)))
	}
	if ds == "" || i < len(t) || underscore {
		return nil, invalid()
	}
	// Base 0 keeps Python's literal rule: no leading zeros on a decimal.
	if base == 0 && !afterPrefix && ds[0] == '0' && strings.Trim(ds, "0") != "" {
		return nil, invalid()
	}
	x, _ := new(big.Int).SetString(ds, b)
	if neg {
		x.Neg(x)
	}
	return x, nil
}

// digitValue is the value of r as a digit in bases up to 36: decimal digits
// of any script, and the ASCII letters.
func digitValue(r rune) int {
	switch {
	case 'a' <= r && r <= 'z':
		return int(r-'a') + 10
	case 'A' <= r && r <= 'Z':
		return int(r-'A') + 10
	}
	return pystr.DigitValue(r)
}

// truncate cuts s to at most n characters, as CPython's %.200R does.
func truncate(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}
