/** An item's name for people: its own text, or a fallback that says what it is. */
import { useTranslation } from 'react-i18next'
import type { ItemTitle } from './itemTitle'

export function useItemName(): (title: ItemTitle) => string {
  const { t } = useTranslation()
  return (title) => title.text || t(`voting.untitled.${title.kind}`)
}
