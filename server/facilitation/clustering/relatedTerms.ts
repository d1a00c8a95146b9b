import { stemFrench } from './stemFrench'

/**
 * Families of related words from the themes of a *feuille de route France Numérique Ensemble*.
 *
 * Why: sticky notes are a handful of words, so two notes on the same theme often share none
 * ("Fibre optique absente dans les villages", "Couverture 4G insuffisante"). Word overlap alone
 * cannot group them; a facilitator would, because fibre, 4G, débit and réseau are all about
 * connectivity. Each family is that piece of knowledge, written down where anyone can read and
 * change it. A note that uses words of a family gets that family as an extra, theme-level
 * dimension (see vectorizeNotes), which is how "a related-terms boost" stays explainable:
 * "these notes were grouped because they both talk about <family>".
 *
 * Rules for editing: a word belongs to at most one family (it is looked up by stem, so list one
 * form: "ordinateur" also covers "ordinateurs"); no framing or generic word ("numérique",
 * "besoin", "public") — those would link every theme to every other.
 */
export const RELATED_TERM_FAMILIES: Readonly<Record<string, readonly string[]>> = {
  connectivite: [
    'fibre',
    'optique',
    'débit',
    'internet',
    'réseau',
    'connexion',
    'connectivité',
    'couverture',
    '4g',
    '5g',
    'wifi',
    'antenne',
    'mobile',
    'adsl',
    'satellite',
    'opérateur',
    'raccordement',
  ],
  accompagnement: [
    'accompagnement',
    'accompagner',
    'médiation',
    'médiateur',
    'aidant',
    'aide',
    'conseiller',
    'permanence',
    'inclusion',
    'illectronisme',
    'autonomie',
    'fragile',
    'âgée',
    'senior',
  ],
  formation: [
    'formation',
    'former',
    'formateur',
    'compétence',
    'apprendre',
    'apprentissage',
    'atelier',
    'initiation',
    'cours',
    'sensibilisation',
  ],
  equipement: [
    'équipement',
    'équiper',
    'ordinateur',
    'tablette',
    'smartphone',
    'téléphone',
    'matériel',
    'reconditionné',
    'reconditionnement',
    'imprimante',
    'logiciel',
  ],
  demarches: [
    'démarche',
    'administratif',
    'administration',
    'dématérialisation',
    'dématérialisé',
    'formulaire',
    'droit',
    'impôt',
    'caf',
    'guichet',
  ],
  confiance: [
    'cybersécurité',
    'sécurité',
    'arnaque',
    'piratage',
    'phishing',
    'hameçonnage',
    'confidentialité',
    'fraude',
  ],
}

/** stem → family name, built once. */
const FAMILY_BY_STEM: ReadonlyMap<string, string> = (() => {
  const byStem = new Map<string, string>()
  for (const [family, words] of Object.entries(RELATED_TERM_FAMILIES)) {
    for (const word of words) {
      const stem = stemFrench(word)
      const other = byStem.get(stem)
      if (other !== undefined && other !== family) {
        throw new Error(`relatedTerms: "${word}" (stem "${stem}") is in both ${other} and ${family}`)
      }
      byStem.set(stem, family)
    }
  }
  return byStem
})()

/** The family a stemmed word belongs to, if any. */
export function relatedTermFamily(stem: string): string | undefined {
  return FAMILY_BY_STEM.get(stem)
}
