package index766

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"sort"
	"sync"
	"sync/atomic"

	"github.com/p06kit/p06kit/harness/msg"
)

// minChunkSize bounds ChunkSize from below; tests lower it to cut tiny inputs into many chunks.
var minChunkSize = 64 << 10

// Format is the format of a dossier stream.
type Format int

// The dossier formats.
const (
	// Detect looks at the first byte: '{' means JSON Lines, anything else CSV.
	Detect Format = iota
	JSONL
	CSV
)

func (f Format) String() string {
	switch f {
	case JSONL:
		return "jsonl"
	case CSV:
		return "csv"
	}
	return "detect"
}

// ParseFormat parses "jsonl" (or "ndjson", "json"), "csv" or "" (detect).
func ParseFormat(s string) (Format, error) {
	switch s {
	case "jsonl", "ndjson", "json":
		return JSONL, nil
	case "csv":
		return CSV, nil
	case "", "detect", "auto":
		return Detect, nil
	}
	return Detect, msg.Error(mErrFormat, s)
}

// DefaultChunkSize is the size of the chunks the input is cut into; it is also the longest
// record accepted.
const DefaultChunkSize = 4 << 20

// ReadOptions configure [Reader.Read]. The zero value uses one worker per CPU and 4 MiB chunks.
type ReadOptions struct {
	// Workers is the number of goroutines that parse; 0 means GOMAXPROCS.
	Workers int
	// ChunkSize is the chunk size in bytes (at least 64 KiB); 0 means DefaultChunkSize.
	ChunkSize int
	// Progress, if not nil, is called after each chunk with the running totals, from the
	// goroutine that called Read; it must be quick.
	Progress func(p Progress)
}

// Progress is the running count of one Read.
type Progress struct {
	Bytes, Records, Bad int64
}

type chunk struct {
	seq      int
	data     []byte
	buf      []byte // to return to the pool
	oversize bool   // part of a record longer than a chunk
	report   bool   // the start of such a record: report it
	extra    int    // lines ending inside an oversize record
	end      int    // mapped files: the offset after the chunk
}

// Read reads dossier records from r and adds them to acc. name is the file name shown with bad
// records and fileIndex orders the bad records of several inputs. The input is cut into large
// chunks at record boundaries and parsed by one worker per CPU, each with its own accumulator,
// merged at the end, so memory stays flat in the number of records. A bad record is counted in
// acc and does not stop the read; the error is for I/O errors, a missing CSV header and a
// cancelled ctx.
func Read(ctx context.Context, r io.Reader, name string, fileIndex int, format Format, acc *Accumulator, opt ReadOptions) error {
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	size := opt.ChunkSize
	if size <= 0 {
		size = DefaultChunkSize
	}
	size = max(size, minChunkSize)

	// The first chunk decides the format and, for CSV, holds the header.
	var first []byte
	var eof bool
	mapped, release, unmap, isMapped := mapFile(r)
	if isMapped {
		defer unmap()
		first = mapped[:min(size, len(mapped))]
		eof = len(first) == len(mapped)
	} else {
		firstBuf := getBuf(size)
		defer putBuf(firstBuf)
		n, err := io.ReadFull(r, firstBuf)
		if err != nil && err != io.EOF && !errors.Is(err, io.ErrUnexpectedEOF) {
			return fmt.Errorf("%s: %w", name, err)
		}
		eof = err != nil
		first = firstBuf[:n]
	}
	firstLen := len(first)
	first = bytes.TrimPrefix(first, []byte("\xEF\xBB\xBF"))
	if format == Detect {
		format = CSV
		t := bytes.TrimLeft(first, " \t\r\n")
		switch {
		case len(t) > 0 && t[0] == '{':
			format = JSONL
		case len(t) > 0 && t[0] == '[':
			return msg.Error(mErrJSONArray, name)
		}
	}
	var header []string
	headerLines := 0
	if format == CSV {
		if len(bytes.TrimSpace(first)) == 0 {
			return msg.Error(mErrEmpty, name)
		}
		var end int
		var err error
		header, end, headerLines, err = readHeader(first, eof)
		if err != nil {
			return msg.Wrap(msg.P(mErrFileLine, name, 1), err)
		}
		if _, err := newCSVScanner(header); err != nil {
			return msg.Wrap(msg.P(mErrFileLine, name, 1), err)
		}
		first = first[end:]
	}

	p := &pipeline{name: name, file: fileIndex, format: format, header: header, headerLines: headerLines, size: size, release: release}
	work := make(chan chunk, workers)
	free := make(chan []byte, 2*workers+1)
	for i := 0; i < 2*workers+1; i++ {
		free <- nil // allocated lazily at full size
	}
	accs := make([]*Accumulator, workers)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		accs[w] = NewAccumulatorFor(acc.period)
		wg.Add(1)
		go func(a *Accumulator) {
			defer wg.Done()
			p.work(work, free, a)
		}(accs[w])
	}

	var readErr error
	if isMapped {
		p.mapped = mapped[firstLen-len(first):]
		p.done = map[int]int{}
		readErr = p.split(ctx, p.mapped, work, opt.Progress)
	} else {
		readErr = p.stream(ctx, r, first, eof, work, free, opt.Progress)
	}
	wg.Wait()
	for len(free) > 0 {
		if b := <-free; b != nil {
			putBuf(b)
		}
	}
	if readErr == nil {
		readErr = p.fault()
	}
	if readErr != nil {
		return readErr
	}
	return p.finish(acc, accs, opt.Progress)
}

