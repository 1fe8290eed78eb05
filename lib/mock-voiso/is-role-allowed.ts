// Role-based permissions of Voiso API keys: which role may read or write which resource.

export type Role = 'admin' | 'analyst' | 'read_only';
export type Resource = 'users' | 'agents' | 'contacts' | 'campaigns' | 'cdr' | 'transcripts';
export type Action = 'read' | 'write';

// Only writes differ between roles: every role can read everything.
const writableBy: Readonly<Record<Role, ReadonlySet<Resource>>> = {
  admin: new Set<Resource>(['users', 'agents', 'contacts', 'campaigns', 'cdr', 'transcripts']),
  analyst: new Set<Resource>(['contacts']),
  read_only: new Set<Resource>(),
};

export function isRoleAllowed(role: Role, resource: Resource, action: Action): boolean {
  return action === 'read' || writableBy[role].has(resource);
}
