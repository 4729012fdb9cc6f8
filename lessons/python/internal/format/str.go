package format

import "unicode/utf8"

// Str returns format(v, spec) for a str v.
func Str(v, spec string) (string, error) {
	if spec == "" {
		return v, nil
	}
	s, err := ParseSpec(spec, "str")
	if err != nil {
		return "", err
	}
	if s.Grouping != 0 && s.Type == 0 {
		return "", errorf(ValueError, "Cannot specify '"+string(s.Grouping)+"' with 's'.")
	}
	if s.Type != 0 && s.Type != 's' {
		return "", unknownCode(rune(s.Type), "str")
	}
	switch {
	case s.Sign == ' ':
		return "", errorf(ValueError, "Space not allowed in string format specifier")
	case s.Sign != 0:
		return "", errorf(ValueError, "Sign not allowed in string format specifier")
	case s.NoNegZero:
		return "", errorf(ValueError, "Negative zero coercion (z) not allowed in string format specifier")
	case s.Alt:
		return "", errorf(ValueError, "Alternate form (#) not allowed in string format specifier")
	case s.Align == '=':
		return "", errorf(ValueError, "'=' alignment not allowed in string format specifier")
	case s.Width > MaxWidth:
		return "", errorf(MemoryError, "")
	}
	if s.Precision >= 0 && utf8.RuneCountInString(v) > s.Precision {
		n := 0
		for i := range v {
			if n == s.Precision {
				v = v[:i]
				break
			}
			n++
		}
	}
	fill, align := s.Fill, s.Align
	if fill == 0 {
		fill = ' '
		if s.Zero {
			fill = '0'
		}
	}
	if align == 0 {
		align = '<'
	}
	return pad("", v, s.Width, fill, align), nil
}