// split cuts a mapped file into chunks; it closes work.
func (p *pipeline) split(ctx context.Context, data []byte, work chan<- chunk, progress func(Progress)) (err error) {
	defer close(work)
	defer func() {
		if r := recover(); r != nil {
			err = msg.Error(mErrChanged, p.name, r)
		}
	}()
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	seq, off := 0, 0
	for len(data) > 0 {
		if err := ctx.Err(); err != nil {
			return err
		}
		cut := len(data)
		if cut > p.size {
			if cut = p.boundary(data[:p.size]); cut < 0 {
				// A record longer than a chunk: report it and go on after its newline.
				nl := bytes.IndexByte(data[p.size:], '\n')
				end := len(data)
				if nl >= 0 {
					end = p.size + nl + 1
				}
				work <- chunk{seq: seq, oversize: true, report: true, end: off + p.size}
				seq++
				if nl < 0 {
					return nil
				}
				work <- chunk{seq: seq, oversize: true, extra: 1, end: off + end}
				seq++
				data, off = data[end:], off+end
				continue
			}
		}
		work <- chunk{seq: seq, data: data[:cut], end: off + cut}
		seq++
		off += cut
		p.bytes.Add(int64(cut))
		data = data[cut:]
		if progress != nil {
			progress(p.progress())
		}
	}
	return nil
}

// stream reads r through pooled buffers and cuts it into chunks; it closes work.
func (p *pipeline) stream(ctx context.Context, r io.Reader, first []byte, eof bool, work chan<- chunk, free chan []byte, progress func(Progress)) (readErr error) {
	size := p.size
	name := p.name
	opt := ReadOptions{Progress: progress}
	func() {
		defer close(work)
		carry := first
		seq := 0
		skipping := false
		for {
			if err := ctx.Err(); err != nil {
				readErr = err
				return
			}
			buf := <-free
			if buf == nil {
				buf = getBuf(size)
			}
			buf = buf[:cap(buf)]
			k := copy(buf, carry)
			if !eof {
				m, err := io.ReadFull(r, buf[k:])
				k += m
				if err != nil {
					if err != io.EOF && !errors.Is(err, io.ErrUnexpectedEOF) {
						readErr = fmt.Errorf("%s: %w", name, err)
						free <- buf
						return
					}
					eof = true
				}
			}
			data := buf[:k]
			p.bytes.Add(int64(k - len(carry)))
			if skipping {
				// Inside a record longer than a chunk: drop bytes up to its newline.
				nl := bytes.IndexByte(data, '\n')
				if nl < 0 {
					carry = nil
					free <- buf
					if eof {
						return
					}
					continue
				}
				work <- chunk{seq: seq, oversize: true, extra: 1, buf: nil}
				seq++
				skipping = false
				carry = append([]byte(nil), data[nl+1:]...)
				free <- buf
				continue
			}
			if len(data) == 0 {
				free <- buf
				return
			}
			cut := len(data)
			if !eof {
				cut = p.boundary(data)
				if cut < 0 {
					// No record ends in a full chunk: the record is too long. Report it and
					// skip to its end.
					work <- chunk{seq: seq, oversize: true, report: true, buf: buf}
					seq++
					skipping = true
					carry = nil
					continue
				}
			}
			// The tail is copied out before a worker owns buf.
			carry = append([]byte(nil), data[cut:]...)
			work <- chunk{seq: seq, data: data[:cut], buf: buf}
			seq++
			if opt.Progress != nil {
				opt.Progress(p.progress())
			}
			if eof && len(carry) == 0 {
				return
			}
		}
	}()
	return readErr
}

