package syntax

import (
	"strings"
	"unicode/utf8"
)

// sourceText turns the bytes of a source file into text. Source is
// UTF-8, after an optional byte order mark. Text that is not UTF-8 is
// read in the encoding its PEP 263 coding comment names, if that is
// Latin-1 or Windows-1252; other encodings are an error. (A cell's text
// arrives as UTF-8 whatever its comment says, as it does in CPython,
// which ignores the comment for text it is given as str.)
func sourceText(filename string, src []byte) (string, *Error) {
	text := strings.TrimPrefix(string(src), "\ufeff")
	if utf8.ValidString(text) {
		return text, nil
	}
	name, line := codingComment(text)
	var high []rune
	switch strings.ReplaceAll(strings.ToLower(name), "_", "-") {
	case "":
		return text, nil // the tokenizer reports the bytes that are not UTF-8
	case "latin-1", "latin1", "iso-8859-1", "iso8859-1", "l1", "iso-latin-1", "cp819":
	case "cp1252", "windows-1252":
		high = []rune(cp1252High)
	default:
		return "", &Error{Kind: SyntaxError, Filename: filename, Pos: Pos{line, 0}, End: Pos{line, 0},
			Msg: "encoding problem: " + name + " is not supported by threadlab's Python; save the file as UTF-8"}
	}
	var b strings.Builder
	b.Grow(len(text) * 2)
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case c < utf8.RuneSelf:
			b.WriteByte(c)
		case high != nil && c < 0xA0:
			b.WriteRune(high[c-0x80])
		default:
			b.WriteRune(rune(c))
		}
	}
	return b.String(), nil
}

// codingComment finds a coding comment on the first line, or on the
// second if the first holds only a comment or blanks.
func codingComment(text string) (string, int32) {
	for n := int32(1); n <= 2; n++ {
		line, rest, _ := strings.Cut(text, "\n")
		trimmed := strings.TrimLeft(line, " \t\f")
		if strings.HasPrefix(trimmed, "#") {
			if name := codingName(trimmed); name != "" {
				return name, n
			}
		} else if trimmed != "" && trimmed != "\r" {
			break
		}
		text = rest
	}
	return "", 0
}

// codingName returns the encoding a comment names with coding: or
// coding=, or "".
func codingName(comment string) string {
	i := strings.Index(comment, "coding")
	if i < 0 || i+6 >= len(comment) || comment[i+6] != ':' && comment[i+6] != '=' {
		return ""
	}
	rest := strings.TrimLeft(comment[i+7:], " \t")
	end := 0
	for end < len(rest) && (isLetter(rest[end]) || isDigit(rest[end]) || strings.IndexByte("-_.", rest[end]) >= 0) {
		end++
	}
	return rest[:end]
}

// cp1252High holds Windows-1252's characters for bytes 0x80-0x9F, where
// it differs from Latin-1 (U+FFFD for the five bytes it leaves undefined).
const cp1252High = "\u20ac\ufffd\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\ufffd\u017d\ufffd" +
	"\ufffd\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\ufffd\u017e\u0178"
