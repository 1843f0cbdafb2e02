// The workspace's end-to-end scenarios in real headless Chromium. Usage: node e2e/run.mjs config.json results.json
// The config names the node's URL, the members' API keys, the ids the test seeded and where to put screenshots;
// each scenario's outcome is written to the results file for the xunit tests to assert on.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { launch, open } from './browser.mjs';
import * as scenarios from './scenarios.mjs';

const [configPath, resultsPath] = process.argv.slice(2);
const config = JSON.parse(readFileSync(configPath, 'utf8'));
if (config.screenshots) mkdirSync(config.screenshots, { recursive: true });
const browser = await launch(config.chromium);
const results = {};
try {
  for (const name of config.scenarios) {
    const log = { requests: 0, external: [] };
    const started = Date.now();
    try {
      const data = await scenarios[name]({ browser, config, open: () => open(browser, log) });
      results[name] = { ok: true, data, external: log.external, requests: log.requests, ms: Date.now() - started };
    } catch (error) {
      if (config.failures) {
        for (const [i, page] of browser.contexts().flatMap((c) => c.pages()).entries()) {
          await page.screenshot({ path: `${config.failures}/${name}-${i}.png` }).catch(() => undefined);
        }
      }
      results[name] = { ok: false, error: String(error?.stack ?? error), external: log.external, requests: log.requests, ms: Date.now() - started };
    }
    writeFileSync(resultsPath, JSON.stringify(results, null, 1));
  }
} finally {
  await browser.close();
}
