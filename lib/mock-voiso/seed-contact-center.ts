// Deterministic seed data for one contact center: a handful of each record, every campaign state.
import { createHash } from 'node:crypto';
import type { ContactCenterId } from './voiso-clusters';
import type {
  CampaignStatus,
  ContactCenterState,
  TranscriptSegment,
  VoisoCall,
  VoisoCampaign,
  VoisoContact,
} from './voiso-records';

interface SeedFlavour {
  domain: string;
  people: readonly [string, string, string, string];
  countryCode: string;
}

const flavours: Readonly<Record<ContactCenterId, SeedFlavour>> = {
  acme: { domain: 'acme.example', people: ['Ada Park', 'Ben Okafor', 'Chloe Martin', 'Dev Patel'], countryCode: '+44' },
  globex: {
    domain: 'globex.example',
    people: ['Greta Lind', 'Hugo Silva', 'Ines Moreau', 'Jonas Weber'],
    countryCode: '+49',
  },
  'acme-staging': {
    domain: 'staging.acme.example',
    people: ['Stage Admin', 'Stage Supervisor', 'Stage Agent One', 'Stage Agent Two'],
    countryCode: '+44',
  },
};

const seededAt = Date.parse('2025-01-06T09:00:00Z');
const hourMs = 3_600_000;

function isoAt(hoursAfterSeed: number): string {
  return new Date(seededAt + hoursAfterSeed * hourMs).toISOString();
}

function emailOf(name: string, domain: string): string {
  return `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@${domain}`;
}

// Name-based (v5-style) UUIDs: stable across runs, distinct per contact center.
function stableUuid(name: string): string {
  const hex = createHash('sha1').update(name).digest('hex');
  const variant = ((Number.parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const contactSeeds: readonly (readonly [string, string, string | null])[] = [
  ['Northwind Traders', '7700900001', 'Europe/London'],
  ['Lena Fischer', '7700900002', 'Europe/Berlin'],
  ['Marco Rossi', '7700900003', null],
  ['Priya Nair', '7700900004', 'Asia/Kolkata'],
  ['Tom Baker', '7700900005', 'America/New_York'],
];

const campaignSeeds: readonly (readonly [string, VoisoCampaign['dialer_mode'], CampaignStatus])[] = [
  ['Spring renewals', 'progressive', 'draft'],
  ['Win-back Q1', 'predictive', 'running'],
  ['Survey follow-up', 'preview', 'paused'],
  ['Holiday promo', 'predictive', 'stopped'],
];

const dialogue: readonly (readonly [TranscriptSegment['speaker'], string])[] = [
  ['agent', 'Thank you for calling, how can I help you today?'],
  ['customer', 'Hi, I would like to check the status of my order.'],
  ['agent', 'Of course. Could you give me the order number, please?'],
  ['customer', 'Sure, it is four two seven one.'],
];

function seedTranscript(callIndex: number): TranscriptSegment[] {
  let start = 0;
  return dialogue.map(([speaker, text], i) => {
    const length = 2.5 + ((callIndex + i) % 3);
    const segment = { start, end: start + length, speaker, text };
    start += length;
    return segment;
  });
}

function seedCalls(id: ContactCenterId, contacts: VoisoContact[], flavour: SeedFlavour): VoisoCall[] {
  return Array.from({ length: 6 }, (_, i): VoisoCall => {
    const contact = contacts[i % contacts.length];
    const inbound = i % 2 === 0;
    const lineNumber = `${flavour.countryCode}2079460000`;
    const customer = contact?.phone_number ?? lineNumber;
    return {
      id: stableUuid(`${id}:call:${i}`),
      direction: inbound ? 'inbound' : 'outbound',
      from: inbound ? customer : lineNumber,
      to: inbound ? lineNumber : customer,
      agent_id: (i % 3) + 1,
      campaign_id: inbound ? null : 2,
      started_at: isoAt(24 * (i + 1) + i),
      duration: 45 + 37 * i,
      disposition: 'answered',
      // The last two are still being transcribed: their transcript answers 409.
      transcript_status: i >= 4 ? 'processing' : 'ready',
    };
  });
}

export function seedContactCenter(id: ContactCenterId): ContactCenterState {
  const flavour = flavours[id];
  const createdAt = isoAt(0);
  const users = flavour.people.map((name, i) => ({
    id: i + 1,
    name,
    email: emailOf(name, flavour.domain),
    role: i === 0 ? ('admin' as const) : i === 1 ? ('supervisor' as const) : ('agent' as const),
    created_at: createdAt,
  }));
  const statuses = ['available', 'away', 'offline'] as const;
  const agents = statuses.map((status, i) => ({
    id: i + 1,
    user_id: i + 2,
    name: flavour.people[i + 1] ?? `Agent ${i + 1}`,
    extension: String(101 + i),
    status,
    updated_at: createdAt,
  }));
  const contacts = contactSeeds.map(([name, local, timezone], i) => ({
    id: i + 1,
    name,
    phone_number: `${flavour.countryCode}${local}`,
    email: i % 2 === 0 ? emailOf(name, 'customer.example') : null,
    timezone,
    created_at: isoAt(i + 1),
    updated_at: isoAt(i + 1),
  }));
  const campaigns = campaignSeeds.map(([name, dialer_mode, status], i) => ({
    id: i + 1,
    name,
    timezone: 'Europe/London',
    dialer_mode,
    status,
    created_at: isoAt(i + 2),
    updated_at: isoAt(i + 2),
  }));
  const calls = seedCalls(id, contacts, flavour);
  const transcripts = new Map<string, TranscriptSegment[]>();
  calls.forEach((call, i) => {
    if (call.transcript_status === 'ready') transcripts.set(call.id, seedTranscript(i));
  });
  const lastIds = { contacts: contacts.length, campaigns: campaigns.length };
  return { users, agents, contacts, campaigns, calls, transcripts, lastIds };
}
