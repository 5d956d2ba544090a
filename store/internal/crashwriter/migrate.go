//go:build houvasttest

package main

import (
	"database/sql/driver"
	"fmt"
	"os"
	"strconv"
	"time"

	"modernc.org/sqlite"

	"houvast/store"
)

func init() { modes["migrate"] = migrate }

// probeStep is the row at which the test migration stops and waits to be
// killed; -1 lets it run to the end.
var probeStep int64 = -1

// migrate opens DB with one more migration than Houvast has: it adds a
// column and copies every step through houvast_probe, which reports each row
// and, at row STOP, waits forever inside the migration's transaction.
func migrate(args []string) error {
	if len(args) != 2 {
		return fmt.Errorf("migrate DB STOP")
	}
	probeStep, _ = strconv.ParseInt(args[1], 10, 64)
	sqlite.MustRegisterScalarFunction("houvast_probe", 1, func(_ *sqlite.FunctionContext, a []driver.Value) (driver.Value, error) {
		n, _ := a[0].(int64)
		fmt.Fprintf(os.Stdout, "row %d\n", n)
		if n == probeStep {
			fmt.Fprintln(os.Stdout, "stopped")
			time.Sleep(time.Hour) // until the test kills it
		}
		return a[0], nil
	})
	store.AddMigrationForTest(`
ALTER TABLE cases ADD COLUMN erase_after TEXT NOT NULL DEFAULT '';
CREATE TABLE probe AS SELECT houvast_probe(rowid) AS n, title FROM steps ORDER BY rowid;
UPDATE steps SET why = why || '';
`)
	s, err := store.Open(ctx, args[0])
	if err != nil {
		return err
	}
	fmt.Println("migrated")
	return s.Close()
}
