package layout

import (
	"context"
	"math"
	"os"
	"runtime"
	"time"
)

// selfExecutable is the program a worker child is started from: on Linux the
// running executable's own image, /proc/self/exe, which stays valid when
// the installed file is deleted or replaced by an upgrade while the app
// runs; elsewhere the executable's path (os.Executable).
func selfExecutable() (string, error) {
	if runtime.GOOS == "linux" || runtime.GOOS == "android" {
		if _, err := os.Lstat("/proc/self/exe"); err == nil {
			return "/proc/self/exe", nil
		}
	}
	return os.Executable()
}

// timeoutGrowth is the size of DOT text past which a layout's time limit
// grows with the cube of the size. Measured on a loaded 2-core machine:
// 100 actors (76 KB of DOT) 0.27 s, 1,000 (775 KB) 7 s, 2,000 (1.6 MB) 50 s;
// dot's time grows with roughly the cube of the size at that end.
const timeoutGrowth = 512 << 10

// attemptLimit is how long one attempt at laying out dot may run in a child
// before the child is killed, and whether there is a limit at all. A
// caller's ctx with a deadline rules: then there is none of Parley's own.
// Otherwise it is Timeout for a small graph, growing with the cube of the
// DOT's size past timeoutGrowth (2,000 actors: ~30 times Timeout), so that
// a big layout on a busy machine is not cut off. Each attempt (a retry on a
// fresh child too) gets the whole limit.
func (w *Worker) attemptLimit(ctx context.Context, dot []byte) (time.Duration, bool) {
	if _, ok := ctx.Deadline(); ok {
		return 0, false
	}
	return scaledTimeout(w.opts.Timeout, len(dot)), true
}

// scaledTimeout is base × (1 + (size/timeoutGrowth)³), but no more than a
// day (or base, if that is longer).
func scaledTimeout(base time.Duration, size int) time.Duration {
	x := float64(size) / timeoutGrowth
	d := float64(base) * (1 + x*x*x)
	if ceiling := max(base, 24*time.Hour); d > float64(ceiling) || math.IsNaN(d) {
		return ceiling
	}
	return time.Duration(d)
}
