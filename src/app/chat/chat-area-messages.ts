import { defineMessages } from '@/lib/i18n/use-t.ts'

export const chatAreaMessages = defineMessages({
  uk: {
    noRoom: 'Кімнату чату не налаштовано (config.json → chatRoom).',
    chatTitle: 'Чат команди',
  },
  en: {
    noRoom: 'No chat room is configured (config.json → chatRoom).',
    chatTitle: 'Team chat',
  },
})
