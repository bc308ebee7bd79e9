import type { Liveness } from '@/entities/node/model/liveness.ts'

/** Liveness colours: each is paired with a text label wherever it is shown (never colour alone). */
export const livenessText: Record<Liveness, string> = {
  online: 'text-ok',
  stale: 'text-warn',
  offline: 'text-bad',
  unknown: 'text-unknown',
  unreachable: 'text-unknown',
}
export const livenessBg: Record<Liveness, string> = {
  online: 'bg-ok',
  stale: 'bg-warn',
  offline: 'bg-bad',
  unknown: 'bg-unknown',
  unreachable: 'bg-unknown',
}
export const livenessBorder: Record<Liveness, string> = {
  online: 'border-ok',
  stale: 'border-warn',
  offline: 'border-bad',
  unknown: 'border-unknown',
  unreachable: 'border-unknown border-dashed',
}
