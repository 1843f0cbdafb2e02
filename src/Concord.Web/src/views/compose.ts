import { ApiError, currentSession, get, query, send } from '../api';
import { h, replace, text } from '../dom';
import { fromLocalInput, stixNow, toLocalInput } from '../format';
import { t, tOr } from '../i18n';
import { navigate } from '../router';
import { bundle, newId, syntaxErrorAt, withHandling, type Handling } from '../stix';
import { handlingOf, type StixObject, type SummaryPage } from '../types';
import { releasePicker } from './releasePicker';

const types = ['report', 'threat-actor', 'intrusion-set', 'incident', 'indicator', 'identity', 'location'];
const relationshipTypes = ['attributed-to', 'located-at', 'targets', 'uses', 'indicates', 'related-to', 'derived-from', 'impersonates', 'originates-from'];
const draftKey = 'concord.draft';

interface Draft {
  type: string;
  fields: Record<string, string>;
  refs: { id: string; label: string }[];
  links: { type: string; direction: 'out' | 'in'; id: string; label: string }[];
  handling: Omit<Handling, 'channels' | 'parties'>;
}

const emptyDraft = (): Draft => ({ type: 'report', fields: {}, refs: [], links: [], handling: { tlp: 'amber', caveats: [], purpose: '', restriction: '', grading: '' } });

