//go:build ci

package ui

// runGUIForSmokeTest is only in builds with a real display driver.
func runGUIForSmokeTest() { panic("ui: the GUI smoke test needs a build without the ci tag") }
