// The event stream: Server-Sent Events read from the log. Each connection keeps its own cursor
// and, on every commit that logged events, reads what follows it, so a resume from Last-Event-ID
// and live delivery are one code path and nothing is skipped or sent twice.
import type { ServerResponse } from 'node:http';

import type { Repo } from './db/repo.js';

export class EventStreams {
  private readonly open = new Set<{ response: ServerResponse; close: () => void }>();

  constructor(
    private readonly repo: Repo,
    private readonly heartbeatMs: number,
  ) {}

  get size(): number {
    return this.open.size;
  }

  /** Streams events after `lastEventId` (or, without one, from now) until the client goes. */
  serve(response: ServerResponse, headers: Record<string, string>, lastEventId: number | undefined): void {
    response.writeHead(200, {
      ...headers,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    let cursor = lastEventId ?? this.repo.headEventId();
    // The first event says where the stream stands, so a client has a resume point at once.
    response.write(`retry: 1000\nid: ${cursor}\nevent: ready\ndata: {}\n\n`);
    const drain = () => {
      for (;;) {
        const rows = this.repo.eventsAfter(cursor);
        if (rows.length === 0) return;
        let chunk = '';
        for (const row of rows) {
          const type = (JSON.parse(row.data) as { type: string }).type;
          chunk += `id: ${row.id}\nevent: ${type}\ndata: ${row.data}\n\n`;
          cursor = row.id;
        }
        response.write(chunk);
      }
    };
    const heartbeat = setInterval(() => response.write(`: keep-alive\n\n`), this.heartbeatMs);
    const unsubscribe = this.repo.onEvents(drain);
    const entry = {
      response,
      close: () => {
        clearInterval(heartbeat);
        unsubscribe();
        this.open.delete(entry);
      },
    };
    this.open.add(entry);
    response.on('close', entry.close);
    drain();
  }

  /**
   * Cuts every open stream, as a proxy or a network would; clients must resume. With
   * `midEvent`, half an event is written first: a client must drop it and get it whole on resume.
   */
  dropAll(midEvent = false): void {
    for (const entry of [...this.open]) {
      if (midEvent)
        entry.response.write(
          `id: ${Number.MAX_SAFE_INTEGER}\nevent: message.created\ndata: {"type":"message.cre`,
        );
      entry.close();
      entry.response.destroy();
    }
  }
}
