package runtime

import (
	"os"
	"sync"
	"time"

	"github.com/shirou/gopsutil/v3/cpu"
	"github.com/shirou/gopsutil/v3/mem"
	"github.com/shirou/gopsutil/v3/process"
)

// Usage is one reading of what the process and its machine use, in the
// terms of psutil (which ipykernel's usage_reply is made of).
type Usage struct {
	Hostname       string
	PID            int
	ProcessCPU     float64 // the process and its children since the last reading: 100 = one core busy
	ProcessRSS     uint64  // resident bytes of the process and its children
	HostCPUPercent float64 // the whole machine since the last reading: 100 = every core busy
	CPUCount       int     // logical CPUs
	HostMemory     HostMemory
}

// HostMemory is the machine's memory, in bytes, as psutil.virtual_memory
// names it.
type HostMemory struct {
	Total     uint64  `json:"total"`
	Available uint64  `json:"available"`
	Percent   float64 `json:"percent"`
	Used      uint64  `json:"used"`
	Free      uint64  `json:"free"`
	Active    uint64  `json:"active"`
	Inactive  uint64  `json:"inactive"`
	Buffers   uint64  `json:"buffers"`
	Cached    uint64  `json:"cached"`
	Shared    uint64  `json:"shared"`
	Slab      uint64  `json:"slab"`
}

// UsageMeter takes Usage readings. Like psutil's cpu_percent(), CPU figures
// cover the time since the previous reading (the first covers the time
// since the meter was made), so a frontend polling every few seconds sees
// what happened in between. Safe for concurrent use.
type UsageMeter struct {
	mu       sync.Mutex
	proc     *process.Process
	hostname string
	cpus     int
	lastWall time.Time
	lastProc float64
	lastHost cpu.TimesStat
	cpu      [2]float64 // the last process and host CPU figures
}

// minInterval is the shortest interval CPU figures are computed over: the
// kernel counts CPU time in clock ticks (10 ms), so shorter intervals give
// noise. A reading sooner than this repeats the previous figures.
const minInterval = 100 * time.Millisecond

// NewUsageMeter makes a meter for the calling process.
func NewUsageMeter() (*UsageMeter, error) {
	p, err := process.NewProcess(int32(os.Getpid()))
	if err != nil {
		return nil, err
	}
	host, err := os.Hostname()
	if err != nil {
		return nil, err
	}
	m := &UsageMeter{proc: p, hostname: host, cpus: cpuCount(), lastWall: time.Now(), lastProc: processSeconds(p)}
	if t, err := cpu.Times(false); err == nil && len(t) > 0 {
		m.lastHost = t[0]
	}
	return m, nil
}

// Read takes a reading.
func (m *UsageMeter) Read() (Usage, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	vm, err := mem.VirtualMemory()
	if err != nil {
		return Usage{}, err
	}
	hostTimes, err := cpu.Times(false)
	if err != nil || len(hostTimes) == 0 {
		return Usage{}, err
	}
	now := time.Now()
	children := childPIDs(m.proc.Pid)
	procSecs := treeSeconds(m.proc, children)
	u := Usage{
		Hostname:   m.hostname,
		PID:        int(m.proc.Pid),
		ProcessRSS: treeRSS(m.proc, children),
		CPUCount:   m.cpus,
		HostMemory: HostMemory{
			Total: vm.Total, Available: vm.Available, Percent: vm.UsedPercent,
			Used: vm.Used, Free: vm.Free, Active: vm.Active, Inactive: vm.Inactive,
			Buffers: vm.Buffers, Cached: vm.Cached, Shared: vm.Shared, Slab: vm.Slab,
		},
	}
	if wall := now.Sub(m.lastWall); wall >= minInterval {
		m.cpu[0] = max(0, 100*(procSecs-m.lastProc)/wall.Seconds())
		if pc := busy([]cpu.TimesStat{m.lastHost}, hostTimes[:1]); len(pc) == 1 {
			m.cpu[1] = pc[0]
		}
		m.lastWall, m.lastProc, m.lastHost = now, procSecs, hostTimes[0]
	}
	u.ProcessCPU, u.HostCPUPercent = m.cpu[0], m.cpu[1]
	return u, nil
}

// treeRSS is the resident memory of p and the given children.
func treeRSS(p *process.Process, children []int32) uint64 {
	var total uint64
	if mi, err := p.MemoryInfo(); err == nil {
		total += mi.RSS
	}
	for _, pid := range children {
		if c, err := process.NewProcess(pid); err == nil {
			if mi, err := c.MemoryInfo(); err == nil {
				total += mi.RSS
			}
		}
	}
	return total
}

func cpuCount() int {
	if n, err := cpu.Counts(true); err == nil && n > 0 {
		return n
	}
	return 1
}
