import type { RowLiveness } from '../model/fleet.ts'

// Liveness colours: each is paired with a text label (and a glyph) wherever it is shown, never colour alone.
export const livenessText: Record<RowLiveness, string> = {
  online: 'text-ok',
  stale: 'text-warn',
  offline: 'text-bad',
  unknown: 'text-unknown',
  unreachable: 'text-unknown',
  invalid: 'text-bad',
}
export const livenessBg: Record<RowLiveness, string> = {
  online: 'bg-ok',
  stale: 'bg-warn',
  offline: 'bg-bad',
  unknown: 'bg-unknown',
  unreachable: 'bg-unknown',
  invalid: 'bg-bad',
}
export const livenessBorder: Record<RowLiveness, string> = {
  online: 'border-ok',
  stale: 'border-warn',
  offline: 'border-bad',
  unknown: 'border-unknown',
  unreachable: 'border-unknown border-dashed',
  invalid: 'border-bad',
}
// A different glyph per state, so the state reads without colour too.
export const livenessGlyph: Record<RowLiveness, string> = {
  online: '●',
  stale: '◐',
  offline: '○',
  unknown: '◌',
  unreachable: '?',
  invalid: '⚠',
}
