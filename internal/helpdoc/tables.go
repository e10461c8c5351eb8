package helpdoc

// Environment is every variable djq reads (the test-only ones aside).
var Environment = Topic{
	Name:    "environment",
	Section: "ENVIRONMENT",
	Short:   "The environment variables djq reads",
	Lead:    "djq reads these environment variables; a flag given on the command line wins over its variable.",
	Header:  []string{"variable", "effect"},
	Rows: []Row{
		{Name: "`DJQ_DECKS`", Text: "extra deck folders, separated by the OS path-list separator (a colon, a semicolon on Windows)"},
		{Name: "`DJQ_DATA_DIR`", Text: "djq's data folder; decks live in its `decks/`; default `$XDG_DATA_HOME/djq`, else `~/.local/share/djq`"},
		{Name: "`DJQ_CACHE_DIR`", Text: "search index and rendered-answer cache; default `$XDG_CACHE_HOME/djq`, else the OS cache folder (`~/.cache/djq`, `~/Library/Caches/djq`, `%LocalAppData%\\djq`)"},
		{Name: "`DJQ_STATE_DIR`", Text: "quiz progress; default `$XDG_STATE_HOME/djq`, else `~/.local/state/djq`"},
		{Name: "`DJQ_CONFIG_DIR`", Text: "configuration folder, holding `decks.txt`; default `$XDG_CONFIG_HOME/djq`, else the OS configuration folder"},
		{Name: "`XDG_CACHE_HOME`, `XDG_CONFIG_HOME`, `XDG_DATA_HOME`, `XDG_STATE_HOME`", Text: "where the four folders above go (in a `djq` folder) when their `DJQ_` variable is unset"},
		{Name: "`GLAMOUR_STYLE`", Text: "default for `--style`"},
		{Name: "`DJQ_HYPERLINKS`", Text: "`0` turns OSC 8 hyperlinks off, `1` on wherever colour is on; `--hyperlinks` wins"},
		{Name: "`DJQ_RENDER_CACHE=0`", Text: "do not cache rendered answers"},
		{Name: "`FZF_PREVIEW_COLUMNS`, `COLUMNS`", Text: "width of pretty output, in that order after `--width` and before the terminal's (so fzf previews fit their pane); ignored unless a positive whole number"},
		{Name: "`DJQ_PAGER`, `PAGER`, `LESS`", Text: "the pager: `$DJQ_PAGER`, else `$PAGER`, else `less -FRX`; an empty `DJQ_PAGER` or `DJQ_PAGER=cat` turns paging off; djq sets `LESS=FRX` when `LESS` is unset"},
		{Name: "`NO_COLOR`, `CLICOLOR_FORCE`, `TERM`, `COLORTERM`, `COLORFGBG`", Text: "colour: `NO_COLOR` (any value) turns it off, `CLICOLOR_FORCE=1` on through a pipe, `TERM=dumb` off (and no pager); `TERM` and `COLORTERM` give the colour depth, `COLORFGBG` the background"},
		{Name: "`BROWSER`", Text: "what `djq open` and browse's `o` open links with"},
		{Name: "`DJQ_DEBUG=1`", Text: "explain cache decisions on stderr; print a stack with internal errors"},
	},
}

// Files is what djq keeps on disk (`djq paths` prints the folders).
var Files = Topic{
	Name:    "files",
	Section: "FILES",
	Short:   "The files and folders djq keeps",
	Lead:    "djq keeps these files; `djq paths` prints where they are on this machine, and the environment variables move them.",
	Header:  []string{"file", "what it holds"},
	Rows: []Row{
		{Name: "`$DJQ_CACHE_DIR/index-DECK-KEY/`", Text: "a deck's search index, rebuilt when the deck's files change; the whole cache folder is safe to delete"},
		{Name: "`$DJQ_CACHE_DIR/render/`", Text: "rendered answers, pruned after 30 days (`DJQ_RENDER_CACHE=0` turns it off)"},
		{Name: "`$DJQ_CACHE_DIR/deck-DECK-*.bin`", Text: "a compact copy of a user deck, read instead of its files while they are unchanged"},
		{Name: "`$DJQ_STATE_DIR/state.json`", Text: "quiz progress, with `state.json.bak` beside it and `state.json.reset-TIME` after `djq stats --reset`"},
		{Name: "`$DJQ_CONFIG_DIR/decks.txt`", Text: "the deck folders added with `djq decks add`, one a line, editable: comments and blank lines are kept, a line over 4,096 bytes is skipped with a warning naming its line"},
		{Name: "`$DJQ_DATA_DIR/decks/`", Text: "your own decks, one folder each (`djq decks new`)"},
	},
}

// ExitCodes are djq's exit codes; internal/exitcode maps errors to them.
var ExitCodes = Topic{
	Name:    "exit-codes",
	Section: "EXIT STATUS",
	Short:   "What djq's exit codes mean",
	Lead:    "djq exits with one of these codes; every error is one line on stderr that names the bad value and what is valid.",
	Header:  []string{"code", "meaning", "examples"},
	Rows: []Row{
		{Name: "0", Text: "success", Examples: "`djq show 35`; `djq` alone prints help"},
		{Name: "1", Text: "nothing found, or a problem outside the command line", Examples: "`djq show 999` (a well-formed reference that names nothing), a filter that matches nothing, a search with no hits, `djq decks check` finding problems, stdout on a full disk (help and `--version` too: `djq --help > /dev/full`)"},
		{Name: "2", Text: "usage error", Examples: "`djq quiz` without a terminal (use `--plain`), `djq show select_related` (text where an id belongs: djq suggests the best match), `djq select_related` (an unknown command: djq says how to search for it), `djq show 0`, `djq show nosuch:1`, `--level expert`, `--tag securty`, `--deck nosuch`, `--deck ./missing`, `djq decks check nosuch`, `--format yaml`, `--formt json` (an unknown flag: djq suggests `--format`), `--width abc`, `--width 5`, `--count 0`, `--limit 100000`, `--seed abc`, `--pager --no-pager`, `djq list extra`, `djq serch`, `djq help nosuch`, a malformed query such as `title:` or `tag:nosuch`, `djq decks new` on a folder that is not empty, `djq decks new '~other/x'` (only a leading `~/` is expanded), a line that is not a grade in `djq quiz --plain` (the grades given before it are kept), any of these with a 100 KB value (the message stays one short line)"},
		{Name: "70", Text: "internal error (a bug: please report it)"},
		{Name: "130", Text: "interrupted: Ctrl-C (or SIGINT) in `djq browse` or `djq quiz`, as fzf exits; `q` and `Esc` exit 0", Examples: "`djq browse >> notes.md && …` runs the rest only after a pick; quiz grades given before Ctrl-C are kept and the summary is printed, with `--plain` too"},
	},
}
