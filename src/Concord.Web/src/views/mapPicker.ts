import { baseMap, L } from '../basemap';

/** A small offline map: a click puts the location there and fills latitude and longitude. */
export async function mapPicker(box: HTMLElement, lat: HTMLInputElement, lon: HTMLInputElement, changed: () => void): Promise<void> {
  const map = await baseMap(box);
  let marker: L.CircleMarker | null = null;
  const place = (latlng: L.LatLng) => {
    marker?.remove();
    marker = L.circleMarker(latlng, { radius: 7, color: '#a1122a', fillOpacity: 0.8 }).addTo(map);
  };
  if (lat.value && lon.value) place(L.latLng(Number(lat.value), Number(lon.value)));
  map.on('click', (e: L.LeafletMouseEvent) => {
    lat.value = e.latlng.lat.toFixed(5);
    lon.value = L.Util.wrapNum(e.latlng.lng, [-180, 180], true).toFixed(5);
    place(e.latlng);
    changed();
  });
}
