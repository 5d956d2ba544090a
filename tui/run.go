package tui

import (
	"context"
	"fmt"

	tea "charm.land/bubbletea/v2"
)

// Run shows the screen until the user quits.
func Run(ctx context.Context, o Options, opts ...tea.ProgramOption) error {
	p := tea.NewProgram(New(o), append([]tea.ProgramOption{tea.WithContext(ctx)}, opts...)...)
	if _, err := p.Run(); err != nil {
		return fmt.Errorf("screen: %w", err)
	}
	return nil
}
