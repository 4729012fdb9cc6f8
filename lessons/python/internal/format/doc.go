// Package format implements Python 3.11's text formatting of numbers and
// strings, independent of any interpreter's value model:
//
//   - repr.go: float repr/str (shortest round-trip digits, CPython's layout).
//   - spec.go: parsing the format-spec mini-language ("[[fill]align][sign]
//     [z][#][0][width][grouping][.precision][type]").
//   - number.go, float.go, int.go, str.go: format() of float, int and str
//     under a parsed spec.
//   - percent.go: printf-style "%" formatting over interpreter values, reached
//     through the small Operand interface.
//   - template.go: splitting a str.format template into literal text and
//     replacement fields.
//   - errors.go: short names for the pyerr kinds; every function returns a
//     *pyerr.Error naming the Python exception class and CPython's message.
package format
