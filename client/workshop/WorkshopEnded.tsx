/**
 * The workshop page once there is no board to show for good: the workshop was
 * deleted (its session answers 404), or the person erased their own name. Each
 * says what happened and offers nothing that would join again: a new link is
 * the only way back.
 */
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { PageShell } from '../PageShell'

function Ended({ title, text, testId }: { title: string; text: string[]; testId: string }) {
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    // Whatever had the focus (the confirm button) is gone: the news takes it.
    heading.current?.focus()
  }, [])
  return (
    <PageShell>
      <section className="card narrow" data-testid={testId}>
        <h1 ref={heading} tabIndex={-1}>
          {title}
        </h1>
        {text.map((p) => (
          <p key={p}>{p}</p>
        ))}
      </section>
    </PageShell>
  )
}

export function WorkshopGone() {
  const { t } = useTranslation()
  return <Ended title={t('workshop.gone.title')} text={[t('workshop.gone.text')]} testId="workshop-gone" />
}

export function NameErased({ title }: { title: string }) {
  const { t } = useTranslation()
  return (
    <Ended
      title={t('selfErasure.done.title')}
      text={[t('selfErasure.done.text', { title }), t('selfErasure.done.close')]}
      testId="self-erased"
    />
  )
}
