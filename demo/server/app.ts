// The reference server: Fastify routes made from the OpenAPI document, bearer auth for agents,
// per-account tokens for the channel side, CORS for configured origins only, SQLite storage.
import cors from '@fastify/cors';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';

import { HelpDeskError } from '../../src/adapters/errors.js';
import type { FixtureOptions } from '../../src/fixtures/index.js';
import { Repo } from './db/repo.js';
import { seed } from './db/seed.js';
import { ApiError, errorBody } from './domain/errors.js';
import { EventStreams } from './events.js';
import { createHandlers, type HandlerContext, type Result, sameToken } from './handlers.js';
import { loadProtocol, type OperationSpec, type Protocol } from './protocol.js';
import { defaultWebhookOptions, WebhookDispatcher, type WebhookOptions } from './webhooks.js';

export interface ServerConfig {
  /** A SQLite file, or `:memory:`. */
  database: string;
  /** Origins allowed by CORS, exactly (`http://localhost:5173`). Others are refused. */
  corsOrigins: string[];
  /** Agent bearer tokens: token to agent id. */
  agentTokens: Record<string, string>;
  fixture?: FixtureOptions;
  /** Channel-side settings of seeded accounts (publish token, signing secret, webhook URL). */
  integrations?: Record<
    string,
    { publishToken?: string; signingSecret?: string; webhookUrl?: string | null }
  >;
  webhooks?: Partial<WebhookOptions>;
  /** Largest upload, in bytes. Default 25 MB. */
  maxUploadBytes?: number;
  /** Check every JSON response against the protocol (on in tests). Default false. */
  validateResponses?: boolean;
  heartbeatMs?: number;
  logger?: boolean;
}

export interface HelpDeskServer {
  app: FastifyInstance;
  repo: Repo;
  protocol: Protocol;
  streams: EventStreams;
  webhooks: WebhookDispatcher;
  /** Allows one more origin by CORS (the demo adds the Vite page's once Vite has a port). */
  allowOrigin(origin: string): void;
  /** Listens; resolves with the base URL of the API (`http://host:port/api`). */
  listen(port?: number, host?: string): Promise<string>;
  close(): Promise<void>;
}

const PREFIX = '/api';

