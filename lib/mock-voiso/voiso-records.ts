// Shapes of the records one contact center holds in memory, as the API serialises them.

export interface VoisoUser {
  id: number;
  name: string;
  email: string;
  role: 'admin' | 'supervisor' | 'agent';
  created_at: string;
}

export type AgentStatus = 'available' | 'away' | 'offline';

export interface VoisoAgent {
  id: number;
  user_id: number;
  name: string;
  extension: string;
  status: AgentStatus;
  updated_at: string;
}

export interface VoisoContact {
  id: number;
  name: string;
  phone_number: string;
  email: string | null;
  timezone: string | null;
  created_at: string;
  updated_at: string;
}

export type DialerMode = 'predictive' | 'progressive' | 'preview';
export type CampaignStatus = 'draft' | 'running' | 'paused' | 'stopped';

export interface VoisoCampaign {
  id: number;
  name: string;
  timezone: string;
  dialer_mode: DialerMode;
  status: CampaignStatus;
  created_at: string;
  updated_at: string;
}

export interface TranscriptSegment {
  start: number;
  end: number;
  speaker: 'agent' | 'customer';
  text: string;
}

export interface VoisoCall {
  id: string;
  direction: 'inbound' | 'outbound';
  from: string;
  to: string;
  agent_id: number;
  campaign_id: number | null;
  started_at: string;
  duration: number;
  disposition: 'answered' | 'no_answer' | 'busy';
  transcript_status: 'ready' | 'processing';
}

/** Everything one contact center holds; mutated in place by write requests. */
export interface ContactCenterState {
  users: VoisoUser[];
  agents: VoisoAgent[];
  contacts: VoisoContact[];
  campaigns: VoisoCampaign[];
  calls: VoisoCall[];
  /** Transcript segments by call id; only calls whose transcript is ready have an entry. */
  transcripts: Map<string, TranscriptSegment[]>;
  /** Last id handed out per creatable collection, so a deleted id is never reused. */
  lastIds: { contacts: number; campaigns: number };
}
