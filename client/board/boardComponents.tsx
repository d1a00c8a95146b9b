/**
 * The tldraw components of an Atelier board, gathered in one place: each
 * feature adds its own piece (the chantier's toolbar button and links…), and
 * BoardPage hands the result to <Tldraw>.
 */
import type { TLComponents } from 'tldraw'
import { ClusterPreviewOverlay } from '../clustering/ClusterPreviewOverlay'
import { VoteOverlay } from '../voting/VoteOverlay'
import { ChantierLinks } from './chantier/ChantierLinks'
import { chantierComponents } from './chantier/chantierUi'
import { PrivateNoteMarkers } from './drafts/PrivateNoteMarkers'

/** Everything drawn in page space, above the shapes. */
function OnTheCanvas() {
  return (
    <>
      <ChantierLinks />
      <ClusterPreviewOverlay />
      <VoteOverlay />
      <PrivateNoteMarkers />
    </>
  )
}

export const boardComponents: TLComponents = {
  ...chantierComponents,
  OnTheCanvas,
}
