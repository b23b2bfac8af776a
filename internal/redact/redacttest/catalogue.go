// Package redacttest is a catalogue of secrets as portals leak them, for tests that assert no
// output of p06kit carries one: the redaction policy's own tests and fuzz target, and the
// end-to-end test that scans a portal reflecting them and writes every report format.
package redacttest

// Secret is one secret as it appears in a page, a URL, a header or a form.
type Secret struct {
	// Name says what it is.
	Name string
	// Text is how it appears in free text (a page, an excerpt, a message).
	Text string
	// Value is the secret itself: no output may contain it.
	Value string
	// Query, when not empty, is the secret as a query or path parameter ("matkhau=…",
	// ";jsessionid=…"), for portals that put it in URLs.
	Query string
	// Header, when not empty, is a response header "Name: value" carrying it.
	Header string
}

// Catalogue lists the secrets. Values are distinctive so a test can search outputs for them.
var Catalogue = []Secret{
	{Name: "Vietnamese password parameter", Text: "?matkhau=Mk77q1xQ", Value: "Mk77q1xQ", Query: "matkhau=Mk77q1xQ"},
	{Name: "pass parameter", Text: "login?user=an&pass=Ps88w2yQ", Value: "Ps88w2yQ", Query: "pass=Ps88w2yQ"},
	{Name: "password in prose", Text: "Your password: Pw99e3zQ", Value: "Pw99e3zQ"},
	{Name: "mật khẩu in prose", Text: "Mật khẩu: Vn11r4aQ", Value: "Vn11r4aQ"},
	{Name: "MẬT KHẨU upper case", Text: "MẬT KHẨU = Vn12r4bQ", Value: "Vn12r4bQ"},
	{Name: "mat_khau key", Text: "mat_khau=Vn13r4cQ", Value: "Vn13r4cQ", Query: "mat_khau=Vn13r4cQ"},
	{Name: "jsessionid path parameter", Text: "/app;jsessionid=JS0123456789ABCDEFQ?x=1", Value: "JS0123456789ABCDEFQ", Query: ";jsessionid=JS0123456789ABCDEFQ"},
	{Name: "JSESSIONID cookie", Text: "Cookie: JSESSIONID=JS98765ABCDQ", Value: "JS98765ABCDQ", Header: "Set-Cookie: JSESSIONID=JS98765ABCDQ; Path=/"},
	{Name: "ASP.NET session", Text: "ASP.NET_SessionId=aspx1a2b3c4d5eQ", Value: "aspx1a2b3c4d5eQ", Query: "ASP.NET_SessionId=aspx1a2b3c4d5eQ"},
	{Name: "Express session", Text: "connect.sid=s%3Aconn1a2b3cQ", Value: "conn1a2b3cQ", Query: "connect.sid=s%3Aconn1a2b3cQ"},
	{Name: "Laravel session", Text: "laravel_session=lar1a2b3c4d5Q", Value: "lar1a2b3c4d5Q", Query: "laravel_session=lar1a2b3c4d5Q"},
	{Name: "PHP session", Text: "PHPSESSID=php1a2b3c4dQ", Value: "php1a2b3c4dQ", Query: "PHPSESSID=php1a2b3c4dQ"},
	{Name: "auth parameter", Text: "/api?auth=Au44t5bQ", Value: "Au44t5bQ", Query: "auth=Au44t5bQ"},
	{Name: "token in a header value", Text: "token: Tk55y6cQ", Value: "Tk55y6cQ", Header: "X-Debug: token: Tk55y6cQ"},
	{Name: "access_token", Text: "#access_token=At66u7dQ&token_type=bearer", Value: "At66u7dQ", Query: "access_token=At66u7dQ"},
	{Name: "api_key", Text: "api_key=Ak77i8eQ", Value: "Ak77i8eQ", Query: "api_key=Ak77i8eQ"},
	{Name: "API key header", Text: "X-Api-Key: Xk88j9fQ", Value: "Xk88j9fQ", Header: "X-Api-Key: Xk88j9fQ"},
	{Name: "AWS secret", Text: "AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMIK7MDENGbPxRfiCYzEXAMPLEQ", Value: "wJalrXUtnFEMIK7MDENGbPxRfiCYzEXAMPLEQ"},
	{Name: "AWS access key ID", Text: "key id AKIAIOSFODNN7EXAMPLQ", Value: "AKIAIOSFODNN7EXAMPLQ"},
	{Name: "DB_PASS", Text: "DB_PASS=Db88o9fQ", Value: "Db88o9fQ"},
	{Name: "connection string", Text: "dsn postgres://app:Pg99p0gQ@db.internal:5432/p06", Value: "Pg99p0gQ"},
	{Name: "ADO connection string", Text: "Server=db;User ID=sa;Password=Ad10q1hQ;", Value: "Ad10q1hQ"},
	{Name: "PEM private key", Text: "-----BEGIN RSA PRIVATE KEY-----\nMIIEpQIBAAKCAQEA3pemSecretBodyQ\n-----END RSA PRIVATE KEY-----", Value: "MIIEpQIBAAKCAQEA3pemSecretBodyQ"},
	{Name: "single-quoted JSON", Text: "{'password': 'Sq10a1hQ', 'user': 'an'}", Value: "Sq10a1hQ"},
	{Name: "JSON client secret", Text: `{"client_secret": "Cs21s2jQ"}`, Value: "Cs21s2jQ"},
	{Name: "JSON identity number", Text: `{"cccd": 79185000123}`, Value: "79185000123"},
	{Name: "PIN", Text: "citizen 001203004545", Value: "001203004545", Query: "q=001203004545"},
	{Name: "PIN with spaces", Text: "số 001 203 004 545", Value: "001 203 004 545"},
	{Name: "PIN with dots", Text: "CCCD 001.203.004.545.", Value: "001.203.004.545"},
	{Name: "PIN with dashes", Text: "id 001-203-004-545", Value: "001-203-004-545"},
	{Name: "PIN grouped by four", Text: "0012 0300 4545", Value: "0012 0300 4545"},
	{Name: "identity card by key", Text: "cmnd=123456789", Value: "123456789", Query: "cmnd=123456789"},
	{Name: "identity card in prose", Text: "CMND: 987654321", Value: "987654321"},
	{Name: "bearer JWT", Text: "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJqd3RRIn0.c2lnUQ", Value: "eyJzdWIiOiJqd3RRIn0", Header: "X-Echo-Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJqd3RRIn0.c2lnUQ"},
	{Name: "password input", Text: `<input type="password" name="pw" value="Hv32d3kQ">`, Value: "Hv32d3kQ"},
	{Name: "unquoted password input", Text: `<input type=password value=Hv33d3kQ name=p>`, Value: "Hv33d3kQ"},
	{Name: "CSRF token input", Text: `<input type="hidden" name="csrf_token" value="Cf43f4lQ">`, Value: "Cf43f4lQ"},
	{Name: "URL credentials", Text: "https://admin:Ui54g5mQ@portal.example/?token=Tq65h6nQ", Value: "Ui54g5mQ"},
	{Name: "URL token", Text: "https://portal.example/?token=Tq66h6nQ", Value: "Tq66h6nQ", Query: "token=Tq66h6nQ"},
}
