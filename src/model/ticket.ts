export type TicketPriority = 'low' | 'medium' | 'high' | 'urgent';

/** A ticket property's value as stored. */
export type PropertyValue = string | number | boolean | null;

/** A property a ticket of a pipeline can have. */
export interface PropertyDefinition {
  name: string;
  label: string;
  type: 'text' | 'textarea' | 'number' | 'date' | 'select' | 'checkbox';
  options?: { value: string; label: string }[];
}

/** A stage (status) of a pipeline. */
export interface PipelineStage {
  id: string;
  label: string;
  /** Whether a ticket in this stage is closed. */
  closed: boolean;
  /** Properties a ticket must have before it may enter this stage (a conditional status). */
  requiredProperties: string[];
}

export interface Pipeline {
  id: string;
  label: string;
  stages: PipelineStage[];
  properties: PropertyDefinition[];
}

/** The unit of support work a conversation belongs to. */
export interface Ticket {
  id: string;
  /** Untrusted. */
  name: string;
  pipelineId: string;
  stageId: string;
  /** An agent id, a team id, or null. */
  ownerId: string | null;
  priority: TicketPriority;
  properties: Record<string, PropertyValue>;
  contactId: string | null;
  /** ISO 8601. */
  createdAt: string;
  /** ISO 8601. */
  updatedAt: string;
}

/** What `updateTicket` may change. */
export interface TicketPatch {
  stageId?: string;
  ownerId?: string | null;
  priority?: TicketPriority;
  properties?: Record<string, PropertyValue>;
}
