import { useNotificationOptIn } from './notification-opt-in.ts'

export interface OnceNotification {
  /** What makes two notifications the same one, e.g. the incident's id: shown once across every tab. */
  key: string
  title: string
  body: string
  onClick?: () => void
}

const SHOWN_KEY = 'node-console.notified'
const LOCK_NAME = 'node-console.notify'
const KEEP_MS = 7 * 24 * 60 * 60 * 1000
const KEEP_MAX = 200

interface Shown {
  key: string
  at: number
}

function readShown(now: number): Shown[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(SHOWN_KEY) ?? '[]')
    if (!Array.isArray(parsed)) return []
    return parsed.filter(
      (e): e is Shown =>
        typeof e === 'object' &&
        e !== null &&
        typeof (e as Shown).key === 'string' &&
        typeof (e as Shown).at === 'number' &&
        now - (e as Shown).at < KEEP_MS,
    )
  } catch {
    return []
  }
}

function writeShown(shown: Shown[]) {
  try {
    localStorage.setItem(SHOWN_KEY, JSON.stringify(shown.slice(-KEEP_MAX)))
  } catch {
    // Not remembered: the notification's tag still lets the system replace a duplicate.
  }
}

/** Runs `task` while no other tab of this origin runs one: the check-and-record below is atomic across tabs. */
function exclusively<T>(task: () => T): Promise<T> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks
  if (!locks) return Promise.resolve().then(task)
  return locks.request(LOCK_NAME, task)
}

/**
 * Shows a browser notification unless the user has not opted in, the browser refuses, or any tab of the console
 * has already shown one with this key. Resolves to whether this call showed it.
 */
export async function notifyOnce(notification: OnceNotification): Promise<boolean> {
  if (typeof Notification === 'undefined') return false
  if (!useNotificationOptIn.getState().enabled || Notification.permission !== 'granted') return false
  return exclusively(() => {
    const now = Date.now()
    const shown = readShown(now)
    if (shown.some((e) => e.key === notification.key)) return false
    writeShown([...shown, { key: notification.key, at: now }])
    const shownNotification = new Notification(notification.title, {
      body: notification.body,
      tag: notification.key,
    })
    shownNotification.onclick = () => {
      window.focus()
      notification.onClick?.()
      shownNotification.close()
    }
    return true
  })
}
