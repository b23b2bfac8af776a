#!/usr/bin/env node
// Runs the MDN HTTP Observatory's tests against a server on any host and port, loopback included.
//
//   NODE_EXTRA_CA_CERTS=ca.pem node .ci/observatory/scan-loopback.mjs 127.0.0.1 HTTPS_PORT [HTTP_PORT]
//
// Why not the package's own CLI: `mdn-http-observatory-scan HOST` takes a bare host name and
// always scans ports 443 and 80 (its scan() calls retrieve(hostname) without options), so it
// cannot reach a test server on an ephemeral port. Its retriever does accept httpPort and
// httpsPort, so this script calls retrieve() with them and runs the same ALL_TESTS the CLI runs,
// printing {"tests": {name: {pass, result}}} as JSON. It also creates the two data files the
// package reads at import but does not ship (conf/hsts-preload.json and conf/tld-list.json):
// `npm install --ignore-scripts` skips the postinstall step that downloads them, and a scan of a
// test server needs neither (no host is preloaded).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const pkg = path.join(here, "node_modules", "@mdn", "mdn-http-observatory");
if (!fs.existsSync(pkg)) {
  console.error(`${pkg} is missing: run npm install --ignore-scripts --prefix ${here} (or .ci/install-interop)`);
  process.exit(2);
}
for (const [file, content] of [["hsts-preload.json", "{}"], ["tld-list.json", "[]"]]) {
  const p = path.join(pkg, "conf", file);
  if (!fs.existsSync(p)) fs.writeFileSync(p, content);
}

const [host, httpsPort, httpPort] = process.argv.slice(2);
if (!host || !httpsPort) {
  console.error("usage: scan-loopback.mjs HOST HTTPS_PORT [HTTP_PORT]");
  process.exit(2);
}
const { retrieve } = await import(path.join(pkg, "src", "retriever", "retriever.js"));
const { ALL_TESTS } = await import(path.join(pkg, "src", "constants.js"));

// A closed port for plain HTTP when none is given, so that "redirection" sees no HTTP listener.
const r = await retrieve(host, { httpsPort, httpPort: httpPort ?? "1" });
if (!r.responses.auto) {
  console.log(JSON.stringify({ error: "the site seems to be down" }));
  process.exit(1);
}
const tests = {};
for (const test of ALL_TESTS) {
  const out = test(r);
  tests[out.constructor.name] = { pass: out.pass, result: out.result };
}
console.log(JSON.stringify({ status: r.responses.auto.status, tests }, null, 2));
