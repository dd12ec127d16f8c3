/**
 * The Content-Security-Policy sent with every response of the `app:` protocol. No inline scripts, no eval, no
 * inline <style> elements or style="" attributes (React's `style` prop is fine: it sets styles through CSSOM, which
 * CSP does not govern), no network (`connect-src 'self'` is the app origin only), no plugins, no framing, no forms
 * posting anywhere, no <base> rewrites.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/** Headers of every `app:` response (also 404s): CSP, no MIME sniffing, no referrer, not embeddable, not cached. */
export function appResponseHeaders(contentType: string): Record<string, string> {
  return {
    'content-type': contentType,
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'cache-control': 'no-store',
  };
}
