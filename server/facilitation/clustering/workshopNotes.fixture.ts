import type { NoteText } from './suggestClusters'

/**
 * A French "atelier enjeux" board, as participants write it: three themes of a feuille de route
 * France Numérique Ensemble. Ids name the theme (c = connectivité, m = médiation/accompagnement,
 * e = équipement) so a test can check that no suggested cluster mixes them.
 */
export const CONNECTIVITY_NOTES: readonly NoteText[] = [
  { id: 'c1', text: 'Fibre optique absente dans les villages' },
  { id: 'c2', text: 'Débit internet trop faible en zone rurale' },
  { id: 'c3', text: 'Réseau mobile instable' },
  { id: 'c4', text: 'Couverture 4G insuffisante' },
  { id: 'c5', text: "Le très haut débit n'arrive pas" },
  { id: 'c6', text: 'Zones blanches : pas de réseau dans les hameaux' },
  { id: 'c7', text: 'Raccordement à la fibre trop cher pour les entreprises' },
]

export const INCLUSION_NOTES: readonly NoteText[] = [
  { id: 'm1', text: 'Accompagnement des personnes âgées' },
  { id: 'm2', text: 'Former les aidants numériques' },
  { id: 'm3', text: 'Médiation numérique en mairie' },
  { id: 'm4', text: 'Manque de médiateurs pour accompagner' },
  { id: 'm5', text: 'Les aidants ont besoin de formation' },
  { id: 'm6', text: 'Conseillers numériques trop peu nombreux' },
  { id: 'm7', text: 'Permanences de médiation dans les France Services' },
]

export const EQUIPMENT_NOTES: readonly NoteText[] = [
  { id: 'e1', text: 'Ordinateurs reconditionnés pour les familles' },
  { id: 'e2', text: 'Équipement des familles modestes' },
  { id: 'e3', text: "Manque d'ordinateurs dans les foyers" },
  { id: 'e4', text: 'Tablettes pour les collégiens' },
  { id: 'e5', text: 'Donner du matériel informatique reconditionné' },
]

/** Interleaved, as notes arrive on a real board. */
export const WORKSHOP_NOTES: readonly NoteText[] = interleave([CONNECTIVITY_NOTES, INCLUSION_NOTES, EQUIPMENT_NOTES])

function interleave(lists: readonly (readonly NoteText[])[]): NoteText[] {
  const out: NoteText[] = []
  const longest = Math.max(...lists.map((l) => l.length))
  for (let k = 0; k < longest; k++) {
    for (const list of lists) {
      const note = list[k]
      if (note) out.push(note)
    }
  }
  return out
}
