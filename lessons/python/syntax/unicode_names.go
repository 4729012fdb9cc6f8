package syntax

import (
	_ "embed"
	"strconv"
	"strings"
)

// unicodeNames holds the character names \N{...} accepts; see
// testdata/mknames.py, which writes it from CPython's unicodedata, for
// the format.
//
//go:embed unicode_names.bin
var unicodeNames string

// lookupName returns the character named name (in any case), as
// \N{name} does, or false.
func lookupName(name string) (rune, bool) {
	name = strings.ToUpper(name)
	if r, ok := hangulSyllable(name); ok {
		return r, true
	}
	d := namesReader{s: unicodeNames, i: 4}
	query := strings.Split(name, " ")
	want := make([]int, len(query))
	for i := range want {
		want[i] = -1
	}
	nwords := d.uvarint()
	for w := 0; w < nwords; w++ {
		n := d.uvarint()
		word := d.s[d.i : d.i+n]
		d.i += n
		for i, q := range query {
			if q == word {
				want[i] = w
			}
		}
	}
	known := true
	for _, w := range want {
		known = known && w >= 0
	}
	nnames := d.uvarint()
	cp := 0
	for e := 0; e < nnames; e++ {
		cp += d.uvarint()
		n := d.uvarint()
		match := known && n == len(want)
		for k := 0; k < n; k++ {
			w := d.uvarint()
			match = match && w == want[k]
		}
		if match {
			return rune(cp), true
		}
	}
	for r, nranges := 0, d.uvarint(); r < nranges; r++ {
		n := d.uvarint()
		prefix := d.s[d.i : d.i+n]
		d.i += n
		first, last := d.uvarint(), d.uvarint()
		if hex, ok := strings.CutPrefix(name, prefix); ok && len(hex) >= 4 && len(hex) <= 5 {
			if v, err := strconv.ParseUint(hex, 16, 32); err == nil && int(v) >= first && int(v) <= last {
				return rune(v), true
			}
		}
	}
	return 0, false
}

type namesReader struct {
	s string
	i int
}

func (d *namesReader) uvarint() int {
	v, shift := 0, 0
	for {
		b := d.s[d.i]
		d.i++
		v |= int(b&0x7F) << shift
		if b < 0x80 {
			return v
		}
		shift += 7
	}
}

// hangulSyllable computes the character a Hangul syllable's name names:
// the name is made from the short names of its leading consonant, vowel
// and optional trailing consonant.
func hangulSyllable(name string) (rune, bool) {
	rest, ok := strings.CutPrefix(name, "HANGUL SYLLABLE ")
	if !ok {
		return 0, false
	}
	leads := [...]string{"G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ", "C", "K", "T", "P", "H"}
	vowels := [...]string{"A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE", "YO", "U", "WEO", "WE", "WI", "YU", "EU", "YI", "I"}
	trails := [...]string{"", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS", "LT", "LP", "LH", "M", "B", "BS", "S", "SS", "NG", "J", "C", "K", "T", "P", "H"}
	for l, ls := range leads {
		after, ok := strings.CutPrefix(rest, ls)
		if !ok {
			continue
		}
		for v, vs := range vowels {
			tail, ok := strings.CutPrefix(after, vs)
			if !ok {
				continue
			}
			for t, ts := range trails {
				if tail == ts {
					return rune(0xAC00 + (l*len(vowels)+v)*len(trails) + t), true
				}
			}
		}
	}
	return 0, false
}
