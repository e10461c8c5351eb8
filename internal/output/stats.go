package output

// Counts are the cards of one level or deck by state.
type Counts struct {
	New      int `json:"new"`
	Learning int `json:"learning"`
	DueToday int `json:"due_today"`
	Mastered int `json:"mastered"`
}

// DayCount is the number of reviews on one day.
type DayCount struct {
	Date    string `json:"date"`
	Reviews int    `json:"reviews"`
}

// Stats is what djq stats reports: computed by state.ComputeStats, drawn
// by render.Stats.
type Stats struct {
	Reviews int               `json:"reviews"`
	Streak  int               `json:"streak"`
	Total   Counts            `json:"total"`
	Levels  map[string]Counts `json:"levels"`
	Decks   map[string]Counts `json:"decks"`
	Days    []DayCount        `json:"last_14_days"`
}
