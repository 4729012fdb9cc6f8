//go:build unix

package kernel

import (
	"context"
	"errors"
	"os"
	"strconv"
	"syscall"
	"time"
)

// parentPollInterval is how often the kernel checks that its parent lives.
const parentPollInterval = 500 * time.Millisecond

// watchParent calls onDeath once when the process named by JPY_PARENT_PID
// has gone or this process was re-parented (os.Getppid changed), as
// ipykernel does, so that no orphaned kernel is left behind. Without
// JPY_PARENT_PID it returns at once.
func watchParent(ctx context.Context, interval time.Duration, onDeath func()) {
	pid, err := strconv.Atoi(os.Getenv("JPY_PARENT_PID"))
	if err != nil || pid <= 0 {
		return
	}
	watchProcess(ctx, pid, os.Getppid(), interval, onDeath)
}

// watchProcess polls until ctx ends or pid is gone / our parent pid is
// no longer ppid, then calls onDeath.
func watchProcess(ctx context.Context, pid, ppid int, interval time.Duration, onDeath func()) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if os.Getppid() != ppid || !processAlive(pid) {
				onDeath()
				return
			}
		}
	}
}

// processAlive reports whether a process with this pid exists (signal 0
// probes without sending anything; EPERM means it exists).
func processAlive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
