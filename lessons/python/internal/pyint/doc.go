// Package pyint holds Python's int text conversions, independent of any
// value model: int(str, base) parsing with underscores, prefixes and Unicode
// digits; str/hex/oct/bin spelling; and CPython 3.11's limit on the number
// of decimal digits converted either way.
package pyint
