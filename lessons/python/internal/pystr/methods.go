package pystr

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// IsSpaceRune reports str.isspace() for one character: Go's Unicode white
// space plus the ASCII separators \x1c-\x1f, which Python counts as space.
func IsSpaceRune(r rune) bool { return unicode.IsSpace(r) || (0x1c <= r && r <= 0x1f) }

// SplitSpace is str.split() with no separator: runs of white space
// separate, leading and trailing space is ignored; maxsplit < 0 means all.
func SplitSpace(s string, maxsplit int) []string {
	var out []string
	i := 0
	for {
		for i < len(s) {
			r, n := utf8.DecodeRuneInString(s[i:])
			if !IsSpaceRune(r) {
				break
			}
			i += n
		}
		if i == len(s) {
			return out
		}
		if maxsplit >= 0 && len(out) == maxsplit {
			return append(out, s[i:])
		}
		j := i
		for j < len(s) {
			r, n := utf8.DecodeRuneInString(s[j:])
			if IsSpaceRune(r) {
				break
			}
			j += n
		}
		out = append(out, s[i:j])
		i = j
	}
}

// RSplitSpace is str.rsplit() with no separator.
func RSplitSpace(s string, maxsplit int) []string {
	var out []string
	j := len(s)
	for {
		for j > 0 {
			r, n := utf8.DecodeLastRuneInString(s[:j])
			if !IsSpaceRune(r) {
				break
			}
			j -= n
		}
		if j == 0 {
			break
		}
		if maxsplit >= 0 && len(out) == maxsplit {
			out = append(out, s[:j])
			break
		}
		i := j
		for i > 0 {
			r, n := utf8.DecodeLastRuneInString(s[:i])
			if IsSpaceRune(r) {
				break
			}
			i -= n
		}
		out = append(out, s[i:j])
		j = i
	}
	reverse(out)
	return out
}

// Split is str.split(sep, maxsplit) with a non-empty sep.
func Split(s, sep string, maxsplit int) []string {
	if maxsplit < 0 {
		return strings.Split(s, sep)
	}
	return strings.SplitN(s, sep, maxsplit+1)
}

// RSplit is str.rsplit(sep, maxsplit) with a non-empty sep.
func RSplit(s, sep string, maxsplit int) []string {
	var out []string
	for maxsplit < 0 || len(out) < maxsplit {
		i := strings.LastIndex(s, sep)
		if i < 0 {
			break
		}
		out = append(out, s[i+len(sep):])
		s = s[:i]
	}
	out = append(out, s)
	reverse(out)
	return out
}

func reverse(a []string) {
	for i, j := 0, len(a)-1; i < j; i, j = i+1, j-1 {
		a[i], a[j] = a[j], a[i]
	}
}

// lineBreak reports the characters str.splitlines() breaks at; \r\n counts
// as one break.
func lineBreak(r rune) bool {
	switch r {
	case '\n', '\r', '\v', '\f', 0x1c, 0x1d, 0x1e, 0x85, 0x2028, 0x2029:
		return true
	}
	return false
}

// SplitLines is str.splitlines(keepends).
func SplitLines(s string, keepends bool) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !lineBreak(r) {
			i += n
			continue
		}
		end := i + n
		if r == '\r' && end < len(s) && s[end] == '\n' {
			end++
		}
		if keepends {
			out = append(out, s[start:end])
		} else {
			out = append(out, s[start:i])
		}
		start, i = end, end
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}

// ExpandTabs is str.expandtabs(tabsize).
func ExpandTabs(s string, tabsize int) string {
	var b strings.Builder
	col := 0
	for _, r := range s {
		switch r {
		case '\t':
			if tabsize > 0 {
				n := tabsize - col%tabsize
				b.WriteString(strings.Repeat(" ", n))
				col += n
			}
		case '\n', '\r':
			b.WriteRune(r)
			col = 0
		default:
			b.WriteRune(r)
			col++
		}
	}
	return b.String()
}

