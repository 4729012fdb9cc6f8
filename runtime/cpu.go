package runtime

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	goruntime "runtime"
	"strconv"
	"strings"
	"time"

	"github.com/shirou/gopsutil/v3/cpu"
	"github.com/shirou/gopsutil/v3/process"
)

// CPUSample is the CPU use over one sampling interval.
type CPUSample struct {
	At      time.Duration // end of the interval, since sampling began
	Process float64       // the kernel process (and its children): 100 = one core busy
	PerCore []float64     // each core's busy percentage
}

// CPUReport sums up a sampling run.
type CPUReport struct {
	Samples []CPUSample
	Seconds float64   // wall time sampled
	Percent float64   // process CPU over the run: 100 = one core busy
	Cores   float64   // cores available to the process (cgroup limits honoured)
	PerCore []float64 // each core's average busy percentage
}

// Cores returns how many cores the process may use: the CPUs it may run on,
// capped by a cgroup CPU quota when one is set.
func Cores() float64 {
	n := float64(goruntime.NumCPU())
	if q := cgroupQuota(); q > 0 && q < n {
		return q
	}
	return n
}

// cgroupQuota reads the CPU quota (in cores) of cgroup v2 or v1; 0 means none.
func cgroupQuota() float64 {
	if b, err := os.ReadFile("/sys/fs/cgroup/cpu.max"); err == nil {
		f := strings.Fields(string(b))
		if len(f) == 2 && f[0] != "max" {
			quota, err1 := strconv.ParseFloat(f[0], 64)
			period, err2 := strconv.ParseFloat(f[1], 64)
			if err1 == nil && err2 == nil && period > 0 {
				return quota / period
			}
		}
		return 0
	}
	qb, err1 := os.ReadFile("/sys/fs/cgroup/cpu/cpu.cfs_quota_us")
	pb, err2 := os.ReadFile("/sys/fs/cgroup/cpu/cpu.cfs_period_us")
	if err1 != nil || err2 != nil {
		return 0
	}
	quota, _ := strconv.ParseFloat(strings.TrimSpace(string(qb)), 64)
	period, _ := strconv.ParseFloat(strings.TrimSpace(string(pb)), 64)
	if quota <= 0 || period <= 0 {
		return 0
	}
	return quota / period
}

// processSeconds is the CPU time used so far by this process and its
// children. (gopsutil's Process.Children runs pgrep, a new process at every
// sample, which would itself show up in the plot; /proc says the same for
// free.)
func processSeconds(p *process.Process) float64 {
	return treeSeconds(p, childPIDs(p.Pid))
}

// treeSeconds is the CPU time used by p and the given children.
func treeSeconds(p *process.Process, children []int32) float64 {
	total := 0.0
	if t, err := p.Times(); err == nil {
		total += t.User + t.System
	}
	for _, pid := range children {
		if c, err := process.NewProcess(pid); err == nil {
			if t, err := c.Times(); err == nil {
				total += t.User + t.System
			}
		}
	}
	return total
}

// childPIDs lists the children of pid from /proc/PID/task/*/children.
func childPIDs(pid int32) []int32 {
	tasks, _ := filepath.Glob(fmt.Sprintf("/proc/%d/task/*/children", pid))
	var out []int32
	for _, f := range tasks {
		b, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		for _, field := range strings.Fields(string(b)) {
			if n, err := strconv.ParseInt(field, 10, 32); err == nil {
				out = append(out, int32(n))
			}
		}
	}
	return out
}

// SampleCPU samples CPU use every interval for duration (or until ctx ends)
// and calls each (which may be nil) with every sample as it is taken.
func SampleCPU(ctx context.Context, duration, interval time.Duration, each func(CPUSample)) (*CPUReport, error) {
	p, err := process.NewProcess(int32(os.Getpid()))
	if err != nil {
		return nil, err
	}
	began := time.Now()
	lastWall := began
	lastProc := processSeconds(p)
	lastCores, err := cpu.Times(true)
	if err != nil {
		return nil, err
	}
	firstProc, firstCores := lastProc, lastCores
	rep := &CPUReport{Cores: Cores()}
	ticker := time.NewTicker(interval)
	defer ticker.Stop()
	for time.Since(began) < duration {
		select {
		case <-ctx.Done():
			duration = 0
			continue
		case <-ticker.C:
		}
		now := time.Now()
		proc := processSeconds(p)
		cores, err := cpu.Times(true)
		if err != nil {
			return nil, err
		}
		s := CPUSample{
			At:      now.Sub(began),
			Process: 100 * (proc - lastProc) / now.Sub(lastWall).Seconds(),
			PerCore: busy(lastCores, cores),
		}
		rep.Samples = append(rep.Samples, s)
		if each != nil {
			each(s)
		}
		lastWall, lastProc, lastCores = now, proc, cores
	}
	rep.Seconds = lastWall.Sub(began).Seconds()
	if rep.Seconds > 0 {
		rep.Percent = 100 * (lastProc - firstProc) / rep.Seconds
	}
	rep.PerCore = busy(firstCores, lastCores)
	return rep, nil
}

// busy returns each core's busy percentage between two readings.
func busy(a, b []cpu.TimesStat) []float64 {
	n := min(len(a), len(b))
	out := make([]float64, n)
	for i := 0; i < n; i++ {
		total := b[i].Total() - a[i].Total()
		idle := (b[i].Idle + b[i].Iowait) - (a[i].Idle + a[i].Iowait)
		if total > 0 {
			out[i] = max(0, min(100, 100*(total-idle)/total))
		}
	}
	return out
}
