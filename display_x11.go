//go:build !wayland

package main

// waylandBuild tells whether GLFW was built for Wayland (the wayland build
// tag, as Fyne and GLFW use it); by default it uses X11.
const waylandBuild = false
