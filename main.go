// Houvast keeps debt-help case files on this laptop and shows a dosed,
// step-by-step action list. The command line (package cli) does the rest.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"houvast/cli"
)

func main() {
	// A closed terminal (SIGHUP) or a kill (SIGTERM) ends the run through
	// its context, so the screen closes the database and the demo removes
	// its throwaway copy, as on quitting.
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGHUP, syscall.SIGTERM)
	code := cli.Run(ctx, os.Args[1:], cli.System())
	stop()
	os.Exit(code)
}
