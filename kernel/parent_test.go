//go:build unix

package kernel

import (
	"context"
	"os"
	osexec "os/exec"
	"testing"
	"time"
)

func TestWatchProcessNoticesDeath(t *testing.T) {
	cmd := osexec.Command("sleep", "60")
	if err := cmd.Start(); err != nil {
		t.Skip("no sleep command:", err)
	}
	died := make(chan struct{})
	go watchProcess(context.Background(), cmd.Process.Pid, os.Getppid(), 5*time.Millisecond, func() { close(died) })
	cmd.Process.Kill()
	cmd.Wait() // reap: a zombie still answers signal 0
	select {
	case <-died:
	case <-time.After(wait):
		t.Fatal("death of the watched process not noticed")
	}
}

func TestWatchProcessNoticesReparenting(t *testing.T) {
	died := make(chan struct{})
	go watchProcess(context.Background(), os.Getpid(), os.Getppid()+1, time.Millisecond, func() { close(died) })
	select {
	case <-died:
	case <-time.After(wait):
		t.Fatal("change of parent not noticed")
	}
}

func TestWatchProcessStopsWithContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	returned := make(chan struct{})
	called := false
	go func() {
		watchProcess(ctx, os.Getpid(), os.Getppid(), time.Millisecond, func() { called = true })
		close(returned)
	}()
	cancel()
	<-returned
	if called {
		t.Error("onDeath called for a living parent")
	}
}

func TestWatchParentWithoutEnv(t *testing.T) {
	t.Setenv("JPY_PARENT_PID", "")
	watchParent(context.Background(), time.Millisecond, func() { t.Error("onDeath called") }) // returns at once
}
