import { get, query, send } from '../api';
import { listChannels } from '../directory';
import { h, replace } from '../dom';
import { t, tOr } from '../i18n';
import { markInboxPainted } from '../metrics';
import type { Summary, SummaryPage } from '../types';
import { keyboardList, summaryRow } from './rows';

const types = ['report', 'threat-actor', 'intrusion-set', 'incident', 'indicator', 'identity', 'location', 'opinion', 'note', 'relationship'];
const levels = ['clear', 'green', 'amber', 'amber+strict', 'red'];

/** What other parties released to my party, newest first. */
export async function showInbox(root: HTMLElement, _arg: string | undefined, params: URLSearchParams): Promise<void> {
  const filters = { channel: params.get('channel') ?? '', type: params.get('type') ?? '', tlp: params.get('tlp') ?? '', unread: params.get('unread') === 'true' };
  const list = h('ul', { class: 'rows', id: 'inbox-list', 'aria-live': 'polite' });
  const more = h('button', { type: 'button', class: 'more', hidden: true }, t('list.more'));
  const status = h('p', { class: 'status' });
  const apply = () => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(filters)) if (v) q.set(k, String(v));
    location.hash = `#/inbox${q.toString() ? `?${q}` : ''}`;
  };
  const select = (name: 'channel' | 'type' | 'tlp', options: [string, string][]) =>
    h('select', { id: `inbox-${name}`, 'aria-label': t(`filter.${name}`), onchange: (e: Event) => { filters[name] = (e.target as HTMLSelectElement).value; apply(); } },
      h('option', { value: '' }, t(`filter.any.${name}`)),
      options.map(([value, label]) => h('option', { value, selected: filters[name] === value }, label)));
  const channelSelect = select('channel', []);
  const toolbar = h('div', { class: 'toolbar' },
    h('h2', null, t('inbox.title')),
    channelSelect,
    select('type', types.map((x) => [x, tOr(`type.${x}`, x)])),
    select('tlp', levels.map((x) => [x, `TLP:${x.toUpperCase()}`])),
    h('label', { class: 'check' }, h('input', { type: 'checkbox', id: 'inbox-unread', checked: filters.unread, onchange: (e: Event) => { filters.unread = (e.target as HTMLInputElement).checked; apply(); } }), t('inbox.unreadOnly')),
    h('button', { type: 'button', id: 'mark-all-read', onclick: async () => { await send('POST', '/api/inbox/read-all'); list.querySelectorAll('li.unread').forEach((li) => li.classList.remove('unread')); } }, t('inbox.markAllRead')));
  replace(root, toolbar, status, list, more);
  void listChannels().then((channels) => {
    for (const c of channels) channelSelect.appendChild(h('option', { value: c.id, selected: filters.channel === c.id }, c.name));
  });

  let cursor: string | null = null;
  const load = async () => {
    const page = await get<SummaryPage>(`/api/inbox${query({ ...filters, unread: filters.unread ? 'true' : null, limit: 50, cursor })}`);
    for (const item of page.items) list.appendChild(row(item));
    cursor = page.next;
    more.hidden = !cursor;
    if (!list.children.length) status.textContent = t('inbox.empty');
    markInboxPainted();
  };
  more.addEventListener('click', () => void load());
  keyboardList(list);
  await load();
}

function row(item: Summary): HTMLElement {
  const mark = item.read === false
    ? h('button', { type: 'button', class: 'mark-read', onclick: async (e: Event) => {
      const li = (e.target as HTMLElement).closest('li');
      await send('POST', '/api/inbox/read', { versions: [{ id: item.id, version: item.version }] });
      li?.classList.remove('unread');
      (e.target as HTMLElement).remove();
    } }, t('inbox.markRead'))
    : null;
  return summaryRow(item, mark);
}
