const configuredApi = (import.meta.env.VITE_API_URL ?? '').trim().replace(/\/+$/, '');

/** Base of every API URL; '' means the origin this page was served from. */
export const apiBaseUrl = configuredApi;

export const graphqlHttpUrl = `${apiBaseUrl}/graphql`;

/** The WebSocket twin of the HTTP endpoint: same host and path, ws: or wss:. */
export function graphqlWsUrl(pageUrl: string = window.location.href): string {
  const url = new URL(graphqlHttpUrl, pageUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.href;
}

/** Router basename from Vite's base ('/portal/' → '/portal'). */
export const routerBasename = import.meta.env.BASE_URL.replace(/\/+$/, '') || '/';
