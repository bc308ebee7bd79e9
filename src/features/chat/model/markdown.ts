import { Marked } from 'marked'
import { splitMentions } from './mentions.ts'
import { sanitizeMatrixHtml } from './sanitize-html.ts'

const escapeHtml = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')

// GitHub-flavoured Markdown with single line breaks kept. HTML typed into the composer is text, as in
// Element: `<angles>` in a message are shown, not parsed.
const marked = new Marked({ gfm: true, breaks: true, renderer: { html: ({ text }) => escapeHtml(text) } })

/** What Markdown makes of text with no markup: one paragraph, the text escaped, breaks as `<br>`. */
function isPlain(html: string, body: string) {
  const inner = html
    .trim()
    .replace(/^<p>([\s\S]*)<\/p>$/, '$1')
    .replace(/<br>\n?/g, '\n')
  const decoded = (s: string) => s.replace(/&#39;|&quot;/g, (e) => (e === '&#39;' ? "'" : '"'))
  return decoded(inner) === decoded(escapeHtml(body))
}

/**
 * A message's `formatted_body`: the Markdown rendered, then the Matrix allow-list sanitizer (so what is sent
 * is what any client may show). Null when Markdown adds nothing, so a plain message stays plain.
 */
export function markdownToFormattedBody(body: string): string | null {
  const html = marked.parse(body, { async: false })
  if (isPlain(html, body)) return null
  const clean = sanitizeMatrixHtml(html).trim()
  return clean && !isPlain(clean, body) ? clean : null
}

type Content = Record<string, unknown>

/** The fields Markdown and mentions add to a message whose text is `body`. */
function formattingOf(body: string): Content {
  const userIds = [
    ...new Set(
      splitMentions(body).flatMap((s) =>
        s.kind === 'mention' && s.target.kind === 'user' ? [s.target.userId] : [],
      ),
    ),
  ]
  const html = markdownToFormattedBody(body)
  return {
    ...(html ? { format: 'org.matrix.custom.html', formatted_body: html } : {}),
    'm.mentions': userIds.length > 0 ? { user_ids: userIds } : {},
  }
}

/**
 * A text message's content with its Markdown as HTML (when it formats anything) and whom it mentions
 * (`m.mentions`, so other clients ping only them). An edit gets them in `m.new_content`, and its
 * `* ` fallback the same HTML.
 */
export function withFormatting(content: Content): Content {
  const next = content['m.new_content']
  if (typeof next === 'object' && next !== null) {
    const inner = withFormatting(next as Content)
    const html = inner.formatted_body
    return {
      ...content,
      ...(typeof html === 'string' ? { format: 'org.matrix.custom.html', formatted_body: `* ${html}` } : {}),
      'm.new_content': inner,
    }
  }
  return { ...content, ...formattingOf(typeof content.body === 'string' ? content.body : '') }
}
