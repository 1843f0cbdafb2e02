import { L } from './basemap';
import { formatDate } from './format';
import { t } from './i18n';

export interface OperationView {
  id: string;
  version: number;
  status: string;
  recorded: string;
  recorded_by: string;
  plan: {
    kind: string;
    area: { type: 'Feature'; geometry: { type: string; coordinates: unknown }; properties?: Record<string, number> };
    start: string;
    end: string;
    margin_minutes?: number;
    reference?: string;
  };
}

export interface NoticeView {
  conflict_id: string;
  state: string;
  operation: string;
  from: string;
  until: string;
  area: [number, number, number, number];
  contact: { name: string; phone: string | null; radio: string | null; email: string | null };
  counterpart_party: string | null;
  counterpart_kind: string | null;
  internal: boolean;
  acknowledged_by_you: boolean;
  acknowledged_by_counterpart: boolean;
  resolution: string | null;
  detected: string;
  updated: string;
}

/** My operation's area as drawn layers: a circle, a corridor or a polygon. */
export function operationLayer(op: OperationView): L.Layer | null {
  const { geometry, properties } = op.plan.area;
  const style: L.PathOptions = { color: '#1f4e8c', weight: 2, fillOpacity: 0.15 };
  const label = `${t(`ops.kind.${op.plan.kind}`)} · ${formatDate(op.plan.start)} – ${formatDate(op.plan.end)}${op.plan.reference ? ` · ${op.plan.reference}` : ''}`;
  let layer: L.Layer | null = null;
  if (geometry.type === 'Point') {
    const [lon, lat] = geometry.coordinates as [number, number];
    layer = L.circle([lat, lon], { ...style, radius: (properties?.radius_m ?? 0) + (properties?.buffer_m ?? 0) || 500 });
  } else if (geometry.type === 'LineString') {
    layer = L.polyline((geometry.coordinates as [number, number][]).map(([lon, lat]) => [lat, lon]), { ...style, weight: 4 });
  } else if (geometry.type === 'Polygon') {
    layer = L.polygon((geometry.coordinates as [number, number][][]).map((ring) => ring.map(([lon, lat]) => [lat, lon] as [number, number])), style);
  }
  layer?.bindTooltip(label);
  return layer;
}

/** The coarse area of a conflict notice: the grid box it was given, never more. */
export function noticeLayer(n: NoticeView): L.Layer {
  const [west, south, east, north] = n.area;
  return L.rectangle([[south, west], [north, east]], { color: n.state === 'resolved' ? '#777' : '#c0392b', weight: 2, dashArray: '6 4', fillOpacity: 0.1 })
    .bindTooltip(`${t('ops.conflict')} · ${t(`ops.state.${n.state}`)} · ${formatDate(n.from)} – ${formatDate(n.until)}`);
}
