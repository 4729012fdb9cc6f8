package lessons

import (
	"context"
	"encoding/base64"
	"fmt"
	"html"
	"math"
	"strings"
	"time"

	"threadlab/lessons/python"
	"threadlab/runtime"
)

// lab.cpu(seconds): a live plot of the kernel's and each core's CPU use
// while the cell's threads run, ending with a headline.

// cpuReport is what lab.cpu returns.
type cpuReport struct{ rep *runtime.CPUReport }

var cpuReportType = python.NewType("cpu_report", nil).SetModule("lab")

func (*cpuReport) Type() *python.Type { return cpuReportType }

func (v *cpuReport) headline() string {
	return fmt.Sprintf("%.0f%% of %.0f%% (%s)", v.rep.Percent, 100*v.rep.Cores, coresText(v.rep.Cores))
}

func (v *cpuReport) Repr(*python.Thread) (string, error) { return "CPU use: " + v.headline(), nil }

func (v *cpuReport) MIMEBundle() map[string]any {
	return map[string]any{
		"text/plain": "CPU use: " + v.headline(),
		"text/html":  fmt.Sprintf(`<p class="threadlab-cpu-headline"><b>CPU use:</b> %s</p>`, v.headline()),
	}
}

func init() {
	prop := func(name string, get func(r *runtime.CPUReport) python.Value) {
		cpuReportType.AddAttr(name, python.NewProperty(name, func(t *python.Thread, args []python.Value, kw []python.Kwarg) (python.Value, error) {
			return get(args[0].(*cpuReport).rep), nil
		}))
	}
	prop("percent", func(r *runtime.CPUReport) python.Value { return python.Float(math.Round(r.Percent*10) / 10) })
	prop("cores", func(r *runtime.CPUReport) python.Value {
		if r.Cores == math.Trunc(r.Cores) {
			return python.Int(int64(r.Cores))
		}
		return python.Float(r.Cores)
	})
	prop("seconds", func(r *runtime.CPUReport) python.Value { return python.Float(r.Seconds) })
	prop("per_core", func(r *runtime.CPUReport) python.Value {
		l := make([]python.Value, len(r.PerCore))
		for i, p := range r.PerCore {
			l[i] = python.Float(math.Round(p*10) / 10)
		}
		return python.NewList(l)
	})
}

func coresText(c float64) string {
	if c == math.Trunc(c) {
		if c == 1 {
			return "1 core"
		}
		return fmt.Sprintf("%.0f cores", c)
	}
	return fmt.Sprintf("%.2f cores", c)
}

// labCPU is _lab.cpu(seconds).
func (s *Session) labCPU(t *python.Thread, args []python.Value, kw []python.Kwarg) (python.Value, error) {
	var secs python.Value
	if err := python.UnpackArgs("cpu", args, kw, []string{"seconds"}, &secs); err != nil {
		return nil, err
	}
	f, ok := number(secs)
	if !ok || f <= 0 || f > 600 {
		return nil, python.Errorf(python.ValueError, "lab.cpu takes a number of seconds between 0 and 600")
	}
	out := s.outputOf(t)
	if out == nil {
		return nil, python.Errorf(python.RuntimeError, "lab.cpu has no cell to draw in")
	}
	id := fmt.Sprintf("threadlab-cpu-%d-%d", time.Now().UnixNano(), s.displays.Add(1))
	dur := time.Duration(f * float64(time.Second))
	cores := runtime.Cores()
	every := max(dur/40, 100*time.Millisecond)
	var samples []runtime.CPUSample
	out.Display(cpuBundle(samples, cores, dur, every, ""), nil, id, false)
	var rep *runtime.CPUReport
	var serr error
	err := t.Block(func(done <-chan struct{}) error {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		go func() {
			select {
			case <-done:
				cancel()
			case <-ctx.Done():
			}
		}()
		rep, serr = runtime.SampleCPU(ctx, dur, every, func(c runtime.CPUSample) {
			samples = append(samples, c)
			out.Display(cpuBundle(samples, cores, dur, every, ""), nil, id, true)
		})
		return nil
	})
	if err != nil {
		return nil, err
	}
	if serr != nil {
		return nil, python.Errorf(python.RuntimeError, "could not read CPU use: %v", serr)
	}
	v := &cpuReport{rep}
	out.Display(cpuBundle(samples, cores, dur, every, v.headline()), nil, id, true)
	return v, nil
}

