// The bench's users on the local Synapse (scripts/synapse.sh): registered with its shared secret, as the
// admin API's nonce-and-HMAC handshake asks.
import { createHmac } from 'node:crypto'

/** Registers a user; the answer carries an access token (no login needed). */
export async function registerUser(base, secret, username, password) {
  const { nonce } = await (await fetch(`${base}/_synapse/admin/v1/register`)).json()
  const mac = createHmac('sha1', secret)
    .update([nonce, username, password, 'notadmin'].join('\u0000'))
    .digest('hex')
  const res = await fetch(`${base}/_synapse/admin/v1/register`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ nonce, username, password, admin: false, mac }),
  })
  if (!res.ok) throw new Error(`register ${username}: ${res.status} ${await res.text()}`)
  return res.json()
}
