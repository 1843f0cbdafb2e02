import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countriesUrl from 'world-atlas/countries-50m.json?url';
import provincesUrl from './geo/afghanistan-provinces.topo.json?url';

// The offline base map: country borders from Natural Earth (world-atlas, ISC; the data is public domain) and
// Afghanistan's provinces from geoBoundaries (CC BY 4.0; source public domain). Both files ship with Concord and
// are fetched from this node; there is no tile layer.

async function layer(url: string, style: L.PathOptions, label?: (p: Record<string, unknown>) => string): Promise<L.GeoJSON> {
  const topology = (await (await fetch(url)).json()) as Topology;
  const name = Object.keys(topology.objects)[0];
  const geo = feature(topology, topology.objects[name] as GeometryCollection);
  return L.geoJSON(geo, {
    style: () => style,
    interactive: Boolean(label),
    onEachFeature: label ? (f, l) => l.bindTooltip(label((f.properties ?? {}) as Record<string, unknown>), { sticky: true }) : undefined,
  });
}

export async function baseMap(container: HTMLElement, center: L.LatLngExpression = [34.5, 66], zoom = 5): Promise<L.Map> {
  const map = L.map(container, { zoomControl: true, attributionControl: true, worldCopyJump: true, preferCanvas: false }).setView(center, zoom);
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution('Borders: Natural Earth · Provinces: geoBoundaries (CC BY 4.0)');
  container.style.background = '#dfe8ee';
  const [countries, provinces] = await Promise.all([
    layer(countriesUrl, { color: '#6b7b88', weight: 1, fillColor: '#f7f5ef', fillOpacity: 1 }, (p) => String(p.name ?? '')),
    layer(provincesUrl, { color: '#9a8f7a', weight: 0.8, dashArray: '3 3', fill: false }),
  ]);
  countries.addTo(map);
  provinces.addTo(map);
  countries.bringToBack();
  return map;
}

export { L };
