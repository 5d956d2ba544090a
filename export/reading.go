package export

import "errors"

// CheckFile looks for numbers that look like a BSN in everything a file to
// import holds, as an export does before it writes: Houvast never takes in
// a BSN without the specialist confirming it is none. The *BSNError says
// so for reading (Reading).
func CheckFile(f File) error {
	var err error
	switch f.Kind {
	case KindCase:
		err = CheckCaseFile(*f.Case)
	case KindVolunteer:
		var b bsnScan
		checkCaseFields(&b, f.Volunteer.Case)
		for _, s := range f.Volunteer.Case.Steps {
			checkStep(&b, s)
		}
		for _, a := range f.Volunteer.Case.Agreements {
			b.check(Where{What: InAgreement}, a.Who, a.What)
		}
		err = b.err()
	case KindReturn:
		err = CheckReturnFile(*f.Return)
	case KindCaseload:
		err = CheckCaseload(*f.Caseload)
	}
	var be *BSNError
	if errors.As(err, &be) {
		be.Reading = true
	}
	return err
}
