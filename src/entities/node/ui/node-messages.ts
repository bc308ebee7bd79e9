import { defineMessages } from '@/lib/i18n/use-t.ts'

/** The words every view uses for a node's derived liveness, and for its observed beats. */
export const nodeMessages = defineMessages({
  uk: {
    online: 'онлайн',
    stale: 'застарів',
    offline: 'офлайн',
    unknown: 'без сигналу',
    unreachable: 'невідомо',
    invalid: 'нечитабельний',
    beatsCount:
      '{count, plural, one {# серцебиття} few {# серцебиття} many {# серцебить} other {# серцебиття}} з моменту відкриття',
  },
  en: {
    online: 'online',
    stale: 'stale',
    offline: 'offline',
    unknown: 'never seen',
    unreachable: 'unknown',
    invalid: 'unreadable',
    beatsCount: '{count, plural, one {# heartbeat} other {# heartbeats}} since the page opened',
  },
})
