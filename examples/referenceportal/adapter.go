package referenceportal

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/p06kit/p06kit/harness/check"
)

// Adapter is the harness adapter of the reference portal: what a vendor writes so that the
// assisted checks can drive flows the harness cannot guess (start and submit a dossier, complete
// it as the agency, fetch its result, read the warehouse). It talks to the portal's own JSON API
// with the browser the harness hands it, so every request carries that citizen's session.
//
// Login is not implemented on purpose: the portal follows the standard OpenID Connect redirects
// from its "Đăng nhập" link, so the harness logs citizens in through the fake national SSO.
type Adapter struct {
	// BaseURL is the portal's address.
	BaseURL string
	// OfficerToken and Officer complete dossiers on the agency's side (Config.OfficerToken and
	// a client that trusts the portal).
	OfficerToken string
	Officer      *http.Client
}

// The interfaces the adapter implements.
var (
	_ check.WhoAmI    = (*Adapter)(nil)
	_ check.Assurance = (*Adapter)(nil)
	_ check.Dossiers  = (*Adapter)(nil)
	_ check.Results   = (*Adapter)(nil)
	_ check.Warehouse = (*Adapter)(nil)
)

func (a *Adapter) url(path string) string { return strings.TrimRight(a.BaseURL, "/") + path }

// call sends a JSON request and decodes a JSON answer; 401 becomes check.ErrNotLoggedIn.
func (a *Adapter) call(ctx context.Context, c *http.Client, method, path string, in, out any, hdr ...string) (int, error) {
	var body io.Reader
	if in != nil {
		b, err := json.Marshal(in)
		if err != nil {
			return 0, err
		}
		body = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, a.url(path), body)
	if err != nil {
		return 0, err
	}
	if in != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	resp, err := c.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, 16<<20))
	if err != nil {
		return resp.StatusCode, err
	}
	if resp.StatusCode == http.StatusUnauthorized {
		return resp.StatusCode, fmt.Errorf("%s %s: %w", method, path, check.ErrNotLoggedIn)
	}
	if out != nil && strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json") {
		if err := json.Unmarshal(data, out); err != nil {
			return resp.StatusCode, fmt.Errorf("%s %s: %w", method, path, err)
		}
	}
	return resp.StatusCode, nil
}

// Level2Procedures names the procedures reserved to e-ID accounts of assurance level 2.
func (a *Adapter) Level2Procedures() []string {
	var out []string
	for _, p := range procedures {
		if p.Level2 {
			out = append(out, p.Code)
		}
	}
	return out
}

// WhoAmI returns the personal identification number the portal shows for b's session.
func (a *Adapter) WhoAmI(ctx context.Context, b *check.Browser) (string, error) {
	var me struct{ SoDinhDanh string }
	if _, err := a.call(ctx, b.Client, http.MethodGet, "/api/toi", nil, &me); err != nil {
		return "", err
	}
	return me.SoDinhDanh, nil
}

func toDossier(r DossierResponse) *check.Dossier {
	return &check.Dossier{ID: r.ID, Form: r.Form, Accepted: r.Accepted, Message: r.Message, Signers: r.Signers, Status: r.Status}
}

// StartDossier opens a dossier for req.Procedure as b's citizen.
func (a *Adapter) StartDossier(ctx context.Context, b *check.Browser, req check.DossierRequest) (*check.Dossier, error) {
	var out DossierResponse
	status, err := a.call(ctx, b.Client, http.MethodPost, "/api/ho-so", StartRequest{Procedure: req.Procedure, Subjects: req.Subjects}, &out)
	if err != nil {
		return nil, err
	}
	d := toDossier(out)
	if status >= 400 {
		d.Accepted = false
	}
	return d, nil
}

// SubmitDossier submits d with req's documents and reused warehouse items.
func (a *Adapter) SubmitDossier(ctx context.Context, b *check.Browser, d *check.Dossier, req check.DossierRequest) (*check.Dossier, error) {
	in := SubmitRequest{Reuse: req.Reuse}
	for _, doc := range req.Documents {
		in.Documents = append(in.Documents, DocumentJSON{Name: doc.Name, ContentType: doc.ContentType, Data: doc.Data, Signature: doc.Signature})
	}
	var out DossierResponse
	status, err := a.call(ctx, b.Client, http.MethodPost, "/api/ho-so/"+d.ID+"/nop", in, &out)
	if err != nil {
		return nil, err
	}
	nd := toDossier(out)
	if status >= 400 {
		nd.Accepted = false
	}
	return nd, nil
}

// CompleteDossier makes the agency process the dossier and issue its signed result.
func (a *Adapter) CompleteDossier(ctx context.Context, id string) error {
	if a.Officer == nil || a.OfficerToken == "" {
		return &check.NotImplementedError{Method: "Results.CompleteDossier (no officer access configured)"}
	}
	var out DossierResponse
	status, err := a.call(ctx, a.Officer, http.MethodPost, "/api/ho-so/"+id+"/hoan-thanh", struct{}{}, &out, "X-Officer-Token", a.OfficerToken)
	if err != nil {
		return err
	}
	if status != http.StatusOK {
		return fmt.Errorf("completing dossier %s: %d %s", id, status, out.Message)
	}
	return nil
}

// FetchResult downloads the electronic result of a completed dossier.
func (a *Adapter) FetchResult(ctx context.Context, b *check.Browser, id string) (*check.Document, error) {
	var doc DocumentJSON
	status, err := a.call(ctx, b.Client, http.MethodGet, "/api/ho-so/"+id+"/ket-qua", nil, &doc)
	if err != nil {
		return nil, err
	}
	if status != http.StatusOK {
		return nil, fmt.Errorf("result of dossier %s: status %d: %w", id, status, check.ErrRefused)
	}
	return &check.Document{Name: doc.Name, ContentType: doc.ContentType, Data: doc.Data, Signature: doc.Signature}, nil
}

// ListWarehouse lists the documents in b's citizen's warehouse.
func (a *Adapter) ListWarehouse(ctx context.Context, b *check.Browser) ([]check.WarehouseItem, error) {
	var out struct{ GiayTo []WarehouseItemJSON }
	if _, err := a.call(ctx, b.Client, http.MethodGet, "/api/kho-du-lieu", nil, &out); err != nil {
		return nil, err
	}
	items := make([]check.WarehouseItem, 0, len(out.GiayTo))
	for _, it := range out.GiayTo {
		items = append(items, check.WarehouseItem{ID: it.ID, Name: it.Name, URL: it.URL, Dossier: it.Dossier})
	}
	return items, nil
}

// FetchWarehouseItem downloads an item by ID as b's citizen; the portal refuses other
// citizens' items (check.ErrRefused).
func (a *Adapter) FetchWarehouseItem(ctx context.Context, b *check.Browser, id string) (*check.Document, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, a.url("/kho-du-lieu/"+id), nil)
	if err != nil {
		return nil, err
	}
	resp, err := b.Client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, 16<<20))
	if err != nil {
		return nil, err
	}
	switch {
	case resp.StatusCode == http.StatusUnauthorized:
		return nil, fmt.Errorf("item %s: %w", id, check.ErrNotLoggedIn)
	case resp.StatusCode >= 400:
		return nil, fmt.Errorf("item %s: status %d: %w", id, resp.StatusCode, check.ErrRefused)
	}
	return &check.Document{Name: id, ContentType: resp.Header.Get("Content-Type"), Data: data}, nil
}
