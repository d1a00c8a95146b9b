/**
 * The tldraw components of an Atelier board, gathered in one place: each
 * feature adds its own piece (the chantier's toolbar button and links…), and
 * BoardPage hands the result to <Tldraw>.
 */
import { DefaultStylePanel, type TLComponents } from 'tldraw'
import { ClusterPreviewOverlay } from '../clustering/ClusterPreviewOverlay'
import { VoteOverlay } from '../voting/VoteOverlay'
import { withNamedSliders } from './a11y/namedSliders'
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
  StylePanel: withNamedSliders(chantierComponents.StylePanel ?? DefaultStylePanel),
  OnTheCanvas,
}