// isCased reports characters that have case (upper, lower or title).
func isCased(r rune) bool {
	return isUpper(r) || isLower(r) || unicode.IsTitle(r)
}

// isUpper and isLower are Unicode's Uppercase and Lowercase properties,
// which add Other_Uppercase (Ⅻ, Ⓐ) and Other_Lowercase (ª, ⓐ) to the
// letter categories.
func isUpper(r rune) bool { return unicode.IsUpper(r) || unicode.Is(unicode.Other_Uppercase, r) }

func isLower(r rune) bool { return unicode.IsLower(r) || unicode.Is(unicode.Other_Lowercase, r) }

// Title is str.title(): the first cased character after an uncased one
// is title-cased, the others lower-cased.
func Title(s string) string {
	var b strings.Builder
	prevCased := false
	for i, r := range s {
		if prevCased {
			b.WriteString(lowerAt(s, i, r))
		} else {
			b.WriteString(title(r))
		}
		prevCased = isCased(r)
	}
	return b.String()
}

// Capitalize is str.capitalize(): the first character title-cased (Python
// 3.8+), the rest lower-cased.
func Capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	var b strings.Builder
	b.WriteString(title(r))
	for i, r := range s[n:] {
		b.WriteString(lowerAt(s, n+i, r))
	}
	return b.String()
}

