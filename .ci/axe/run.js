#!/usr/bin/env node
// Runs axe-core under jsdom on HTML files and prints, as JSON, the violations of the rules that
// p06kit's accessibility checks share with axe:
// {"<file>": {"<rule>": [{"target": "<css selector>", "html": "<element's outer HTML>"}, …]}}.
// Usage: node run.js [--rules RULE,RULE…] FILE...   (default: the rules listed below)
'use strict';
const fs = require('fs');
const path = require('path');
const { JSDOM, VirtualConsole } = require('jsdom');

const RULES = [
  'html-has-lang', 'html-lang-valid', 'document-title',
  'image-alt', 'input-image-alt', 'area-alt', 'role-img-alt', 'svg-img-alt',
  'label', 'select-name',
  'link-name', 'button-name', 'input-button-name', 'aria-command-name',
  'heading-order',
  'duplicate-id', 'duplicate-id-active', 'duplicate-id-aria',
];

const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

async function audit(file, ruleIds) {
  const html = fs.readFileSync(file, 'utf8');
  const dom = new JSDOM(html, { runScripts: 'outside-only', pretendToBeVisual: true, virtualConsole: new VirtualConsole() });
  const { window } = dom;
  window.eval(axeSource);
  const rules = {};
  for (const r of ruleIds) rules[r] = { enabled: true };
  const res = await window.axe.run(window.document, {
    runOnly: { type: 'rule', values: ruleIds },
    rules,
    resultTypes: ['violations'],
  });
  const out = {};
  for (const v of res.violations) {
    out[v.id] = v.nodes.map((n) => ({ target: n.target.join(' '), html: n.html }));
  }
  window.close();
  return out;
}

(async () => {
  let args = process.argv.slice(2);
  let ruleIds = RULES;
  if (args[0] === '--rules') {
    ruleIds = (args[1] || '').split(',').filter(Boolean);
    args = args.slice(2);
  }
  const files = args;
  if (files.length === 0) {
    console.error('usage: node run.js FILE...');
    process.exit(2);
  }
  const result = {};
  for (const f of files) result[path.basename(f)] = await audit(f, ruleIds);
  process.stdout.write(JSON.stringify(result, null, 1) + '\n');
})().catch((e) => { console.error(e && e.stack || e); process.exit(1); });
