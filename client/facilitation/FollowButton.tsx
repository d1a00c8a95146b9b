/**
 * « Suivre l'animateur·rice » : this screen follows a facilitator's viewport
 * (tldraw's own following, through the presence records). Whom: the one who
 * last summoned everyone if they are here, else the first facilitator present.
 * Presence ids are participant ids the server vouches for, and the participant
 * list says who is a facilitator.
 */
import { useTranslation } from 'react-i18next'
import { type Editor, useValue } from 'tldraw'
import type { WorkshopParticipant } from '../../shared/api'

export interface FollowButtonProps {
  editor: Editor | null
  participants: WorkshopParticipant[] | null
  /** The facilitator to prefer (the last one who summoned). */
  preferred: string | null
}

export function FollowButton({ editor, participants, preferred }: FollowButtonProps) {
  const { t } = useTranslation()
  const facilitators = (participants ?? []).filter((p) => p.role === 'facilitator').map((p) => p.participantId)
  const facilitatorKey = facilitators.join(' ')
  // A string, so that cursor moves (new presence records) do not re-render the bar.
  const present = useValue('facilitators present', () => {
    if (!editor) return ''
    const ids = new Set(facilitatorKey.split(' '))
    return editor
      .getCollaborators()
      .map((c) => c.userId)
      .filter((id) => ids.has(id))
      .join(' ')
  }, [editor, facilitatorKey])
  const following = useValue('following', () => editor?.getInstanceState().followingUserId ?? null, [editor])
  const leaders = present ? present.split(' ') : []
  const leader = preferred && leaders.includes(preferred) ? preferred : (leaders[0] ?? null)

  if (following) {
    return (
      <button
        type="button"
        className="bar-button is-on"
        aria-pressed="true"
        onClick={() => editor?.stopFollowingUser()}
        data-testid="follow"
        data-following={following}
      >
        {t('facilitation.follow.stop')}
      </button>
    )
  }
  return (
    <button
      type="button"
      className="bar-button"
      aria-pressed="false"
      disabled={!editor || !leader}
      title={leader ? t('facilitation.follow.help') : t('facilitation.follow.nobody')}
      onClick={() => leader && editor?.startFollowingUser(leader)}
      data-testid="follow"
    >
      {t('facilitation.follow.start')}
    </button>
  )
}
