//go:build wayland

package main

// waylandBuild: built with the wayland tag, GLFW talks to a Wayland
// compositor.
const waylandBuild = true
