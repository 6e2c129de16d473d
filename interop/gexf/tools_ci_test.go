//go:build ci

package gexf

// requireTools: in CI (go test -tags ci) xmllint must be there.
const requireTools = true
