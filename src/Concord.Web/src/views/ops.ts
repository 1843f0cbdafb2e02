import { ApiError, currentSession, get, send } from '../api';
import { h, replace, text } from '../dom';
import { formatDate, fromLocalInput } from '../format';
import { t } from '../i18n';
import type { NoticeView, OperationView } from '../opsLayers';

const kinds = ['air_strike', 'drone_patrol', 'manned_patrol', 'ground_raid', 'surveillance', 'convoy', 'border_operation', 'humanitarian_delivery', 'other'];

/**
 * The deconfliction board: register an operation by drawing it on the map, watch conflict notices arrive live
 * (server-sent events), acknowledge, escalate and resolve them.
 */
export async function showOps(root: HTMLElement): Promise<() => void> {
  const session = currentSession()!;
  const mapBox = h('div', { class: 'map small', id: 'ops-map' });
  const opsList = h('ul', { class: 'ops', id: 'ops-list' });
  const noticeList = h('ul', { class: 'notices', id: 'notice-list', 'aria-live': 'polite' });
  const live = h('span', { class: 'live', id: 'ops-live' }, t('ops.connecting'));
  const status = h('p', { class: 'status', id: 'ops-status', role: 'status' });
  const errors = new Map<string, HTMLElement>();
  const err = (name: string) => { let e = errors.get(name); if (!e) { e = h('p', { class: 'field-error', id: `ops-error-${name}` }); errors.set(name, e); } return e; };

  const kind = h('select', { id: 'ops-kind' }, kinds.map((k) => h('option', { value: k }, t(`ops.kind.${k}`))));
  const shape = h('select', { id: 'ops-shape' }, h('option', { value: 'circle' }, t('ops.circle')), h('option', { value: 'polygon' }, t('ops.polygon')));
  const radius = h('input', { id: 'ops-radius', type: 'number', min: '1', value: '2000' });
  const now = new Date();
  const iso = (d: Date) => d.toISOString().slice(0, 16);
  const start = h('input', { id: 'ops-start', type: 'datetime-local', value: iso(new Date(now.getTime() + 3600_000)) });
  const end = h('input', { id: 'ops-end', type: 'datetime-local', value: iso(new Date(now.getTime() + 4 * 3600_000)) });
  const margin = h('input', { id: 'ops-margin', type: 'number', min: '0', value: '15' });
  const sensitivity = h('select', { id: 'ops-sensitivity' }, ['routine', 'sensitive', 'highly_sensitive'].map((s) => h('option', { value: s }, t(`ops.sensitivity.${s}`))));
  const contactName = h('input', { id: 'ops-contact', value: '', dir: 'auto' });
  const phone = h('input', { id: 'ops-phone', value: '' });
  const radio = h('input', { id: 'ops-radio', value: '' });
  const reference = h('input', { id: 'ops-reference', value: '', dir: 'auto' });
  const revealParty = h('input', { type: 'checkbox', id: 'ops-reveal-party' });
  const drawn = h('p', { class: 'muted', id: 'ops-drawn' }, t('ops.drawHint'));

  const form = h('form', { class: 'ops-form', id: 'ops-form', novalidate: true },
    h('h3', null, t('ops.register')),
    h('label', null, t('ops.kind'), ' ', kind),
    h('label', null, t('ops.shape'), ' ', shape), h('label', null, t('ops.radius'), ' ', radius), drawn, err('area'),
    h('label', null, t('ops.start'), ' ', start), h('label', null, t('ops.end'), ' ', end), err('window'),
    h('label', null, t('ops.margin'), ' ', margin),
    h('label', null, t('ops.sensitivity'), ' ', sensitivity),
    h('label', null, t('ops.contactName'), ' ', contactName), err('contact'),
    h('label', null, t('ops.phone'), ' ', phone), h('label', null, t('ops.radio'), ' ', radio),
    h('label', null, t('ops.reference'), ' ', reference),
    h('label', { class: 'check' }, revealParty, t('ops.revealParty')),
    h('button', { type: 'submit', id: 'ops-submit' }, t('ops.submit')), status);

  replace(root, h('h2', null, t('ops.title'), ' ', live),
    h('div', { class: 'ops-grid' }, h('div', null, mapBox, form), h('div', null, h('h3', null, t('ops.notices')), noticeList, h('h3', null, t('ops.mine')), opsList)));

  const { baseMap, L } = await import('../basemap');
  const { noticeLayer, operationLayer } = await import('../opsLayers');
  const map = await baseMap(mapBox);
  const overlay = L.layerGroup().addTo(map);
  const sketch = L.layerGroup().addTo(map);
  let points: L.LatLng[] = [];
  const redraw = () => {
    sketch.clearLayers();
    if (shape.value === 'circle' && points.length) L.circle(points[0], { radius: Number(radius.value) || 1, color: '#e67e22' }).addTo(sketch);
    if (shape.value === 'polygon' && points.length) L.polygon(points, { color: '#e67e22' }).addTo(sketch);
    drawn.textContent = points.length ? t('ops.drawn', { n: points.length }) : t('ops.drawHint');
  };
  map.on('click', (e: L.LeafletMouseEvent) => { points = shape.value === 'circle' ? [e.latlng] : [...points, e.latlng]; redraw(); });
  shape.addEventListener('change', () => { points = []; redraw(); });
  radius.addEventListener('input', redraw);
  (window as unknown as { __concordOpsMap?: L.Map }).__concordOpsMap = map;

  const refresh = async () => {
    const [ops, notices] = await Promise.all([get<OperationView[]>('/api/ops'), get<NoticeView[]>('/api/ops/conflicts')]);
    overlay.clearLayers();
    ops.filter((o) => o.status === 'active').forEach((o) => operationLayer(o)?.addTo(overlay));
    notices.forEach((n) => noticeLayer(n).addTo(overlay));
    replace(opsList, ops.length ? ops.map(opRow) : h('li', { class: 'muted' }, t('ops.none')));
    replace(noticeList, notices.length ? notices.map(noticeRow) : h('li', { class: 'muted' }, t('ops.noNotices')));
  };

  const opRow = (o: OperationView) => h('li', { 'data-op': o.id, class: `op ${o.status}` },
    h('strong', null, t(`ops.kind.${o.plan.kind}`)), ' ', text(o.plan.reference ?? ''), ' · ', formatDate(o.plan.start), ' – ', formatDate(o.plan.end), ' · ', t(`ops.status.${o.status}`),
    o.status === 'active' ? [' ', h('button', { type: 'button', onclick: () => act(`/api/ops/${o.id}/complete`) }, t('ops.complete')), ' ', h('button', { type: 'button', onclick: () => act(`/api/ops/${o.id}/cancel`) }, t('ops.cancel'))] : null);

  const noticeRow = (n: NoticeView) => {
    const how = h('select', { 'aria-label': t('ops.resolution') }, ['moved', 'shortened', 'cancelled', 'other'].map((r) => h('option', { value: r }, t(`ops.resolution.${r}`))));
    return h('li', { 'data-conflict': n.conflict_id, class: `notice ${n.state}` },
      h('div', null, h('strong', null, t(`ops.state.${n.state}`)), ' · ', formatDate(n.from), ' – ', formatDate(n.until)),
      h('div', null, t('ops.area'), ` ${n.area.map((x) => x.toFixed(2)).join(', ')}`),
      h('div', null, t('ops.call'), ' ', text(n.contact.name), n.contact.phone ? ` ☎ ${n.contact.phone}` : '', n.contact.radio ? ` 📻 ${n.contact.radio}` : '', n.contact.email ? ` ✉ ${n.contact.email}` : ''),
      n.counterpart_party ? h('div', { class: 'muted' }, t('ops.counterpart'), ' ', n.counterpart_party, n.counterpart_kind ? ` · ${t(`ops.kind.${n.counterpart_kind}`)}` : '') : null,
      h('div', { class: 'muted' }, n.acknowledged_by_you ? t('ops.ackYou') : '', ' ', n.acknowledged_by_counterpart ? t('ops.ackThem') : '', n.resolution ? ` · ${n.resolution}` : ''),
      n.state === 'resolved' ? null : h('div', { class: 'actions' },
        n.acknowledged_by_you ? null : h('button', { type: 'button', class: 'ack', onclick: () => act(`/api/ops/conflicts/${n.conflict_id}/ack`) }, t('ops.ack')),
        h('button', { type: 'button', class: 'escalate', onclick: () => act(`/api/ops/conflicts/${n.conflict_id}/escalate`) }, t('ops.escalate')),
        how, h('button', { type: 'button', class: 'resolve', onclick: () => act(`/api/ops/conflicts/${n.conflict_id}/resolve`, { resolution: how.value }) }, t('ops.resolve'))));
  };

  async function act(path: string, body?: unknown): Promise<void> {
    try {
      await send('POST', path, body ?? {});
      await refresh();
    } catch (error) {
      status.textContent = error instanceof ApiError ? error.message : String(error);
    }
  }

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    for (const el of errors.values()) el.textContent = '';
    status.textContent = '';
    const from = fromLocalInput(start.value);
    const until = fromLocalInput(end.value);
    let bad = false;
    if (!points.length || (shape.value === 'polygon' && points.length < 3)) { err('area').textContent = t('ops.drawFirst'); bad = true; }
    if (!from || !until || until <= from) { err('window').textContent = t('ops.windowOrder'); bad = true; }
    if (!contactName.value.trim() || (!phone.value.trim() && !radio.value.trim())) { err('contact').textContent = t('ops.contactRequired'); bad = true; }
    if (bad) return;
    const wrap = (p: L.LatLng) => [Number(L.Util.wrapNum(p.lng, [-180, 180], true).toFixed(6)), Number(p.lat.toFixed(6))];
    const area = shape.value === 'circle'
      ? { type: 'Feature', geometry: { type: 'Point', coordinates: wrap(points[0]) }, properties: { radius_m: Number(radius.value) } }
      : { type: 'Feature', geometry: { type: 'Polygon', coordinates: [[...points.map(wrap), wrap(points[0])]] }, properties: {} };
    const contact: Record<string, string> = { member: session.member, name: contactName.value.trim() };
    if (phone.value.trim()) contact.phone = phone.value.trim();
    if (radio.value.trim()) contact.radio = radio.value.trim();
    const body: Record<string, unknown> = { kind: kind.value, area, start: from, end: until, margin_minutes: Number(margin.value) || 0, sensitivity: sensitivity.value, contact };
    if (reference.value.trim()) body.reference = reference.value.trim();
    if (revealParty.checked) body.reveal = ['party'];
    try {
      const result = await send<{ notices: NoticeView[] }>('POST', '/api/ops', body);
      status.textContent = result.notices?.length ? t('ops.registeredConflicts', { n: result.notices.length }) : t('ops.registered');
      points = [];
      redraw();
      await refresh();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const list = error.problem.errors ?? [{ pointer: error.problem.pointer ?? '', message: error.problem.detail ?? '' }];
      for (const p of list) {
        const field = p.pointer.startsWith('/area') ? 'area' : p.pointer.startsWith('/contact') ? 'contact' : ['/start', '/end', '/margin_minutes'].some((x) => p.pointer.startsWith(x)) ? 'window' : null;
        if (field) err(field).textContent = `${p.message} (${p.pointer})`;
        else status.textContent = `${p.message} (${p.pointer})`;
      }
    }
  });

  await refresh();
  let events = 0;
  const source = new EventSource('/api/ops/events?after=0');
  source.onopen = () => { live.textContent = t('ops.live'); live.classList.add('on'); };
  source.onerror = () => { live.textContent = t('ops.reconnecting'); live.classList.remove('on'); };
  const onEvent = () => { events++; root.dataset.events = String(events); void refresh(); };
  for (const type of ['conflict', 'updated', 'acknowledged', 'escalated', 'resolved']) source.addEventListener(type, onEvent);
  return () => { source.close(); map.remove(); };
}
