package main

func section(header Header) string {
	section := "1"
	if header.Section != "" {
		section = header.Section
	}

	separator := "_"
	return section + separator
}
