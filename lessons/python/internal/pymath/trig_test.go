package pymath

import (
	"math/big"
	"testing"
)

// TestPiSplit checks the three parts of pi/2 against 100 digits of pi: the
// first two must have 33 significant bits and all three must sum to pi/2
// within 2**-120.
func TestPiSplit(t *testing.T) {
	pi, _, err := big.ParseFloat("3.141592653589793238462643383279502884197169399375105820974944592307816406286208998628034825342117068", 10, 400, big.ToNearestEven)
	if err != nil {
		t.Fatal(err)
	}
	half := new(big.Float).SetPrec(400).Quo(pi, big.NewFloat(2))
	sum := new(big.Float).SetPrec(400).SetFloat64(pio2Hi)
	sum.Add(sum, big.NewFloat(pio2Mid)).Add(sum, big.NewFloat(pio2Lo))
	diff, _ := new(big.Float).Sub(half, sum).Float64()
	if diff > 0x1p-120 || diff < -0x1p-120 {
		t.Errorf("pi/2 - (hi+mid+lo) = %g", diff)
	}
	for _, p := range []float64{pio2Hi, pio2Mid} {
		if m := big.NewFloat(p).MinPrec(); m > 33 {
			t.Errorf("%x has %d significant bits, want at most 33", p, m)
		}
	}
}
