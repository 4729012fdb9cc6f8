// Package pyint holds Python's int text conversions, independent of any
// value model: int(str, base) parsing with underscores, prefixes and Unicode
// digits; hex/oct/bin spelling; and CPython 3.11's 4300-digit limit on
// decimal conversions.
package pyint
