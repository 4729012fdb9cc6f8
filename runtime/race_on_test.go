//go:build race

package runtime

// raceBuild is true under the race detector, which makes exploration
// about ten times slower: the heaviest tests try fewer programs then.
const raceBuild = true
