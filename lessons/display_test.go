package lessons

import (
	"encoding/base64"
	"encoding/xml"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"threadlab/runtime"
)

// Every cell of every table carries the inline styles that outrank the
// front ends' table rules: left-aligned, and events never wrap.
func TestTableCellsCarryInlineStyles(t *testing.T) {
	s := New()
	if _, _, _, err := execCell(t, s, "lab.seed(1)\n"+withTimes(raceCell, 200)); err != nil {
		t.Fatal(err)
	}
	_, trace, _, err := execCell(t, s, "lab.trace()")
	if err != nil {
		t.Fatal(err)
	}
	_, explore, _, err := execCell(t, s, `
def one():
    account.balance = account.balance + 1
lab.explore(lambda: [threading.Thread(target=one) for i in range(2)])
`)
	if err != nil {
		t.Fatal(err)
	}
	deadlock := deadlockBundle(&runtime.DeadlockError{Rows: []runtime.DeadlockRow{
		{Thread: "alice", Holds: []string{"forks[0]"}, WaitsFor: "forks[1]", Line: 3},
		{Thread: "bob", Holds: []string{"forks[1]"}, WaitsFor: "forks[0]", Line: 3},
	}})
	tag := regexp.MustCompile(`<(td|th|table)\b[^>]*>`)
	for name, bundle := range map[string]map[string]any{"trace": trace, "explore": explore, "deadlock": deadlock} {
		h, _ := bundle["text/html"].(string)
		tags := tag.FindAllString(h, -1)
		if len(tags) < 5 {
			t.Fatalf("%s: only %d table tags in %q", name, len(tags), h)
		}
		for _, tg := range tags {
			switch {
			case strings.HasPrefix(tg, "<table"):
				if !strings.Contains(tg, "table-layout:auto") {
					t.Errorf("%s: table without table-layout:auto: %s", name, tg)
				}
			case strings.Contains(tg, "colspan"): // a gap row
			case !strings.Contains(tg, "text-align:left"):
				t.Errorf("%s: cell not left-aligned: %s", name, tg)
			case !strings.Contains(tg, "white-space:"):
				t.Errorf("%s: cell says nothing about wrapping: %s", name, tg)
			}
		}
	}
	h := trace["text/html"].(string)
	if !strings.Contains(h, `<tr class="lost"><td style="`+cellCSS+lostCSS+`">`) {
		t.Errorf("the lost update's row is not highlighted inline:\n%s", h)
	}
}

// svgNode is enough of SVG for the checks below.
type svgNode struct {
	XMLName  xml.Name
	Attrs    []xml.Attr `xml:",any,attr"`
	Text     string     `xml:",chardata"`
	Children []svgNode  `xml:",any"`
}

