// Writes docs/protocol/openapi.json from paths.ts and schemas.ts (`npx tsx demo/server/openapi/build.ts`).
// The JSON is the published protocol; this file only saves typing it out by hand.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { format, resolveConfig } from 'prettier';

import { operations } from './paths.js';
import { ref, schemas } from './schemas.js';

type Schema = Record<string, unknown>;

const schemaOf = (name: string): Schema =>
  name.endsWith('[]') ? { type: 'array', items: ref(name.slice(0, -2)) } : ref(name);
const json = (schema: Schema) => ({ 'application/json': { schema } });
const statusText: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  204: 'No content',
  400: 'Invalid input (`invalid`), with field errors',
  401: 'Missing or bad token (`unauthorized`)',
  404: 'Unknown id (`not-found`)',
  409: 'Not possible in the current state (`conflict`)',
  413: 'Too large (`invalid`)',
};

export function buildDocument(): Schema {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [operationId, [method, path, op]] of Object.entries(operations)) {
    const parameters: Schema[] = [...path.matchAll(/\{(\w+)\}/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string', minLength: 1, maxLength: 200 },
    }));
    for (const [name, { required, description, ...schema }] of Object.entries(op.query ?? {})) {
      parameters.push({
        name,
        in: 'query',
        required: required ?? false,
        ...(description ? { description } : {}),
        schema,
      });
    }
    const responses: Record<string, unknown> = {};
    for (const [status, body] of Object.entries(op.responses)) {
      const description = statusText[Number(status)] ?? 'Response';
      if (body === null) responses[status] = { description };
      else if (typeof body === 'string') responses[status] = { description, content: json(schemaOf(body)) };
      else responses[status] = body;
    }
    const auth = op.auth ?? 'agent';
    paths[path] ??= {};
    paths[path][method] = {
      operationId,
      summary: op.summary,
      ...(op.description ? { description: op.description } : {}),
      ...(auth === 'none'
        ? { security: [] }
        : auth === 'channel'
          ? { security: [{ channelToken: [] }] }
          : {}),
      ...(parameters.length ? { parameters } : {}),
      ...(op.body
        ? {
            requestBody: {
              required: true,
              ...(typeof op.body === 'string' ? { content: json(schemaOf(op.body)) } : op.body),
            },
          }
        : {}),
      responses,
      ...(op.retryable ? { 'x-idempotent': true } : {}),
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Helpdesk Elements protocol',
      version: '1.0.0',
      description:
        'The REST + Server-Sent Events protocol between the HttpAdapter of helpdesk-elements and a help-desk backend, ' +
        'and the custom-channel side (publish, delivery reports, signed webhooks). Errors are `{ error: { code, message, fieldErrors? } }`. ' +
        'Outgoing replies are POSTed to the account’s webhook URL as a WebhookDelivery, with headers ' +
        '`X-Helpdesk-Timestamp` (ms since epoch), `X-Helpdesk-Delivery` (the delivery id) and ' +
        '`X-Helpdesk-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>" keyed by the signing secret>`. ' +
        'A 2xx acknowledges; anything else is retried with exponential back-off, and after the last try the message is marked failed.',
    },
    servers: [{ url: 'http://localhost:8787/api' }],
    security: [{ agentToken: [] }],
    components: {
      securitySchemes: {
        agentToken: { type: 'http', scheme: 'bearer', description: 'An agent’s token.' },
        channelToken: { type: 'http', scheme: 'bearer', description: 'A channel account’s publish token.' },
      },
      schemas,
    },
    paths,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const target = fileURLToPath(new URL('../../../docs/protocol/openapi.json', import.meta.url));
  // Formatted as `npm run lint` expects, so a rebuild with no change leaves the file as it is.
  const options = (await resolveConfig(target)) ?? {};
  writeFileSync(target, await format(JSON.stringify(buildDocument()), { ...options, parser: 'json' }));
  console.log(`Wrote ${target}`);
}
