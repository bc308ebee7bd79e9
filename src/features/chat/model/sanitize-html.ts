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

/** Link schemes the spec allows; anything else (`javascript:`, `data:`) loses its href and is inert. */
const SAFE_URL = /^(?:https?|ftp|mailto|magnet):/i

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

/**
 * Sanitizes a message's `formatted_body` to the Matrix allow-list. The only way network HTML reaches the DOM.
 * Links open in a new tab with `rel="noopener noreferrer"`; `javascript:` and other unsafe URLs are removed.
 */
export function sanitizeMatrixHtml(html: string): string {
  return getPurifier().sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR: ALL_ATTRS,
    ALLOWED_URI_REGEXP: SAFE_URL,
    KEEP_CONTENT: true,
    // `mx-reply` fallbacks quote the replied-to message; they are dropped with their content (spec advice).
    FORBID_TAGS: ['mx-reply', 'img', 'script', 'style', 'iframe', 'object', 'embed', 'form'],
    RETURN_TRUSTED_TYPE: false,
  })
}
