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
	// backup, restore, erase and retention (cmd_backup.go, cmd_erase.go)
	msgBackupNoDatabase
	msgBackupExists
	msgBackupDone
	msgBackupRaw
	msgRestoreDone
	msgRestoreKept
	msgRestoreInUse
	msgRestoreForeignDatabase
	msgRestoreMissing
	msgRestoreNotHouvast
	msgRestoreNewer
	msgRestoreDamaged
	msgRestoreSourceOpen
	msgRestoreOther
	msgEraseWhich
	msgEraseNeedsYes
	msgEraseCancelled
	msgEraseUnknown
	msgEraseNotClosed
	msgEraseAsk
	msgErased
	msgTracesRemain
	msgEraseNoneDue
	msgEraseWord
	msgEraseDueList
	msgEraseDueAsk
	msgCompactBlocked
	msgCompacted
	msgEraseBackups
	msgRetentionDueOne
	msgRetentionDueMany
	msgDamaged
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
	msgBackupNoDatabase: {
		"Er is nog geen database in %s, dus niets om te bewaren.",
		"There is no database at %s yet, so there is nothing to back up.",
	},
	msgBackupExists: {
		"%s bestaat al. Houvast overschrijft het niet; kies een andere naam met -o.",
		"%s exists already. Houvast does not overwrite it; choose another name with -o.",
	},
	msgBackupDone: {
		"Reservekopie gemaakt: %s (alleen jij kunt hem lezen). Terugzetten gaat met: houvast backup restore %s",
		"Backup made: %s (only you can read it). To put it back: houvast backup restore %s",
	},
	msgBackupRaw: {
		"De database is beschadigd, dus Houvast heeft het bestand gekopieerd zoals het is: %s. Bewaar die kopie en vraag hulp.",
		"The database is damaged, so Houvast copied the file as it is: %s. Keep that copy and ask for help.",
	},
	msgRestoreDone: {
		"Teruggezet: de inhoud van %s staat nu in %s.",
		"Restored: the content of %s is now in %s.",
	},
	msgRestoreKept: {
		"De database van vóór het terugzetten is bewaard als %s.",
		"The database as it was before is kept as %s.",
	},
	msgRestoreInUse: {
		"%s is open in een ander Houvast-venster. Sluit alle Houvast-vensters en probeer het opnieuw. Er is niets veranderd.",
		"%s is open in another Houvast window. Close every Houvast window and try again. Nothing was changed.",
	},
	msgRestoreForeignDatabase: {
		"Op de plek van de database (%s) staat een bestand dat geen Houvast-database is. Houvast overschrijft het niet: verplaats het, of kies een andere plek met --db. Er is niets veranderd.",
		"The file in the database's place (%s) is not a Houvast database. Houvast does not overwrite it: move it, or choose another place with --db. Nothing was changed.",
	},
	msgRestoreMissing: {
		"%s bestaat niet. Kijk of de naam klopt. Er is niets veranderd.",
		"%s does not exist. Check the name. Nothing was changed.",
	},
	msgRestoreNotHouvast: {
		"%s is geen Houvast-database, dus geen reservekopie om terug te zetten. Er is niets veranderd.",
		"%s is not a Houvast database, so it is not a backup to restore. Nothing was changed.",
	},
	msgRestoreNewer: {
		"%s is gemaakt door een nieuwere Houvast. Werk Houvast bij en probeer het opnieuw. Er is niets veranderd.",
		"%s was made by a newer Houvast. Update Houvast and try again. Nothing was changed.",
	},
	msgRestoreDamaged: {
		"%s is beschadigd en wordt niet teruggezet. Kies een andere reservekopie. Er is niets veranderd.",
		"%s is damaged, so it is not restored. Choose another backup. Nothing was changed.",
	},
	msgRestoreSourceOpen: {
		"%s is nog open in Houvast, of is niet netjes afgesloten (er staat een -wal-bestand naast). Sluit dat venster, of open het één keer met 'houvast --db %s check'. Er is niets veranderd.",
		"%s is still open in Houvast, or was not closed properly (there is a -wal file beside it). Close that window, or open it once with 'houvast --db %s check'. Nothing was changed.",
	},
	msgRestoreOther: {
		"%s kan niet worden teruggezet: %v. Er is niets veranderd.",
		"%s cannot be restored: %v. Nothing was changed.",
	},
	msgEraseWhich: {
		"Zeg wat je wilt wissen: --case REF (één afgesloten dossier), --due (alle dossiers voorbij de bewaartermijn) of --compact (alleen het bestand opschonen).",
		"Say what to erase: --case REF (one closed case), --due (every closed case past its retention period) or --compact (only clean up the file).",
	},
	msgEraseNeedsYes: {
		"Wissen kan niet ongedaan worden, dus Houvast vraagt eerst of je het zeker weet. Dat kan alleen op een terminal; in een script zet je er --yes bij. Er is niets gewist.",
		"Erasing cannot be undone, so Houvast first asks whether you are sure. It can only ask on a terminal; in a script, add --yes. Nothing was erased.",
	},
	msgEraseCancelled: {"Niets gewist.", "Nothing erased."},
	msgEraseUnknown: {
		"Er is geen dossier met referentie %q. 'houvast cases' laat ze allemaal zien.",
		"There is no case with reference %q. 'houvast cases' lists them all.",
	},
	msgEraseNotClosed: {
		"Dossier %s (%s) is nog niet afgesloten. Sluit het eerst af (x in het overzicht van dossiers); daarna kun je het wissen.",
		"Case %s (%s) is not closed. Close it first (x on the case list); then you can erase it.",
	},
	msgEraseAsk: {
		"Dossier %s (%s) wordt voorgoed gewist: %d stappen, %d afspraken en de hele geschiedenis. Dit kan niet ongedaan worden.\nTyp de referentie (%s) om te wissen: ",
		"Case %s (%s) will be erased for good: %d steps, %d agreements and all its history. This cannot be undone.\nType the reference (%s) to erase it: ",
	},
	msgErased: {"Dossier %s (%s) is voorgoed gewist.", "Case %s (%s) is erased for good."},
	msgTracesRemain: {
		"Een ander Houvast-venster hield het opschonen van het bestand tegen, dus er kunnen nog sporen van het gewiste in staan. Sluit de andere vensters en voer dan 'houvast erase --compact' uit.",
		"Another Houvast window kept the file from being cleaned up, so traces of what was erased may still be in it. Close the other windows, then run 'houvast erase --compact'.",
	},
	msgEraseNoneDue: {
		"Er zijn geen afgesloten dossiers voorbij de bewaartermijn van %d maanden.",
		"No closed cases are past the retention period of %d months.",
	},
	msgEraseWord: {"wissen", "erase"},
	msgEraseDueList: {
		"Bij deze %d afgesloten dossiers is de bewaartermijn van %d maanden voorbij:",
		"These %d closed cases are past the retention period of %d months:",
	},
	msgEraseDueAsk: {
		"Ze worden voorgoed gewist, met alle stappen, afspraken en geschiedenis. Typ %q om te wissen: ",
		"They will be erased for good, with all their steps, agreements and history. Type %q to erase them: ",
	},
	msgCompactBlocked: {
		"Een ander Houvast-venster houdt het opschonen tegen. Sluit de andere vensters en probeer het opnieuw.",
		"Another Houvast window is in the way of the clean-up. Close the other windows and try again.",
	},
	msgCompacted: {
		"Het bestand is opgeschoond: wat gewist is, staat er niet meer in.",
		"The file is cleaned up: nothing erased is left in it.",
	},
	msgEraseBackups: {
		"Let op: deze reservekopieën bevatten het gewiste nog:\n  %s\nVerwijder ze als je ze niet meer nodig hebt.",
		"Note: these backups still hold what was erased:\n  %s\nDelete them when you no longer need them.",
	},
	msgRetentionDueOne: {
		"Bewaartermijn voorbij: %d afgesloten dossier is %d maanden of langer dicht (%s). Wis het met 'houvast erase --due'.",
		"Retention period passed: %d closed case was closed %d months ago or more (%s). Erase it with 'houvast erase --due'.",
	},
	msgRetentionDueMany: {
		"Bewaartermijn voorbij: %d afgesloten dossiers zijn %d maanden of langer dicht (%s). Wis ze met 'houvast erase --due'.",
		"Retention period passed: %d closed cases were closed %d months ago or more (%s). Erase them with 'houvast erase --due'.",
	},
	msgDamaged: {
		"%s is beschadigd. Houvast heeft het niet veranderd. Maak een kopie met 'houvast backup' en zet een goede reservekopie terug met 'houvast backup restore BESTAND'.",
		"%s is damaged. Houvast did not change it. Make a copy with 'houvast backup', and put a good backup back with 'houvast backup restore FILE'.",
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
	case errors.Is(err, store.ErrDamaged):
		return fmt.Sprintf(a.msg(msgDamaged), path)
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
