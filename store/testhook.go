//go:build houvasttest

package store

// AddMigrationForTest registers one more migration, so the crash tests can
// interrupt a slow one. It exists only in binaries built with the
// houvasttest tag, never in Houvast itself.
func AddMigrationForTest(sql string) { migrations = append(migrations, sql) }
