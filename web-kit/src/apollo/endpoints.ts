export interface ApiEndpoints {
  /** Base of every API URL; '' means the origin this page was served from. */
  apiBaseUrl: string;
  graphqlHttpUrl: string;
  /** The WebSocket twin of the HTTP endpoint: same host and path, ws: or wss:. */
  graphqlWsUrl(pageUrl?: string): string;
  usageExportUrl(queryString: string): string;
  /** Admins only: the month's charged cost, provider cost and margin per tenant (CSV). */
  marginsExportUrl(period: string): string;
  /**
   * The absolute addresses an integrator's code calls (contract "The metering gateway"): the
   * provider SDKs' base URLs and GraphQL, on the API's origin as this page reaches it.
   */
  integrationUrls(pageUrl?: string): IntegrationUrls;
}

export interface IntegrationUrls {
  /** The OpenAI SDK's `baseURL`. */
  openai: string;
  /** The ElevenLabs SDK's `baseUrl` (it adds `/v1/...` itself). */
  elevenlabs: string;
  /** recordUsage and the rest of the API. */
  graphql: string;
}

/** The API's URLs from the configured origin (VITE_API_URL); empty means same origin. */
export function apiEndpoints(configured: string | undefined): ApiEndpoints {
  const apiBaseUrl = (configured ?? '').trim().replace(/\/+$/, '');
  const graphqlHttpUrl = `${apiBaseUrl}/graphql`;
  return {
    apiBaseUrl,
    graphqlHttpUrl,
    graphqlWsUrl(pageUrl = window.location.href) {
      const url = new URL(graphqlHttpUrl, pageUrl);
      url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
      return url.href;
    },
    usageExportUrl: (queryString) => `${apiBaseUrl}/export/usage.csv${queryString ? `?${queryString}` : ''}`,
    marginsExportUrl: (period) => `${apiBaseUrl}/export/margins.csv?period=${encodeURIComponent(period)}`,
    integrationUrls(pageUrl = window.location.href) {
      const base = new URL(apiBaseUrl || '/', pageUrl).href.replace(/\/+$/, '');
      return {
        openai: `${base}/gateway/openai/v1`,
        elevenlabs: `${base}/gateway/elevenlabs`,
        graphql: `${base}/graphql`,
      };
    },
  };
}

/** Router basename from Vite's base ('/portal/' → '/portal'). */
export function routerBasename(base: string): string {
  return base.replace(/\/+$/, '') || '/';
}
