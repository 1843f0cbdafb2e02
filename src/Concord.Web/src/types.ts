export interface Summary {
  id: string;
  type: string;
  version: string;
  name: string | null;
  description: string | null;
  lang: string | null;
  originator: string;
  tlp: string | null;
  caveats: string[];
  grading: string | null;
  channels: string[];
  parties: string[];
  modified: string | null;
  added: string;
  revoked: boolean;
  relationship_type: string | null;
  source_ref: string | null;
  target_ref: string | null;
  latitude: number | null;
  longitude: number | null;
  precision: number | null;
  country: string | null;
  read: boolean | null;
}

export interface SummaryPage {
  items: Summary[];
  next: string | null;
}

export interface Party {
  id: string;
  name: string;
  country: string | null;
  kind: string;
  identity: string;
}

export interface Channel {
  id: string;
  name: string;
  description: string | null;
  members: string[];
}

export interface StixObject {
  id: string;
  type: string;
  [key: string]: unknown;
}

export const ConcordExtension = 'extension-definition--c0c0a2d1-7f3e-4b8a-9d6c-2e5f1a4b8c3d';

export interface ConcordHandling {
  originator: string;
  release: { channels: string[]; parties: string[] };
  tlp?: string;
  caveats?: string[];
  purpose?: string;
  restriction?: string;
  grading?: string;
}

export function handlingOf(object: StixObject): ConcordHandling | null {
  const extensions = object.extensions as Record<string, unknown> | undefined;
  return (extensions?.[ConcordExtension] as ConcordHandling | undefined) ?? null;
}
