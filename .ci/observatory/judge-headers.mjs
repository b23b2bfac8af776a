#!/usr/bin/env node
// Judges header sets with the MDN HTTP Observatory's own test functions, without any network:
// reads one JSON object per line on stdin, {"url": "https://…", "headers": {"Name": ["value", …]},
// "html": "…"},
// and writes one line per input, {"<test>": {"pass": bool, "result": "…"}, …}, for the tests
// that judge a single response: content-security-policy, strict-transport-security,
// x-frame-options, x-content-type-options, referrer-policy, cookies (from Set-Cookie) and
// subresource-integrity (from "html", with a text/html Content-Type). Used by the headers package's
// interop test to compare verdicts case by case over a corpus of headers.
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const pkg = path.join(here, "node_modules", "@mdn", "mdn-http-observatory");
if (!fs.existsSync(pkg)) {
  console.error(`${pkg} is missing: run npm install --ignore-scripts --prefix ${here}`);
  process.exit(2);
}
for (const [file, content] of [["hsts-preload.json", "{}"], ["tld-list.json", "[]"]]) {
  const p = path.join(pkg, "conf", file);
  if (!fs.existsSync(p)) fs.writeFileSync(p, content);
}
const t = (f) => import(path.join(pkg, "src", "analyzer", "tests", f));
const tests = {
  "content-security-policy": (await t("csp.js")).contentSecurityPolicyTest,
  "strict-transport-security": (await t("strict-transport-security.js")).strictTransportSecurityTest,
  "x-frame-options": (await t("x-frame-options.js")).xFrameOptionsTest,
  "x-content-type-options": (await t("x-content-type-options.js")).xContentTypeOptionsTest,
  "referrer-policy": (await t("referrer-policy.js")).referrerPolicyTest,
  cookies: (await t("cookies.js")).cookiesTest,
  "subresource-integrity": (await t("subresource-integrity.js")).subresourceIntegrityTest,
};
const { CookieJar } = await import("tough-cookie");
const { parseHttpEquivHeaders } = await import(path.join(pkg, "src", "retriever", "utils.js"));

const rl = readline.createInterface({ input: process.stdin });
for await (const line of rl) {
  if (!line.trim()) continue;
  const input = JSON.parse(line);
  const url = new URL(input.url);
  const headers = {};
  for (const [k, v] of Object.entries(input.headers ?? {})) headers[k.toLowerCase()] = v.length === 1 ? v[0] : v;
  // The tests read headers both as entries (like the retriever's AxiosHeaders) and with get().
  Object.defineProperty(headers, "get", { value: (n) => headers[n.toLowerCase()], enumerable: false });
  // An optional "html" is the page: its <meta http-equiv> CSP and <meta name="referrer"> count,
  // as the retriever counts them.
  const html = input.html ?? "";
  const response = { headers, status: 200, verified: true, httpEquiv: html ? parseHttpEquivHeaders(html, url.href) : new Map() };
  const requests = {
    hostname: url.hostname,
    resources: { path: html },
    responses: { auto: response, https: url.protocol === "https:" ? response : null, http: null, cors: null, httpRedirects: [], httpsRedirects: [] },
    session: { url, jar: new CookieJar() },
  };
  // The cookies test reads the retriever's cookie jar: fill it as the retriever would.
  for (const line of input.headers?.["Set-Cookie"] ?? []) {
    requests.session.jar.setCookieSync(line, url.href, { ignoreError: true });
  }
  const out = {};
  for (const [name, test] of Object.entries(tests)) {
    const r = test(requests);
    out[name] = { pass: r.pass, result: r.result };
  }
  console.log(JSON.stringify(out));
}
