import { defineMessages } from '@/lib/i18n/use-t.ts'

/** The words every view uses for a node's derived liveness, and for its observed beats. */
export const nodeMessages = defineMessages({
  uk: {
    online: 'онлайн',
    stale: 'застарів',
    offline: 'офлайн',
    unknown: 'без сигналу',
    invalid: 'нечитабельний',
    beatsCount: '{count} серцебиття з моменту відкриття',
  },
  en: {
    online: 'online',
    stale: 'stale',
    offline: 'offline',
    unknown: 'never seen',
    invalid: 'unreadable',
    beatsCount: '{count} heartbeats since the page opened',
  },
})
