import { defineMessages } from '@/lib/i18n/use-t.ts'

export const presenceMessages = defineMessages({
  uk: {
    yourPresence: 'Ваш статус',
    online: 'у мережі',
    away: 'відійшов',
    offline: 'не в мережі',
    connecting: 'підключення…',
    appearAway: 'Показувати «відійшов»',
    appearAwayHint: 'Інші бачитимуть вас відсутнім, доки ви це не вимкнете',
    notWritten: 'Сервер відхилив сеанс: статус не оновлюється',
    unknown: 'невідомо',
    unreachableHint: 'Немає зв’язку з сервером: що бачать інші, невідомо, доки він не повернеться',
    noEffect: 'Цей сервер не повідомляє присутність: перемикач ні на що не впливає',
  },
  en: {
    yourPresence: 'Your status',
    online: 'online',
    away: 'away',
    offline: 'offline',
    connecting: 'connecting…',
    appearAway: 'Appear away',
    appearAwayHint: 'Others see you as away until you turn this off',
    notWritten: 'The server refused the session: your status is not updated',
    unknown: 'unknown',
    unreachableHint: 'The server cannot be reached: what others see of you is unknown until it is back',
    noEffect: 'This homeserver does not share presence: this has no effect',
  },
})
