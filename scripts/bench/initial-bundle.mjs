// initial_js_gzip_kb: what the overview downloads before it can render, read from the built index.html (its
// entry script, modulepreloads and stylesheets) plus every chunk those import statically, gzipped with
// node:zlib. The same chunks' sourcemaps say which modules they carry, so lazy code caught in the first
// load is named, not guessed.
import { existsSync, readFileSync, statSync } from 'node:fs'
import { join, posix } from 'node:path'
import { gzipSync } from 'node:zlib'

/** Modules that must load on demand only: each one found in the initial chunks fails the check. */
export const MUST_BE_LAZY = [
  { label: 'matrix-js-sdk', test: /node_modules\/(matrix-js-sdk|matrix-widget-api|@matrix-org)\// },
  { label: 'MSW / the simulator', test: /node_modules\/(msw|@mswjs|@bundled-es-modules)\/|(^|\/)mocks\// },
  { label: 'the heartbeat chart', test: /src\/features\/nodes\/.*chart/i },
  { label: 'the topology view', test: /src\/features\/topology\// },
]

// Static imports at the top of an ES chunk: `import{a as b}from"./x.js"` or `import"./x.js"`. A dynamic
// `import("./x.js")` has a parenthesis and is not matched: it is lazy by definition.
const STATIC_IMPORT = /(?:^|[;\n}])\s*(?:import|export)\s*(?:[^"'();]*?\bfrom\s*)?["']([^"']+\.js)["']/g

function assetsFromHtml(html) {
  const js = []
  const css = []
  for (const m of html.matchAll(/<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+)"/g)) js.push(m[1])
  for (const m of html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g)) js.push(m[1])
  for (const m of html.matchAll(/<link\b[^>]*\brel="stylesheet"[^>]*\bhref="([^"]+)"/g)) css.push(m[1])
  return { js, css }
}

/** Measures the first load of `index.html` in a built `outDir`. */
export function measureInitialBundle(outDir) {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8')
  const { js, css } = assetsFromHtml(html)
  const toFile = (url) => join(outDir, url.replace(/^\//, ''))
  const seen = new Set()
  const queue = js.map((u) => posix.normalize(u))
  while (queue.length) {
    const url = queue.shift()
    if (seen.has(url) || /^https?:/.test(url)) continue
    seen.add(url)
    const code = readFileSync(toFile(url), 'utf8')
    for (const m of code.matchAll(STATIC_IMPORT)) queue.push(posix.join(posix.dirname(url), m[1]))
  }
  const files = [...seen, ...css].map((url) => {
    const raw = readFileSync(toFile(url))
    return { url, bytes: raw.length, gzip: gzipSync(raw).length }
  })
  const offenders = []
  for (const url of seen) {
    const mapFile = `${toFile(url)}.map`
    if (!existsSync(mapFile)) {
      // Vite's own tiny helpers (the preload helper) carry no map; anything bigger must have one.
      if (statSync(toFile(url)).size > 4096) {
        throw new Error(`no sourcemap for initial chunk ${url}: build.sourcemap must stay on`)
      }
      continue
    }
    const { sources = [] } = JSON.parse(readFileSync(mapFile, 'utf8'))
    for (const src of sources) {
      const rule = MUST_BE_LAZY.find((r) => r.test.test(src.replaceAll('\\', '/')))
      if (rule) offenders.push({ chunk: url, label: rule.label, source: src })
    }
  }
  return {
    files,
    gzipKb: files.reduce((n, f) => n + f.gzip, 0) / 1024,
    rawKb: files.reduce((n, f) => n + f.bytes, 0) / 1024,
    offenders,
  }
}

/** The two figures: the size, and the check that lazy code stays out of the first load. */
export function initialBundleFigures(outDir) {
  const r = measureInitialBundle(outDir)
  const labels = [...new Set(r.offenders.map((o) => o.label))]
  const examples = r.offenders
    .slice(0, 4)
    .map((o) => o.source.replace(/^(\.\.\/)+/, ''))
    .join(', ')
  return [
    {
      name: 'initial_js_gzip_kb',
      value: r.gzipKb,
      unit: 'kB',
      budget: 200,
      note: `${r.files.length} files (${r.files.filter((f) => f.url.endsWith('.css')).length} CSS), ${r.rawKb.toFixed(0)} kB raw; entry + static imports + modulepreload + CSS of index.html`,
    },
    {
      name: 'initial_js_lazy_modules',
      value: r.offenders.length,
      unit: 'modules',
      budget: 0,
      note: labels.length
        ? `IN THE FIRST LOAD: ${labels.join('; ')} (e.g. ${examples})`
        : `none of ${MUST_BE_LAZY.map((m) => m.label).join(', ')} in the initial chunks (sourcemap sources)`,
    },
  ]
}
