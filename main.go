// Houvast keeps debt-help case files on this laptop and shows a dosed,
// step-by-step action list. The command line (package cli) does the rest.
package main

import (
	"context"
	"os"

	"houvast/cli"
)

func main() {
	os.Exit(cli.Run(context.Background(), os.Args[1:], cli.System()))
}