// SwapCase is str.swapcase().
func SwapCase(s string) string {
	var b strings.Builder
	for i, r := range s {
		switch {
		case isUpper(r):
			b.WriteString(lowerAt(s, i, r))
		case isLower(r):
			b.WriteString(upper(r))
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Upper and Lower are str.upper() and str.lower(), with the special
// mappings that change length (ß -> SS).
func Upper(s string) string {
	if isASCII(s) {
		return strings.ToUpper(s) // the same mapping, in one allocation or none
	}
	var b strings.Builder
	for _, r := range s {
		b.WriteString(upper(r))
	}
	return b.String()
}

// Casefold is str.casefold(): lower case, with the full case foldings
// that change length (ß -> ss, ligatures split).
func Casefold(s string) string {
	var b strings.Builder
	for i, r := range s {
		if u, ok := specialUpper(r); ok {
			b.WriteString(strings.ToLower(u))
			continue
		}
		if r == 'ς' {
			b.WriteString("σ")
			continue
		}
		b.WriteString(lowerAt(s, i, r))
	}
	return strings.ReplaceAll(b.String(), "ς", "σ")
}

// Lower is str.lower().
func Lower(s string) string {
	if isASCII(s) {
		return strings.ToLower(s) // no final sigma in ASCII: the same mapping
	}
	var b strings.Builder
	for i, r := range s {
		b.WriteString(lowerAt(s, i, r))
	}
	return b.String()
}

// lowerAt lower-cases r found at s[i], applying the final-sigma rule: a
// capital sigma that ends a word (a cased letter before it, none after it)
// becomes ς.
func lowerAt(s string, i int, r rune) string {
	if r != 'Σ' {
		return lower(r)
	}
	before, _ := utf8.DecodeLastRuneInString(s[:i])
	after, _ := utf8.DecodeRuneInString(s[i+len("Σ"):])
	if i > 0 && isCased(before) && !isCased(after) {
		return "ς"
	}
	return "σ"
}

// specialUpper holds the common one-to-many upper-case mappings of
// Unicode's SpecialCasing.txt.
func specialUpper(r rune) (string, bool) {
	switch r {
	case 'ß':
		return "SS", true
	case 'ŉ':
		return "ʼN", true
	case 'ﬀ':
		return "FF", true
	case 'ﬁ':
		return "FI", true
	case 'ﬂ':
		return "FL", true
	case 'ﬃ':
		return "FFI", true
	case 'ﬄ':
		return "FFL", true
	case 'ﬅ', 'ﬆ':
		return "ST", true
	}
	return "", false
}

func upper(r rune) string {
	if s, ok := specialUpper(r); ok {
		return s
	}
	return string(unicode.ToUpper(r))
}

func title(r rune) string {
	switch r {
	case 'ß':
		return "Ss"
	case 'ﬁ':
		return "Fi"
	case 'ﬂ':
		return "Fl"
	case 'ﬀ':
		return "Ff"
	}
	return string(unicode.ToTitle(r))
}

func lower(r rune) string {
	if r == 'İ' {
		return "i̇"
	}
	return string(unicode.ToLower(r))
}

// IsUpper is str.isupper(): at least one cased character, and no
// lower-case or title-case one.
func IsUpper(s string) bool {
	cased := false
	for _, r := range s {
		if isLower(r) || unicode.IsTitle(r) {
			return false
		}
		cased = cased || isUpper(r)
	}
	return cased
}

// IsLower is str.islower().
func IsLower(s string) bool {
	cased := false
	for _, r := range s {
		if isUpper(r) || unicode.IsTitle(r) {
			return false
		}
		cased = cased || isLower(r)
	}
	return cased
}

// IsTitle is str.istitle().
func IsTitle(s string) bool {
	cased, prevCased := false, false
	for _, r := range s {
		switch {
		case isUpper(r) || unicode.IsTitle(r):
			if prevCased {
				return false
			}
			prevCased, cased = true, true
		case isLower(r):
			if !prevCased {
				return false
			}
			prevCased = true
		default:
			prevCased = false
		}
	}
	return cased
}

// All reports whether s is non-empty and pred holds for every character:
// the shape of str.isdigit(), isalpha() and the like.
func All(s string, pred func(rune) bool) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !pred(r) {
			return false
		}
	}
	return true
}

// IsDecimal is the per-character test of str.isdecimal().
func IsDecimal(r rune) bool { return DigitValue(r) >= 0 }

// IsDigitRune is the per-character test of str.isdigit(): decimal digits
// and the other digits (superscripts, circled digits).
func IsDigitRune(r rune) bool {
	return IsDecimal(r) || (unicode.Is(unicode.No, r) && digitLike(r))
}

// digitLike picks the No characters whose Numeric_Type is Digit: the
// superscripts, subscripts, and circled or parenthesized digits 1-9.
func digitLike(r rune) bool {
	switch {
	case r == 0xb2 || r == 0xb3 || r == 0xb9, 0x2070 <= r && r <= 0x2079, 0x2080 <= r && r <= 0x2089,
		0x2460 <= r && r <= 0x2468, 0x2474 <= r && r <= 0x247c, 0x2488 <= r && r <= 0x2490,
		0x24f5 <= r && r <= 0x24fd, r == 0x24ea, r == 0x24ff, 0x2776 <= r && r <= 0x277e,
		0x2780 <= r && r <= 0x2788, 0x278a <= r && r <= 0x2792, 0x1369 <= r && r <= 0x1371, r == 0x19da,
		0x1f100 <= r && r <= 0x1f10a:
		return true
	}
	return false
}

// IsAlpha is the per-character test of str.isalpha().
func IsAlpha(r rune) bool { return unicode.IsLetter(r) }

// IsNumeric is the per-character test of str.isnumeric().
func IsNumeric(r rune) bool { return unicode.IsNumber(r) || isUnihanNumeric(r) }

// IsAlnum is the per-character test of str.isalnum().
func IsAlnum(r rune) bool { return IsAlpha(r) || IsDecimal(r) || IsDigitRune(r) || IsNumeric(r) }

// IsIdentifier is str.isidentifier().
func IsIdentifier(s string) bool {
	for i, r := range s {
		if r == '_' || unicode.IsLetter(r) || unicode.Is(unicode.Nl, r) {
			continue
		}
		if i > 0 && (unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r) || unicode.Is(unicode.Pc, r)) {
			continue
		}
		return false
	}
	return s != ""
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
