/**
 * A random UUID v4. crypto.randomUUID exists in Node 19+, browsers (secure contexts) and edge
 * runtimes; the getRandomValues path covers the rest (e.g. an insecure-context browser).
 */
/** The part of Web Crypto we use, typed here so the code needs neither DOM nor Node typings. */
interface WebCrypto {
  randomUUID?: () => string;
  getRandomValues?: (array: Uint8Array) => Uint8Array;
}

export function newRequestId(): string {
  const webCrypto = (globalThis as { crypto?: WebCrypto }).crypto;
  if (typeof webCrypto?.randomUUID === 'function') return webCrypto.randomUUID();
  if (typeof webCrypto?.getRandomValues !== 'function')
    throw new Error('No Web Crypto here: pass generateRequestId to createUsageClient');
  const bytes = webCrypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte: number) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
