// Package pymath is the numeric core of Python's math module over float64
// and *big.Int, with CPython's errors: "math domain error" (ValueError) when
// a finite argument has no result, "math range error" (OverflowError) when
// the result overflows.
//
// The transcendental functions use Go's math package, which may round the
// last bit differently from the C library CPython calls.
package pymath
