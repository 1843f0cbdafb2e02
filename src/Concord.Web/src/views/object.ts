import { ApiError, get, send } from '../api';
import { listChannels, partyName } from '../directory';
import { h, replace, text } from '../dom';
import { formatDate } from '../format';
import { gradingText, tlpBadge } from '../handling';
import { t, tOr } from '../i18n';
import { navigate } from '../router';
import { ConcordExtension, handlingOf, type StixObject, type SummaryPage } from '../types';
import { releasePicker } from './releasePicker';
import { summaryRow } from './rows';

const editable = new Set(['report', 'threat-actor', 'intrusion-set', 'incident', 'indicator', 'identity', 'location']);

interface Forwarding {
  allowed: boolean;
  reason: string | null;
  originator: boolean;
}

/** Every property of an object, its relationships, its history with what changed, and who can see it. */
export async function showObject(root: HTMLElement, id: string | undefined): Promise<void> {
  if (!id) { navigate('#/inbox'); return; }
  let object: StixObject;
  try {
    object = await get<StixObject>(`/api/objects/${encodeURIComponent(id)}`);
  } catch (error) {
    if (error instanceof ApiError && error.problem.status === 404) {
      replace(root, h('div', { class: 'not-found', id: 'not-found' }, h('h2', null, t('object.notFound')), h('p', null, t('object.notFoundWhy'))));
      return;
    }
    throw error;
  }
  const [history, relationships, forwarding] = await Promise.all([
    get<{ versions: StixObject[] }>(`/api/objects/${encodeURIComponent(id)}/versions`),
    get<SummaryPage>(`/api/objects/${encodeURIComponent(id)}/relationships`),
    get<Forwarding>(`/api/objects/${encodeURIComponent(id)}/forwarding`),
  ]);
  const handling = handlingOf(object);
  const actions = h('div', { class: 'actions' },
    h('a', { class: 'button', href: `#/graph/${encodeURIComponent(id)}`, id: 'open-graph' }, t('object.graph')),
    forwarding.originator && editable.has(object.type) ? h('a', { class: 'button', href: `#/compose/${encodeURIComponent(id)}`, id: 'amend' }, t('object.amend')) : null);
  replace(root,
    h('div', { class: 'object-head' },
      tlpBadge(handling?.tlp ?? null),
      h('span', { class: 'type' }, tOr(`type.${object.type}`, object.type)),
      h('h2', { dir: 'auto', id: 'object-name' }, String(object.name ?? object.id)),
      actions),
    h('div', { class: 'object-body' },
      h('div', { class: 'object-main' },
        h('section', { class: 'panel' }, h('h3', null, t('object.properties')), properties(object)),
        h('section', { class: 'panel', id: 'relationships' }, h('h3', null, t('object.relationships')),
          relationships.items.length ? h('ul', { class: 'rows compact' }, relationships.items.map((r) => summaryRow(r))) : h('p', { class: 'muted' }, t('object.noRelationships'))),
        h('section', { class: 'panel', id: 'history' }, h('h3', null, t('object.history')), versions(history.versions))),
      h('aside', { class: 'panel who', id: 'who-can-see' }, h('h3', null, t('who.title')), await whoCanSee(object, forwarding),
        await forwardPanel(object, forwarding))));
}

async function whoCanSee(object: StixObject, forwarding: Forwarding): Promise<HTMLElement> {
  const handling = handlingOf(object);
  if (!handling) return h('p', null, t('who.unknown'));
  const myChannels = await listChannels();
  const channelItems = handling.release.channels.map((id) => {
    const channel = myChannels.find((c) => c.id === id);
    return h('li', { 'data-channel': id }, h('strong', null, channel?.name ?? id), channel ? h('div', { class: 'muted' }, t('who.members'), ' ', channel.members.join(', ')) : null);
  });
  const partyItems = await Promise.all(handling.release.parties.map(async (p) => h('li', { 'data-party': p }, await partyName(p), h('span', { class: 'muted' }, ` (${p})`))));
  const tlp = handling.tlp ?? 'unmarked';
  return h('div', null,
    h('dl', null,
      h('dt', null, t('who.originator')), h('dd', { id: 'who-originator' }, await partyName(handling.originator), h('span', { class: 'muted' }, ` (${handling.originator})`)),
      h('dt', null, t('who.channels')), h('dd', null, channelItems.length ? h('ul', { id: 'who-channels' }, channelItems) : t('who.noChannels')),
      h('dt', null, t('who.parties')), h('dd', null, partyItems.length ? h('ul', { id: 'who-parties' }, partyItems) : t('who.noParties')),
      h('dt', null, 'TLP'), h('dd', { id: 'who-tlp' }, tlpBadge(handling.tlp ?? null), ' ', t(`tlp.${tlp}.words`)),
      h('dt', null, t('who.caveats')), h('dd', { id: 'who-caveats' }, handling.caveats?.length
        ? h('ul', null, handling.caveats.map((c) => h('li', null, h('strong', null, c), ': ', t(`caveat.${c}.words`),
          c === 'H0' && handling.purpose ? [' — ', text(handling.purpose)] : null, c === 'H3' && handling.restriction ? [' — ', text(handling.restriction)] : null)))
        : t('who.noCaveats')),
      h('dt', null, t('who.grading')), h('dd', { id: 'who-grading' }, handling.grading ? gradingText(handling.grading) : t('who.noGrading'))),
    forwarding.originator ? null : h('p', { class: 'muted' }, t('who.partial')));
}

