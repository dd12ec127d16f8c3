/**
 * How an endpoint is named in messages, logs and error details: `host[:port]` only. URLs of paid RPC providers carry
 * API keys in their path, query or credentials, so nothing but the host ever leaves this function.
 */
export function endpointLabel(url: string): string {
  try {
    return new URL(url).host || 'endpoint';
  } catch {
    return 'endpoint';
  }
}
