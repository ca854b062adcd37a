/** A person the help desk talks to. Every field but `id` is untrusted. */
export interface Contact {
  id: string;
  name: string;
  email?: string;
  phone?: string;
  company?: string;
  avatarUrl?: string;
  /** The agent who owns the contact. */
  ownerId: string | null;
  /** Whether the contact is tracked (required for contact-owner routing). */
  tracked: boolean;
  /** ISO 8601. */
  createdAt: string;
}

export type Availability = 'online' | 'away' | 'offline';

/** A help-desk user who answers conversations. */
export interface Agent {
  id: string;
  name: string;
  email: string;
  avatarUrl?: string;
  availability: Availability;
  teamIds: string[];
}

export interface Team {
  id: string;
  name: string;
  memberIds: string[];
}
