// Ticket updates with the pipeline's rules: a stage may require properties before a ticket enters
// it, and the owner must be a known agent or team. The conversations of the ticket follow its
// owner (assignee) and whether its stage is closed (status).
import type { PropertyValue, Ticket, TicketPatch, TicketPriority } from '../../model/index.js';
import { type FieldErrors, HelpDeskError } from '../errors.js';
import type { MemoryState } from './state.js';

const PRIORITIES: TicketPriority[] = ['low', 'medium', 'high', 'urgent'];

const isMissing = (value: PropertyValue | undefined) => value === undefined || value === null || value === '';

export function updateTicket(state: MemoryState, id: string, patch: TicketPatch): Ticket {
  const ticket = state.ticket(id);
  const pipeline = state.pipelines.find((p) => p.id === ticket.pipelineId);
  const errors: FieldErrors = {};
  const properties = { ...ticket.properties, ...patch.properties };
  const stageId = patch.stageId ?? ticket.stageId;
  const stage = pipeline?.stages.find((s) => s.id === stageId);
  if (!stage) errors['stageId'] = 'Unknown stage';
  if (patch.ownerId !== undefined && patch.ownerId !== null && !state.isOwner(patch.ownerId)) {
    errors['ownerId'] = 'Unknown agent or team';
  }
  if (patch.priority !== undefined && !PRIORITIES.includes(patch.priority))
    errors['priority'] = 'Unknown priority';
  if (stage && stage.id !== ticket.stageId) {
    for (const name of stage.requiredProperties) {
      if (isMissing(properties[name])) errors[name] = `Required to move to ${stage.label}`;
    }
  }
  const names = Object.keys(errors);
  if (names.length > 0) {
    const labels = names.map((name) => pipeline?.properties.find((p) => p.name === name)?.label ?? name);
    throw new HelpDeskError('invalid', `The ticket can't be saved. Fill in or fix: ${labels.join(', ')}.`, {
      fieldErrors: errors,
    });
  }

  const updated: Ticket = {
    ...ticket,
    stageId,
    ownerId: patch.ownerId === undefined ? ticket.ownerId : patch.ownerId,
    priority: patch.priority ?? ticket.priority,
    properties,
    updatedAt: state.now(),
  };
  state.putTicket(updated);

  const status = stage!.closed ? 'closed' : 'open';
  for (const conversation of state.conversations.values()) {
    if (conversation.ticketId !== id) continue;
    if (conversation.assigneeId === updated.ownerId && conversation.status === status) continue;
    state.putConversation({ ...conversation, assigneeId: updated.ownerId, status });
  }
  return updated;
}
