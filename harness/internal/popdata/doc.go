// Package popdata holds the population-database checks (P06-POP-*): the portal's use of the
// National Population Database through the integration gateway (service 037), observed through
// the fake gateway [popdbtest.Server] the portal is pointed at in tests (Target.PopDB).
//
// # How the checks work
//
// The assisted checks (P06-POP-01 … 07) log a citizen of the fake's population in (the adapter's
// check.Login, else the fake national SSO), start dossiers through the adapter's
// check.Dossiers.StartDossier, and read the fake's audit log for the requests made meanwhile:
// who was looked up, how often, with which credentials, and what the gateway answered. They
// switch the fake's faults (untrusted certificate, 503, hang, malformed reply), so they are
// exclusive: the engine runs them one at a time. Requests are attributed to a check by the
// audit-log window around its StartDossier calls, so nothing else may use the fake meanwhile.
//
// The citizen is the first person of the fake's population with an assurance level 2 account
// and relatives in the population; the relatives are the subjects of P06-POP-06. Dossiers are
// started for the procedure the adapter names with a method PopulationProcedure() string, else
// the first online birth registration ("khai sinh") of the portal's catalogue, else its first
// online essential service, else its first online procedure, else an empty code (the adapter's
// default). The procedure must be one that looks the citizen up.
//
// Without Target.PopDB or without Dossiers in the adapter, these checks report not_tested and
// name what is missing.
//
// P06-POP-08 is automated: it examines the URLs of the sampled pages, their redirects, links and
// GET forms, and — when the target allows — the URLs met while logging in and starting a dossier
// and those of the portal's gateway requests.
//
// # Limits
//
// The checks see what the adapter reports: Dossier.Form and Dossier.Message. A leak the portal
// shows elsewhere on the page is not seen by P06-POP-05 unless the adapter puts the page's text
// in Message. Form values are compared accent-, case- and space-insensitively (P06-POP-02).
package popdata