/** Create or amend an object, attach relationships, choose its release and handling, preview who receives it, send. */
export async function showCompose(root: HTMLElement, amendId: string | undefined): Promise<void> {
  const session = currentSession()!;
  let original: StixObject | null = null;
  let draft: Draft;
  if (amendId) {
    original = await get<StixObject>(`/api/objects/${encodeURIComponent(amendId)}`);
    draft = fromObject(original);
  } else {
    draft = loadDraft() ?? emptyDraft();
  }
  const originalHandling = original ? handlingOf(original) : null;
  const errors = new Map<string, HTMLElement>();
  const fieldError = (name: string) => {
    let el = errors.get(name);
    if (!el) { el = h('p', { class: 'field-error', id: `error-${name}`, role: 'alert' }); errors.set(name, el); }
    return el;
  };
  const save = () => { if (!original) sessionStorage.setItem(draftKey, JSON.stringify(collect())); };

  const form = h('form', { class: 'compose', id: 'compose', novalidate: true, oninput: () => save(), onchange: () => save() });
  const typeSelect = h('select', { id: 'compose-type', name: 'type', disabled: Boolean(original), onchange: () => { draft = { ...collect(), type: typeSelect.value }; void build(); } },
    types.map((x) => h('option', { value: x, selected: draft.type === x }, tOr(`type.${x}`, x))));
  const fieldsBox = h('div', { class: 'fields' });
  const refsBox = h('div', { class: 'refs' });
  const linksBox = h('div', { class: 'links' });
  const status = h('p', { class: 'status', id: 'compose-status', role: 'status' });
  const picker = await releasePicker(originalHandling?.release ?? { channels: [], parties: [] }, session.party, () => save());

  const tlp = h('select', { id: 'compose-tlp', name: 'tlp' }, ['clear', 'green', 'amber', 'amber+strict', 'red'].map((x) => h('option', { value: x, selected: draft.handling.tlp === x }, `TLP:${x.toUpperCase()}`)));
  const caveatBox = (code: string) => h('label', { class: 'check', title: t(`caveat.${code}.words`) }, h('input', { type: 'checkbox', name: 'caveat', value: code, checked: draft.handling.caveats.includes(code) }), code, h('span', { class: 'muted' }, ` ${t(`caveat.${code}.short`)}`));
  const purpose = h('input', { id: 'compose-purpose', name: 'purpose', value: draft.handling.purpose, placeholder: t('compose.purpose'), dir: 'auto' });
  const restriction = h('input', { id: 'compose-restriction', name: 'restriction', value: draft.handling.restriction, placeholder: t('compose.restriction'), dir: 'auto' });
  const reliability = h('select', { id: 'compose-reliability', 'aria-label': t('compose.reliability') }, h('option', { value: '' }, '—'), 'ABCDEF'.split('').map((r) => h('option', { value: r, selected: draft.handling.grading[0] === r }, `${r} — ${t(`grading.${r}`)}`)));
  const credibility = h('select', { id: 'compose-credibility', 'aria-label': t('compose.credibility') }, h('option', { value: '' }, '—'), '123456'.split('').map((c) => h('option', { value: c, selected: draft.handling.grading[1] === c }, `${c} — ${t(`grading.${c}`)}`)));

  const handlingBox = h('fieldset', { class: 'handling' }, h('legend', null, t('compose.handling')),
    h('label', null, 'TLP ', tlp), fieldError('tlp'),
    h('div', { class: 'caveat-boxes' }, ['ORCON', 'H0', 'H1', 'H2', 'H3'].map(caveatBox)),
    purpose, fieldError('purpose'), restriction, fieldError('restriction'),
    h('div', { class: 'grading-pick' }, h('span', null, t('compose.grading')), reliability, credibility), fieldError('grading'));

  const paste = pastePanel();
  replace(root,
    h('h2', null, original ? t('compose.amendTitle') : t('compose.title')),
    form);
  form.append(
    h('label', null, t('compose.type'), ' ', typeSelect),
    fieldsBox, refsBox, linksBox, handlingBox, picker.element, fieldError('release'),
    h('div', { class: 'actions' },
      h('button', { type: 'submit', id: 'compose-send' }, original ? t('compose.sendAmend') : t('compose.send')),
      original ? null : h('button', { type: 'button', id: 'compose-discard', onclick: () => { sessionStorage.removeItem(draftKey); draft = emptyDraft(); void showCompose(root, undefined); } }, t('compose.discard'))),
    status);
  root.appendChild(paste);

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    for (const el of errors.values()) el.textContent = '';
    status.textContent = '';
    const current = collect();
    const problems = validate(current);
    if (problems.length) {
      for (const [field, message] of problems) fieldError(field).textContent = message;
      status.textContent = t('compose.fix');
      root.querySelector<HTMLElement>('.field-error:not(:empty)')?.scrollIntoView({ block: 'center' });
      return;
    }
    if (!(await picker.preview())) return;
    const objects = toStix(current, original);
    try {
      const report = await send<{ inserted: number; unchanged: number; committed: boolean }>('POST', `/api/bundles${query({ all_or_nothing: 'true' })}`, bundle(objects));
      if (!report.committed) throw new ApiError({ status: 422, detail: t('compose.notStored') });
      sessionStorage.removeItem(draftKey);
      navigate(`#/object/${encodeURIComponent(objects[0].id)}`);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const list = error.problem.errors ?? (error.problem.pointer ? [{ pointer: error.problem.pointer, message: error.problem.detail ?? '' }] : []);
      if (!list.length) status.textContent = error.message;
      for (const p of list) {
        const match = /^\/objects\/(\d+)\/?([^/]*)/.exec(p.pointer);
        const field = match ? (match[1] === '0' ? fieldFor(match[2]) : 'links') : 'release';
        fieldError(field).textContent = `${p.message} (${p.pointer})`;
      }
      status.textContent = t('compose.refused');
    }
  });

  function collect(): Draft {
    const fields: Record<string, string> = {};
    for (const input of fieldsBox.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>('[name]')) fields[input.name] = input.value;
    return {
      type: typeSelect.value,
      fields,
      refs: draft.refs,
      links: draft.links,
      handling: {
        tlp: tlp.value,
        caveats: [...handlingBox.querySelectorAll<HTMLInputElement>('input[name=caveat]:checked')].map((i) => i.value),
        purpose: purpose.value,
        restriction: restriction.value,
        grading: reliability.value && credibility.value ? reliability.value + credibility.value : '',
      },
    };
  }

  function toStix(d: Draft, previous: StixObject | null): StixObject[] {
    const now = stixNow();
    const f = d.fields;
    const base: StixObject = previous
      ? { ...previous, modified: now }
      : { type: d.type, spec_version: '2.1', id: newId(d.type), created: now, modified: now };
    const set = (key: string, value: unknown) => { if (value === '' || value === null || value === undefined || (Array.isArray(value) && !value.length)) delete base[key]; else base[key] = value; };
    set('name', f.name?.trim());
    set('description', f.description?.trim());
    set('lang', f.lang?.trim());
    const lines = (s: string | undefined) => (s ?? '').split('\n').map((x) => x.trim()).filter(Boolean);
    switch (d.type) {
      case 'report': set('published', fromLocalInput(f.published) ?? now); set('report_types', [f.report_type || 'threat-report']); set('object_refs', d.refs.map((r) => r.id)); break;
      case 'threat-actor': set('aliases', lines(f.aliases)); set('threat_actor_types', f.actor_type ? [f.actor_type] : []); set('first_seen', fromLocalInput(f.first_seen)); break;
      case 'intrusion-set': set('aliases', lines(f.aliases)); set('first_seen', fromLocalInput(f.first_seen)); break;
      case 'incident': break;
      case 'indicator': set('pattern', f.pattern?.trim()); set('pattern_type', 'stix'); set('valid_from', fromLocalInput(f.valid_from) ?? now); set('indicator_types', f.indicator_type ? [f.indicator_type] : []); break;
      case 'identity': set('identity_class', f.identity_class || 'organization'); break;
      case 'location':
        set('latitude', f.latitude ? Number(f.latitude) : null); set('longitude', f.longitude ? Number(f.longitude) : null);
        set('precision', f.precision ? Number(f.precision) : null); set('country', f.country?.trim().toUpperCase()); set('region', f.region?.trim()); set('city', f.city?.trim());
        break;
      default: break;
    }
    const release = picker.value();
    const handling: Handling = { ...d.handling, channels: release.channels, parties: release.parties };
    const main = withHandling(base, handling);
    const links = d.links.map((l) => withHandling({
      type: 'relationship', spec_version: '2.1', id: newId('relationship'), created: now, modified: now, relationship_type: l.type,
      source_ref: l.direction === 'out' ? main.id : l.id, target_ref: l.direction === 'out' ? l.id : main.id,
    }, handling));
    return [main, ...links];
  }

  function validate(d: Draft): [string, string][] {
    const out: [string, string][] = [];
    const f = d.fields;
    if (d.type !== 'location' && !f.name?.trim()) out.push(['name', t('compose.required')]);
    if (d.type === 'report' && !d.refs.length) out.push(['refs', t('compose.refsRequired')]);
    if (d.type === 'indicator' && !f.pattern?.trim()) out.push(['pattern', t('compose.required')]);
    if (d.type === 'location') {
      const lat = f.latitude ? Number(f.latitude) : null;
      const lon = f.longitude ? Number(f.longitude) : null;
      if ((lat === null) !== (lon === null)) out.push(['latitude', t('compose.latLonBoth')]);
      if (lat !== null && (Number.isNaN(lat) || lat < -90 || lat > 90)) out.push(['latitude', t('compose.latRange')]);
      if (lon !== null && (Number.isNaN(lon) || lon < -180 || lon > 180)) out.push(['longitude', t('compose.lonRange')]);
      if (lat === null && !f.country?.trim() && !f.region?.trim()) out.push(['latitude', t('compose.placeRequired')]);
      if (f.country && !/^[A-Za-z]{2}$/.test(f.country.trim())) out.push(['country', t('compose.country')]);
    }
    if (d.handling.caveats.includes('H0') && !d.handling.purpose.trim()) out.push(['purpose', t('compose.purposeRequired')]);
    if (d.handling.caveats.includes('H3') && !d.handling.restriction.trim()) out.push(['restriction', t('compose.restrictionRequired')]);
    const release = picker.value();
    if (!release.channels.length && !release.parties.length && d.handling.tlp !== 'red') out.push(['release', t('compose.releaseEmpty')]);
    return out;
  }

  async function build(): Promise<void> {
    const f = draft.fields;
    const input = (name: string, attrs: Record<string, string | boolean> = {}) => h('input', { name, id: `field-${name}`, value: f[name] ?? '', dir: 'auto', ...attrs });
    const row = (name: string, control: HTMLElement) => h('div', { class: 'field' }, h('label', { for: `field-${name}` }, t(`compose.field.${name}`)), control, fieldError(name));
    const parts: HTMLElement[] = [
      row('name', input('name', { required: draft.type !== 'location' })),
      row('description', h('textarea', { name: 'description', id: 'field-description', rows: 4, dir: 'auto', value: f.description ?? '' })),
      row('lang', input('lang', { placeholder: 'en, ru, fa-AF, ar…' })),
    ];
    switch (draft.type) {
      case 'report':
        parts.push(row('published', input('published', { type: 'datetime-local' })));
        parts.push(row('report_type', h('select', { name: 'report_type', id: 'field-report_type' }, ['threat-report', 'threat-actor', 'campaign', 'incident', 'attack-pattern', 'indicator'].map((x) => h('option', { value: x, selected: f.report_type === x }, x)))));
        break;
      case 'threat-actor':
        parts.push(row('aliases', h('textarea', { name: 'aliases', id: 'field-aliases', rows: 3, dir: 'auto', value: f.aliases ?? '' })));
        parts.push(row('actor_type', h('select', { name: 'actor_type', id: 'field-actor_type' }, h('option', { value: '' }, '—'), ['terrorist', 'crime-syndicate', 'nation-state', 'activist', 'criminal', 'unknown'].map((x) => h('option', { value: x, selected: f.actor_type === x }, x)))));
        parts.push(row('first_seen', input('first_seen', { type: 'datetime-local' })));
        break;
      case 'intrusion-set':
        parts.push(row('aliases', h('textarea', { name: 'aliases', id: 'field-aliases', rows: 3, dir: 'auto', value: f.aliases ?? '' })));
        parts.push(row('first_seen', input('first_seen', { type: 'datetime-local' })));
        break;
      case 'indicator':
        parts.push(row('pattern', input('pattern', { placeholder: "[ipv4-addr:value = '203.0.113.7']" })));
        parts.push(row('indicator_type', h('select', { name: 'indicator_type', id: 'field-indicator_type' }, h('option', { value: '' }, '—'), ['malicious-activity', 'attribution', 'anomalous-activity', 'benign', 'compromised', 'unknown'].map((x) => h('option', { value: x, selected: f.indicator_type === x }, x)))));
        parts.push(row('valid_from', input('valid_from', { type: 'datetime-local' })));
        break;
      case 'identity':
        parts.push(row('identity_class', h('select', { name: 'identity_class', id: 'field-identity_class' }, ['organization', 'individual', 'group', 'class', 'unknown'].map((x) => h('option', { value: x, selected: f.identity_class === x }, x)))));
        break;
      case 'location': {
        const lat = input('latitude', { inputmode: 'decimal' });
        const lon = input('longitude', { inputmode: 'decimal' });
        const mapBox = h('div', { class: 'map-picker', id: 'map-picker' });
        parts.push(row('latitude', lat), row('longitude', lon), row('precision', input('precision', { inputmode: 'decimal' })),
          row('country', input('country', { maxlength: '2' })), row('region', input('region')), row('city', input('city')),
          h('div', { class: 'field' }, h('span', null, t('compose.pickOnMap')), mapBox));
        void import('./mapPicker').then((m) => m.mapPicker(mapBox, lat, lon, () => save()));
        break;
      }
      default: break;
    }
    replace(fieldsBox, parts);
    replace(refsBox, draft.type === 'report' ? refsEditor() : null);
    replace(linksBox, linksEditor());
    if (original) fill(original);
  }

  function fill(o: StixObject): void {
    const set = (name: string, value: unknown) => { const el = fieldsBox.querySelector<HTMLInputElement>(`[name="${name}"]`); if (el && value !== undefined && value !== null) el.value = String(value); };
    for (const key of ['published', 'first_seen', 'valid_from']) set(key, toLocalInput(o[key] as string | undefined));
  }

  /** Keeps what was typed, applies a change to references or relationships, and redraws the form. */
  function rebuild(change: (d: Draft) => void): void {
    draft = collect();
    change(draft);
    save();
    void build();
  }

  function refsEditor(): HTMLElement {
    const chips = h('div', { class: 'chips', id: 'refs-chips' }, draft.refs.map((r) => h('span', { class: 'chip' }, text(r.label), h('button', { type: 'button', 'aria-label': t('compose.remove'), onclick: () => rebuild((d) => { d.refs = d.refs.filter((x) => x.id !== r.id); }) }, '×'))));
    return h('fieldset', null, h('legend', null, t('compose.refs')), chips, objectPicker('refs', (id, label) => rebuild((d) => { if (!d.refs.some((r) => r.id === id)) d.refs.push({ id, label }); })), fieldError('refs'));
  }

  function linksEditor(): HTMLElement {
    const relType = h('select', { id: 'link-type', 'aria-label': t('compose.linkType') }, relationshipTypes.map((x) => h('option', { value: x }, x)));
    const direction = h('select', { id: 'link-direction', 'aria-label': t('compose.linkDirection') }, h('option', { value: 'out' }, t('compose.linkOut')), h('option', { value: 'in' }, t('compose.linkIn')));
    const rows = draft.links.map((l, i) => h('li', null, l.direction === 'out' ? `→ ${l.type} → ` : `← ${l.type} ← `, text(l.label),
      h('button', { type: 'button', 'aria-label': t('compose.remove'), onclick: () => rebuild((d) => { d.links.splice(i, 1); }) }, '×')));
    return h('fieldset', null, h('legend', null, t('compose.links')), h('ul', { id: 'links-list' }, rows),
      h('div', { class: 'link-add' }, direction, relType, objectPicker('links', (id, label) => rebuild((d) => { d.links.push({ type: relType.value, direction: direction.value as 'out' | 'in', id, label }); }))),
      fieldError('links'));
  }

  draft = { ...draft };
  await build();
}

