// Command threadlab is a Jupyter kernel for learning concurrency in
// Python, run by threadlab's own interpreter.
//
//	threadlab kernel -f CONNECTION_FILE   run the kernel (Jupyter calls this)
//	threadlab install [--user | --sys-prefix | --prefix DIR]
//	threadlab run FILE.py [ARGS]          run a Python program
//	threadlab version
package main

import (
	"bufio"
	"context"
	_ "embed"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"sync"

	"threadlab/kernel"
	"threadlab/lessons"
	"threadlab/lessons/pyhost"
	"threadlab/lessons/python"
	"threadlab/runtime"
)

//go:embed kernel.json
var specTemplate []byte

func main() {
	if len(os.Args) < 2 {
		usage()
	}
	var err error
	switch os.Args[1] {
	case "kernel", "run":
		python.TuneGC() // both run Python: the same collector settings
	}
	switch os.Args[1] {
	case "kernel":
		err = runKernel(os.Args[2:])
	case "install":
		err = install(os.Args[2:])
	case "run":
		os.Exit(runFile(os.Args[2:]))
	case "version", "--version", "-version":
		fmt.Println("threadlab", kernel.Version)
	default:
		usage()
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "threadlab:", err)
		os.Exit(1)
	}
}

func usage() {
	fmt.Fprintln(os.Stderr, `usage:
  threadlab kernel -f CONNECTION_FILE
  threadlab install [--user | --sys-prefix | --prefix DIR]
  threadlab run FILE.py [ARGS]
  threadlab version`)
	os.Exit(2)
}

// runFile runs a Python program with threadlab's interpreter and returns
// the exit status Python would.
func runFile(args []string) int {
	if len(args) < 1 {
		fmt.Fprintln(os.Stderr, "usage: threadlab run FILE.py [ARGS]")
		return 2
	}
	src, err := os.ReadFile(args[0])
	if err != nil {
		fmt.Fprintf(os.Stderr, "threadlab: can't open file '%s': %v\n", args[0], err)
		return 2
	}
	name := args[0]
	if abs, err := filepath.Abs(name); err == nil {
		name = abs // as CPython names the script in tracebacks
	}
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	errOut := &flushFirst{out: out, w: os.Stderr}
	interrupt := make(chan struct{})
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt)
	defer signal.Stop(sigs)
	go func() {
		// One value per Ctrl-C: the first raises KeyboardInterrupt, the
		// second stops the program.
		for range sigs {
			interrupt <- struct{}{}
		}
	}()
	return pyhost.Run(name, src, python.Options{Stdout: out, Stderr: errOut, Stdin: os.Stdin, Argv: args, Interrupt: interrupt})
}

// flushFirst flushes buffered standard output before each write to
// standard error, so that the two appear in the order they were written.
type flushFirst struct {
	out *bufio.Writer
	w   *os.File
}

func (f *flushFirst) Write(p []byte) (int, error) {
	f.out.Flush()
	return f.w.Write(p)
}

func runKernel(args []string) error {
	fs := flag.NewFlagSet("kernel", flag.ExitOnError)
	file := fs.String("f", "", "Jupyter connection file")
	fs.Parse(args)
	if *file == "" {
		return fmt.Errorf("kernel: -f CONNECTION_FILE is required")
	}
	ci, err := kernel.ReadConnectionFile(*file)
	if err != nil {
		return err
	}
	return kernel.Run(context.Background(), ci, newInterpreter())
}

func install(args []string) error {
	fs := flag.NewFlagSet("install", flag.ExitOnError)
	user := fs.Bool("user", false, "install for the current user (default)")
	sysPrefix := fs.Bool("sys-prefix", false, "install into the active environment, else /usr/local")
	prefix := fs.String("prefix", "", "install into `DIR`/share/jupyter/kernels")
	fs.Parse(args)
	dir, err := kernel.KernelsDir(*user, *sysPrefix, *prefix)
	if err != nil {
		return err
	}
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	spec, err := kernel.InstallSpec(dir, specTemplate, exe)
	if err != nil {
		return err
	}
	fmt.Println("installed kernelspec threadlab in", spec)
	return nil
}

// interpreter adapts a lessons.Session to kernel.Interpreter. The session
// is built in the background from start-up on, so that constructing it
// never delays binding the sockets; Info needs no session at all. The
// other methods wait until it is ready. A kernel.Output is passed
// straight through: lessons.Output has the same method set.
type interpreter struct {
	once    sync.Once
	ready   chan struct{}
	session *lessons.Session

	meterOnce sync.Once
	meter     *runtime.UsageMeter
	meterErr  error
}

func newInterpreter() *interpreter {
	return &interpreter{ready: make(chan struct{})}
}

// warm starts building the session in the background. It is first called
// for kernel_info (which needs no session), so that neither binding the
// sockets nor the first reply waits for it.
func (i *interpreter) warm() {
	i.once.Do(func() {
		go func() {
			i.session = lessons.New()
			close(i.ready)
		}()
		go i.meterOnce.Do(i.makeMeter) // CPU figures then cover the time since start-up
	})
}

func (i *interpreter) s() *lessons.Session {
	i.warm()
	<-i.ready
	return i.session
}

func (i *interpreter) Info() kernel.LanguageInfo {
	i.warm()
	l := lessons.Language
	links := make([]kernel.HelpLink, len(l.HelpLinks))
	for j, h := range l.HelpLinks {
		links[j] = kernel.HelpLink{Text: h.Text, URL: h.URL}
	}
	return kernel.LanguageInfo{
		Name: l.Name, Version: l.Version, Mimetype: l.Mimetype,
		FileExtension: l.FileExtension, PygmentsLexer: l.PygmentsLexer,
		CodemirrorMode: l.CodemirrorMode, Banner: l.Banner, HelpLinks: links,
	}
}

func (i *interpreter) Execute(ctx context.Context, code string, out kernel.Output) (map[string]any, error) {
	return i.s().Execute(ctx, code, out)
}

func (i *interpreter) Complete(code string, cursor int) ([]string, int, int) {
	return i.s().Complete(code, cursor)
}

func (i *interpreter) Inspect(code string, cursor, detail int) (map[string]any, bool) {
	return i.s().Inspect(code, cursor, detail)
}

func (i *interpreter) IsComplete(code string) (string, string) {
	return i.s().IsComplete(code)
}

func (i *interpreter) Shutdown() { i.s().Shutdown() }

// Interrupt stops what earlier cells left running; before the session
// exists nothing can be running.
func (i *interpreter) Interrupt() {
	select {
	case <-i.ready:
		i.session.Interrupt()
	default:
	}
}

// Usage reads the process's and the machine's use for usage_request.
func (i *interpreter) Usage() (kernel.Usage, error) {
	i.meterOnce.Do(i.makeMeter)
	if i.meterErr != nil {
		return kernel.Usage{}, i.meterErr
	}
	u, err := i.meter.Read()
	if err != nil {
		return kernel.Usage{}, err
	}
	return kernel.Usage{
		Hostname: u.Hostname, PID: u.PID, KernelCPU: u.ProcessCPU, KernelMemory: u.ProcessRSS,
		HostCPUPercent: u.HostCPUPercent, CPUCount: u.CPUCount, HostVirtualMemory: u.HostMemory,
	}, nil
}

func (i *interpreter) makeMeter() { i.meter, i.meterErr = runtime.NewUsageMeter() }

var (
	_ kernel.Interpreter   = (*interpreter)(nil)
	_ kernel.UsageReporter = (*interpreter)(nil)
)
