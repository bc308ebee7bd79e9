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
    keptInBrowser:
      'Побачене зберігається в цьому браузері з {since}, не довше {days, plural, one {# дня} few {# днів} many {# днів} other {# дня}}; інший браузер чи пристрій його не має.',
  },
  en: {
    online: 'online',
    stale: 'stale',
    offline: 'offline',
    unknown: 'never seen',
    unreachable: 'unknown',
    invalid: 'unreadable',
    beatsCount: '{count, plural, one {# heartbeat} other {# heartbeats}} since the page opened',
    keptInBrowser:
      'What the page saw is kept in this browser since {since}, for up to {days, plural, one {# day} other {# days}}; another browser or device does not have it.',
  },
})
