package actionlist

// The operations below are what the screens do to a step. Each returns a new
// version; the store records the difference as events.

// TickOff marks a step done on a day, by someone.
func TickOff(s Step, on Date, by string) Step {
	s.Status = StepDone
	s.DoneOn = on
	s.DoneBy = by
	s.Pin = PinNone
	return s
}

// Reopen undoes a tick-off or a "not applicable".
func Reopen(s Step) Step {
	s.Status = StepOpen
	s.DoneOn = Date{}
	s.DoneBy = ""
	return s
}

// SetStatus moves a step to a status, keeping the done date and name only
// while it is done.
func SetStatus(s Step, st StepStatus, on Date, by string) Step {
	switch st {
	case StepDone:
		if s.Status == StepDone {
			return s
		}
		return TickOff(s, on, by)
	default:
		s.Status = st
		s.DoneOn = Date{}
		s.DoneBy = ""
		if st == StepNotApplicable {
			s.Pin = PinNone
		}
		return s
	}
}

// TogglePin pins a step into Now, or removes the pin.
func TogglePin(s Step) Step {
	if s.Pin == PinNow {
		s.Pin = PinNone
	} else {
		s.Pin = PinNow
	}
	return s
}

// PushBack sends a step behind all others, or brings it back.
func PushBack(s Step) Step {
	if s.Pin == PinLater {
		s.Pin = PinNone
	} else {
		s.Pin = PinLater
	}
	return s
}

// NextOrder is the order for a step added at the end of a phase.
func NextOrder(steps []Step, ph Phase) int {
	n := 0
	for _, s := range steps {
		if s.Phase == ph && s.Order >= n {
			n = s.Order + 1
		}
	}
	return n
}

// Close ends a case for a reason on a day.
func Close(c Case, reason CloseReason, on Date) Case {
	c.Status = CaseClosed
	c.CloseReason = reason
	c.ClosedOn = on
	return c
}
