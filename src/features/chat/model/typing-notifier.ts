/** While typing, the "I'm typing" notice is refreshed at most this often. */
export const TYPING_INTERVAL_MS = 4000
/** The server drops our typing state after this long without a refresh. */
export const TYPING_TIMEOUT_MS = 6000

/**
 * Decides when to send typing notices: one "typing" per 4 s at most while the composer changes, one
 * "stopped" on send, blur or an emptied composer, nothing while activity is not allowed (an idle or hidden
 * user must not look online).
 */
export class TypingNotifier {
  private typing = false
  private lastSentAt = Number.NEGATIVE_INFINITY

  constructor(
    private readonly send: (typing: boolean) => void,
    private readonly now: () => number = Date.now,
  ) {}

  /** The composer's text changed. */
  input(text: string, activityAllowed = true): void {
    if (text.trim() === '') {
      this.stop()
      return
    }
    if (!activityAllowed) return
    const t = this.now()
    if (!this.typing || t - this.lastSentAt >= TYPING_INTERVAL_MS) {
      this.typing = true
      this.lastSentAt = t
      this.send(true)
    }
  }

  /** Sent, blurred, emptied or unmounted. */
  stop(): void {
    if (!this.typing) return
    this.typing = false
    this.lastSentAt = Number.NEGATIVE_INFINITY
    this.send(false)
  }
}
