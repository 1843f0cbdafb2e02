import { ApiError, get, query } from '../api';
import { listChannels, listParties } from '../directory';
import { h, replace } from '../dom';
import { fromLocalInput } from '../format';
import { t, tOr } from '../i18n';
import { recordSearch } from '../metrics';
import type { SummaryPage } from '../types';
import { keyboardList, summaryRow } from './rows';

const types = ['report', 'threat-actor', 'intrusion-set', 'incident', 'indicator', 'identity', 'location', 'opinion', 'note', 'relationship', 'marking-definition'];
const levels = ['clear', 'green', 'amber', 'amber+strict', 'red'];

/** Full-text search in any script with filters; results follow each keystroke (the previous request is cancelled). */
export async function showSearch(root: HTMLElement, _arg: string | undefined, params: URLSearchParams): Promise<() => void> {
  const input = h('input', { type: 'search', id: 'search-q', placeholder: t('search.placeholder'), value: params.get('q') ?? '', autocomplete: 'off', 'aria-label': t('search.placeholder'), dir: 'auto' });
  const filter = (name: string, options: [string, string][]) =>
    h('select', { id: `search-${name}`, 'aria-label': t(`filter.${name}`), onchange: () => run() },
      h('option', { value: '' }, t(`filter.any.${name}`)), options.map(([v, l]) => h('option', { value: v }, l)));
  const type = filter('type', types.map((x) => [x, tOr(`type.${x}`, x)]));
  const originator = filter('originator', []);
  const channel = filter('channel', []);
  const tlp = filter('tlp', levels.map((x) => [x, `TLP:${x.toUpperCase()}`]));
  const from = h('input', { type: 'datetime-local', id: 'search-from', 'aria-label': t('filter.from'), onchange: () => run() });
  const to = h('input', { type: 'datetime-local', id: 'search-to', 'aria-label': t('filter.to'), onchange: () => run() });
  const status = h('p', { class: 'status', id: 'search-status', role: 'status' });
  const list = h('ul', { class: 'rows', id: 'search-results' });
  replace(root, h('div', { class: 'search-bar' }, input),
    h('div', { class: 'toolbar filters' }, type, originator, channel, tlp, h('label', null, t('filter.from'), ' ', from), h('label', null, t('filter.to'), ' ', to)),
    h('p', { class: 'hint' }, t('search.keys')), status, list);
  void listParties().then((ps) => ps.forEach((p) => originator.appendChild(h('option', { value: p.id }, p.id))));
  void listChannels().then((cs) => cs.forEach((c) => channel.appendChild(h('option', { value: c.id }, c.name))));
  keyboardList(list);

  let inflight: AbortController | null = null;
  let generation = 0;
  async function run(): Promise<void> {
    const started = performance.now();
    const mine = ++generation;
    inflight?.abort();
    inflight = new AbortController();
    const q = input.value;
    // One character matches most of a large node; searching starts at two (filters alone still list).
    if (q.trim().length === 1) {
      status.textContent = t('search.keepTyping');
      return;
    }
    try {
      const page = await get<SummaryPage>(`/api/search${query({
        q, type: type.value, originator: originator.value, channel: channel.value, tlp: tlp.value,
        modified_after: fromLocalInput(from.value), modified_before: fromLocalInput(to.value), limit: 25,
      })}`, inflight.signal);
      if (mine !== generation) return;
      replace(list, page.items.map((item) => summaryRow(item)));
      status.textContent = page.items.length ? (page.next ? t('search.manyResults', { n: page.items.length }) : t('search.results', { n: page.items.length })) : t('search.none');
      recordSearch(q, performance.now() - started);
    } catch (error) {
      if ((error as Error).name === 'AbortError') return;
      status.textContent = error instanceof ApiError ? error.message : String(error);
    }
  }

  input.addEventListener('input', () => void run());
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown') { e.preventDefault(); list.querySelector<HTMLElement>('li.row')?.focus(); }
  });
  setTimeout(() => input.focus(), 0);
  await run();
  return () => inflight?.abort();
}
