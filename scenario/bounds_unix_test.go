//go:build unix

package scenario_test

import (
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"time"
)

// selfPeakRSS is this process's peak resident set in bytes, from Linux's
// VmHWM (0 elsewhere). Unlike the rusage of a child, it does not count
// what the parent had before the child's exec.
func selfPeakRSS() int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, l := range strings.Split(string(b), "\n") {
		if f := strings.Fields(l); len(f) >= 2 && f[0] == "VmHWM:" {
			kb, _ := strconv.ParseInt(f[1], 10, 64)
			return kb << 10
		}
	}
	return 0
}

// maxRSS is a finished process's peak resident set, in bytes. On Linux it
// may include the parent's before the exec, so selfPeakRSS comes first.
func maxRSS(ps *os.ProcessState) int64 {
	ru, ok := ps.SysUsage().(*syscall.Rusage)
	if !ok {
		return 0
	}
	if runtime.GOOS == "darwin" {
		return ru.Maxrss // bytes there
	}
	return ru.Maxrss * 1024
}

// watch kills the process pid when it grows past 2 GB or runs over 30 s
// (without the limits, most cases would fill the machine); the returned
// function says why it was killed ("" if not).
func watch(pid int) func() string {
	var why atomic.Value
	why.Store("")
	start := time.Now()
	go func() {
		for {
			time.Sleep(20 * time.Millisecond)
			b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/status")
			if err != nil {
				return
			}
			for _, l := range strings.Split(string(b), "\n") {
				if f := strings.Fields(l); len(f) >= 2 && f[0] == "VmRSS:" {
					kb, _ := strconv.Atoi(f[1])
					if kb > 2<<20 || time.Since(start) > 30*time.Second {
						why.Store("killed after " + time.Since(start).Round(time.Millisecond).String() + " at " + strconv.Itoa(kb>>10) + " MB RSS")
						syscall.Kill(pid, syscall.SIGKILL)
						return
					}
				}
			}
		}
	}()
	return func() string { return why.Load().(string) }
}

// cpuTime is the CPU time this process has used so far (user and system).
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
