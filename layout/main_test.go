package layout

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// update makes golden-file tests in this package rewrite their files under
// testdata/ instead of comparing against them.
var update = flag.Bool("update", false, "rewrite golden files under testdata/")

// soak enables the long soak tests (thousands of layouts).
var soak = flag.Bool("soak", false, "run long soak tests")

// workerEnv is the environment variable that makes this test binary run as a
// layout worker child (see TestMain). Other packages that start a Worker in
// their tests do the same in their own TestMain:
//
//	func TestMain(m *testing.M) {
//		if os.Getenv("PARLEY_TEST_LAYOUT_WORKER") == "1" {
//			os.Exit(render.RunWorker(os.Stdin, os.Stdout))
//		}
//		os.Exit(m.Run())
//	}
//
// and use render.WorkerOptions{Command: []string{os.Args[0]},
// Env: []string{"PARLEY_TEST_LAYOUT_WORKER=1"}}.
const workerEnv = "PARLEY_TEST_LAYOUT_WORKER"

func TestMain(m *testing.M) {
	switch os.Getenv(workerEnv) {
	case "":
	case "1":
		os.Exit(RunWorker(os.Stdin, os.Stdout))
	case "garbage": // a broken worker that writes junk where frames belong
		fmt.Fprintln(os.Stdout, "hello from a confused worker")
		os.Exit(RunWorker(os.Stdin, os.Stdout))
	case "die": // a worker that dies before saying hello
		fmt.Fprintln(os.Stderr, "worker: cannot start: simulated failure")
		os.Exit(3)
	case "parent": // a parent with a busy worker child, to be killed by a test
		runTestParent()
	case "deleted-app": // an app whose executable is deleted (TestWorkerOutlivesItsExecutable)
		runDeletedApp()
	case "slow": // a worker slow to answer (TestWorkerRetryHasItsOwnTimeLimit)
		runSlowWorker()
	}
	os.Exit(m.Run())
}

// runTestParent starts a Worker, prints its child's pid, keeps the child
// busy with a long layout and waits to be killed (TestWorkerNoOrphans).
func runTestParent() {
	w := NewWorker(WorkerOptions{Command: []string{os.Args[0]}, Env: []string{workerEnv + "=1"}})
	if _, err := w.Layout(context.Background(), genDOT(5, 1)); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println(w.Stats().ChildPID)
	go w.Layout(context.Background(), genDOT(2000, 1))
	time.Sleep(time.Minute)
	os.Exit(1)
}

// checkGolden compares got with testdata/name, or rewrites it with -update.
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (go test ./layout -update rewrites it); got:\n%.3000s", path, got)
	}
}
