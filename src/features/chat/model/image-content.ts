import '@/lib/csp/zod-without-eval.ts'
import { z } from 'zod'

/** The largest box a thumbnail takes in the timeline (CSS pixels). */
export const THUMB_MAX = { w: 320, h: 240 } as const

const Dim = z.number().int().positive().max(100_000)

/** An `m.image` content as the spec writes it; only `mxc://` sources (anything else is not shown). */
const ImageContentSchema = z.object({
  body: z.string().catch(''),
  url: z.string().regex(/^mxc:\/\/[^/]+\/[^/]+$/),
  info: z
    .object({ w: Dim.optional().catch(undefined), h: Dim.optional().catch(undefined) })
    .optional()
    .catch(undefined),
})

export interface ImageContent {
  name: string
  mxc: string
  /** The box reserved before the picture arrives, from `info.w`/`info.h` (a square when they are missing). */
  box: { w: number; h: number }
}

/** The box an image of w×h takes: scaled down to fit {@link THUMB_MAX}, never up. */
export function thumbnailBox(w: number | undefined, h: number | undefined) {
  if (!w || !h) return { w: 160, h: 160 }
  const scale = Math.min(1, THUMB_MAX.w / w, THUMB_MAX.h / h)
  return { w: Math.max(1, Math.round(w * scale)), h: Math.max(1, Math.round(h * scale)) }
}

/** An `m.image` event's content, or null when it has no usable source (it degrades to its text). */
export function readImageContent(content: unknown): ImageContent | null {
  const parsed = ImageContentSchema.safeParse(content)
  if (!parsed.success) return null
  const { body, url, info } = parsed.data
  return { name: body, mxc: url, box: thumbnailBox(info?.w, info?.h) }
}
