// Each scenario drives the workspace as a member would and returns what it saw; the xunit side asserts.
const timeout = 15000;

async function signIn(context, config, member) {
  const page = await context.newPage();
  page.setDefaultTimeout(timeout);
  await page.goto(config.url + '/');
  await page.fill('#api-key', config.keys[member]);
  await page.click('#sign-in');
  await page.waitForSelector('header.top');
  return page;
}

async function shot(page, config, name) {
  if (!config.screenshots) return;
  await page.waitForTimeout(150);
  await page.screenshot({ path: `${config.screenshots}/${name}.png` });
}

async function inboxIds(page) {
  await page.goto(page.url().split('#')[0] + '#/inbox');
  await page.waitForFunction(() => document.querySelector('#inbox-list li') || document.querySelector('.status')?.textContent);
  for (let i = 0; i < 50; i++) {
    const more = await page.$('button.more:not([hidden])');
    if (!more) break;
    const before = await page.$$eval('#inbox-list li', (l) => l.length);
    await more.click();
    await page.waitForFunction((n) => document.querySelectorAll('#inbox-list li').length > n, before);
  }
  return page.$$eval('#inbox-list li[data-id]', (rows) => rows.map((r) => r.dataset.id));
}

async function searchIds(page, q) {
  await page.goto(page.url().split('#')[0] + '#/search');
  await page.waitForSelector('#search-q');
  await page.waitForFunction(() => document.querySelector('#search-status')?.textContent);
  await page.fill('#search-q', '');
  await page.type('#search-q', q, { delay: 20 });
  await page.waitForFunction((text) => window.__concord.searches.some((s) => s.q === text), q);
  await page.waitForTimeout(100);
  return page.$$eval('#search-results li[data-id]', (rows) => rows.map((r) => r.dataset.id));
}

async function objectView(page, id) {
  await page.goto(page.url().split('#')[0] + `#/object/${encodeURIComponent(id)}`);
  await page.waitForSelector('#not-found, #who-can-see');
  if (await page.$('#not-found')) return { found: false };
  return {
    found: true,
    name: await page.textContent('#object-name'),
    channels: await page.$$eval('#who-channels li', (l) => l.map((x) => x.dataset.channel)),
    parties: await page.$$eval('#who-parties li', (l) => l.map((x) => x.dataset.party)),
    tlp: await page.textContent('#who-tlp'),
    caveats: await page.textContent('#who-caveats'),
    grading: await page.textContent('#who-grading'),
  };
}

async function graphView(page, id, expandType) {
  await page.goto(page.url().split('#')[0] + `#/graph/${encodeURIComponent(id)}`);
  await page.waitForSelector('.view-graph[data-ready], .view-graph .error');
  if (await page.$('.view-graph .error')) return { found: false, error: await page.textContent('.view-graph .error') };
  if (expandType) {
    await page.evaluate((type) => window.__concordExpand(window.__concordGraph.nodes().filter((n) => n.data('type') === type)[0].id()), expandType);
  }
  const nodes = await page.evaluate(() => window.__concordGraph.nodes().map((n) => n.id()));
  const edges = await page.evaluate(() => window.__concordGraph.edges().map((e) => e.id()));
  return { found: true, nodes, edges };
}

async function mapView(page) {
  await page.goto(page.url().split('#')[0] + '#/map');
  await page.waitForSelector('.view-map[data-ready]');
  await page.waitForTimeout(300);
  return page.evaluate(() => window.__concordMapIds);
}

