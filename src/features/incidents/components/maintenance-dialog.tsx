import { useEffect, useId, useRef, useState, type SyntheticEvent } from 'react'
import { useT } from '@/lib/i18n/use-t.ts'
import { Button } from '@/ui/button.tsx'
import { ErrorDetails } from '@/ui/error-details.tsx'
import { incidentsMessages } from '../incidents-messages.ts'

const PRESETS_MIN = [30, 60, 240, 1440] as const
const MAX_MIN = 7 * 24 * 60

/**
 * The "Maintenance…" dialog: a duration (presets or a number of minutes) and a reason. Modal: focus starts
 * in it, Escape and Cancel close it, and it stays open with the room's refusal when the save fails.
 */
export function MaintenanceDialog({
  nodeId,
  now,
  onSave,
  onClose,
}: {
  nodeId: string
  now: () => number
  onSave: (until: number, reason: string) => Promise<void>
  onClose: () => void
}) {
  const t = useT(incidentsMessages)
  const titleId = useId()
  const first = useRef<HTMLInputElement>(null)
  const [preset, setPreset] = useState<number | 'custom'>(60)
  const [custom, setCustom] = useState('90')
  const [reason, setReason] = useState('')
  const [state, setState] = useState<{ kind: 'idle' | 'saving' } | { kind: 'failed'; detail: string }>({
    kind: 'idle',
  })
  useEffect(() => first.current?.focus(), [])
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose()
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [onClose])
  const minutes = preset === 'custom' ? Number(custom) : preset
  const valid = Number.isInteger(minutes) && minutes >= 1 && minutes <= MAX_MIN
  const label = (m: number) =>
    m < 60 ? t('presetMinutes', { count: m }) : t('presetHours', { count: m / 60 })

  const submit = (e: SyntheticEvent) => {
    e.preventDefault()
    if (!valid) return
    setState({ kind: 'saving' })
    onSave(now() + minutes * 60_000, reason.trim()).then(onClose, (err: unknown) =>
      setState({ kind: 'failed', detail: err instanceof Error ? err.message : String(err) }),
    )
  }

  return (
    <div className="fixed inset-0 z-50 flex items-center justify-center bg-black/40 p-4">
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        className="w-full max-w-md rounded-md border border-border bg-raised p-4 shadow-lg"
      >
        <form onSubmit={submit} className="flex flex-col gap-3">
          <h2 id={titleId} className="text-lg font-semibold">
            {t('maintenanceTitle', { node: nodeId })}
          </h2>
          <p className="text-sm text-muted">{t('maintenanceHint')}</p>
          <fieldset className="flex flex-col gap-1">
            <legend className="text-sm font-medium">{t('duration')}</legend>
            {PRESETS_MIN.map((m, i) => (
              <label key={m} className="flex items-center gap-2 text-sm">
                <input
                  ref={i === 0 ? first : undefined}
                  type="radio"
                  name="duration"
                  checked={preset === m}
                  onChange={() => setPreset(m)}
                />
                {label(m)}
              </label>
            ))}
            <label className="flex items-center gap-2 text-sm">
              <input
                type="radio"
                name="duration"
                checked={preset === 'custom'}
                onChange={() => setPreset('custom')}
              />
              {t('custom')}
              <input
                type="number"
                min={1}
                max={MAX_MIN}
                aria-label={t('custom')}
                value={custom}
                onFocus={() => setPreset('custom')}
                onChange={(e) => setCustom(e.target.value)}
                className="w-24 rounded border border-border bg-surface px-2 py-1"
              />
            </label>
            {!valid && <p className="text-sm text-bad">{t('customInvalid')}</p>}
          </fieldset>
          <label className="flex flex-col gap-1 text-sm font-medium">
            {t('reason')}
            <input
              type="text"
              maxLength={500}
              value={reason}
              placeholder={t('reasonPlaceholder')}
              onChange={(e) => setReason(e.target.value)}
              className="rounded border border-border bg-surface px-2 py-1 font-normal"
            />
          </label>
          {state.kind === 'failed' && (
            <div role="alert" className="text-sm text-bad">
              <ErrorDetails detail={state.detail} summary={t('technicalDetails')}>
                {t('maintenanceFailed')}
              </ErrorDetails>
            </div>
          )}
          <div className="flex justify-end gap-2">
            <Button onClick={onClose}>{t('cancel')}</Button>
            <Button type="submit" variant="primary" disabled={!valid || state.kind === 'saving'}>
              {state.kind === 'saving' ? t('sending') : t('save')}
            </Button>
          </div>
        </form>
      </div>
    </div>
  )
}
