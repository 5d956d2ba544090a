package cli

import (
	"github.com/spf13/cobra"

	"houvast/casework"
)

func (a *app) backupCommand() *cobra.Command {
	var out string
	h := a.t.Help.Backup
	cmd := &cobra.Command{
		Use:     "backup [-o FILE]",
		Short:   h.Short,
		Long:    h.Long,
		Example: h.Example,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			s, err := a.settings()
			if err != nil {
				return err
			}
			done, err := casework.Backup(cmd.Context(), s, out, a.f.Now())
			if err != nil {
				return err
			}
			if done.Raw {
				a.printf(a.t.BackupRaw, done.Path)
				return nil
			}
			a.printf(a.t.BackupDone, done.Path, s.DB, done.Path)
			return nil
		},
	}
	cmd.Flags().StringVarP(&out, "output", "o", "", a.t.Help.FlagBackupOutput)
	cmd.AddCommand(a.restoreCommand())
	return cmd
}

func (a *app) restoreCommand() *cobra.Command {
	h := a.t.Help.Restore
	return &cobra.Command{
		Use:     "restore FILE",
		Short:   h.Short,
		Long:    h.Long,
		Example: h.Example,
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			s, err := a.settings()
			if err != nil {
				return err
			}
			saved, err := casework.Restore(cmd.Context(), s, args[0], a.f.Now())
			if err != nil {
				return err
			}
			a.printf(a.t.RestoreDone, args[0], s.DB)
			if saved != "" {
				a.printf(a.t.RestoreKept, saved)
			}
			return nil
		},
	}
}
