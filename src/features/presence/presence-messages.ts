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
  },
})