/** Two parties side by side: each sees exactly its own inbox, and the report released to one is nowhere for the other. */
export async function isolation({ config, open }) {
  const out = {};
  for (const member of config.isolation.members) {
    const context = await open();
    const page = await signIn(context, config, member);
    await page.waitForFunction(() => window.__concord.inboxPainted !== null);
    const painted = await page.evaluate(() => window.__concord.inboxPainted);
    if (member === config.isolation.members[0]) await shot(page, config, 'inbox');
    const inbox = await inboxIds(page);
    const search = await searchIds(page, config.isolation.searchWord);
    if (member === config.isolation.members[0]) await shot(page, config, 'search');
    const object = await objectView(page, config.isolation.report);
    if (member === config.isolation.members[0]) await shot(page, config, 'object-who-can-see');
    const graph = await graphView(page, config.isolation.report, member === config.isolation.members[0] ? 'incident' : null);
    if (member === config.isolation.members[0] && config.isolation.graphShot) {
      await graphView(page, config.isolation.graphShot, 'incident');
      await shot(page, config, 'graph');
    }
    const map = await mapView(page);
    if (member === config.isolation.members[0]) await shot(page, config, 'map');
    out[member] = { inbox, search, object, graph, map, painted };
    await context.close();
  }
  return out;
}

/** Compose a threat actor in Cyrillic and Arabic script, preview who receives it, release it, and check both sides. */
export async function compose({ config, open }) {
  const c = config.compose;
  const context = await open();
  const page = await signIn(context, config, c.author);
  await page.goto(config.url + '/#/compose');
  await page.waitForSelector('#compose');
  await page.click('#compose-discard').catch(() => undefined);
  await page.waitForSelector('#compose-type');
  await page.selectOption('#compose-type', 'threat-actor');
  await page.waitForSelector('#field-aliases');
  // Sending with the name empty is stopped in the browser, next to the field.
  await page.click('#compose-send');
  const emptyNameError = await page.textContent('#error-name');
  await page.fill('#field-name', c.name);
  await page.fill('#field-aliases', c.aliases.join('\n'));
  await page.fill('#field-description', c.description);
  await page.selectOption('#compose-tlp', 'amber');
  await page.check('input[name=caveat][value=H1]');
  await page.selectOption('#compose-reliability', 'B');
  await page.selectOption('#compose-credibility', '2');
  await page.selectOption('#link-direction', 'out');
  await page.selectOption('#link-type', 'located-at');
  await page.type('#pick-links', c.linkSearch, { delay: 20 });
  await page.waitForSelector('#pick-links-results button');
  await page.click('#pick-links-results button');
  await page.waitForSelector('#links-list li');
  await page.check(`input[name=channel][value="${c.channel}"]`);
  await page.click('#preview-release');
  await page.waitForSelector('#release-preview li[data-party]');
  const recipients = await page.$$eval('#release-preview li[data-party]', (l) => l.map((x) => x.dataset.party));
  await shot(page, config, 'compose');
  await page.click('#compose-send');
  await page.waitForSelector('#who-can-see');
  const id = decodeURIComponent(page.url().split('#/object/')[1]);
  const view = await objectView(page, id);
  const relationships = await page.$$eval('#relationships li[data-id]', (l) => l.map((x) => x.dataset.id));
  await context.close();

  const seen = {};
  for (const member of [c.recipient, c.outsider]) {
    const ctx = await open();
    const p = await signIn(ctx, config, member);
    seen[member] = { inbox: (await inboxIds(p)).includes(id), object: (await objectView(p, id)).found };
    await ctx.close();
  }

  // A location placed with the map picker.
  const ctx = await open();
  const p = await signIn(ctx, config, c.author);
  await p.goto(config.url + '/#/compose');
  await p.waitForSelector('#compose-type');
  await p.selectOption('#compose-type', 'location');
  await p.waitForSelector('#map-picker .leaflet-container, #map-picker.leaflet-container');
  await p.fill('#field-name', `${c.name} — safe house`);
  const box = await p.$('#map-picker');
  await box.scrollIntoViewIfNeeded();
  await p.waitForFunction(() => document.querySelectorAll('#map-picker svg path').length > 10);
  const bounds = await box.boundingBox();
  await p.mouse.click(bounds.x + bounds.width / 2, bounds.y + bounds.height / 2);
  const picked = { lat: await p.inputValue('#field-latitude'), lon: await p.inputValue('#field-longitude') };
  await p.check(`input[name=channel][value="${c.channel}"]`);
  await p.click('#compose-send');
  await p.waitForSelector('#who-can-see');
  const location = await p.evaluate(() => decodeURIComponent(location.hash.split('#/object/')[1]));
  await ctx.close();
  return { emptyNameError, recipients, id, view, relationships, seen, picked, location };
}