// finish merges the workers' accumulators into acc and places the bad records on their lines.
func (p *pipeline) finish(acc *Accumulator, accs []*Accumulator, progress func(Progress)) error {
	for _, a := range accs {
		acc.Merge(a)
	}
	// Bad records carry chunk-relative lines until all chunk line counts are known.
	base := make([]int64, len(p.lines)+1)
	base[0] = int64(p.headerLines) + 1
	for i, l := range p.lines {
		base[i+1] = base[i] + int64(l)
	}
	for _, b := range p.bad {
		b.rec.Line += base[b.seq]
		acc.keepBad(b.rec)
	}
	acc.bad += p.badCount.Load()
	if progress != nil {
		progress(p.progress())
	}
	return nil
}

// bufPool recycles chunk buffers across reads: a fresh 4 MiB buffer must be zeroed, which costs
// as much as parsing a good part of it.
var bufPool sync.Pool

func getBuf(size int) []byte {
	if b, ok := bufPool.Get().(*[]byte); ok && cap(*b) == size {
		return (*b)[:size]
	}
	return make([]byte, size)
}

func putBuf(b []byte) {
	bufPool.Put(&b)
}

type pendingBad struct {
	seq int
	rec BadRecord
}

// pipeline is the state shared by the reader and the workers of one Read.
type pipeline struct {
	name        string
	file        int
	size        int          // chunk size
	release     func([]byte) // releases the pages of parsed chunks of a mapped file; may be nil
	mapped      []byte       // the mapped records, when the input is a mapped file
	done        map[int]int  // mapped: end offsets of parsed chunks not yet released, by seq
	doneSeq     int          // mapped: every chunk before it is parsed
	releasedTo  int          // mapped: pages before it are released
	faultErr    error        // a worker's fault on a mapped file (the file shrank)
	format      Format
	header      []string
	headerLines int

	bytes, records, badCount atomic.Int64

	mu    sync.Mutex
	lines []int        // newlines per chunk, by seq
	bad   []pendingBad // the first MaxBadSamples in input order
}

func (p *pipeline) progress() Progress {
	return Progress{Bytes: p.bytes.Load(), Records: p.records.Load(), Bad: p.badCount.Load()}
}

// boundary returns the end of the last complete record in data, or -1. For CSV a newline ends
// a record only outside a quoted field, and a quote opens a quoted field only at the start of a
// field, as the parser reads it (a stray quote inside a field does not open one). data always
// starts at a record boundary, so no state is carried between chunks. If a full chunk has no
// boundary (a quoted field never closed), the last newline is taken and the parser reports the
// broken record.
func (p *pipeline) boundary(data []byte) int {
	if p.format != CSV || bytes.IndexByte(data, '"') < 0 {
		if i := bytes.LastIndexByte(data, '\n'); i >= 0 {
			return i + 1
		}
		return -1
	}
	last := -1
	quoted := false
	for i := 0; ; {
		q := bytes.IndexByte(data[i:], '"')
		if !quoted {
			end := len(data)
			if q >= 0 {
				end = i + q
			}
			if k := bytes.LastIndexByte(data[i:end], '\n'); k >= 0 {
				last = i + k + 1
			}
		}
		if q < 0 {
			break
		}
		q += i
		switch {
		case !quoted:
			quoted = q == 0 || data[q-1] == ',' || data[q-1] == '\n'
			i = q + 1
		case q+1 < len(data) && data[q+1] == '"':
			i = q + 2 // "" inside quotes
		default:
			quoted = false
			i = q + 1
		}
	}
	if last < 0 {
		if i := bytes.LastIndexByte(data, '\n'); i >= 0 {
			return i + 1
		}
	}
	return last
}

// keepBad keeps the first MaxBadSamples bad records in (chunk, line) order, which is input
// order, so memory stays bounded however many records are bad.
func (p *pipeline) keepBad(bad []pendingBad) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.bad = append(p.bad, bad...)
	sort.Slice(p.bad, func(i, j int) bool {
		if p.bad[i].seq != p.bad[j].seq {
			return p.bad[i].seq < p.bad[j].seq
		}
		return p.bad[i].rec.Line < p.bad[j].rec.Line
	})
	if len(p.bad) > MaxBadSamples {
		p.bad = p.bad[:MaxBadSamples]
	}
}

