import type { HelpDeskError } from '../adapters/errors.js';
import type { Agent, Contact, Team } from '../model/index.js';

export interface ContactEntry {
  contact: Contact | null;
  loading: boolean;
  error: HelpDeskError | null;
}

/** A contact's past conversations; the entities live in the conversations slice. */
export interface PastConversationsEntry {
  ids: readonly string[];
  loading: boolean;
  error: HelpDeskError | null;
}

export interface PeopleState {
  agents: readonly Agent[];
  teams: readonly Team[];
  /** The signed-in agent, who `assignee: 'me'` means and who sends replies. */
  currentAgent: Agent | null;
  contacts: Readonly<Record<string, ContactEntry>>;
  past: Readonly<Record<string, PastConversationsEntry>>;
  loading: boolean;
  error: HelpDeskError | null;
}

export function initialPeople(): PeopleState {
  return { agents: [], teams: [], currentAgent: null, contacts: {}, past: {}, loading: false, error: null };
}

export function peopleRequested(state: PeopleState): PeopleState {
  return { ...state, loading: true, error: null };
}

export function peopleLoaded(
  state: PeopleState,
  agents: readonly Agent[],
  teams: readonly Team[],
  currentAgent: Agent,
): PeopleState {
  return { ...state, agents, teams, currentAgent, loading: false, error: null };
}

export function peopleFailed(state: PeopleState, error: HelpDeskError): PeopleState {
  return { ...state, loading: false, error };
}

export function contactRequested(state: PeopleState, id: string): PeopleState {
  const entry = state.contacts[id] ?? { contact: null, loading: false, error: null };
  return { ...state, contacts: { ...state.contacts, [id]: { ...entry, loading: true, error: null } } };
}

export function contactLoaded(state: PeopleState, contact: Contact): PeopleState {
  return {
    ...state,
    contacts: { ...state.contacts, [contact.id]: { contact, loading: false, error: null } },
  };
}

export function contactFailed(state: PeopleState, id: string, error: HelpDeskError): PeopleState {
  const entry = state.contacts[id] ?? { contact: null, loading: false, error: null };
  return { ...state, contacts: { ...state.contacts, [id]: { ...entry, loading: false, error } } };
}

export function pastRequested(state: PeopleState, contactId: string): PeopleState {
  const entry = state.past[contactId] ?? { ids: [], loading: false, error: null };
  return { ...state, past: { ...state.past, [contactId]: { ...entry, loading: true, error: null } } };
}

export function pastLoaded(state: PeopleState, contactId: string, ids: readonly string[]): PeopleState {
  return { ...state, past: { ...state.past, [contactId]: { ids, loading: false, error: null } } };
}

export function pastFailed(state: PeopleState, contactId: string, error: HelpDeskError): PeopleState {
  const entry = state.past[contactId] ?? { ids: [], loading: false, error: null };
  return { ...state, past: { ...state.past, [contactId]: { ...entry, loading: false, error } } };
}
