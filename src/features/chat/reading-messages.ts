import { defineMessages } from '@/lib/i18n/use-t.ts'

/** Strings of mentions, the unread line, images and the panel's degraded states. */
export const readingMessages = defineMessages({
  uk: {
    userPill: 'Користувач {name}',
    roomPill: 'Кімната {name}',
    mentionsYou: 'Згадує вас',
    unreadLine: 'Нові повідомлення',
    jumpToUnread: 'До першого непрочитаного',
    markRead: 'Позначити прочитаним',
    image: 'Зображення {name}',
    imageFailed: 'Не вдалося завантажити зображення {name}',
    composerShort: 'Повідомлення…',
    composerFull: 'Повідомлення (Enter — надіслати, Shift+Enter — новий рядок)',
    notifyMentions: 'Сповіщати про згадки',
    notifyHint: 'Сповіщення браузера, коли вас згадують, а вкладка у фоні',
    notifyBlocked: 'Браузер заблокував сповіщення для цього сайту: дозвольте їх у налаштуваннях сайту.',
    notifyBlockedShort: 'Сповіщення заблоковані',
  },
  en: {
    userPill: 'User {name}',
    roomPill: 'Room {name}',
    mentionsYou: 'Mentions you',
    unreadLine: 'New messages',
    jumpToUnread: 'Jump to first unread',
    markRead: 'Mark as read',
    image: 'Image {name}',
    imageFailed: 'Could not load the image {name}',
    composerShort: 'Message…',
    composerFull: 'Message (Enter sends, Shift+Enter for a new line)',
    notifyMentions: 'Notify me of mentions',
    notifyHint: 'A browser notification when someone mentions you while this tab is in the background',
    notifyBlocked: 'The browser blocks notifications for this site: allow them in the site settings.',
    notifyBlockedShort: 'Notifications blocked',
  },
})
