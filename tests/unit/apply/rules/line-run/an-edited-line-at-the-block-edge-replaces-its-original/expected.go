package logrus

func doBenchmark(b *testing.B, formatter Formatter, fields Fields) {
	logger := New()

	entryValue := &Entry{
		Time:    time.Time{},
		Level:   InfoLevel,
		Logger:  logger,
	}
	var d []byte
	var err error
	for i := 0; i < b.N; i++ {
		d, err = formatter.Format(entryValue)
		if err != nil {
			b.Fatal(err)
		}
	}
}
