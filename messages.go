package main

import (
	"errors"
	"fmt"

	"houvast/actionlist"
	"houvast/store"
)

// msgID names a sentence of the command line; messages holds it in Dutch
// and English.
type msgID int

const (
	msgNoCases msgID = iota
	msgCasesHeader
	msgCheckOK
	msgNotHouvast
	msgEmptyFile
	msgTruncated
	msgNewer
	msgBusy
	msgUnsound
	msgBadLang
)

var messages = map[msgID][2]string{
	msgNoCases:     {"Nog geen dossiers.", "No cases yet."},
	msgCasesHeader: {"REF\tNAAM\tSTATUS\tKLAAR\tTE LAAT\tVOLGENDE AFSPRAAK", "REF\tNAME\tSTATUS\tDONE\tOVERDUE\tNEXT APPOINTMENT"},
	msgCheckOK: {
		"In orde: %s (%d dossiers, %d stappen, %d gebeurtenissen).",
		"Sound: %s (%d cases, %d steps, %d events).",
	},
	msgNotHouvast: {
		"%s is geen Houvast-database. Houvast heeft het bestand niet veranderd. Kies een ander bestand met --db.",
		"%s is not a Houvast database. Houvast did not change it. Choose another file with --db.",
	},
	msgEmptyFile: {
		"%s is leeg, dus geen Houvast-database. Houvast heeft het niet veranderd. Verwijder het of kies een ander bestand met --db.",
		"%s is empty, so it is not a Houvast database. Houvast did not change it. Delete it, or choose another file with --db.",
	},
	msgTruncated: {
		"%s is beschadigd: het bestand is korter dan het hoort. Houvast heeft het niet veranderd. Zet een reservekopie terug (zie README, 'Reservekopie').",
		"%s is damaged: the file is shorter than it should be. Houvast did not change it. Restore a backup (see the README, 'Backups').",
	},
	msgNewer: {
		"%s is gemaakt door een nieuwere Houvast. Werk Houvast bij om het te openen; deze versie laat het ongemoeid.",
		"%s was made by a newer Houvast. Update Houvast to open it; this version leaves it alone.",
	},
	msgBusy: {
		"De database is bezig: een ander Houvast-venster slaat iets op. Probeer het zo opnieuw.",
		"The database is busy: another Houvast window is saving. Try again in a moment.",
	},
	msgUnsound: {
		"De database heeft problemen (zie hierboven). Maak een kopie met 'houvast backup' en vraag hulp; werk niet verder in dit bestand.",
		"The database has problems (listed above). Make a copy with 'houvast backup' and ask for help; do not keep working in this file.",
	},
	msgBadLang: {
		"Onbekende taal %q: gebruik --lang nl of --lang en.",
		"Unknown language %q: use --lang nl or --lang en.",
	},
}

func (a *app) msg(id msgID) string {
	m := messages[id]
	if a.lang() == actionlist.English {
		return m[1]
	}
	return m[0]
}

// sentence turns an error into what the user reads: what happened and what
// to do. Errors without a sentence of their own are shown as they are.
func (a *app) sentence(err error) string {
	path, _ := a.dbPath()
	switch {
	case errors.Is(err, store.ErrEmptyFile):
		return fmt.Sprintf(a.msg(msgEmptyFile), path)
	case errors.Is(err, store.ErrTruncated):
		return fmt.Sprintf(a.msg(msgTruncated), path)
	case errors.Is(err, store.ErrNewerSchema):
		return fmt.Sprintf(a.msg(msgNewer), path)
	case errors.Is(err, store.ErrNotHouvast):
		return fmt.Sprintf(a.msg(msgNotHouvast), path)
	case errors.Is(err, store.ErrBusy):
		return a.msg(msgBusy)
	case errors.Is(err, errUnsound):
		return a.msg(msgUnsound)
	case a.checkLangFlag() != nil:
		return fmt.Sprintf(a.msg(msgBadLang), a.langFlag)
	}
	return err.Error()
}
