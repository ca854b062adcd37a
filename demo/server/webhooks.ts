// Outgoing replies delivered to the channel account's webhook: signed with HMAC-SHA256, retried
// with exponential back-off and jitter until a 2xx acknowledges them, and marked failed after the
// last try. Deliveries live in the database, so a restart resumes them.
import { createHmac, randomUUID } from 'node:crypto';

import type { Message } from '../../src/model/index.js';
import type { Repo } from './db/repo.js';
import { setDeliveryStatus } from './domain/messaging.js';

export interface WebhookOptions {
  /** Tries in all, the first included. Default 6. */
  maxAttempts: number;
  /** Delay before the second try, doubled each time (with jitter). Default 500 ms. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** How long one try may take. Default 5 s. */
  timeoutMs: number;
}

export const defaultWebhookOptions: WebhookOptions = {
  maxAttempts: 6,
  baseDelayMs: 500,
  maxDelayMs: 60_000,
  timeoutMs: 5000,
};

/** `sha256=<hex>` over `<timestamp>.<body>`, the value of X-Helpdesk-Signature. */
export function signWebhook(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

interface DeliveryRow {
  id: string;
  message_id: string;
  account_id: string;
  attempts: number;
}

export class WebhookDispatcher {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running = false;
  private stopped = false;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly repo: Repo,
    private readonly options: WebhookOptions,
    private readonly log: (message: string) => void = () => undefined,
  ) {}

  /** Queues a reply for delivery and tries it at once. */
  enqueue(message: Message, accountId: string): void {
    this.repo.db
      .prepare(
        "INSERT INTO deliveries (id, message_id, account_id, attempts, next_at, state) VALUES (?, ?, ?, 0, ?, 'pending')",
      )
      .run(randomUUID(), message.id, accountId, Date.now());
    this.wake(0);
  }

  start(): void {
    this.wake(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await Promise.allSettled([...this.inFlight]);
  }

  private wake(delayMs: number): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.runDue(), Math.max(0, delayMs));
  }

  private async runDue(): Promise<void> {
    if (this.running || this.stopped) return;
    this.running = true;
    try {
      const due = this.repo.db
        .prepare(
          "SELECT id, message_id, account_id, attempts FROM deliveries WHERE state = 'pending' AND next_at <= ? ORDER BY next_at",
        )
        .all(Date.now()) as DeliveryRow[];
      // Each is claimed (state 'sending') before its request, so a second pass can't send it twice.
      const claim = this.repo.db.prepare(
        "UPDATE deliveries SET state = 'sending' WHERE id = ? AND state = 'pending'",
      );
      for (const row of due) {
        if (claim.run(row.id).changes === 0) continue;
        const attempt = this.attempt(row).finally(() => this.inFlight.delete(attempt));
        this.inFlight.add(attempt);
      }
    } finally {
      this.running = false;
    }
    if (this.stopped) return;
    const next = this.repo.db
      .prepare("SELECT MIN(next_at) AS at FROM deliveries WHERE state = 'pending'")
      .get() as { at: number | null };
    if (next.at !== null) this.wake(next.at - Date.now());
  }

  private async attempt(row: DeliveryRow): Promise<void> {
    const message = this.repo.message(row.message_id);
    const integration = this.repo.integration(row.account_id);
    const conversation = message && this.repo.conversation(message.conversationId);
    if (!message || !integration?.webhookUrl || !conversation) {
      this.finish(row, 'failed', 'The channel account has no webhook URL.');
      return;
    }
    const body = JSON.stringify({
      type: 'message.outgoing',
      deliveryId: row.id,
      accountId: row.account_id,
      conversationId: conversation.id,
      threadId: conversation.externalThreadId ?? conversation.id,
      message,
    });
    const timestamp = String(Date.now());
    let error: string;
    try {
      const response = await fetch(integration.webhookUrl, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'X-Helpdesk-Delivery': row.id,
          'X-Helpdesk-Timestamp': timestamp,
          'X-Helpdesk-Signature': signWebhook(integration.signingSecret, timestamp, body),
        },
        body,
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      await response.body?.cancel().catch(() => undefined);
      if (response.ok) return this.finish(row, 'acknowledged');
      error = `The channel's webhook answered ${response.status}.`;
    } catch (cause) {
      error = `The channel's webhook could not be reached (${cause instanceof Error ? cause.message : String(cause)}).`;
    }
    if (this.stopped) {
      // Shutting down: leave it pending, so the next start tries again.
      this.repo.db.prepare("UPDATE deliveries SET state = 'pending' WHERE id = ?").run(row.id);
      return;
    }
    const attempts = row.attempts + 1;
    if (attempts >= this.options.maxAttempts)
      return this.finish(row, 'failed', `${error} Gave up after ${attempts} tries.`);
    const backoff = Math.min(this.options.maxDelayMs, this.options.baseDelayMs * 2 ** (attempts - 1));
    const delay = backoff / 2 + Math.random() * (backoff / 2);
    this.log(`webhook ${row.id}: try ${attempts} failed (${error}); next in ${Math.round(delay)} ms`);
    this.repo.db
      .prepare(
        "UPDATE deliveries SET state = 'pending', attempts = ?, next_at = ?, last_error = ? WHERE id = ?",
      )
      .run(attempts, Date.now() + delay, error, row.id);
    this.wake(delay);
  }

  private finish(row: DeliveryRow, state: 'acknowledged' | 'failed', error?: string): void {
    if (this.stopped && !this.repo.db.open) return;
    this.repo.tx(() => {
      this.repo.db
        .prepare('UPDATE deliveries SET state = ?, attempts = attempts + 1, last_error = ? WHERE id = ?')
        .run(state, error ?? null, row.id);
      if (this.repo.message(row.message_id))
        setDeliveryStatus(this.repo, row.message_id, state === 'failed' ? 'failed' : 'sent', error);
    });
  }
}
