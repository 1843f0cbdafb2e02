// Starts Debian's Chromium through playwright-core (it cannot download a browser of its own here; playwright
// gives it a fresh temporary profile) and opens contexts in which every request is checked: anything not
// addressed to 127.0.0.1 is recorded and aborted.
import { chromium } from 'playwright-core';

const flags = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-default-apps', '--disable-extensions',
];

export function launch(executablePath) {
  return chromium.launch({ executablePath, headless: true, args: flags });
}

/** A fresh context (its own cookies), with every request recorded and any request off 127.0.0.1 aborted. */
export async function open(browser, log) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'en-GB', timezoneId: 'Asia/Kabul' });
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    log.requests++;
    if (url.hostname !== '127.0.0.1') {
      log.external.push(url.href);
      return route.abort('blockedbyclient');
    }
    return route.continue();
  });
  context.on('websocket', (ws) => log.external.push(ws.url()));
  return context;
}
