import type { HelpDeskError } from '../adapters/errors.js';
import type { Pipeline, Ticket, TicketPatch } from '../model/index.js';

/** A patch sent to the adapter and not yet answered, shown over the confirmed ticket. */
export interface PendingTicketPatch {
  token: number;
  patch: TicketPatch;
}

export interface TicketEntry {
  /** What is shown: the confirmed ticket with the pending patches applied. */
  ticket: Ticket | null;
  /** The ticket as the backend last said it is. */
  confirmed: Ticket | null;
  pending: readonly PendingTicketPatch[];
  /** Seq of the last `ticket.updated` applied; 0 before any. */
  lastSeq: number;
  loading: boolean;
  /** Refusals keep their `fieldErrors`, which name the missing required properties. */
  error: HelpDeskError | null;
}

export interface TicketsState {
  entries: Readonly<Record<string, TicketEntry>>;
  pipelines: readonly Pipeline[];
  pipelinesError: HelpDeskError | null;
}

export function initialTickets(): TicketsState {
  return { entries: {}, pipelines: [], pipelinesError: null };
}

const EMPTY_ENTRY: TicketEntry = Object.freeze({
  ticket: null,
  confirmed: null,
  pending: [],
  lastSeq: 0,
  loading: false,
  error: null,
});

export function applyTicketPatch(ticket: Ticket, patch: TicketPatch): Ticket {
  const { properties, ...fields } = patch;
  return {
    ...ticket,
    ...fields,
    properties: properties ? { ...ticket.properties, ...properties } : ticket.properties,
  };
}

function withEntry(
  state: TicketsState,
  id: string,
  change: (entry: TicketEntry) => TicketEntry,
): TicketsState {
  const entry = state.entries[id] ?? EMPTY_ENTRY;
  const next = change(entry);
  return next === entry ? state : { ...state, entries: { ...state.entries, [id]: next } };
}

/** Recomputes what is shown from the confirmed ticket and the patches still in flight. */
function settle(
  entry: TicketEntry,
  confirmed: Ticket | null,
  pending: readonly PendingTicketPatch[],
): TicketEntry {
  const ticket = confirmed ? pending.reduce((t, p) => applyTicketPatch(t, p.patch), confirmed) : null;
  return { ...entry, confirmed, pending, ticket };
}

export function ticketRequested(state: TicketsState, id: string): TicketsState {
  return withEntry(state, id, (e) => ({ ...e, loading: true, error: null }));
}

/** A fetched ticket; kept out when an event has already said something (events are the newer word). */
export function ticketLoaded(state: TicketsState, ticket: Ticket): TicketsState {
  return withEntry(state, ticket.id, (e) => {
    const settled = e.lastSeq > 0 && e.confirmed ? e : settle(e, ticket, e.pending);
    return { ...settled, loading: false, error: null };
  });
}

export function ticketFailed(state: TicketsState, id: string, error: HelpDeskError): TicketsState {
  return withEntry(state, id, (e) => ({ ...e, loading: false, error }));
}

export function ticketEvent(state: TicketsState, seq: number, ticket: Ticket): TicketsState {
  return withEntry(state, ticket.id, (e) =>
    seq <= e.lastSeq ? e : { ...settle(e, ticket, e.pending), lastSeq: seq },
  );
}

/** An optimistic update: the patch shows at once. */
export function ticketPatchStarted(
  state: TicketsState,
  id: string,
  token: number,
  patch: TicketPatch,
): TicketsState {
  return withEntry(state, id, (e) => ({
    ...settle(e, e.confirmed, [...e.pending, { token, patch }]),
    error: null,
  }));
}

/**
 * The backend accepted the patch. Its answer becomes the confirmed ticket unless an event arrived
 * while the request was out (`seqAtStart` behind), since that event may carry a later change.
 */
export function ticketPatchConfirmed(
  state: TicketsState,
  token: number,
  ticket: Ticket,
  seqAtStart: number,
): TicketsState {
  return withEntry(state, ticket.id, (e) => {
    const pending = e.pending.filter((p) => p.token !== token);
    const confirmed = e.lastSeq > seqAtStart && e.confirmed ? e.confirmed : ticket;
    return settle(e, confirmed, pending);
  });
}

/** The backend refused the patch: it rolls back, and the error (with field errors) is kept. */
export function ticketPatchFailed(
  state: TicketsState,
  id: string,
  token: number,
  error: HelpDeskError,
): TicketsState {
  return withEntry(state, id, (e) => ({
    ...settle(
      e,
      e.confirmed,
      e.pending.filter((p) => p.token !== token),
    ),
    error,
  }));
}

export function pipelinesLoaded(state: TicketsState, pipelines: readonly Pipeline[]): TicketsState {
  return { ...state, pipelines, pipelinesError: null };
}

export function pipelinesFailed(state: TicketsState, error: HelpDeskError): TicketsState {
  return { ...state, pipelinesError: error };
}
