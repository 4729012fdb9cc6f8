package python

import (
	"fmt"
	"strings"
	"time"
)

// time.struct_time and the calendar functions of the time module:
// gmtime, localtime, mktime, strftime, asctime, ctime.

var (
	weekdayNames = [...]string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
	monthNames   = [...]string{"January", "February", "March", "April", "May", "June", "July", "August",
		"September", "October", "November", "December"}
)

// structTime converts a Go time to a struct_time value of class c.
func structTime(c *ntClass, tm time.Time) Value {
	wday := (int(tm.Weekday()) + 6) % 7 // Monday is 0
	isdst := 0
	if tm.IsDST() {
		isdst = 1
	}
	return &ntValue{cls: c, items: Tuple{Int(tm.Year()), Int(tm.Month()), Int(tm.Day()), Int(tm.Hour()), Int(tm.Minute()),
		Int(tm.Second()), Int(wday), Int(tm.YearDay()), Int(isdst)}}
}

// timeOf reads a struct_time (or any 9-sequence) back as a Go time in loc.
func timeOf(t *Thread, v Value, loc *time.Location) (time.Time, error) {
	items, err := Collect(t, v)
	if err != nil {
		return time.Time{}, err
	}
	if len(items) != 9 {
		return time.Time{}, Errorf(TypeError, "time.struct_time() takes a 9-sequence (%d-sequence given)", len(items))
	}
	n := make([]int, 6)
	for i := range n {
		if n[i], err = AsIndex(items[i]); err != nil {
			return time.Time{}, err
		}
	}
	return time.Date(n[0], time.Month(n[1]), n[2], n[3], n[4], n[5], 0, loc), nil
}

// strftime formats tm with the C directives CPython passes to the C
// library, in the C locale.
func strftime(format string, tm time.Time) string {
	var b strings.Builder
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c != '%' || i+1 == len(format) {
			b.WriteByte(c)
			continue
		}
		i++
		switch format[i] {
		case 'Y':
			fmt.Fprintf(&b, "%d", tm.Year())
		case 'y':
			fmt.Fprintf(&b, "%02d", tm.Year()%100)
		case 'm':
			fmt.Fprintf(&b, "%02d", int(tm.Month()))
		case 'd':
			fmt.Fprintf(&b, "%02d", tm.Day())
		case 'e':
			fmt.Fprintf(&b, "%2d", tm.Day())
		case 'H':
			fmt.Fprintf(&b, "%02d", tm.Hour())
		case 'I':
			h := tm.Hour() % 12
			if h == 0 {
				h = 12
			}
			fmt.Fprintf(&b, "%02d", h)
		case 'M':
			fmt.Fprintf(&b, "%02d", tm.Minute())
		case 'S':
			fmt.Fprintf(&b, "%02d", tm.Second())
		case 'p':
			if tm.Hour() < 12 {
				b.WriteString("AM")
			} else {
				b.WriteString("PM")
			}
		case 'j':
			fmt.Fprintf(&b, "%03d", tm.YearDay())
		case 'a':
			b.WriteString(weekdayNames[(int(tm.Weekday())+6)%7][:3])
		case 'A':
			b.WriteString(weekdayNames[(int(tm.Weekday())+6)%7])
		case 'b', 'h':
			b.WriteString(monthNames[tm.Month()-1][:3])
		case 'B':
			b.WriteString(monthNames[tm.Month()-1])
		case 'w':
			fmt.Fprintf(&b, "%d", int(tm.Weekday()))
		case 'u':
			fmt.Fprintf(&b, "%d", (int(tm.Weekday())+6)%7+1)
		case 'Z':
			name, _ := tm.Zone()
			b.WriteString(name)
		case 'z':
			b.WriteString(tm.Format("-0700"))
		case 'c':
			b.WriteString(strftime("%a %b %e %H:%M:%S %Y", tm))
		case 'x':
			b.WriteString(strftime("%m/%d/%y", tm))
		case 'X', 'T':
			b.WriteString(strftime("%H:%M:%S", tm))
		case 'D':
			b.WriteString(strftime("%m/%d/%y", tm))
		case 'F':
			b.WriteString(strftime("%Y-%m-%d", tm))
		case 'R':
			b.WriteString(strftime("%H:%M", tm))
		case 'n':
			b.WriteByte('\n')
		case 't':
			b.WriteByte('\t')
		case '%':
			b.WriteByte('%')
		default:
			b.WriteByte('%')
			b.WriteByte(format[i])
		}
	}
	return b.String()
}

func initTimeStruct(t *Thread, m *Module) error {
	st, err := makeNamedTuple("struct_time", []string{"tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec",
		"tm_wday", "tm_yday", "tm_isdst"}, nil, "time")
	if err != nil {
		return err
	}
	st.display = "time.struct_time"
	m.Set("struct_time", st.typ)
	// secsArg reads an optional seconds-since-the-epoch argument.
	secsArg := func(t *Thread, name string, args []Value, kw []Kwarg) (time.Time, error) {
		if err := NoKwargs(name, kw); err != nil {
			return time.Time{}, err
		}
		if err := ArgCount(name, args, 0, 1); err != nil {
			return time.Time{}, err
		}
		if len(args) == 0 || args[0] == None {
			return time.Now(), nil
		}
		f, err := floatArg(t, args[0])
		if err != nil {
			return time.Time{}, err
		}
		sec := int64(f)
		return time.Unix(sec, int64((f-float64(sec))*1e9)), nil
	}
	// tmArg reads an optional struct_time argument (default: now, local).
	tmArg := func(t *Thread, name string, args []Value, n int) (time.Time, error) {
		if len(args) > n {
			return timeOf(t, args[n], time.Local)
		}
		return time.Now(), nil
	}
	m.SetFunc("gmtime", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		tm, err := secsArg(t, "gmtime", args, kw)
		if err != nil {
			return nil, err
		}
		return structTime(st, tm.UTC()), nil
	})
	m.SetFunc("localtime", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		tm, err := secsArg(t, "localtime", args, kw)
		if err != nil {
			return nil, err
		}
		return structTime(st, tm.Local()), nil
	})
	m.SetFunc("mktime", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := oneArg("mktime", args, kw); err != nil {
			return nil, err
		}
		tm, err := timeOf(t, args[0], time.Local)
		if err != nil {
			return nil, err
		}
		return Float(float64(tm.Unix())), nil
	})
	m.SetFunc("strftime", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := NoKwargs("strftime", kw); err != nil {
			return nil, err
		}
		if err := ArgCount("strftime", args, 1, 2); err != nil {
			return nil, err
		}
		f, ok := args[0].(Str)
		if !ok {
			return nil, Errorf(TypeError, "strftime() argument 1 must be str, not %s", TypeName(args[0]))
		}
		tm, err := tmArg(t, "strftime", args, 1)
		if err != nil {
			return nil, err
		}
		return Str(strftime(string(f), tm)), nil
	})
	m.SetFunc("asctime", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		if err := ArgCount("asctime", args, 0, 1); err != nil {
			return nil, err
		}
		tm, err := tmArg(t, "asctime", args, 0)
		if err != nil {
			return nil, err
		}
		return Str(strftime("%a %b %e %H:%M:%S %Y", tm)), nil
	})
	m.SetFunc("ctime", func(t *Thread, args []Value, kw []Kwarg) (Value, error) {
		tm, err := secsArg(t, "ctime", args, kw)
		if err != nil {
			return nil, err
		}
		return Str(strftime("%a %b %e %H:%M:%S %Y", tm.Local())), nil
	})
	return nil
}
