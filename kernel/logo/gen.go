//go:build ignore

// gen draws threadlab's logo: two threads (sine waves in two colours)
// weaving across a dark rounded square. It writes logo-32x32.png,
// logo-64x64.png and logo-svg.svg into the current directory.
//
//	cd kernel/logo && go run gen.go
package main

import (
	"fmt"
	"image"
	"image/color"
	"image/png"
	"log"
	"math"
	"os"
	"strings"
)

var (
	background = color.NRGBA{0x1b, 0x2a, 0x41, 0xff}
	threadA    = color.NRGBA{0x2e, 0xc4, 0xb6, 0xff} // teal
	threadB    = color.NRGBA{0xff, 0x8c, 0x42, 0xff} // orange
)

const (
	radius    = 0.18 // corner radius, fraction of the size
	amplitude = 0.20
	width     = 0.11 // stroke width
	margin    = 0.14 // horizontal inset of the threads
)

// wave is thread i's height at x (both in [0, 1]).
func wave(i int, x float64) float64 {
	return 0.5 + amplitude*math.Sin(2*math.Pi*(x-margin)/(1-2*margin)+float64(i)*math.Pi)
}

func slope(i int, x float64) float64 {
	return amplitude * 2 * math.Pi / (1 - 2*margin) * math.Cos(2*math.Pi*(x-margin)/(1-2*margin)+float64(i)*math.Pi)
}

func inRoundedSquare(x, y float64) bool {
	cx := math.Max(radius-x, math.Max(x-(1-radius), 0))
	cy := math.Max(radius-y, math.Max(y-(1-radius), 0))
	return x >= 0 && x <= 1 && y >= 0 && y <= 1 && cx*cx+cy*cy <= radius*radius
}

func onThread(i int, x, y float64) bool {
	if x < margin || x > 1-margin {
		// round caps at both ends
		ex := math.Min(math.Max(x, margin), 1-margin)
		dx, dy := x-ex, y-wave(i, ex)
		return dx*dx+dy*dy <= width*width/4
	}
	s := slope(i, x)
	return math.Abs(y-wave(i, x))/math.Sqrt(1+s*s) <= width/2
}

// colorAt is the colour of point (x, y); thread B passes over A in the
// first half and under it in the second, so the two weave.
func colorAt(x, y float64) (color.NRGBA, bool) {
	if !inRoundedSquare(x, y) {
		return color.NRGBA{}, false
	}
	a, b := onThread(0, x, y), onThread(1, x, y)
	switch {
	case a && b && x < 0.5:
		return threadB, true
	case a:
		return threadA, true
	case b:
		return threadB, true
	}
	return background, true
}

func drawPNG(size int, name string) {
	const ss = 6 // supersampling per axis
	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	for py := 0; py < size; py++ {
		for px := 0; px < size; px++ {
			var r, g, b, a float64
			for sy := 0; sy < ss; sy++ {
				for sx := 0; sx < ss; sx++ {
					x := (float64(px) + (float64(sx)+0.5)/ss) / float64(size)
					y := (float64(py) + (float64(sy)+0.5)/ss) / float64(size)
					if c, ok := colorAt(x, y); ok {
						r += float64(c.R)
						g += float64(c.G)
						b += float64(c.B)
						a++
					}
				}
			}
			if a > 0 {
				img.SetNRGBA(px, py, color.NRGBA{
					uint8(r/a + 0.5), uint8(g/a + 0.5), uint8(b/a + 0.5),
					uint8(255*a/(ss*ss) + 0.5),
				})
			}
		}
	}
	f, err := os.Create(name)
	if err != nil {
		log.Fatal(err)
	}
	if err := png.Encode(f, img); err != nil {
		log.Fatal(err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
}

func hex(c color.NRGBA) string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }

func polyline(i int, from, to float64) string {
	var pts []string
	const n = 24
	for k := 0; k <= n; k++ {
		x := from + (to-from)*float64(k)/n
		pts = append(pts, fmt.Sprintf("%.2f,%.2f", 64*x, 64*wave(i, x)))
	}
	return strings.Join(pts, " ")
}

func drawSVG(name string) {
	line := func(i int, c color.NRGBA, from, to float64) string {
		return fmt.Sprintf(`  <polyline points="%s" fill="none" stroke="%s" stroke-width="%.2f" stroke-linecap="round" stroke-linejoin="round"/>`+"\n",
			polyline(i, from, to), hex(c), 64*width)
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">`+"\n")
	fmt.Fprintf(&b, "  <title>threadlab</title>\n")
	fmt.Fprintf(&b, `  <rect width="64" height="64" rx="%.2f" fill="%s"/>`+"\n", 64*radius, hex(background))
	// teal under orange on the left half, over it on the right half
	b.WriteString(line(0, threadA, margin, 0.5))
	b.WriteString(line(1, threadB, margin, 1-margin))
	b.WriteString(line(0, threadA, 0.5, 1-margin))
	b.WriteString("</svg>\n")
	if err := os.WriteFile(name, []byte(b.String()), 0o644); err != nil {
		log.Fatal(err)
	}
}

func main() {
	drawPNG(32, "logo-32x32.png")
	drawPNG(64, "logo-64x64.png")
	drawSVG("logo-svg.svg")
}
