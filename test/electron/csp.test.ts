import { describe, expect, it } from 'vitest';
import { appResponseHeaders, CONTENT_SECURITY_POLICY } from '../../electron/services/shell/csp';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values];
    }),
  );
}

describe('CONTENT_SECURITY_POLICY', () => {
  it('is exactly the strict policy', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; object-src 'none'",
    );
  });

  it('allows no inline code, no eval and no remote source in any directive', () => {
    const parsed = directives(CONTENT_SECURITY_POLICY);
    expect([...parsed.keys()]).toStrictEqual([
      'default-src',
      'script-src',
      'style-src',
      'img-src',
      'font-src',
      'connect-src',
      'base-uri',
      'form-action',
      'frame-ancestors',
      'object-src',
    ]);
    for (const [name, values] of parsed) {
      for (const value of values) {
        expect([`'self'`, `'none'`, 'data:'], `${name} ${value}`).toContain(value);
      }
    }
    expect(parsed.get('script-src')).toStrictEqual([`'self'`]);
    expect(parsed.get('style-src')).toStrictEqual([`'self'`]);
  });

  it('goes out with every app: response', () => {
    expect(appResponseHeaders('text/html; charset=utf-8')).toStrictEqual({
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
      'cache-control': 'no-store',
    });
  });
});
