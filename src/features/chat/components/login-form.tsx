import { useId, useState, type SyntheticEvent } from 'react'
import { Banner } from '@/ui/banner.tsx'
import { Button } from '@/ui/button.tsx'
import { useT } from '@/lib/i18n/use-t.ts'
import { loginWithPassword, loginWithToken, MatrixLoginError } from '@/lib/matrix/matrix-login.ts'
import { useMatrixSessionStore } from '@/lib/matrix/matrix-session-store.ts'
import { chatMessages } from '../chat-messages.ts'

const input =
  'w-full rounded-md border border-border bg-surface px-3 py-1.5 text-sm text-fg focus-visible:outline-2 focus-visible:outline-accent'

/** Sign-in to the configured homeserver with user + password or an access token; "remember me" opt-in. */
export function LoginForm({ homeserverUrl, demo = false }: { homeserverUrl: string; demo?: boolean }) {
  const t = useT(chatMessages)
  const id = useId()
  const reason = useMatrixSessionStore((s) => s.signedOutReason)
  const sessionStarted = useMatrixSessionStore((s) => s.sessionStarted)
  const [method, setMethod] = useState<'password' | 'token'>('password')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  async function onSubmit(e: SyntheticEvent<HTMLFormElement>) {
    e.preventDefault()
    const data = new FormData(e.currentTarget)
    const field = (name: string) => {
      const v = data.get(name)
      return typeof v === 'string' ? v : ''
    }
    setBusy(true)
    setError(null)
    try {
      const session =
        method === 'password'
          ? await loginWithPassword(homeserverUrl, field('user'), field('password'))
          : await loginWithToken(homeserverUrl, field('token'))
      sessionStarted(session, data.get('remember') === 'on')
    } catch (err) {
      if (err instanceof MatrixLoginError && err.errcode === 'M_FORBIDDEN') setError(t('badCredentials'))
      else setError(t('loginFailed', { message: err instanceof Error ? err.message : String(err) }))
      setBusy(false)
    }
  }

  return (
    <form
      onSubmit={(e) => void onSubmit(e)}
      className="mx-auto flex w-full max-w-sm flex-col gap-3 p-4"
      aria-labelledby={`${id}-title`}
    >
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        {t('loginTitle')}
      </h2>
      {reason && (
        <Banner tone="warn">
          {reason === 'soft-logout'
            ? t('softLogout')
            : reason === 'other-homeserver'
              ? t('otherHomeserver')
              : t('unknownToken')}
        </Banner>
      )}
      <p className="text-sm text-muted">
        {t('homeserver')}: <span className="font-mono text-fg">{demo ? t('demoServer') : homeserverUrl}</span>
      </p>
      {demo && <p className="text-sm text-muted">{t('demoHint')}</p>}
      <fieldset className="flex gap-4 text-sm">
        <legend className="sr-only">{t('method')}</legend>
        {(['password', 'token'] as const).map((m) => (
          <label key={m} className="flex items-center gap-1.5">
            <input type="radio" name="method" checked={method === m} onChange={() => setMethod(m)} />
            {m === 'password' ? t('usePassword') : t('useToken')}
          </label>
        ))}
      </fieldset>
      {method === 'password' ? (
        <>
          <label className="flex flex-col gap-1 text-sm">
            {t('user')}
            <input name="user" autoComplete="username" required className={input} />
          </label>
          <label className="flex flex-col gap-1 text-sm">
            {t('password')}
            <input
              name="password"
              type="password"
              autoComplete="current-password"
              required
              className={input}
            />
          </label>
        </>
      ) : (
        <label className="flex flex-col gap-1 text-sm">
          {t('token')}
          <input name="token" type="password" autoComplete="off" required className={input} />
        </label>
      )}
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="remember" />
        {t('remember')}
      </label>
      {error && <Banner tone="bad">{error}</Banner>}
      <Button type="submit" variant="primary" disabled={busy} className="justify-center">
        {busy ? t('signingIn') : t('signIn')}
      </Button>
    </form>
  )
}