function fieldFor(property: string): string {
  const map: Record<string, string> = { object_refs: 'refs', object_marking_refs: 'tlp', extensions: 'release', aliases: 'aliases' };
  return map[property] ?? (property || 'name');
}

/** A small search box that picks an object the member can read. */
function objectPicker(name: string, pick: (id: string, label: string) => void): HTMLElement {
  const input = h('input', { type: 'search', id: `pick-${name}`, placeholder: t('compose.pick'), autocomplete: 'off', dir: 'auto' });
  const results = h('ul', { class: 'pick-results', id: `pick-${name}-results` });
  let controller: AbortController | null = null;
  input.addEventListener('input', async () => {
    controller?.abort();
    controller = new AbortController();
    if (!input.value.trim()) { replace(results); return; }
    try {
      const page = await get<SummaryPage>(`/api/search${query({ q: input.value, limit: 8 })}`, controller.signal);
      replace(results, page.items.filter((i) => i.type !== 'relationship').map((i) => h('li', null, h('button', { type: 'button', 'data-id': i.id, onclick: () => { pick(i.id, `${i.name ?? i.id} (${tOr(`type.${i.type}`, i.type)})`); } }, text(i.name ?? i.id), ' ', h('span', { class: 'muted' }, tOr(`type.${i.type}`, i.type))))));
    } catch (error) {
      if ((error as Error).name !== 'AbortError') replace(results, h('li', { class: 'field-error' }, String(error)));
    }
  });
  return h('div', { class: 'picker' }, input, results);
}

