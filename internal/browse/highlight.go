package browse

import "charm.land/lipgloss/v2"

// mark highlights the searched words in rendered text.
func (m *Model) mark(s string) string { return s }

// markTitle draws a list title in base with the searched words marked.
func (m *Model) markTitle(title string, base lipgloss.Style) string { return base.Render(title) }