export async function createServer(config: ServerConfig): Promise<HelpDeskServer> {
  const repo = new Repo(config.database);
  seed(repo, { fixture: config.fixture, agentTokens: config.agentTokens, integrations: config.integrations });
  const protocol = loadProtocol();
  // Closing ends every connection, streams included: a stopped server must not wait on clients.
  const app = Fastify({
    logger: config.logger ?? false,
    bodyLimit: 1024 * 1024,
    forceCloseConnections: true,
  });
  const webhooks = new WebhookDispatcher(repo, { ...defaultWebhookOptions, ...config.webhooks }, (m) =>
    app.log.warn(m),
  );
  const streams = new EventStreams(repo, config.heartbeatMs ?? 15_000);
  let baseUrl = '';
  const handlers = createHandlers(repo, webhooks, () => baseUrl);
  const origins = new Set(config.corsOrigins);

  // A browser page from an origin not configured is refused outright, not merely left without
  // CORS headers: it must not be able to make the server write anything.
  app.addHook('onRequest', async (request, reply) => {
    const origin = request.headers.origin;
    if (origin && !origins.has(origin)) {
      return reply
        .code(403)
        .send(errorBody(new ApiError('unauthorized', `The origin ${origin} is not allowed.`)));
    }
  });
  await app.register(cors, {
    origin: (origin, callback) => callback(null, origin !== undefined && origins.has(origin)),
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type', 'Last-Event-ID', 'Accept'],
    exposedHeaders: ['Retry-After'],
    maxAge: 600,
  });

  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, _request, reply) => {
    if (error instanceof HelpDeskError) {
      const status = error instanceof ApiError ? error.status : 400;
      return reply.code(status).send(errorBody(error));
    }
    const status = error.statusCode ?? 500;
    if (status === 413)
      return reply.code(413).send(
        errorBody(
          new ApiError('invalid', 'The request is too large.', {
            status: 413,
            fieldErrors: { body: 'Too large' },
          }),
        ),
      );
    if (status >= 400 && status < 500) {
      return reply.code(status).send(
        errorBody(
          new ApiError('invalid', `The request is malformed: ${error.message}`, {
            status,
            fieldErrors: { body: 'Malformed' },
          }),
        ),
      );
    }
    app.log.error(error);
    return reply.code(500).send(errorBody(new ApiError('unavailable', 'The server failed; try again.')));
  });
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send(errorBody(new ApiError('not-found', `No route ${request.method} ${request.url}.`))),
  );

  const authenticate = (
    op: OperationSpec,
    request: FastifyRequest,
    params: Record<string, unknown>,
  ): string => {
    if (op.auth === 'none') return '';
    const match = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '');
    if (!match) throw new ApiError('unauthorized', 'Sign in: send an Authorization: Bearer <token> header.');
    const token = match[1]!;
    if (op.auth === 'channel') {
      const integration = repo.integration(String(params['accountId']));
      if (!integration || !sameToken(token, integration.publishToken))
        throw new ApiError('unauthorized', 'The publish token is not valid for this channel account.');
      return '';
    }
    const agentId = repo.agentByToken(token);
    if (!agentId) throw new ApiError('unauthorized', 'The token is not valid; sign in again.');
    return agentId;
  };

  const route = (scope: FastifyInstance, op: OperationSpec) => {
    const url = op.path.replace(/\{(\w+)\}/g, ':$1');
    scope.route({
      method: op.method as 'GET',
      url,
      handler: async (request: FastifyRequest, reply: FastifyReply) => {
        const raw = { ...(request.query as object), ...(request.params as object) } as Record<
          string,
          unknown
        >;
        // Auth first: a bad token learns nothing about the input.
        const agentId = authenticate(op, request, raw);
        const params = op.validateParameters(raw);
        const ctx: HandlerContext = { params, body: request.body, agentId };
        if (op.operationId === 'uploadAttachment') {
          ctx.upload = {
            bytes: Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0),
            mimeType: String(request.headers['content-type'] ?? 'application/octet-stream')
              .split(';')[0]!
              .trim(),
          };
        } else if (op.validateBody) {
          op.validateBody(request.body);
        }
        if (op.operationId === 'streamEvents') {
          const header = request.headers['last-event-id'];
          const last =
            typeof header === 'string' && /^\d+$/.test(header)
              ? Number(header)
              : params['lastEventId'] !== undefined
                ? Number(params['lastEventId'])
                : undefined;
          reply.hijack();
          streams.serve(reply.raw, reply.getHeaders() as Record<string, string>, last);
          return reply;
        }
        const out = handlers[op.operationId]!(ctx);
        const result: Result =
          out && typeof out === 'object' && 'status' in out && typeof out.status === 'number'
            ? (out as Result)
            : { status: 200, body: out };
        if (result.raw) {
          return reply
            .code(200)
            .header('Content-Type', result.raw.mimeType)
            .header('Content-Disposition', `inline; filename*=UTF-8''${encodeURIComponent(result.raw.name)}`)
            .header('X-Content-Type-Options', 'nosniff')
            .header('Content-Security-Policy', "default-src 'none'; sandbox")
            .send(result.raw.bytes);
        }
        if (config.validateResponses) op.validateResponse(result.status, result.body);
        return result.status === 204 ? reply.code(204).send() : reply.code(result.status).send(result.body);
      },
    });
  };

  await app.register(
    async (api) => {
      for (const op of protocol.operations.values())
        if (op.operationId !== 'uploadAttachment') route(api, op);
      // Uploads take the raw bytes of any type, up to their own limit.
      await api.register(async (uploads) => {
        uploads.removeAllContentTypeParsers();
        uploads.addContentTypeParser(
          '*',
          { parseAs: 'buffer', bodyLimit: config.maxUploadBytes ?? 25 * 1024 * 1024 },
          (_req, body, done) => done(null, body),
        );
        route(uploads, protocol.operations.get('uploadAttachment')!);
      });
    },
    { prefix: PREFIX },
  );

  webhooks.start();
  return {
    app,
    repo,
    protocol,
    streams,
    webhooks,
    allowOrigin: (origin) => void origins.add(origin),
    async listen(port = 0, host = '127.0.0.1') {
      const address = await app.listen({ port, host });
      baseUrl = `${address.replace('://[::1]', '://localhost')}${PREFIX}`;
      return baseUrl;
    },
    async close() {
      streams.dropAll();
      await webhooks.stop();
      await app.close();
      repo.close();
    },
  };
}
