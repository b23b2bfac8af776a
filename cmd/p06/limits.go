package main

// Size limits of the files the commands read whole. A file beyond its limit is refused with an
// error naming it and the limit, before it is read into memory. Dossier files (index766) are
// streamed, not read whole, and are not limited here.
const (
	// maxPartialBytes bounds an index766 --partial: counts per unit and procedure, a few MB even
	// for a ministry with thousands of units.
	maxPartialBytes = 256 << 20
	// maxConfigBytes bounds the small files a person writes: --waivers, --profile, --attest.
	maxConfigBytes = 16 << 20
	// maxCABytes bounds a --ca bundle of PEM certificates.
	maxCABytes = 16 << 20
)
