/**
 * The presence state machine of one tab: pure, no timers, no DOM. Every input carries its own timestamp and
 * the output says what this tab wants the user's presence to be, and when it must be looked at again.
 *
 * Idleness is never trusted to a timer's punctuality (hidden tabs' timers are throttled to once a minute):
 * whenever anything happens, the time since the last input is compared with the idle timeout afresh.
 */

/** The three presence states of the Matrix spec. */
export type PresenceState = 'online' | 'unavailable' | 'offline'

export type PresenceInput =
  | { type: 'activity'; at: number }
  | { type: 'visible'; at: number }
  | { type: 'hidden'; at: number }
  | { type: 'pagehide'; at: number }
  | { type: 'pageshow'; at: number; persisted: boolean }
  | { type: 'tick'; at: number }
  | { type: 'userChoseAway'; at: number }
  | { type: 'userChoseAuto'; at: number }
  /** The user chose (away or automatic) in another tab: applies the choice, but is no input here. */
  | { type: 'remoteChoice'; at: number; away: boolean }

export interface PresenceMachineState {
  /** Time of the last user input (activity, becoming visible, a restored page, a choice). */
  readonly lastInputAt: number
  readonly visible: boolean
  /** When the page was last hidden (null while visible): a short absence is not shown to others. */
  readonly hiddenAt: number | null
  /** The page is going away (pagehide) and has not come back (pageshow). */
  readonly gone: boolean
  /** The user chose to appear away: unavailable whatever they do, until they choose automatic again. */
  readonly away: boolean
  /** No input for the idle timeout, as of the last input processed. */
  readonly idle: boolean
  readonly state: PresenceState
  /** When to re-check (the moment the tab turns idle), or null when no time can change the state. */
  readonly deadline: number | null
}

export interface PresenceMachineConfig {
  /** Milliseconds without input before the tab counts as idle. */
  readonly idleMs: number
  /**
   * A hidden page keeps its state this long before it counts as offline, so a quick switch to another tab
   * writes nothing (and, with Synapse's one PUT per 10 s, cannot delay the "online" that follows it).
   */
  readonly hideGraceMs?: number
}

function derive(
  base: Omit<PresenceMachineState, 'idle' | 'state' | 'deadline'>,
  at: number,
  config: PresenceMachineConfig,
): PresenceMachineState {
  const idle = at - base.lastInputAt >= config.idleMs
  const hideGraceMs = config.hideGraceMs ?? 0
  const hiddenUntil = base.visible || base.hiddenAt === null ? null : base.hiddenAt + hideGraceMs
  const inGrace = hiddenUntil !== null && at < hiddenUntil
  let state: PresenceState
  if (base.gone || (!base.visible && !inGrace)) state = 'offline'
  else if (base.away || idle) state = 'unavailable'
  else state = 'online'
  // An online, automatic tab changes by itself (it goes idle), and a hidden one within its grace goes offline.
  let deadline = state === 'online' && !base.away ? base.lastInputAt + config.idleMs : null
  if (inGrace && !base.gone) deadline = deadline === null ? hiddenUntil : Math.min(deadline, hiddenUntil)
  return { ...base, idle, state, deadline }
}

/** The state of a tab that has just loaded at `at`; a visible page counts as fresh input. */
export function initialPresence(
  at: number,
  visible: boolean,
  config: PresenceMachineConfig,
  away = false,
): PresenceMachineState {
  // A page loaded in a background tab has never been seen: it gets no grace.
  return derive({ lastInputAt: at, visible, hiddenAt: null, gone: false, away }, at, config)
}

/** Applies one input. Inputs older than the last one processed are clamped to it (clocks only go forward). */
export function presenceReducer(
  s: PresenceMachineState,
  input: PresenceInput,
  config: PresenceMachineConfig,
): PresenceMachineState {
  const at = Math.max(input.at, s.lastInputAt)
  const base = {
    lastInputAt: s.lastInputAt,
    visible: s.visible,
    hiddenAt: s.hiddenAt,
    gone: s.gone,
    away: s.away,
  }
  switch (input.type) {
    case 'activity':
      // Input while hidden (a stray focus event) still counts for idleness, not for visibility.
      return derive({ ...base, lastInputAt: at }, at, config)
    case 'visible':
      return derive({ ...base, visible: true, hiddenAt: null, gone: false, lastInputAt: at }, at, config)
    case 'hidden':
      // A repeated hidden event does not restart the grace.
      return derive({ ...base, visible: false, hiddenAt: s.visible ? at : s.hiddenAt }, at, config)
    case 'pagehide':
      return derive({ ...base, gone: true }, at, config)
    case 'pageshow':
      // A page restored from the back/forward cache is the user coming back; a first load is not an input.
      return input.persisted
        ? derive({ ...base, gone: false, visible: true, hiddenAt: null, lastInputAt: at }, at, config)
        : derive({ ...base, gone: false }, at, config)
    case 'tick':
      return derive(base, at, config)
    case 'userChoseAway':
      return derive({ ...base, away: true, lastInputAt: at }, at, config)
    case 'userChoseAuto':
      return derive({ ...base, away: false, lastInputAt: at }, at, config)
    case 'remoteChoice':
      return derive({ ...base, away: input.away }, at, config)
  }
}

/**
 * Whether this tab may send what flips the user's device back online (typing notices, read receipts):
 * only while the tab itself is online. Sending them while idle, hidden or "appear away" would undo the
 * presence the user has on the server.
 */
export function activityAllowed(s: PresenceMachineState): boolean {
  return s.state === 'online'
}
