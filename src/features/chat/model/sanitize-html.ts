import DOMPurify from 'dompurify'

/**
 * The Matrix spec's allow-list for `formatted_body` (client-server API, "m.room.message msgtypes"):
 * these tags and, per tag, these attributes; everything else is dropped. Images are not rendered (the spec
 * allows only `mxc://` sources, which need authenticated media): their alt text stays.
 */
const ALLOWED_TAGS = [
  'font', 'del', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'p', 'a', 'ul', 'ol', 'sup', 'sub', 'li',
  'b', 'i', 'u', 'strong', 'em', 'strike', 's', 'code', 'hr', 'br', 'div', 'table', 'thead', 'tbody', 'tr',
  'th', 'td', 'caption', 'pre', 'span', 'details', 'summary',
] // prettier-ignore

const ATTRS_BY_TAG: Record<string, readonly string[]> = {
  font: ['data-mx-bg-color', 'data-mx-color', 'color'],
  span: ['data-mx-bg-color', 'data-mx-color', 'data-mx-spoiler'],
  a: ['href', 'name', 'target', 'rel'],
  ol: ['start'],
  code: ['class'],
}
const ALL_ATTRS = [...new Set(Object.values(ATTRS_BY_TAG).flat())]

/**
 * Link schemes the console opens: http(s) (matrix.to permalinks among them) and mailto. Anything else
 * (`javascript:`, `data:`, `ftp:`) loses its href, and the link is unwrapped to its text.
 */
const SAFE_URL = /^(?:https?|mailto):/i

let purifier: ReturnType<typeof DOMPurify> | null = null

function getPurifier() {
  if (purifier) return purifier
  const p = DOMPurify(window)
  p.addHook('uponSanitizeAttribute', (node, data) => {
    const tag = node.nodeName.toLowerCase()
    if (!ATTRS_BY_TAG[tag]?.includes(data.attrName)) data.keepAttr = false
    if (tag === 'code' && data.attrName === 'class' && !/^language-[\w-]+$/.test(data.attrValue)) {
      data.keepAttr = false
    }
  })
  p.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName.toLowerCase() !== 'a') return
    const href = node.getAttribute('href')
    if (href !== null && !SAFE_URL.test(href.trim())) node.removeAttribute('href')
    if (node.hasAttribute('href')) {
      node.setAttribute('target', '_blank')
      node.setAttribute('rel', 'noopener noreferrer')
    } else {
      node.removeAttribute('target')
      node.removeAttribute('rel')
    }
  })
  purifier = p
  return p
}

const CONFIG = {
  ALLOWED_TAGS,
  ALLOWED_ATTR: ALL_ATTRS,
  ALLOWED_URI_REGEXP: SAFE_URL,
  KEEP_CONTENT: true,
  // `mx-reply` fallbacks quote the replied-to message; they are dropped with their content (spec advice).
  FORBID_TAGS: ['mx-reply', 'img', 'script', 'style', 'iframe', 'object', 'embed', 'form'],
}

/** What the allow-list leaves behind and would mislead: a link with no target, a disclosure with nothing in it. */
function tidy(root: DocumentFragment) {
  for (const a of [...root.querySelectorAll('a:not([href])')]) a.replaceWith(...a.childNodes)
  for (const details of [...root.querySelectorAll('details')].reverse()) {
    const content = [...details.childNodes].filter((n) => n.nodeName.toLowerCase() !== 'summary')
    if (!content.some((n) => n.textContent?.trim())) details.remove()
  }
}

/**
 * Sanitizes a message's `formatted_body` to the Matrix allow-list, as a detached DOM fragment the timeline
 * turns into React elements. The only way network HTML reaches the page. Links open in a new tab with
 * `rel="noopener noreferrer"`; a link whose target is unsafe becomes its plain text.
 */
export function sanitizeMatrixHtmlToFragment(html: string): DocumentFragment {
  const fragment = getPurifier().sanitize(html, { ...CONFIG, RETURN_DOM_FRAGMENT: true })
  tidy(fragment)
  return fragment
}

/** The same as {@link sanitizeMatrixHtmlToFragment}, as an HTML string (what the console sends). */
export function sanitizeMatrixHtml(html: string): string {
  const box = document.createElement('div')
  box.append(sanitizeMatrixHtmlToFragment(html))
  return box.innerHTML
}
