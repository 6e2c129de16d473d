//go:build !((linux || freebsd || openbsd || netbsd || dragonfly || illumos || solaris) && !android)

package main

// displayProblem: Windows and macOS always have a window system for a
// logged-in user; GLFW's own failure is caught by runGUI.
func displayProblem() string { return "" }
