// B5: how long after the recordUsage response that raised an alert a graphql-ws subscriber
// hears of it, on the instance that recorded it and on another instance (same database).
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { quantile } from './quantile.mjs';
import { gql } from './servers.mjs';
import { SET_QUOTA } from './setup.mjs';

const RECORD = 'mutation($i: RecordUsageInput!) { recordUsage(input: $i) { alerts { id } } }';

function subscriber(wsUrl, token) {
  const client = createClient({ url: wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0 });
  const heard = new Map();
  const waiting = new Map();
  let failure;
  const ready = new Promise((resolve, reject) => {
    client.on('connected', () => setTimeout(resolve, 200));
    client.on('error', reject);
  });
  client.subscribe(
    { query: 'subscription { alertRaised { id } }' },
    {
      next: ({ data }) => {
        const id = data?.alertRaised?.id;
        if (!id) return;
        heard.set(id, performance.now());
        waiting.get(id)?.();
      },
      error: (error) => (failure = error),
      complete: () => undefined,
    },
  );
  return {
    ready,
    /** Resolves with the time it was heard, or undefined after `timeoutMs`. */
    heardAt(id, timeoutMs) {
      if (heard.has(id)) return Promise.resolve(heard.get(id));
      return new Promise((resolve) => {
        const timer = setTimeout(() => resolve(undefined), timeoutMs);
        waiting.set(id, () => {
          clearTimeout(timer);
          resolve(heard.get(id));
        });
      });
    },
    get failure() {
      return failure;
    },
    close: () => client.dispose(),
  };
}

function percentile(values, q) {
  return quantile([...values].sort((a, b) => a - b), q);
}

/**
 * Each round lowers one tenant's token limit just under its usage plus the next event, so that
 * event crosses both thresholds (a new limit is a new dedup key): two alerts per response.
 */
export async function measureAlertDelivery({ recordOn, others, token, tenant, rounds }) {
  const subscribers = [subscriber(recordOn.wsUrl, token), ...others.map((o) => subscriber(o.wsUrl, token))];
  await Promise.all(subscribers.map((s) => s.ready));
  const same = [];
  const other = [];
  let lost = 0;
  let used = 0;
  for (let round = 0; round < rounds; round++) {
    await gql(recordOn.baseUrl, SET_QUOTA, { t: tenant.id, q: { openaiTokenLimit: used + 100, alertAtPercentage: 80 } }, token);
    const response = await fetch(`${recordOn.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tenant.key}` },
      body: JSON.stringify({ query: RECORD, variables: { i: { service: 'OPENAI', model: 'gpt-4o-mini', inputTokens: 100, outputTokens: 50, requestId: `b5-${Date.now()}-${round}` } } }),
    });
    const answeredAt = performance.now();
    const body = await response.json();
    if (body.errors) throw new Error(`B5 recordUsage failed: ${JSON.stringify(body.errors)}`);
    used += 150;
    const alerts = body.data.recordUsage.alerts;
    if (alerts.length === 0) throw new Error('B5: the event raised no alert');
    for (const { id } of alerts) {
      const [mine, ...rest] = await Promise.all(subscribers.map((s) => s.heardAt(id, 5_000)));
      if (mine === undefined) lost++;
      else same.push(Math.max(0, mine - answeredAt));
      for (const at of rest) {
        if (at === undefined) lost++;
        else other.push(Math.max(0, at - answeredAt));
      }
    }
  }
  for (const s of subscribers) await s.close();
  return {
    samples: same.length,
    lost,
    sameP99: percentile(same, 0.99),
    sameMax: Math.max(...same),
    otherP99: others.length ? percentile(other, 0.99) : NaN,
    otherMax: others.length ? Math.max(...other) : NaN,
  };
}
