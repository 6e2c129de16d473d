//go:build !unix

package scenario_test

import (
	"os"
	"time"
)

// maxRSS is not known here; TestHostileBounded uses the sampled heap.
func maxRSS(*os.ProcessState) int64 { return 0 }

// selfPeakRSS is not known here.
func selfPeakRSS() int64 { return 0 }

// cpuTime is not known here; TestHostileBounded uses the clock.
func cpuTime() time.Duration { return 0 }

// watch does nothing here: the limits keep the cases small.
func watch(int) func() string { return func() string { return "" } }
