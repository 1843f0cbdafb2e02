// Building STIX 2.1 objects in the browser: ids, TLP 2.0 marking ids, and Concord's handling extension.
import { ConcordExtension, type StixObject } from './types';

export const tlpMarkings: Record<string, string> = {
  clear: 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487',
  green: 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb',
  amber: 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421',
  'amber+strict': 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003',
  red: 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1',
};

export function uuid(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const x = [...b].map((n) => n.toString(16).padStart(2, '0')).join('');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

export function newId(type: string): string {
  return `${type}--${uuid()}`;
}

export interface Handling {
  channels: string[];
  parties: string[];
  tlp: string;
  caveats: string[];
  purpose: string;
  restriction: string;
  grading: string;
}

/** Puts TLP and Concord's extension (release, caveats, grading) on an object. */
export function withHandling(object: StixObject, handling: Handling): StixObject {
  const extension: Record<string, unknown> = {
    extension_type: 'property-extension',
    release: { channels: handling.channels, parties: handling.parties },
  };
  if (handling.caveats.length) extension.caveats = handling.caveats;
  if (handling.purpose.trim()) extension.purpose = handling.purpose.trim();
  if (handling.restriction.trim()) extension.restriction = handling.restriction.trim();
  if (handling.grading) extension.grading = handling.grading;
  const markings = ((object.object_marking_refs as string[] | undefined) ?? []).filter((m) => !Object.values(tlpMarkings).includes(m));
  const extensions = { ...((object.extensions as Record<string, unknown> | undefined) ?? {}), [ConcordExtension]: extension };
  return { ...object, object_marking_refs: [...markings, tlpMarkings[handling.tlp]], extensions };
}

export function bundle(objects: StixObject[]): { type: 'bundle'; id: string; objects: StixObject[] } {
  return { type: 'bundle', id: newId('bundle'), objects };
}

/** The line and column of a JSON syntax error, when the engine's message gives a position. */
export function syntaxErrorAt(textValue: string, error: SyntaxError): string {
  const match = /position (\d+)/.exec(error.message);
  if (!match) return error.message;
  const position = Number(match[1]);
  const before = textValue.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return `${error.message} (line ${line}, column ${column})`;
}
