/**
 * The stream's `id:`, an opaque resume cursor: `<boot>.<seq>.<watermark ms>`. Within one server run the
 * sequence number resumes exactly; a cursor from another run (a restart, another instance) resumes by time:
 * the events whose row time is after the watermark the client had reached, less the hub's overlap.
 */
export interface Cursor {
  boot: string
  seq: number
  watermark: number
}

export function formatCursor(c: Cursor): string {
  return `${c.boot}.${c.seq}.${c.watermark}`
}

export function parseCursor(text: string | undefined): Cursor | null {
  if (!text) return null
  const m = /^([a-z0-9]{1,16})\.(\d{1,15})\.(\d{1,15})$/.exec(text.trim())
  if (!m) return null
  return { boot: m[1] ?? '', seq: Number(m[2]), watermark: Number(m[3]) }
}