async function forwardPanel(object: StixObject, forwarding: Forwarding): Promise<HTMLElement> {
  if (!forwarding.allowed) {
    return h('div', { class: 'forward', id: 'forward-refused' }, h('h4', null, t('forward.title')), h('p', null, t('forward.refused')), h('p', { class: 'muted' }, forwarding.reason ?? ''));
  }
  const handling = handlingOf(object);
  const own = handling?.originator ?? '';
  const picker = await releasePicker({ channels: [], parties: [] }, forwarding.originator ? own : '', () => undefined);
  const status = h('p', { class: 'status', role: 'status' });
  return h('div', { class: 'forward', id: 'forward' },
    h('h4', null, forwarding.originator ? t('forward.widen') : t('forward.title')),
    picker.element,
    h('button', { type: 'button', id: 'forward-send', onclick: async () => {
      if (!(await picker.preview())) return;
      try {
        await send('POST', `/api/objects/${encodeURIComponent(object.id)}/release`, picker.value());
        status.textContent = t('forward.done');
        window.dispatchEvent(new Event('concord:rerender'));
      } catch (error) {
        status.textContent = error instanceof ApiError ? error.message : String(error);
      }
    } }, t('forward.send')),
    status);
}

function properties(object: StixObject): HTMLElement {
  const rows = Object.entries(object).filter(([k]) => k !== 'extensions').map(([k, v]) => h('tr', null, h('th', null, tOr(`prop.${k}`, k)), h('td', null, value(v))));
  const extensions = Object.entries((object.extensions as Record<string, unknown>) ?? {}).filter(([k]) => k !== ConcordExtension);
  for (const [k, v] of extensions) rows.push(h('tr', null, h('th', null, k), h('td', null, value(v))));
  return h('table', { class: 'props', id: 'properties' }, h('tbody', null, rows));
}

function value(v: unknown): Node {
  if (v === null || v === undefined) return document.createTextNode('');
  if (typeof v === 'string') {
    if (/^[a-z0-9-]+--[0-9a-f-]{36}$/.test(v)) return h('a', { href: `#/object/${encodeURIComponent(v)}`, class: 'ref' }, v);
    if (/^\d{4}-\d{2}-\d{2}T/.test(v)) return h('time', { datetime: v, title: v }, formatDate(v));
    return text(v, v.length > 120 ? 'p' : 'span');
  }
  if (typeof v === 'number' || typeof v === 'boolean') return document.createTextNode(String(v));
  if (Array.isArray(v)) return h('ul', { class: 'values' }, v.map((x) => h('li', null, value(x))));
  return h('table', { class: 'props nested' }, h('tbody', null, Object.entries(v as Record<string, unknown>).map(([k, x]) => h('tr', null, h('th', null, k), h('td', null, value(x))))));
}

function versions(list: StixObject[]): HTMLElement {
  const items = list.map((v, i) => {
    const previous = i > 0 ? list[i - 1] : null;
    const changes = previous ? diff(previous, v) : [];
    return h('li', { class: 'version' },
      h('strong', null, formatDate(String(v.modified ?? v.created ?? ''))),
      i === 0 ? h('span', { class: 'muted' }, ` — ${t('history.first')}`) : null,
      changes.length ? h('ul', { class: 'changes' }, changes) : previous ? h('p', { class: 'muted' }, t('history.handlingOnly')) : null);
  }).reverse();
  return h('ol', { class: 'versions', reversed: true }, items);
}

function diff(before: StixObject, after: StixObject): HTMLElement[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  const out: HTMLElement[] = [];
  for (const key of keys) {
    if (key === 'modified' || key === 'extensions') continue;
    const a = JSON.stringify(before[key]);
    const b = JSON.stringify(after[key]);
    if (a === b) continue;
    if (a === undefined) out.push(h('li', { class: 'added' }, t('history.added', { name: key }), ' ', short(b)));
    else if (b === undefined) out.push(h('li', { class: 'removed' }, t('history.removed', { name: key })));
    else out.push(h('li', { class: 'changed' }, t('history.changed', { name: key }), ' ', h('del', { dir: 'auto' }, short(a)), ' → ', h('ins', { dir: 'auto' }, short(b))));
  }
  const ha = JSON.stringify(handlingOf(before));
  const hb = JSON.stringify(handlingOf(after));
  if (ha !== hb) out.push(h('li', { class: 'changed' }, t('history.handling')));
  return out;
}

function short(json: string | undefined): string {
  if (json === undefined) return '';
  const s = json.startsWith('"') ? (JSON.parse(json) as string) : json;
  return s.length > 160 ? `${s.slice(0, 160)}…` : s;
}