/** The session cookie's attributes, CSRF refusals, sign-out, and an expired session that keeps the draft. */
export async function session({ config, open }) {
  const s = config.session;
  const context = await open();
  const page = await signIn(context, config, s.member);
  const cookie = (await context.cookies()).find((x) => x.name === 'concord_session');
  const noToken = await page.evaluate(async () => (await fetch('/api/inbox/read-all', { method: 'POST' })).status);
  const wrongToken = await page.evaluate(async () => (await fetch('/api/inbox/read-all', { method: 'POST', headers: { 'X-CSRF-Token': 'forged' } })).status);
  const csrf = (await (await context.request.get(config.url + '/api/session')).json()).csrf_token;
  const withToken = (await context.request.post(config.url + '/api/inbox/read-all', { headers: { 'X-CSRF-Token': csrf } })).status();
  const scriptCanReadCookie = await page.evaluate(() => document.cookie.includes('concord_session'));

  // The session ends while a draft is being written: signing in again sends it, nothing lost.
  await page.goto(config.url + '/#/compose');
  await page.waitForSelector('#compose-type');
  await page.selectOption('#compose-type', 'intrusion-set');
  await page.waitForSelector('#field-aliases');
  await page.fill('#field-name', s.draftName);
  await page.check(`input[name=channel][value="${s.channel}"]`);
  await page.click('#preview-release');
  await page.waitForSelector('#release-preview li[data-party]');
  const ended = (await context.request.delete(config.url + '/api/session', { headers: { 'X-CSRF-Token': csrf } })).status();
  await page.click('#compose-send');
  await page.waitForSelector('#reauth #api-key');
  const overlayShown = true;
  await page.fill('#reauth #api-key', config.keys[s.member]);
  await page.click('#reauth #sign-in');
  await page.waitForSelector('#who-can-see');
  const sentName = await page.textContent('#object-name');

  await page.click('#sign-out');
  await page.waitForSelector('#api-key');
  const afterSignOut = (await context.request.get(config.url + '/api/session')).status();
  await context.close();
  return { cookie, noToken, wrongToken, withToken, scriptCanReadCookie, ended, overlayShown, sentName, afterSignOut };
}

/** Pasted STIX that is not JSON, or not valid STIX, is refused with where it is wrong. */
export async function paste({ config, open }) {
  const context = await open();
  const page = await signIn(context, config, config.paste.member);
  await page.goto(config.url + '/#/compose');
  await page.waitForSelector('#compose');
  await page.click('details.paste summary');
  await page.fill('#paste-json', '{"type": "bundle", "objects": [');
  await page.click('#paste-import');
  await page.waitForSelector('#paste-problems .field-error');
  const syntax = await page.textContent('#paste-problems');
  await page.fill('#paste-json', JSON.stringify(config.paste.invalid));
  await page.click('#paste-import');
  await page.waitForSelector('#paste-problems .pointer');
  const pointers = await page.$$eval('#paste-problems .pointer', (l) => l.map((x) => x.textContent));
  const problems = await page.textContent('#paste-problems');
  await context.close();
  return { syntax, pointers, problems };
}

/** The interface in Russian, and dates in the member's chosen format (always UTC). */
export async function language({ config, open }) {
  const context = await open();
  const page = await signIn(context, config, config.language.member);
  await page.selectOption('#lang', 'ru');
  await page.waitForFunction(() => document.querySelector('header nav a[data-route=inbox]')?.textContent === 'Входящие');
  const nav = await page.$$eval('header nav a', (l) => l.map((x) => x.textContent));
  await page.selectOption('#dates', 'numeric');
  await page.waitForSelector('#inbox-list time');
  const date = await page.textContent('#inbox-list time');
  await shot(page, config, 'inbox-ru');
  await page.selectOption('#lang', 'en');
  await page.selectOption('#dates', 'iso');
  await context.close();
  return { nav, date };
}

