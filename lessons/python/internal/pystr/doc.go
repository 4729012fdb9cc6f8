// Package pystr holds Python's rules about characters and str text that the
// other helpers share: repr of a str, decimal digits of every script, and
// the whitespace int() and float() strip.
package pystr
