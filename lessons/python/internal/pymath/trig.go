package pymath

import "math"

// pi/2 split into three parts; the first two have their low bits zero so
// that k*p1 and k*p2 are exact for the k used here, which keeps the reduced
// argument accurate to about 2**-119 relative to pi/2 (Cody and Waite).
const (
	pio2Hi  = 0x1.921fb54400000p+0
	pio2Mid = 0x1.0b4611a600000p-34
	pio2Lo  = 0x1.3198a2e037073p-69
	// reduceLimit keeps k below 2**20, where k*pio2Hi and k*pio2Mid are
	// exact; beyond it Go's own reduction is used.
	reduceLimit = 1 << 20
)

// reduce returns x - k*pi/2 and k mod 4 for |x| < reduceLimit.
func reduce(x float64) (float64, int) {
	k := math.RoundToEven(x * (2 / math.Pi))
	r := ((x - k*pio2Hi) - k*pio2Mid) - k*pio2Lo
	return r, int(int64(k) & 3)
}

// sin, cos and tan reduce the argument themselves before using Go's
// kernels on [-pi/4, pi/4], so that results near multiples of pi (sin(pi))
// keep full relative precision as the C library's do.
func sin(x float64) float64 {
	if math.Abs(x) >= reduceLimit || math.IsNaN(x) {
		return math.Sin(x)
	}
	r, q := reduce(x)
	switch q {
	case 0:
		return math.Sin(r)
	case 1:
		return math.Cos(r)
	case 2:
		return -math.Sin(r)
	}
	return -math.Cos(r)
}

func cos(x float64) float64 {
	if math.Abs(x) >= reduceLimit || math.IsNaN(x) {
		return math.Cos(x)
	}
	r, q := reduce(x)
	switch q {
	case 0:
		return math.Cos(r)
	case 1:
		return -math.Sin(r)
	case 2:
		return -math.Cos(r)
	}
	return math.Sin(r)
}

func tan(x float64) float64 {
	if math.Abs(x) >= reduceLimit || math.IsNaN(x) {
		return math.Tan(x)
	}
	r, q := reduce(x)
	if q&1 == 1 {
		return -1 / math.Tan(r)
	}
	return math.Tan(r)
}

// sinh and cosh avoid Go's exp(x)/2, which overflows for x in (709.78,
// 710.48) where the result itself is finite.
func sinh(x float64) float64 {
	if math.Abs(x) > 709 && !math.IsInf(x, 0) {
		h := math.Exp(math.Abs(x) / 2)
		return math.Copysign(h*0.5*h, x)
	}
	return math.Sinh(x)
}

func cosh(x float64) float64 {
	if math.Abs(x) > 709 && !math.IsInf(x, 0) {
		h := math.Exp(math.Abs(x) / 2)
		return h * 0.5 * h
	}
	return math.Cosh(x)
}

// ln and log10 scale subnormal arguments into the normal range first:
// Go's Log loses them (log(5e-324) comes out as log(2**-1022)).
func ln(x float64) float64 {
	if x > 0 && x < 0x1p-1022 {
		return math.Log(x*0x1p54) - 54*math.Ln2
	}
	return math.Log(x)
}

func log10(x float64) float64 {
	if x > 0 && x < 0x1p-1022 {
		return math.Log10(x*0x1p54) - 54*(math.Ln2/math.Ln10)
	}
	return math.Log10(x)
}

// acos keeps full precision near ±1, where pi/2 - asin(x) cancels.
func acos(x float64) float64 {
	switch {
	case x > 0.5:
		return 2 * math.Asin(math.Sqrt((1-x)/2))
	case x < -0.5:
		return math.Pi - 2*math.Asin(math.Sqrt((1+x)/2))
	}
	return math.Acos(x)
}

// log2 avoids the cancellation of Go's frexp-based Log2 just above 1.
func log2(x float64) float64 {
	if frac, exp := math.Frexp(x); frac == 0.5 {
		return float64(exp - 1)
	}
	if x > 0.5 && x < 2 {
		return math.Log(x) * (1 / math.Ln2)
	}
	return math.Log2(x)
}
