package format

import (
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"
	"unicode/utf8"

	"threadlab/lessons/python/internal/pyint"
)

// NumberKind says what kind of real number an operand is.
type NumberKind int

// The operand kinds '%' distinguishes.
const (
	NotNumber   NumberKind = iota
	IntNumber              // int, bool, or an object with __index__
	FloatNumber            // float, or an object with __float__ only
)

// Number is an operand seen as a real number. An int that fits in 64
// bits may come as Small (with IsSmall set) instead of Int, which saves
// the caller an allocation on the common path.
type Number struct {
	Kind    NumberKind
	Int     *big.Int
	Small   int64
	IsSmall bool
	Float   float64
}

// bigInt returns the int value of n.
func (n Number) bigInt() *big.Int {
	if n.IsSmall {
		return big.NewInt(n.Small)
	}
	return n.Int
}

// Converter is what printf-style formatting needs from the interpreter
// about its operands, which it otherwise treats as opaque.
type Converter interface {
	Str(v any) (string, error)   // str(v)
	Repr(v any) (string, error)  // repr(v)
	ASCII(v any) (string, error) // ascii(v)
	TypeName(v any) string
	Number(v any) (Number, error)
	Text(v any) (string, bool) // v's text when v is a str
	GetItem(mapping any, key string) (any, error)
	MaxStrDigits() int // sys.get_int_max_str_digits(); 0: no limit
}

// Args is the right operand of str % args: Items holds a tuple's items
// (Tuple true), or the one operand that is not a tuple; Mapping is that
// operand when it supports item access and is not a str, else nil.
type Args struct {
	Items   []any
	Tuple   bool
	Mapping any
}

// Percent returns format % args (printf-style formatting).
func Percent(format string, args Args, c Converter) (string, error) {
	p := percent{c: c, mapping: args.Mapping}
	if args.Tuple {
		p.items, p.arglen = args.Items, len(args.Items)
	} else {
		p.single, p.arglen, p.argidx = args.Items[0], -1, -2
	}
	var b strings.Builder
	b.Grow(len(format) + 16) // most conversions are short: one allocation
	for i := 0; i < len(format); {
		j := strings.IndexByte(format[i:], '%')
		if j < 0 {
			b.WriteString(format[i:])
			break
		}
		b.WriteString(format[i : i+j])
		i += j
		s, next, err := p.conversion(format, i)
		if err != nil {
			return "", err
		}
		b.WriteString(s)
		i = next
	}
	if p.argidx < p.arglen && args.Mapping == nil {
		return "", errorf(TypeError, "not all arguments converted during string formatting")
	}
	return b.String(), nil
}

// percent is the state of one formatting. Like CPython it counts operands
// with argidx < arglen; a single operand (or the value a %(key) looked up,
// which replaces the operands from then on) has arglen -1 and argidx -2, so
// it can be taken once.
type percent struct {
	c              Converter
	mapping        any
	items          []any
	single         any
	argidx, arglen int
}

func (p *percent) take() (any, error) {
	if p.argidx >= p.arglen {
		return nil, errorf(TypeError, "not enough arguments for format string")
	}
	p.argidx++
	if p.arglen < 0 {
		return p.single, nil
	}
	return p.items[p.argidx-1], nil
}

// conversion formats the conversion that starts at format[i] ('%') and
// returns its text and the index after it.
func (p *percent) conversion(format string, i int) (string, int, error) {
	if strings.HasPrefix(format[i:], "%%") {
		return "%", i + 2, nil
	}
	i++
	if i < len(format) && format[i] == '(' {
		depth, j := 1, i+1
		for ; j < len(format) && depth > 0; j++ {
			switch format[j] {
			case '(':
				depth++
			case ')':
				depth--
			}
		}
		if depth > 0 {
			return "", 0, errorf(ValueError, "incomplete format key")
		}
		if p.mapping == nil {
			return "", 0, errorf(TypeError, "format requires a mapping")
		}
		v, err := p.c.GetItem(p.mapping, format[i+1:j-1])
		if err != nil {
			return "", 0, err
		}
		p.single, p.arglen, p.argidx = v, -1, -2
		i = j
	}
	s := Spec{Width: -1, Precision: -1}
	left := false
	for ; i < len(format); i++ {
		switch format[i] {
		case '-':
			left = true
		case '+':
			s.Sign = '+'
		case ' ':
			if s.Sign == 0 {
				s.Sign = ' '
			}
		case '#':
			s.Alt = true
		case '0':
			s.Zero = true
		default:
			goto flagsDone
		}
	}
flagsDone:
	number := func(dst *int, what string) error {
		if i < len(format) && format[i] == '*' {
			i++
			v, err := p.take()
			if err != nil {
				return err
			}
			n, err := p.c.Number(v)
			if err != nil {
				return err
			}
			if n.Kind != IntNumber {
				return errorf(TypeError, "* wants int")
			}
			x := n.bigInt()
			if !x.IsInt64() || x.Int64() > math.MaxInt32 || x.Int64() < math.MinInt32 {
				return errorf(OverflowError, "Python int too large to convert to C int")
			}
			*dst = int(x.Int64())
			return nil
		}
		n, start := 0, i
		for ; i < len(format) && '0' <= format[i] && format[i] <= '9'; i++ {
			if n > (math.MaxInt32-9)/10 {
				return errorf(ValueError, what+" too big")
			}
			n = n*10 + int(format[i]-'0')
		}
		if i > start {
			*dst = n
		}
		return nil
	}
	if err := number(&s.Width, "width"); err != nil {
		return "", 0, err
	}
	if s.Width < -1 { // a negative '*' width means left adjust
		left, s.Width = true, -s.Width
	}
	if i < len(format) && format[i] == '.' {
		i++
		if err := number(&s.Precision, "precision"); err != nil {
			return "", 0, err
		}
		if s.Precision < 0 {
			s.Precision = 0
		}
	}
	for i < len(format) && (format[i] == 'h' || format[i] == 'l' || format[i] == 'L') {
		i++
	}
	if i >= len(format) {
		return "", 0, errorf(ValueError, "incomplete format")
	}
	code, size := utf8.DecodeRuneInString(format[i:])
	i += size
	v, err := p.take()
	if err != nil {
		return "", 0, err
	}
	if !strings.ContainsRune("sracdiuxXoeEfFgG", code) {
		shown := code
		if code < 32 || code > 126 {
			shown = '?'
		}
		return "", 0, errorf(ValueError, fmt.Sprintf("unsupported format character '%c' (0x%x) at index %d", shown, code, utf8.RuneCountInString(format[:i])-1))
	}
	if left {
		s.Align, s.Zero = '<', false
	}
	out, err := p.convert(code, v, s)
	return out, i, err
}