function fromObject(o: StixObject): Draft {
  const handling = handlingOf(o);
  const str = (v: unknown) => (v === undefined || v === null ? '' : String(v));
  return {
    type: o.type,
    fields: {
      name: str(o.name), description: str(o.description), lang: str(o.lang),
      aliases: Array.isArray(o.aliases) ? (o.aliases as string[]).join('\n') : '',
      actor_type: Array.isArray(o.threat_actor_types) ? str((o.threat_actor_types as string[])[0]) : '',
      pattern: str(o.pattern), indicator_type: Array.isArray(o.indicator_types) ? str((o.indicator_types as string[])[0]) : '',
      identity_class: str(o.identity_class), latitude: str(o.latitude), longitude: str(o.longitude), precision: str(o.precision),
      country: str(o.country), region: str(o.region), city: str(o.city),
      report_type: Array.isArray(o.report_types) ? str((o.report_types as string[])[0]) : '',
    },
    refs: Array.isArray(o.object_refs) ? (o.object_refs as string[]).map((id) => ({ id, label: id })) : [],
    links: [],
    handling: { tlp: handling?.tlp ?? 'amber', caveats: handling?.caveats ?? [], purpose: handling?.purpose ?? '', restriction: handling?.restriction ?? '', grading: handling?.grading ?? '' },
  };
}

