package pystr

import "unicode"

// DigitValue returns the decimal value of r if r is a decimal digit (category
// Nd) of Unicode 14.0, the version CPython 3.11 uses, else -1. Nd digits come in contiguous runs of ten that start
// at zero, so the value is the distance from the run's start modulo ten.
func DigitValue(r rune) int {
	if '0' <= r && r <= '9' {
		return int(r - '0')
	}
	if r < 0x80 || !unicode.IsDigit(r) || newerThanUnicode14(r) {
		return -1
	}
	start := r
	for unicode.IsDigit(start - 1) {
		start--
	}
	return int(r-start) % 10
}

// newerThanUnicode14 reports the digits Go's newer Unicode tables add:
// Kawi and Nag Mundari (Unicode 15.0).
func newerThanUnicode14(r rune) bool {
	return (0x11F50 <= r && r <= 0x11F59) || (0x1E4F0 <= r && r <= 0x1E4F9)
}
