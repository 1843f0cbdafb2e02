import { get } from '../api';
import { baseMap, L } from '../basemap';
import { h, replace } from '../dom';
import { formatDate } from '../format';
import { t } from '../i18n';
import { noticeLayer, operationLayer, type NoticeView, type OperationView } from '../opsLayers';
import type { Summary } from '../types';

interface MapView {
  locations: Summary[];
  incidents: { incident: Summary; location_id: string }[];
}

/** Incidents, locations, my operations and the coarse areas of conflict notices, on the offline base map. */
export async function showMap(root: HTMLElement): Promise<() => void> {
  const box = h('div', { class: 'map', id: 'map' });
  const legend = h('p', { class: 'legend' },
    h('span', { class: 'swatch incident' }), t('map.incidents'), ' ', h('span', { class: 'swatch location' }), t('map.locations'), ' ',
    h('span', { class: 'swatch operation' }), t('map.operations'), ' ', h('span', { class: 'swatch conflict' }), t('map.conflicts'), ' · ',
    h('a', { href: '#/ops' }, t('map.drawOperation')));
  replace(root, h('h2', null, t('map.title')), legend, box);
  const [map, data, ops, notices] = await Promise.all([
    baseMap(box),
    get<MapView>('/api/map'),
    get<OperationView[]>('/api/ops'),
    get<NoticeView[]>('/api/ops/conflicts'),
  ]);
  const locations = L.layerGroup();
  const byId = new Map(data.locations.map((l) => [l.id, l]));
  for (const l of data.locations) {
    L.circleMarker([l.latitude!, l.longitude!], { radius: 5, color: '#2c6e49', fillOpacity: 0.6, className: 'marker-location' })
      .bindPopup(popup(l)).addTo(locations);
  }
  const incidents = L.layerGroup();
  for (const { incident, location_id } of data.incidents) {
    const at = byId.get(location_id);
    if (!at) continue;
    L.circleMarker([at.latitude!, at.longitude!], { radius: 8, color: '#a1122a', fillOpacity: 0.8, className: 'marker-incident' })
      .bindPopup(popup(incident, at)).addTo(incidents);
  }
  const operations = L.layerGroup();
  for (const op of ops.filter((o) => o.status === 'active')) operationLayer(op)?.addTo(operations);
  const conflicts = L.layerGroup();
  for (const n of notices) noticeLayer(n).addTo(conflicts);
  for (const group of [locations, incidents, operations, conflicts]) group.addTo(map);
  L.control.layers(undefined, { [t('map.locations')]: locations, [t('map.incidents')]: incidents, [t('map.operations')]: operations, [t('map.conflicts')]: conflicts }, { collapsed: false }).addTo(map);
  (window as unknown as { __concordMapIds: unknown }).__concordMapIds = {
    incidents: data.incidents.filter((i) => byId.has(i.location_id)).map((i) => i.incident.id),
    locations: data.locations.map((l) => l.id),
  };
  root.dataset.ready = 'true';
  return () => map.remove();
}

function popup(item: Summary, at?: Summary): HTMLElement {
  return h('div', { class: 'popup' },
    h('a', { href: `#/object/${encodeURIComponent(item.id)}`, dir: 'auto' }, item.name ?? item.id),
    h('div', { class: 'muted' }, item.originator, ' · ', item.tlp ? `TLP:${item.tlp.toUpperCase()}` : t('tlp.unmarked')),
    at ? h('div', { dir: 'auto' }, at.name ?? '') : null,
    item.modified ? h('div', { class: 'muted' }, formatDate(item.modified)) : null);
}
