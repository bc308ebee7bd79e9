import '@/lib/csp/zod-without-eval.ts'
import type { MatrixClient } from 'matrix-js-sdk'
import { z } from 'zod'

/**
 * The part of the Matrix client presence uses. The real `MatrixClient` fits it; tests pass a stand-in.
 * Only types come from the SDK, so this feature does not pull the SDK into the dashboard's bundle.
 */
export type PresenceClient = Pick<
  MatrixClient,
  'getUserId' | 'getAccessToken' | 'setSyncPresence' | 'setPresence' | 'getPresence' | 'getUser'
> & { http: Pick<MatrixClient['http'], 'authedRequest'> }

const StatusSchema = z.object({ status_msg: z.string().nullish().catch(undefined) })

/**
 * Reads the user's own status message, to send it back with every write (a PUT without `status_msg` clears
 * it). The sync keeps the user's own presence up to date once it arrived; before that, one GET.
 */
export function createStatusMessageReader(client: PresenceClient) {
  let known: string | undefined
  let fetched = false
  const fromSync = (): { msg: string | undefined } | null => {
    const me = client.getUserId()
    const user = me ? client.getUser(me) : null
    if (!user?.events.presence) return null
    return { msg: user.presenceStatusMsg ?? undefined }
  }
  return {
    async read(): Promise<string | undefined> {
      const synced = fromSync()
      if (synced) {
        known = synced.msg
        return known
      }
      const me = client.getUserId()
      if (!fetched && me) {
        const parsed = StatusSchema.safeParse(await client.getPresence(me))
        fetched = true
        if (parsed.success) known = parsed.data.status_msg ?? undefined
      }
      return known
    },
    known(): string | undefined {
      const synced = fromSync()
      return synced ? synced.msg : known
    },
  }
}
