package popdbtest

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"time"
)

// Client is a reference client of the look-up, for tests and examples: it builds the request,
// signs the gateway headers and parses the reply. A portal would normally have its own client;
// this one shows what a correct one sends. The zero value is not usable: set Endpoint and
// Credentials (or use [Server.LookupClient]). Safe for concurrent use.
type Client struct {
	// Endpoint is the absolute URL of the look-up.
	Endpoint string
	// Credentials sign the requests.
	Credentials Credentials
	// HTTP sends the requests. May be nil: http.DefaultClient, which does not trust the fake's
	// CA — use [Server.Client].
	HTTP *http.Client
	// Now is the clock for the Timestamp header. Default time.Now.
	Now func() time.Time
	// MaxReply bounds the reply body. Default 1 MiB.
	MaxReply int64
}

// ErrNotFound is returned by [Client.Lookup] when the gateway answers an empty collection.
var ErrNotFound = errors.New("popdbtest: citizen not found")

// StatusError is an HTTP error status the gateway answered, with the SOAP fault when it sent
// one.
type StatusError struct {
	Status int
	Fault  *Fault
}

func (e *StatusError) Error() string {
	if e.Fault != nil {
		return fmt.Sprintf("gateway answered HTTP %d: %v", e.Status, e.Fault)
	}
	return fmt.Sprintf("gateway answered HTTP %d", e.Status)
}

// Unwrap returns the fault, if any.
func (e *StatusError) Unwrap() error {
	if e.Fault == nil {
		return nil
	}
	return e.Fault
}

// NewRequestID returns a fresh MaYeuCau: 32 random hexadecimal digits.
func NewRequestID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// NewLookup builds the signed HTTP request of a look-up. An empty MaTichHop is set to
// [ServiceCode] and an empty MaYeuCau to [NewRequestID].
func NewLookup(ctx context.Context, endpoint string, c Credentials, r LookupRequest, now time.Time) (*http.Request, error) {
	if r.MaTichHop == "" {
		r.MaTichHop = ServiceCode
	}
	if r.MaYeuCau == "" {
		r.MaYeuCau = NewRequestID()
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, endpoint, bytes.NewReader(MarshalRequest(r)))
	if err != nil {
		return nil, fmt.Errorf("popdbtest: building the look-up: %w", err)
	}
	SignRequest(req, c, now)
	return req, nil
}

// Lookup asks the gateway for one citizen. It returns the record, [ErrNotFound], a
// [*StatusError] for an HTTP error, a [*Fault] for a SOAP fault with status 200, or an error
// wrapping [ErrMalformed] for an unreadable reply.
func (c *Client) Lookup(ctx context.Context, r LookupRequest) (*CongDan, error) {
	now := time.Now
	if c.Now != nil {
		now = c.Now
	}
	req, err := NewLookup(ctx, c.Endpoint, c.Credentials, r, now())
	if err != nil {
		return nil, err
	}
	hc := c.HTTP
	if hc == nil {
		hc = http.DefaultClient
	}
	resp, err := hc.Do(req)
	if err != nil {
		return nil, fmt.Errorf("popdbtest: look-up: %w", err)
	}
	defer resp.Body.Close()
	max := c.MaxReply
	if max <= 0 {
		max = maxBody
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, max+1))
	if err != nil {
		return nil, fmt.Errorf("popdbtest: reading the reply: %w", err)
	}
	if int64(len(body)) > max {
		return nil, fmt.Errorf("%w: reply larger than %d bytes", ErrMalformed, max)
	}
	coll, perr := ParseResponse(body)
	if resp.StatusCode != http.StatusOK {
		se := &StatusError{Status: resp.StatusCode}
		errors.As(perr, &se.Fault)
		return nil, se
	}
	if perr != nil {
		return nil, perr
	}
	if len(coll.CongDan) == 0 {
		return nil, ErrNotFound
	}
	return &coll.CongDan[0], nil
}