// Plot colours. The plot carries its own opaque background: JupyterLab
// draws image/svg+xml as an <img>, which no page CSS or theme reaches, so a
// transparent plot would vanish in a dark theme. Text is plotInk on
// plotPaper (contrast about 15:1, well over WCAG's 4.5:1).
const (
	plotPaper   = "#ffffff"
	plotInk     = "#222222"
	plotGrid    = "#d0d0d0"
	plotKernel  = "#1f5fbf" // the kernel process
	plotMachine = "#222222" // every core summed
	plotLimit   = "#1b7a6e" // every core busy
)

// cpuBundle renders the CPU plot: the kernel's CPU use, each core's and the
// whole machine's over time, sampled every interval. headline is empty
// while sampling goes on. The y-axis is fixed at cores×100% so that plots
// compare by eye.
func cpuBundle(samples []runtime.CPUSample, cores float64, span, every time.Duration, headline string) map[string]any {
	const W, H = 640, 300
	const left, right, top, bottom = 64, 150, 30, 48
	pw, ph := float64(W-left-right), float64(H-top-bottom)
	ymax := 100 * cores
	tmax := span.Seconds()
	x := func(t float64) float64 { return left + pw*math.Min(t, tmax)/tmax }
	y := func(v float64) float64 { return top + ph*(1-math.Max(0, math.Min(v, ymax))/ymax) }

	// The first eight cores get a line each.
	corePalette := [...]string{"#d1495b", "#8f5fd7", "#e08a00", "#0096c7", "#c2188b", "#5a8f00", "#b3541e", "#2f8f5b"}

	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="threadlab-cpu" xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" font-family="sans-serif" font-size="12">`, W, H, W, H)
	fmt.Fprintf(&b, `<rect class="paper" x="0" y="0" width="%d" height="%d" fill="%s"/>`, W, H, plotPaper)
	title := "CPU use while your threads run"
	if headline != "" {
		title = "CPU use: " + headline
	}
	fmt.Fprintf(&b, `<text x="%d" y="18" fill="%s" font-weight="bold">%s</text>`, left, plotInk, html.EscapeString(title))
	// Grid: every 100% (200% past eight cores), and the top of the axis.
	step := 100.0
	if cores > 8 {
		step = 200
	}
	for v := 0.0; v <= ymax+1e-9; v += step {
		gridLine(&b, left, y(v), x(tmax))
		fmt.Fprintf(&b, `<text x="%d" y="%.1f" fill="%s" text-anchor="end">%.0f%%</text>`, left-6, y(v)+4, plotInk, v)
	}
	if r := math.Mod(ymax, step); r > 1e-9 {
		gridLine(&b, left, y(ymax), x(tmax))
		fmt.Fprintf(&b, `<text x="%d" y="%.1f" fill="%s" text-anchor="end">%.0f%%</text>`, left-6, y(ymax)+4, plotInk, ymax)
	}
	fmt.Fprintf(&b, `<g stroke="%s" stroke-width="1"><line x1="%d" y1="%d" x2="%d" y2="%.1f"/><line x1="%d" y1="%.1f" x2="%.1f" y2="%.1f"/></g>`,
		plotInk, left, top, left, y(0), left, y(0), x(tmax), y(0))
	tstep := math.Max(0.5, math.Ceil(tmax/6*2)/2)
	for t := 0.0; t <= tmax+1e-9; t += tstep {
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" fill="%s" text-anchor="middle">%g</text>`, x(t), y(0)+16, plotInk, t)
	}
	fmt.Fprintf(&b, `<text x="%.1f" y="%d" fill="%s" text-anchor="middle">time (seconds), sampled every %s</text>`, left+pw/2, H-8, plotInk, every.Round(time.Millisecond))
	fmt.Fprintf(&b, `<text x="14" y="%.1f" fill="%s" text-anchor="middle" transform="rotate(-90 14 %.1f)">CPU (100%% = one core busy)</text>`, top+ph/2, plotInk, top+ph/2)
	// Every core busy: the top of the axis.
	fmt.Fprintf(&b, `<line x1="%d" y1="%.1f" x2="%.1f" y2="%.1f" stroke="%s" stroke-dasharray="6 4"/>`, left, y(ymax), x(tmax), y(ymax), plotLimit)

	ncores := 0
	if len(samples) > 0 {
		ncores = len(samples[0].PerCore)
	}
	line := func(class, colour string, width float64, val func(s runtime.CPUSample) float64) {
		if len(samples) == 0 {
			return
		}
		pts := []string{fmt.Sprintf("%.1f,%.1f", x(0), y(val(samples[0])))}
		for _, s := range samples {
			pts = append(pts, fmt.Sprintf("%.1f,%.1f", x(s.At.Seconds()), y(val(s))))
		}
		fmt.Fprintf(&b, `<polyline class="%s" fill="none" stroke="%s" stroke-width="%g" points="%s"/>`, class, colour, width, strings.Join(pts, " "))
	}
	for c := 0; c < ncores && c < len(corePalette); c++ {
		line("core", corePalette[c], 1.2, func(s runtime.CPUSample) float64 {
			if c < len(s.PerCore) {
				return s.PerCore[c]
			}
			return 0
		})
	}
	line("machine", plotMachine, 1.5, func(s runtime.CPUSample) float64 {
		sum := 0.0
		for _, p := range s.PerCore {
			sum += p
		}
		return sum
	})
	line("kernel", plotKernel, 3, func(s runtime.CPUSample) float64 { return s.Process })

	// Legend: one entry per kind of line, then the cores.
	lx := float64(W - right + 14)
	entry := func(row int, colour string, width float64, dash, label string) {
		yy := top + 8 + 18*row
		fmt.Fprintf(&b, `<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="%s" stroke-width="%g"%s/><text x="%.1f" y="%d" fill="%s">%s</text>`,
			lx, yy, lx+18, yy, colour, width, dash, lx+24, yy+4, plotInk, html.EscapeString(label))
	}
	entry(0, plotKernel, 3, "", "threadlab kernel")
	entry(1, plotMachine, 1.5, "", "whole machine")
	entry(2, plotLimit, 1, ` stroke-dasharray="6 4"`, "all "+coresText(cores))
	if ncores > 0 {
		label := "each core:"
		if ncores > len(corePalette) {
			label = fmt.Sprintf("each core (%d of %d):", len(corePalette), ncores)
		}
		fmt.Fprintf(&b, `<text x="%.1f" y="%d" fill="%s">%s</text>`, lx, top+8+18*3+4, plotInk, label)
	}
	for c := 0; c < ncores && c < len(corePalette); c++ {
		entry(4+c, corePalette[c], 1.2, "", fmt.Sprintf("core %d", c))
	}
	b.WriteString("</svg>")

	text := fmt.Sprintf("CPU use: sampling for %.1f seconds, every %s...", span.Seconds(), every.Round(time.Millisecond))
	if len(samples) > 0 {
		last := samples[len(samples)-1]
		text = fmt.Sprintf("CPU use at %.1fs: kernel %.0f%% (100%% = one core); cores %s", last.At.Seconds(), last.Process, percents(last.PerCore))
	}
	if headline != "" {
		text = "CPU use: " + headline
	}
	// text/html carries the same SVG as an <img>: every front end ranks
	// text/html first, nbconvert's HTML export mangles inline SVG, and
	// JupyterLab's sanitizer keeps an image (where it would drop an
	// untrusted inline SVG).
	svg := b.String()
	img := fmt.Sprintf(`<img class="threadlab-cpu" width="%d" height="%d" alt="%s" src="data:image/svg+xml;base64,%s">`,
		W, H, html.EscapeString(text), base64.StdEncoding.EncodeToString([]byte(svg)))
	return map[string]any{"text/plain": text, "image/svg+xml": svg, "text/html": img}
}

// gridLine draws one horizontal grid line at height y from x1 to x2.
func gridLine(b *strings.Builder, x1 int, y, x2 float64) {
	fmt.Fprintf(b, `<line x1="%d" y1="%.1f" x2="%.1f" y2="%.1f" stroke="%s"/>`, x1, y, x2, y, plotGrid)
}

func percents(ps []float64) string {
	var out []string
	for _, p := range ps {
		out = append(out, fmt.Sprintf("%.0f%%", p))
	}
	return strings.Join(out, " ")
}
