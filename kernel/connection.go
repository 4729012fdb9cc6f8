package kernel

import (
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"os"
	"strconv"
)

// ConnectionInfo is the content of a Jupyter connection file: where the
// five channels live and how messages are signed.
type ConnectionInfo struct {
	Transport       string `json:"transport"` // "tcp" (default) or "ipc"
	IP              string `json:"ip"`        // host for tcp, path prefix for ipc
	ShellPort       int    `json:"shell_port"`
	IOPubPort       int    `json:"iopub_port"`
	StdinPort       int    `json:"stdin_port"`
	ControlPort     int    `json:"control_port"`
	HBPort          int    `json:"hb_port"`
	SignatureScheme string `json:"signature_scheme"`
	Key             string `json:"key"`
	KernelName      string `json:"kernel_name,omitempty"`
}

// ReadConnectionFile reads and validates the connection file at path.
func ReadConnectionFile(path string) (*ConnectionInfo, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading connection file: %w", err)
	}
	ci, err := ParseConnectionInfo(data)
	if err != nil {
		return nil, fmt.Errorf("connection file %s: %w", path, err)
	}
	return ci, nil
}

// ParseConnectionInfo decodes and validates a connection file's JSON. A
// missing transport means "tcp" and a missing ip means 127.0.0.1 (tcp) or
// "kernel-ipc" (ipc), as jupyter_client does. The signature scheme is
// checked here, so an unsupported one stops start-up.
func ParseConnectionInfo(data []byte) (*ConnectionInfo, error) {
	var ci ConnectionInfo
	if err := json.Unmarshal(data, &ci); err != nil {
		return nil, fmt.Errorf("invalid JSON: %w", err)
	}
	switch ci.Transport {
	case "":
		ci.Transport = "tcp"
	case "tcp", "ipc":
	default:
		return nil, fmt.Errorf("unsupported transport %q (want tcp or ipc)", ci.Transport)
	}
	if ci.IP == "" {
		if ci.Transport == "tcp" {
			ci.IP = "127.0.0.1"
		} else {
			ci.IP = "kernel-ipc"
		}
	}
	for _, p := range []struct {
		name string
		port int
	}{{"shell_port", ci.ShellPort}, {"iopub_port", ci.IOPubPort}, {"stdin_port", ci.StdinPort},
		{"control_port", ci.ControlPort}, {"hb_port", ci.HBPort}} {
		if p.port < 0 || p.port > 65535 {
			return nil, fmt.Errorf("%s %d out of range", p.name, p.port)
		}
		if p.port == 0 && ci.Transport == "ipc" {
			return nil, fmt.Errorf("%s missing", p.name)
		}
	}
	if _, err := NewSigner(ci.SignatureScheme, ci.Key); err != nil {
		return nil, err
	}
	return &ci, nil
}

// Endpoint is the ZeroMQ address of one port: tcp://IP:PORT, or
// ipc://IP-PORT for the ipc transport (jupyter_client's convention). A
// tcp port of 0 asks the system for a free port.
func (ci *ConnectionInfo) Endpoint(port int) string {
	if ci.Transport == "ipc" {
		return "ipc://" + ci.IP + "-" + strconv.Itoa(port)
	}
	return "tcp://" + net.JoinHostPort(ci.IP, strconv.Itoa(port))
}

// listenEndpoint is Endpoint on the guarded transport the kernel listens
// through (see guard.go).
func (ci *ConnectionInfo) listenEndpoint(port int) string {
	ep := ci.Endpoint(port)
	if ci.Transport == "ipc" {
		return guardedIPC + ep[len("ipc"):]
	}
	return guardedTCP + ep[len("tcp"):]
}

var errNoPort = errors.New("no port in address")

// portOf returns the port of a bound tcp listener address.
func portOf(addr net.Addr) (int, error) {
	if a, ok := addr.(*net.TCPAddr); ok {
		return a.Port, nil
	}
	return 0, errNoPort
}
