package scenario

// SetCheckLimits turns the hostile-file limits off or on, for the test
// that measures what they save.
func SetCheckLimits(on bool) { checkLimits = on }

// ShapeCounts is how many tables and values checkShape counts in src, with
// no limit on either; ok is false when src is over another limit.
func ShapeCounts(src []byte) (tables, values int, ok bool) {
	lim := fileLimits
	lim.tables, lim.values = 1<<62, 1<<62
	s := &shapeScan{cursor: newCursor(src), limits: lim}
	s.run()
	return s.tables, s.values, !s.over
}
