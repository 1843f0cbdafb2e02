import { get } from './api';
import type { Channel, Party } from './types';

// The node's parties and the member's own channels (with their members, which only members may know).
let parties: Promise<Party[]> | null = null;
let channels: Promise<Channel[]> | null = null;

export function listParties(): Promise<Party[]> {
  parties ??= get<Party[]>('/api/parties');
  return parties;
}

export function listChannels(): Promise<Channel[]> {
  channels ??= get<Channel[]>('/api/channels');
  return channels;
}

export function forgetDirectory(): void {
  parties = null;
  channels = null;
}

export async function partyName(id: string): Promise<string> {
  const party = (await listParties()).find((p) => p.id === id);
  return party?.name ?? id;
}

export async function channelName(id: string): Promise<string> {
  const channel = (await listChannels()).find((c) => c.id === id);
  return channel?.name ?? id;
}
