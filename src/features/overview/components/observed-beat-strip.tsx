import { useObservedBeats } from '@/entities/node/model/observed-history-store.ts'
import { useT } from '@/lib/i18n/use-t.ts'
import { BeatStrip } from './beat-strip.tsx'
import { overviewMessages } from '../overview-messages.ts'

/** The beat strip of one visible row, from the beats this page has observed (never a request per node). */
export function ObservedBeatStrip({ nodeId, gapMs }: { nodeId: string; gapMs: number }) {
  const t = useT(overviewMessages)
  const beats = useObservedBeats(nodeId)
  return <BeatStrip beats={beats} gapMs={gapMs} label={t('beatsCount', { count: beats.length })} />
}
