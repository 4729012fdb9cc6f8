package pyint

import "unicode"

// DigitValue returns the decimal value of r if r is a Unicode decimal digit
// (category Nd), else -1. Nd digits come in contiguous runs of ten that start
// at zero, so the value is the distance from the run's start modulo ten.
func DigitValue(r rune) int {
	if '0' <= r && r <= '9' {
		return int(r - '0')
	}
	if r < 0x80 || !unicode.IsDigit(r) {
		return -1
	}
	start := r
	for unicode.IsDigit(start - 1) {
		start--
	}
	return int(r-start) % 10
}
