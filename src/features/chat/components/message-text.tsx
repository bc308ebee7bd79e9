import { createElement, Fragment, type ReactNode } from 'react'
import type { Room } from 'matrix-js-sdk'
import { parsePermalink, splitMentions } from '../model/mentions.ts'
import { MentionPill } from './mention-pill.tsx'

/** What turning a message into elements needs: the room (names), me, and the names the event mentions. */
export interface MentionContext {
  room: Room
  me: string | null
  /** Display name → user id of the users the event mentions (`m.mentions`), found in plain text too. */
  names: ReadonlyMap<string, string>
}

/** Plain text with its user ids, room aliases and mentioned names as pills. */
export function MentionText({ text, ctx }: { text: string; ctx: MentionContext }) {
  return <>{textWithPills(text, ctx)}</>
}

function textWithPills(text: string, ctx: MentionContext): ReactNode[] {
  return splitMentions(text, ctx.names).map((s, i) =>
    s.kind === 'text' ? (
      <Fragment key={i}>{s.text}</Fragment>
    ) : (
      <MentionPill key={i} room={ctx.room} target={s.target} me={ctx.me} />
    ),
  )
}

/** Attributes the sanitizer lets through, under their React names. */
function propsOf(el: Element): Record<string, string | number> {
  const props: Record<string, string | number> = {}
  for (const { name, value } of el.attributes) {
    if (name === 'class') props.className = value
    else if (name === 'start') props.start = Number(value) || 1
    else props[name] = value
  }
  return props
}

/** Elements whose text is literal: no pills inside code or an existing link. */
const LITERAL = new Set(['a', 'code', 'pre'])

/**
 * A sanitized `formatted_body` (a detached fragment from the allow-list sanitizer) as React elements, so no
 * HTML string is ever set on the page: matrix.to links to users and rooms become pills, and so do ids and
 * mentioned names in its text.
 */
export function renderMatrixNodes(
  nodes: NodeListOf<ChildNode>,
  ctx: MentionContext,
  literal = false,
): ReactNode[] {
  const out: ReactNode[] = []
  nodes.forEach((node, i) => {
    if (node.nodeType === Node.TEXT_NODE) {
      const text = node.textContent ?? ''
      out.push(literal ? text : <Fragment key={i}>{textWithPills(text, ctx)}</Fragment>)
      return
    }
    if (!(node instanceof Element)) return
    const tag = node.nodeName.toLowerCase()
    if (tag === 'a') {
      const target = parsePermalink(node.getAttribute('href') ?? '')
      if (target) {
        out.push(<MentionPill key={i} room={ctx.room} target={target} me={ctx.me} />)
        return
      }
    }
    const children = renderMatrixNodes(node.childNodes, ctx, literal || LITERAL.has(tag))
    const voidTag = tag === 'br' || tag === 'hr'
    out.push(createElement(tag, { key: i, ...propsOf(node) }, ...(voidTag ? [] : children)))
  })
  return out
}
