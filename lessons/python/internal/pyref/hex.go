package pyref

import (
	"math"
	"strconv"
)

// floatHex spells f in the form float.fromhex accepts.
func floatHex(f float64) string {
	switch {
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	case math.IsNaN(f):
		return "nan"
	}
	return strconv.FormatFloat(f, 'x', -1, 64)
}
