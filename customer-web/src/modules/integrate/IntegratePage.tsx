import { Link } from 'react-router';
import { CopyButton } from '@usage-monitor/web-kit/ui';
import { API } from '../../app/env';
import { useCanManage } from '../../app/permissions';
import { gatewaySnippets, reportingSnippets, type Snippet } from './integration-snippets';

function SnippetBlock({ snippet }: { snippet: Snippet }) {
  const titleId = `snippet-${snippet.id}`;
  return (
    <figure className="code-block" aria-labelledby={titleId}>
      <figcaption className="code-block-head">
        <span id={titleId}>{snippet.title}</span>
        <CopyButton text={snippet.code} what={`the ${snippet.title} example`} />
      </figcaption>
      <pre tabIndex={0}>
        <code className={`language-${snippet.language}`}>{snippet.code}</code>
      </pre>
    </figure>
  );
}

function UrlRow({ label, value }: { label: string; value: string }) {
  return (
    <div className="integration-url">
      <dt>{label}</dt>
      <dd>
        <code>{value}</code> <CopyButton text={value} what={`the ${label}`} />
      </dd>
    </div>
  );
}

/**
 * How a customer's developers meter their provider calls: the official SDKs pointed at the
 * gateway with a Usage Monitor key, or reporting each call themselves. The addresses are this
 * server's, as the page reaches it.
 */
export function IntegratePage() {
  const canManage = useCanManage();
  const urls = API.integrationUrls();
  return (
    <div className="stack integrate">
      <div className="page-head">
        <div>
          <h1>Integrate</h1>
          <p className="muted">
            Meter every OpenAI and ElevenLabs call without writing tracking code: point the provider’s official SDK
            at Usage Monitor.
          </p>
        </div>
      </div>

      <section className="panel" aria-labelledby="integrate-key-title">
        <h2 id="integrate-key-title">1. Get a Usage Monitor API key</h2>
        <p>
          Your code authenticates with a Usage Monitor API key (<code>um_live_…</code>), never with your OpenAI or
          ElevenLabs key.{' '}
          {canManage ? (
            <>
              Create one on the <Link to="/api-keys">API keys</Link> page; it is shown once.
            </>
          ) : (
            <>
              An owner of your team creates them on the <Link to="/api-keys">API keys</Link> page.
            </>
          )}
        </p>
        <p className="muted small">
          Keep it on your server like any secret. The examples read it from <code>USAGE_MONITOR_API_KEY</code>.
        </p>
      </section>

      <section className="panel" aria-labelledby="integrate-gateway-title">
        <h2 id="integrate-gateway-title">2. Point your provider SDK at the gateway</h2>
        <p>
          Change two settings and nothing else. The gateway calls the provider with your account’s own provider
          key, refuses calls beyond your hard limits before anything is spent, streams the answer back unchanged
          and records the usage itself.
        </p>
        <dl className="integration-urls">
          <UrlRow label="OpenAI base URL" value={urls.openai} />
          <UrlRow label="ElevenLabs base URL" value={urls.elevenlabs} />
          <div className="integration-url">
            <dt>API key</dt>
            <dd>your Usage Monitor API key</dd>
          </div>
        </dl>
        {gatewaySnippets(urls).map((snippet) => (
          <SnippetBlock key={snippet.id} snippet={snippet} />
        ))}
        <h3>Optional request headers</h3>
        <ul>
          <li>
            <code>X-Usage-End-User</code>: the end user inside your product (else OpenAI’s <code>user</code> field).
          </li>
          <li>
            <code>X-Usage-Request-Id</code>: your id for the call, so that a retry is never metered twice.
          </li>
        </ul>
        <p className="muted small">
          Answers carry <code>X-Usage-Request-Id</code> and, when not streamed, <code>X-Usage-Cost-Usd</code>. A call
          beyond a hard limit is refused with 429 in the provider’s own error shape. A call to a provider whose key
          is not set up for your account answers 424 <code>PROVIDER_CREDENTIAL_MISSING</code>: ask your Usage
          Monitor contact to add it.
        </p>
      </section>

      <section className="panel" aria-labelledby="integrate-report-title">
        <h2 id="integrate-report-title">Or: report the calls you make yourself</h2>
        <p>
          Keep calling the provider directly and report each call afterwards, with the Usage Monitor SDK or plain
          GraphQL. Give every call its own <code>requestId</code>: the same id sent again counts once.
        </p>
        {reportingSnippets(urls).map((snippet) => (
          <SnippetBlock key={snippet.id} snippet={snippet} />
        ))}
      </section>

      <p className="muted small">
        Calls through the gateway appear in your usage with the source “Gateway”:{' '}
        <Link to="/usage?source=GATEWAY">see them in Recent calls</Link>.
      </p>
    </div>
  );
}
