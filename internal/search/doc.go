// Package search is djq's full-text search: an identifier-aware English
// analysis, a Bleve index of every deck cached on disk, a small query
// language (phrases, +required, -excluded, level:/tag:/title:/deck:),
// synonyms and typo correction, and snippets of the matching text.
//
// The package has three parts; a file's name says which it belongs to.
//
// What goes into the index (hashed into every cache key, so an index made
// by a djq that analysed differently is never read):
//
//	analysis.go    tokenizer and analyzers (identifiers whole and in parts, stems)
//	mapping.go     the Bleve mapping: fields, analyzers, weights, MappingVersion
//	plaintext.go   an answer's Markdown as the text a person reads
//
// The index lifecycle: opening, caching, building and cleaning up, with
// nothing about what a query means:
//
//	index.go              Source, Options, Index, Open, Close, Facets
//	index_cache.go        the on-disk cache: keys, open/validate, create atomically, latest-<deck>, cleanup
//	index_build.go        BuildAt and the in-memory build
//	index_speculative.go  opening last run's index while a user deck's files are checked
//	index_readers.go      term dictionaries across every deck's index (for typo correction and facets)
//	index_damage.go       panics from a damaged index recovered, the index moved aside and rebuilt
//	index_tmpdirs.go      temporary folders with the PID in their name, removed on close or by a later run
//	index_signal_*.go     removing them on SIGINT/SIGTERM (unix), or not (elsewhere)
//
// Queries and ranking: from the words a user typed to ordered hits:
//
//	query.go               the query language: clauses, MaxQueryLen, QueryError
//	query_fields.go        level:, tag:, deck: checked against the index ("did you mean")
//	query_synonyms.go      synonym groups and joined identifiers
//	query_correct.go       typo correction against the vocabulary
//	query_questionwords.go the words that make a sentence a question
//	search.go              Request, Result, Index.Search and Suggest: the query built and run
//	rank.go                reranking a question by its best single phrasing
//	snippet.go             the snippet of each hit, with the matched words marked
//
// Hits are hit.Hit (package hit), so the renderer never imports search.
package search