func (n svgNode) attr(name string) string {
	for _, a := range n.Attrs {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

func (n svgNode) walk(f func(svgNode)) {
	f(n)
	for _, c := range n.Children {
		c.walk(f)
	}
}

// luminance is WCAG 2's relative luminance of a #rrggbb colour.
func luminance(t *testing.T, hex string) float64 {
	if len(hex) != 7 || hex[0] != '#' {
		t.Fatalf("colour %q is not #rrggbb", hex)
	}
	var l float64
	for i, w := range []float64{0.2126, 0.7152, 0.0722} {
		v, err := strconv.ParseUint(hex[1+2*i:3+2*i], 16, 8)
		if err != nil {
			t.Fatal(err)
		}
		c := float64(v) / 255
		if c <= 0.03928 {
			c /= 12.92
		} else {
			c = math.Pow((c+0.055)/1.055, 2.4)
		}
		l += w * c
	}
	return l
}

func TestCPUPlot(t *testing.T) {
	samples := func(n int, cores int) []runtime.CPUSample {
		var out []runtime.CPUSample
		for i := 1; i <= n; i++ {
			per := make([]float64, cores)
			for c := range per {
				per[c] = float64(30 * (c + 1))
			}
			// The process line goes past the axis: it is clipped, the axis stays.
			out = append(out, runtime.CPUSample{At: time.Duration(i) * 100 * time.Millisecond, Process: 150 * float64(cores), PerCore: per})
		}
		return out
	}
	tests := []struct {
		name     string
		samples  []runtime.CPUSample
		cores    float64
		every    time.Duration
		top      string // the highest y label
		stated   string // the sampling interval as the plot says it
		perCores int
	}{
		{"two cores", samples(10, 2), 2, 100 * time.Millisecond, "200%", "sampled every 100ms", 2},
		{"a quota of 1.5 cores", samples(5, 2), 1.5, 250 * time.Millisecond, "150%", "sampled every 250ms", 2},
		{"sixteen cores", samples(3, 16), 16, time.Second, "1600%", "sampled every 1s", 8},
		{"no samples yet", nil, 4, 100 * time.Millisecond, "400%", "sampled every 100ms", 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			bundle := cpuBundle(tc.samples, tc.cores, time.Second, tc.every, "")
			svg := bundle["image/svg+xml"].(string)
			var root svgNode
			if err := xml.Unmarshal([]byte(svg), &root); err != nil {
				t.Fatalf("the plot is not well-formed XML: %v", err)
			}
			var paper string
			var texts []svgNode
			kinds := map[string]int{}
			maxY := 0.0
			root.walk(func(n svgNode) {
				switch n.XMLName.Local {
				case "rect":
					if n.attr("class") == "paper" {
						paper = n.attr("fill")
					}
				case "text":
					texts = append(texts, n)
				case "polyline":
					kinds[n.attr("class")]++
					for _, pt := range strings.Fields(n.attr("points")) {
						var px, py float64
						fmt.Sscanf(pt, "%f,%f", &px, &py)
						maxY = math.Max(maxY, 300-py)
					}
				}
			})
			if paper == "" {
				t.Fatal("the plot has no background")
			}
			all := ""
			top := math.Inf(1)
			topLabel := ""
			for _, tx := range texts {
				fg, bg := luminance(t, tx.attr("fill")), luminance(t, paper)
				ratio := (math.Max(fg, bg) + 0.05) / (math.Min(fg, bg) + 0.05)
				if ratio < 4.5 {
					t.Errorf("text %q has contrast %.2f:1 on the background", tx.Text, ratio)
				}
				all += tx.Text + "\n"
				if strings.HasSuffix(tx.Text, "%") && tx.attr("text-anchor") == "end" {
					if yy, _ := strconv.ParseFloat(tx.attr("y"), 64); yy < top {
						top, topLabel = yy, tx.Text
					}
				}
			}
			if topLabel != tc.top {
				t.Errorf("the y-axis ends at %q, want %q (cores×100%%)", topLabel, tc.top)
			}
			for _, want := range []string{tc.stated, "whole machine", "threadlab kernel"} {
				if !strings.Contains(all, want) {
					t.Errorf("the plot does not say %q; its texts:\n%s", want, all)
				}
			}
			if tc.perCores > 0 && !strings.Contains(all, "each core") {
				t.Errorf("the per-core lines are not labelled; texts:\n%s", all)
			}
			if kinds["core"] != tc.perCores {
				t.Errorf("%d per-core lines, want %d", kinds["core"], tc.perCores)
			}
			if tc.samples != nil && (kinds["kernel"] != 1 || kinds["machine"] != 1) {
				t.Errorf("lines drawn: %v", kinds)
			}
			if maxY > 300-30+0.5 { // top margin: nothing is drawn above the axis
				t.Errorf("a line goes above the axis: %.1f", maxY)
			}
			img := regexp.MustCompile(`^<img class="threadlab-cpu" [^>]*src="data:image/svg\+xml;base64,([^"]+)">$`).FindStringSubmatch(bundle["text/html"].(string))
			if img == nil {
				t.Fatalf("text/html is not an <img> of the plot: %.200s", bundle["text/html"])
			}
			if dec, err := base64.StdEncoding.DecodeString(img[1]); err != nil || string(dec) != svg {
				t.Errorf("the <img> does not hold the same SVG (err %v)", err)
			}
		})
	}
}