/** Two duty officers draw overlapping operations; the first sees the conflict notice arrive live, acknowledges and resolves it. */
export async function ops({ config, open }) {
  const o = config.ops;
  const pages = [];
  for (const member of o.members) {
    const context = await open();
    const page = await signIn(context, config, member);
    await page.goto(config.url + '/#/ops');
    await page.waitForSelector('#ops-live.on');
    pages.push(page);
  }
  const draw = async (page, contact) => {
    const point = await page.evaluate(([lat, lon]) => { const p = window.__concordOpsMap.latLngToContainerPoint([lat, lon]); return { x: p.x, y: p.y }; }, o.at);
    const box = await (await page.$('#ops-map')).boundingBox();
    await page.mouse.click(box.x + point.x, box.y + point.y);
    await page.fill('#ops-radius', '3000');
    await page.fill('#ops-contact', contact);
    await page.fill('#ops-phone', '+93 20 000 0000');
    await page.click('#ops-submit');
    await page.waitForFunction(() => document.querySelector('#ops-status')?.textContent);
    return page.textContent('#ops-status');
  };
  const first = await draw(pages[0], 'Watch officer A');
  const second = await draw(pages[1], 'Дежурный Б');
  // The first side did not reload: the notice arrives over server-sent events.
  await pages[0].waitForSelector('#notice-list li[data-conflict]');
  const events = await pages[0].evaluate(() => Number(document.querySelector('.view-ops')?.dataset.events ?? 0));
  const notice = await pages[0].textContent('#notice-list li[data-conflict]');
  await shot(pages[0], config, 'deconfliction');
  await pages[0].click('#notice-list li[data-conflict] button.ack');
  await pages[0].waitForFunction(() => !document.querySelector('#notice-list li[data-conflict] button.ack'));
  await pages[1].waitForSelector('#notice-list li[data-conflict]');
  await pages[1].click('#notice-list li[data-conflict] button.resolve');
  await pages[0].waitForSelector('#notice-list li.resolved');
  const state = await pages[0].getAttribute('#notice-list li[data-conflict]', 'class');
  for (const p of pages) await p.context().close();
  return { first, second, events, notice, state };
}

/** First meaningful paint of the inbox and search latency after the last keystroke, on the node given. */
export async function speed({ config, open }) {
  const context = await open();
  const page = await signIn(context, config, config.speed.member);
  const paints = [];
  for (let i = 0; i < 7; i++) {
    await page.goto(config.url + '/?load=' + i + '#/inbox');
    await page.waitForFunction(() => window.__concord.inboxPainted !== null);
    paints.push(await page.evaluate(() => window.__concord.inboxPainted));
  }
  await page.goto(config.url + '/#/search');
  await page.waitForSelector('#search-q');
  await page.waitForFunction(() => document.querySelector('#search-status')?.textContent);
  // Each query is typed three times and the best time kept, so a busy machine (other test assemblies run at
  // the same time) does not stand in for the workspace's own latency.
  const searches = [];
  for (const q of config.speed.queries) {
    const trials = [];
    let count = 0;
    for (let trial = 0; trial < 3; trial++) {
      await page.fill('#search-q', '');
      await page.waitForTimeout(100);
      await page.evaluate(() => { window.__concord.searches.length = 0; });
      await page.type('#search-q', q, { delay: 90 });
      await page.waitForFunction((text) => window.__concord.searches.some((s) => s.q === text), q);
      trials.push(await page.evaluate((text) => window.__concord.searches.filter((s) => s.q === text).at(-1).ms, q));
      count = await page.$$eval('#search-results li', (l) => l.length);
    }
    searches.push({ q, ms: Math.min(...trials), trials, results: count });
  }
  await context.close();
  return { paints, searches };
}
