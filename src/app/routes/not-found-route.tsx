import { Link } from 'react-router'
import { useT } from '@/lib/i18n/use-t.ts'
import { appMessages } from '../layout/app-messages.ts'

export function NotFoundRoute() {
  const t = useT(appMessages)
  return (
    <div className="mx-auto max-w-lg p-8 text-center">
      <h1 className="text-xl font-semibold">{t('notFound')}</h1>
      <p className="mt-2 text-muted">{t('notFoundHint')}</p>
      <Link to="/" className="mt-4 inline-block text-accent underline">
        {t('backHome')}
      </Link>
    </div>
  )
}
