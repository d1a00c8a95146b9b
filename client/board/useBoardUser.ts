/**
 * Who we are on the board, for tldraw: id = participant id, the name given when
 * joining, a colour derived from the id, and tldraw's UI locale following the
 * app's language (tldraw loads its own translation file from our assetUrls).
 *
 * tldraw's preferences (dark mode, snapping…) stay in this page's memory; we do
 * not use tldraw's default localStorage user, which is shared by every tab and
 * would carry one workshop's name into another.
 */
import { useCallback, useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type TLPresenceUserInfo, type TLUser, type TLUserPreferences, useTldrawUser } from 'tldraw'
import type { SessionResponse } from '../../shared/api'
import { changeLanguage } from '../i18n/i18n'
import { isLanguage } from '../i18n/language'
import { userColor } from './userColor'

export function useBoardUser(session: SessionResponse): { presenceUser: TLPresenceUserInfo; tldrawUser: TLUser } {
  const { i18n } = useTranslation()
  const presenceUser = useMemo<TLPresenceUserInfo>(
    () => ({ id: session.participantId, name: session.name, color: userColor(session.participantId) }),
    [session.participantId, session.name],
  )
  const [prefs, setPrefs] = useState<TLUserPreferences>(() => ({
    id: presenceUser.id,
    name: presenceUser.name,
    color: presenceUser.color,
    locale: i18n.language,
  }))

  // Our language switch drives tldraw's menus.
  useEffect(() => {
    setPrefs((p) => (p.locale === i18n.language ? p : { ...p, locale: i18n.language }))
  }, [i18n.language])

  const setUserPreferences = useCallback(
    (next: TLUserPreferences) => {
      // The name and colour are the ones the workshop knows us by: not editable here.
      setPrefs({ ...next, id: presenceUser.id, name: presenceUser.name, color: presenceUser.color })
      // tldraw's own language menu also switches the app when it picks one we have.
      if (next.locale && next.locale !== i18n.language && isLanguage(next.locale)) changeLanguage(next.locale)
    },
    [presenceUser, i18n],
  )

  const tldrawUser = useTldrawUser({ userPreferences: prefs, setUserPreferences })
  return { presenceUser, tldrawUser }
}
