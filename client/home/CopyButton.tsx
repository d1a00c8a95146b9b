/** Copies a text to the clipboard and says so for a moment. */
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'

async function copyText(text: string): Promise<void> {
  if (navigator.clipboard?.writeText) return navigator.clipboard.writeText(text)
  // Clipboard API is unavailable on plain http (not a secure context) except on
  // localhost: fall back to a hidden textarea and execCommand.
  const area = document.createElement('textarea')
  area.value = text
  area.setAttribute('readonly', '')
  area.style.position = 'fixed'
  area.style.opacity = '0'
  document.body.appendChild(area)
  area.select()
  try {
    document.execCommand('copy')
  } finally {
    area.remove()
  }
}

export function CopyButton({ text, label, testId }: { text: string; label: string; testId?: string }) {
  const { t } = useTranslation()
  const [copied, setCopied] = useState(false)
  useEffect(() => {
    if (!copied) return
    const timer = setTimeout(() => setCopied(false), 2000)
    return () => clearTimeout(timer)
  }, [copied])
  return (
    <button
      type="button"
      className="button secondary"
      aria-label={label}
      data-testid={testId}
      onClick={() => {
        copyText(text).then(
          () => setCopied(true),
          () => setCopied(false),
        )
      }}
    >
      <span aria-live="polite">{copied ? t('home.copied') : t('home.copy')}</span>
    </button>
  )
}
