module threadlab

go 1.26.8

require (
	github.com/go-zeromq/goczmq/v4 v4.2.2 // indirect
	github.com/go-zeromq/zmq4 v0.17.0 // indirect
	github.com/google/uuid v1.6.0 // indirect
	github.com/shirou/gopsutil/v3 v3.24.5 // indirect
	go.starlark.net v0.0.0-20260908191801-89a6a09411d5 // indirect
	golang.org/x/sync v0.7.0 // indirect
	golang.org/x/sys v0.42.0 // indirect
	golang.org/x/text v0.15.0 // indirect
)
