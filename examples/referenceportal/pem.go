package referenceportal

import "encoding/pem"

// CACertPEM returns the certificate of the test CA that issued the portal's certificate, in PEM,
// for tools that take a CA file (`p06 scan --ca`, `p06 survey --ca`). It returns nil for a
// Server not made by Start.
func (s *Server) CACertPEM() []byte {
	if s == nil || s.https == nil || s.https.TLSConfig == nil || len(s.https.TLSConfig.Certificates) == 0 {
		return nil
	}
	chain := s.https.TLSConfig.Certificates[0].Certificate
	if len(chain) < 2 {
		return nil
	}
	return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: chain[len(chain)-1]})
}