func (p *percent) convert(code rune, v any, s Spec) (string, error) {
	text := func(t string, err error) (string, error) {
		if err != nil {
			return "", err
		}
		if s.Precision >= 0 && utf8.RuneCountInString(t) > s.Precision {
			t = truncateRunes(t, s.Precision)
		}
		align := byte('>')
		if s.Align == '<' {
			align = '<'
		}
		return pad("", t, s.Width, ' ', align), nil
	}
	switch code {
	case 's':
		return text(p.c.Str(v))
	case 'r':
		return text(p.c.Repr(v))
	case 'a':
		return text(p.c.ASCII(v))
	case 'c':
		if t, ok := p.c.Text(v); ok {
			if utf8.RuneCountInString(t) != 1 {
				return "", errorf(TypeError, "%c requires int or char")
			}
			s.Precision = -1
			return text(t, nil)
		}
		n, err := p.c.Number(v)
		if err != nil {
			return "", err
		}
		if n.Kind != IntNumber {
			return "", errorf(TypeError, "%c requires int or char")
		}
		x := n.bigInt()
		if !x.IsInt64() || x.Int64() < 0 || x.Int64() > 0x10ffff {
			return "", errorf(OverflowError, "%c arg not in range(0x110000)")
		}
		s.Precision = -1
		return text(string(rune(x.Int64())), nil)
	case 'e', 'E', 'f', 'F', 'g', 'G':
		n, err := p.c.Number(v)
		if err != nil {
			return "", err
		}
		f := n.Float
		switch n.Kind {
		case NotNumber:
			return "", errorf(TypeError, "must be real number, not "+p.c.TypeName(v))
		case IntNumber:
			if f, _ = new(big.Float).SetInt(n.bigInt()).Float64(); math.IsInf(f, 0) {
				return "", errorf(OverflowError, "int too large to convert to float")
			}
		}
		if s.Precision < 0 {
			s.Precision = 6
		}
		s.Type = byte(code)
		return floatSpec(f, s, "float")
	}
	return p.integer(byte(code), v, s)
}

// integer formats %d %i %u %x %X %o: the precision is a minimum digit count.
func (p *percent) integer(code byte, v any, s Spec) (string, error) {
	n, err := p.c.Number(v)
	if err != nil {
		return "", err
	}
	if n.Kind == IntNumber && n.IsSmall && (code == 'd' || code == 'i' || code == 'u') && n.Small != math.MinInt64 {
		num := number{neg: n.Small < 0}
		abs := n.Small
		if abs < 0 {
			abs = -abs
		}
		num.digits = strconv.FormatInt(abs, 10)
		if len(num.digits) < s.Precision {
			num.digits = strings.Repeat("0", s.Precision-len(num.digits)) + num.digits
		}
		s.Precision = -1
		return layout(s, num)
	}
	x := n.bigInt()
	switch {
	case n.Kind == FloatNumber && (code == 'd' || code == 'i' || code == 'u'):
		switch {
		case math.IsInf(n.Float, 0):
			return "", errorf(OverflowError, "cannot convert float infinity to integer")
		case math.IsNaN(n.Float):
			return "", errorf(ValueError, "cannot convert float NaN to integer")
		}
		x, _ = big.NewFloat(n.Float).Int(nil)
	case n.Kind == NotNumber && (code == 'd' || code == 'i' || code == 'u'):
		return "", errorf(TypeError, fmt.Sprintf("%%%c format: a real number is required, not %s", code, p.c.TypeName(v)))
	case n.Kind != IntNumber:
		return "", errorf(TypeError, fmt.Sprintf("%%%c format: an integer is required, not %s", code, p.c.TypeName(v)))
	}
	num := number{neg: x.Sign() < 0}
	abs := new(big.Int).Abs(x)
	switch code {
	case 'x', 'X':
		num.digits = abs.Text(16)
		if s.Alt {
			num.prefix = "0x"
		}
	case 'o':
		num.digits = abs.Text(8)
		if s.Alt {
			num.prefix = "0o"
		}
	default:
		d, err := pyint.Decimal(abs, p.c.MaxStrDigits())
		if err != nil {
			return "", err
		}
		num.digits = d
	}
	if len(num.digits) < s.Precision {
		num.digits = strings.Repeat("0", s.Precision-len(num.digits)) + num.digits
	}
	if code == 'X' {
		num.digits, num.prefix = strings.ToUpper(num.digits), strings.ToUpper(num.prefix)
	}
	s.Precision = -1
	return layout(s, num)
}

func truncateRunes(t string, n int) string {
	for i := range t {
		if n == 0 {
			return t[:i]
		}
		n--
	}
	return t
}
