package store

import (
	"errors"
	"strconv"
	"strings"
)

// Reading a wide row through database/sql costs several calls into SQLite
// for every column, each behind a lock; a case of 10,000 steps has 200,000
// columns, and that was most of the time it took to read one. A packed
// select lets SQLite join a row's columns into one value instead, each
// behind its length in bytes ("5:hello3:abc"), so no text can be taken
// for a separator, and every value is a slice of that one string.

// packed is the SQL expression of cols (of table alias t, if not "") as
// one packed value. The columns must be NOT NULL: concat skips a NULL.
func packed(t string, cols []string) string {
	var b strings.Builder
	b.WriteString("concat(")
	for i, c := range cols {
		q := column(t, c)
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("octet_length(" + q + "), ':', " + q)
	}
	b.WriteString(")")
	return b.String()
}

var errPacked = errors.New("a stored row cannot be read (damaged?)")

// unpack splits a packed row into vals, which must have room for exactly
// as many columns as were packed.
func unpack(row string, vals []string) error {
	pos := 0
	for i := range vals {
		colon := strings.IndexByte(row[pos:], ':')
		if colon < 1 {
			return errPacked
		}
		n, err := strconv.Atoi(row[pos : pos+colon])
		pos += colon + 1
		if err != nil || n < 0 || n > len(row)-pos {
			return errPacked
		}
		vals[i] = row[pos : pos+n]
		pos += n
	}
	if pos != len(row) {
		return errPacked
	}
	return nil
}
