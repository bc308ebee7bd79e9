import { create } from 'zustand'

export type NotificationPermissionState = NotificationPermission | 'unsupported'

const STORAGE_KEY = 'node-console.notifications'

const supported = () => typeof Notification !== 'undefined'
const currentPermission = (): NotificationPermissionState =>
  supported() ? Notification.permission : 'unsupported'

function readEnabled(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'on'
  } catch {
    return false
  }
}

function writeEnabled(enabled: boolean) {
  try {
    if (enabled) localStorage.setItem(STORAGE_KEY, 'on')
    else localStorage.removeItem(STORAGE_KEY)
  } catch {
    // Not remembered: applies to this page only.
  }
}

interface NotificationOptInState {
  /** The user asked for browser notifications (remembered in this browser, shared by its tabs). */
  enabled: boolean
  permission: NotificationPermissionState
  /** Asks the browser's permission if needed; stays off when it is refused. */
  enable: () => Promise<void>
  disable: () => void
}

export const useNotificationOptIn = create<NotificationOptInState>()((set) => ({
  enabled: readEnabled() && currentPermission() === 'granted',
  permission: currentPermission(),
  enable: async () => {
    if (!supported()) {
      set({ enabled: false, permission: 'unsupported' })
      return
    }
    const permission =
      Notification.permission === 'default' ? await Notification.requestPermission() : Notification.permission
    const enabled = permission === 'granted'
    writeEnabled(enabled)
    set({ enabled, permission })
  },
  disable: () => {
    writeEnabled(false)
    set({ enabled: false })
  },
}))

if (typeof window !== 'undefined') {
  // Another tab switched notifications on or off.
  window.addEventListener('storage', (event) => {
    if (event.key !== STORAGE_KEY && event.key !== null) return
    useNotificationOptIn.setState({
      enabled: readEnabled() && currentPermission() === 'granted',
      permission: currentPermission(),
    })
  })
}
