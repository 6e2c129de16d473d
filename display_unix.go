//go:build (linux || freebsd || openbsd || netbsd || dragonfly || illumos || solaris) && !android

package main

import (
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// displayProblem says what is missing for a window, or "" when a display
// seems to be there. It does not start GLFW: it looks at DISPLAY and
// WAYLAND_DISPLAY and connects to the display server's socket (closing the
// connection at once), so that a missing or unreachable display is said in
// words. What it cannot see (an X server refusing the connection for want
// of authorisation, no OpenGL) GLFW reports, caught by runGUI.
func displayProblem() string {
	x, wl := os.Getenv("DISPLAY"), os.Getenv("WAYLAND_DISPLAY")
	if waylandBuild && wl != "" {
		err := dialWayland(wl)
		if err == nil {
			return ""
		}
		if x == "" {
			return fmt.Sprintf("cannot reach the Wayland display WAYLAND_DISPLAY=%s: %v", wl, err)
		}
	}
	switch {
	case x == "" && wl == "" && waylandBuild:
		return "no display found: set DISPLAY (X11) or WAYLAND_DISPLAY"
	case x == "" && wl == "":
		return "no display found: set DISPLAY (Parley's window needs X11, or XWayland under Wayland)"
	case x == "":
		return fmt.Sprintf("no X11 display: DISPLAY is not set (WAYLAND_DISPLAY=%s is, but Parley's window needs X11: enable XWayland, or set DISPLAY)", wl)
	}
	if err := dialX(x); err != nil {
		return fmt.Sprintf("cannot reach the X display DISPLAY=%s: %v", x, err)
	}
	return ""
}

// dialX connects to the X server named by display ("[host]:N[.S]",
// "unix:N", "tcp/host:N").
func dialX(display string) error {
	d := strings.TrimPrefix(display, "tcp/")
	i := strings.LastIndex(d, ":")
	if i < 0 {
		return fmt.Errorf("%q is not a display name like :0 or host:0", display)
	}
	host, number := d[:i], d[i+1:]
	if j := strings.Index(number, "."); j >= 0 {
		number = number[:j] // the screen
	}
	n, err := strconv.Atoi(number)
	if err != nil || n < 0 {
		return fmt.Errorf("%q is not a display name like :0 or host:0", display)
	}
	if (host == "" || host == "unix") && !strings.HasPrefix(display, "tcp/") {
		socket := "/tmp/.X11-unix/X" + strconv.Itoa(n)
		var err error
		for _, addr := range []string{"@" + socket, socket} { // Linux's abstract socket first
			var c net.Conn
			if c, err = net.DialTimeout("unix", addr, 2*time.Second); err == nil {
				c.Close()
				return nil
			}
		}
		if _, serr := os.Stat(socket); serr != nil {
			return fmt.Errorf("no X server is running on it (%s does not exist)", socket)
		}
		return fmt.Errorf("no X server answers on %s: %v", socket, unwrapNet(err))
	}
	addr := net.JoinHostPort(strings.Trim(host, "[]"), strconv.Itoa(6000+n))
	c, err := net.DialTimeout("tcp", addr, 2*time.Second)
	if err != nil {
		return fmt.Errorf("no X server answers at %s: %v", addr, unwrapNet(err))
	}
	c.Close()
	return nil
}

// dialWayland connects to the compositor's socket: WAYLAND_DISPLAY is a
// name in XDG_RUNTIME_DIR, or a path.
func dialWayland(name string) error {
	path := name
	if !filepath.IsAbs(path) {
		dir := os.Getenv("XDG_RUNTIME_DIR")
		if dir == "" {
			return fmt.Errorf("XDG_RUNTIME_DIR is not set, so the socket %s cannot be found", name)
		}
		path = filepath.Join(dir, name)
	}
	c, err := net.DialTimeout("unix", path, 2*time.Second)
	if err != nil {
		return fmt.Errorf("no compositor answers on %s: %v", path, unwrapNet(err))
	}
	c.Close()
	return nil
}

// unwrapNet drops the "dial unix …:" around a connection error.
func unwrapNet(err error) error {
	if oe, ok := err.(*net.OpError); ok && oe.Err != nil {
		if se, ok := oe.Err.(*os.SyscallError); ok {
			return se.Err
		}
		return oe.Err
	}
	return err
}
