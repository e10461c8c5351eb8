package search

// removeOnClose reports the temporary folder of a one-part index, which
// Close removes: the tests check it goes (and that a signal removes it).
func (ix *Index) removeOnClose() string {
	if len(ix.parts) == 1 {
		return ix.parts[0].removeOnClose
	}
	return ""
}
