// Fills an empty database from createFixture, once: a file database keeps its data across
// restarts, and seeding again would undo what agents and channels did.
import { createFixture, type FixtureOptions } from '../../../src/fixtures/index.js';
import type { Repo } from './repo.js';

export interface SeedOptions {
  fixture?: FixtureOptions;
  /** Agent bearer tokens to create: token to agent id. */
  agentTokens: Record<string, string>;
  /** Channel-side secrets of seeded accounts, for tests and the simulator: account id to values. */
  integrations?: Record<
    string,
    { publishToken?: string; signingSecret?: string; webhookUrl?: string | null }
  >;
}

export function seed(repo: Repo, options: SeedOptions): boolean {
  const seeded = repo.meta('seeded') !== undefined;
  repo.tx(() => {
    if (!seeded) {
      const f = createFixture(options.fixture ?? { seed: 1, conversations: 200 });
      f.channels.forEach((c, i) => repo.putCatalog('channel', c.id, i, c));
      f.agents.forEach((a, i) => repo.putCatalog('agent', a.id, i, a));
      f.teams.forEach((t, i) => repo.putCatalog('team', t.id, i, t));
      f.pipelines.forEach((p, i) => repo.putCatalog('pipeline', p.id, i, p));
      f.insertables.forEach((x, i) => repo.putCatalog('insertable', x.id, i, x));
      for (const account of f.accounts) repo.insertAccount(account, {});
      for (const contact of f.contacts) repo.putContact(contact);
      for (const ticket of f.tickets) repo.putTicket(ticket, false);
      for (const view of f.views) repo.putView(view);
      let latest = '';
      for (const conversation of f.conversations) {
        repo.putConversation(conversation, false);
        for (const message of f.messages[conversation.id] ?? []) repo.putMessage(message);
        const at = conversation.lastMessage?.at ?? conversation.createdAt;
        if (at > latest) latest = at;
      }
      repo.setMeta('latestAt', latest);
      repo.setMeta('currentAgentId', f.currentAgentId);
      repo.setMeta('seeded', new Date().toISOString());
    }
    // Tokens and integration secrets come from the configuration on every start, so a
    // configured value always works, whether the database is new or not.
    for (const [token, agentId] of Object.entries(options.agentTokens)) repo.addAgentToken(token, agentId);
    for (const [accountId, values] of Object.entries(options.integrations ?? {})) {
      const current = repo.integration(accountId);
      if (!current) continue;
      repo.setIntegrationSecrets(
        accountId,
        values.publishToken ?? current.publishToken,
        values.signingSecret ?? current.signingSecret,
      );
      if (values.webhookUrl !== undefined) repo.setWebhook(accountId, values.webhookUrl);
    }
  });
  return !seeded;
}