function loadDraft(): Draft | null {
  try {
    const raw = sessionStorage.getItem(draftKey);
    return raw ? (JSON.parse(raw) as Draft) : null;
  } catch {
    return null;
  }
}

/** Paste STIX JSON (a bundle or one object); invalid input is refused with the JSON pointer of what is wrong. */
function pastePanel(): HTMLElement {
  const area = h('textarea', { id: 'paste-json', rows: 8, spellcheck: false, placeholder: '{"type": "bundle", "objects": [...]}' });
  const out = h('div', { id: 'paste-problems', role: 'alert' });
  return h('details', { class: 'paste panel' }, h('summary', null, t('paste.title')),
    h('p', { class: 'muted' }, t('paste.hint')), area,
    h('button', { type: 'button', id: 'paste-import', onclick: async () => {
      replace(out);
      let parsed: unknown;
      try {
        parsed = JSON.parse(area.value);
      } catch (error) {
        replace(out, h('p', { class: 'field-error' }, t('paste.syntax'), ' ', syntaxErrorAt(area.value, error as SyntaxError)));
        return;
      }
      const body = (parsed as { type?: string }).type === 'bundle' ? parsed : bundle([parsed as StixObject]);
      try {
        const report = await send<{ inserted: number; unchanged: number }>('POST', `/api/bundles${query({ all_or_nothing: 'true' })}`, body);
        replace(out, h('p', { class: 'ok' }, t('paste.done', { n: report.inserted + report.unchanged })));
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        const list = error.problem.errors ?? [{ pointer: error.problem.pointer ?? '', message: error.problem.detail ?? error.message }];
        replace(out, h('ul', { class: 'problems' }, list.map((p) => h('li', { class: 'field-error' }, h('code', { class: 'pointer' }, p.pointer || '/'), ' ', p.message))));
      }
    } }, t('paste.import')),
    out);
}