func (p *pipeline) setLines(seq, n int) {
	p.mu.Lock()
	for len(p.lines) <= seq {
		p.lines = append(p.lines, 0)
	}
	p.lines[seq] = n
	p.mu.Unlock()
}

// parsed records that chunk seq of a mapped file (data, ending at offset end) is parsed and
// releases its pages, then those of the whole parsed prefix of the file again, from a little
// before the previous mark: the kernel maps pages around a faulting address (fault-around), so
// a worker starting a chunk can map back a few pages of a chunk already released.
func (p *pipeline) parsed(seq, end int, data []byte) {
	if p.release != nil {
		p.release(data) // at once: a slow worker must not hold back the others' pages
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done[seq] = end
	upTo := p.releasedTo
	for {
		e, ok := p.done[p.doneSeq]
		if !ok {
			break
		}
		delete(p.done, p.doneSeq)
		p.doneSeq++
		upTo = e
	}
	if upTo > p.releasedTo && p.release != nil {
		p.release(p.mapped[max(0, p.releasedTo-256<<10):upTo])
		p.releasedTo = upTo
	}
}

func (p *pipeline) fault() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.faultErr
}

// work parses chunks into a. A memory fault while parsing a mapped file that shrank under it
// becomes an error, not a crash; the worker then drains its queue so the reader never blocks.
func (p *pipeline) work(in <-chan chunk, free chan<- []byte, a *Accumulator) {
	defer func() {
		if r := recover(); r != nil {
			p.mu.Lock()
			p.faultErr = msg.Error(mErrChanged, p.name, r)
			p.mu.Unlock()
			for c := range in {
				if c.buf != nil {
					free <- c.buf
				}
			}
		}
	}()
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	var js jsonScanner
	var cs *csvScanner
	if p.format == CSV {
		cs, _ = newCSVScanner(p.header) // checked by Read
	}
	var rec Record
	var bad []pendingBad
	for c := range in {
		bad = bad[:0]
		lines, records := 0, int64(0)
		report := func(line int, err error) {
			p.badCount.Add(1)
			if len(bad) < MaxBadSamples {
				bad = append(bad, pendingBad{seq: c.seq, rec: BadRecord{File: p.name, Line: int64(line), Reason: err.Error(), file: p.file}})
			}
		}
		switch {
		case c.oversize:
			if c.report { // the start of the record; the rest only carries its newline
				report(0, fmt.Errorf("record longer than %d bytes", p.size))
			}
			lines = c.extra
		default:
			lines = p.parse(c.data, cs, &js, &rec, func(line int, r *Record, err error) {
				if err != nil {
					report(line, err)
				} else {
					a.Add(r)
					records++
				}
			})
		}
		p.records.Add(records)
		p.setLines(c.seq, lines)
		if len(bad) > 0 {
			p.keepBad(bad)
		}
		if c.buf != nil {
			free <- c.buf
		}
		if p.mapped != nil {
			p.parsed(c.seq, c.end, c.data)
		}
	}
}

// parse calls fn for each record of data (complete records), with its chunk-relative line
// (0-based) and either the record or why it is bad. It returns the number of newlines in data.
// cs is nil for JSON Lines.
func (p *pipeline) parse(data []byte, cs *csvScanner, js *jsonScanner, rec *Record, fn func(line int, r *Record, err error)) int {
	lines := 0
	if cs != nil {
		for i := 0; i < len(data); {
			end, n, empty, err := cs.next(data, i)
			if !empty {
				if err == nil {
					err = apply(&cs.slots, rec)
				}
				fn(lines, rec, err)
			}
			lines += n
			i = end
		}
		return lines
	}
	for len(data) > 0 {
		var line []byte
		at := lines
		if k := bytes.IndexByte(data, '\n'); k >= 0 {
			line, data = data[:k], data[k+1:]
			lines++
		} else {
			line, data = data, nil
		}
		if !blank(line) {
			err := js.scan(line)
			if err == nil {
				err = apply(&js.slots, rec)
			}
			fn(at, rec, err)
		}
	}
	return lines
}

func blank(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '\t' && c != '\r' {
			return false
		}
	}
	return true
}
