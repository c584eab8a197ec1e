import type { ServerResponse } from 'node:http';

/**
 * The UI's Content Security Policy: only its own scripts; inline styles
 * (cytoscape sets element styles), data: and blob: images (exported PNG/SVG),
 * blob: workers (layout), no framing, no plugins, forms only to itself.
 */
export const UI_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Headers on every response. The GraphQL endpoint gets no script policy:
 * the GraphiQL page carries its code inline (@graphql-yoga/render-graphiql,
 * nothing from a CDN; turn it off in production with --no-graphiql); it still
 * may not be framed.
 */
export function setSecurityHeaders(res: ServerResponse, kind: 'ui' | 'api'): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Content-Security-Policy', kind === 'ui' ? UI_CSP : "frame-ancestors 'none'");
}
