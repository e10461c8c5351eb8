package data

// Compact is the embedded compact form, for the staleness test in
// data_test; production code decodes it through Builtin and Fingerprint.
func Compact() string { return compact }
