import { createHash } from 'node:crypto'

/**
 * The console's Content-Security-Policy: scripts from this origin only (plus the hash of any inline script
 * the built `index.html` still has), no inline styles, connections to this origin and the configured
 * homeserver, workers from this origin (MSW, the topology layout), framing only by `frameAncestors`.
 */
export function cspDirectives(opts: {
  indexHtml: string | null
  homeserverUrl?: string | undefined
  frameAncestors: string
}) {
  const homeserver = opts.homeserverUrl ? [new URL(opts.homeserverUrl).origin] : []
  return {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'", ...inlineScriptHashes(opts.indexHtml ?? '')],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:', 'blob:', ...homeserver],
    fontSrc: ["'self'"],
    connectSrc: ["'self'", ...homeserver],
    workerSrc: ["'self'"],
    manifestSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: opts.frameAncestors.split(/\s+/).filter(Boolean),
    upgradeInsecureRequests: null,
  }
}

/** `'sha256-…'` for each inline `<script>` (one without `src`) in the page. */
export function inlineScriptHashes(html: string): string[] {
  const out: string[] = []
  for (const m of html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/gi)) {
    const attrs = m[1] ?? ''
    const body = m[2] ?? ''
    if (/\bsrc\s*=/i.test(attrs) || body.trim() === '') continue
    out.push(`'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`)
  }
  return out
}
