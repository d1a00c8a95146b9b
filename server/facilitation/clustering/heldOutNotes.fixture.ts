import type { NoteText } from './suggestClusters'

/**
 * A second French board, written after the code and the related-term families were settled and
 * never used to tune them: it measures, rather than trains. Other words for the same themes
 * (FTTH, PC, seniors, écrans), a fourth theme (démarches en ligne) and notes that mention two
 * themes. Ids start with the theme letter: c connectivité, m médiation/accompagnement,
 * e équipement, d démarches.
 */
export const HELD_OUT_NOTES: readonly NoteText[] = [
  { id: 'c1', text: 'Pas de connexion correcte à Vervins' },
  { id: 'm1', text: 'Les seniors sont perdus face aux écrans' },
  { id: 'e1', text: 'Prêt de tablettes aux familles' },
  { id: 'd1', text: 'Dématérialisation des démarches administratives trop rapide' },
  { id: 'c2', text: "Les hameaux n'ont pas la fibre" },
  { id: 'm2', text: 'Recruter des conseillers numériques' },
  { id: 'e2', text: 'Des PC pour les élèves' },
  { id: 'd2', text: 'Garder un accueil physique en mairie pour les démarches' },
  { id: 'c3', text: 'Internet coupe souvent en campagne' },
  { id: 'm3', text: "Ateliers d'initiation pour les débutants" },
  { id: 'e3', text: 'Collecte de vieux ordinateurs à reconditionner' },
  { id: 'd3', text: 'Sites des administrations difficiles à utiliser' },
  { id: 'c4', text: 'Antennes relais trop éloignées' },
  { id: 'm4', text: "Former les agents d'accueil à l'accompagnement numérique" },
  { id: 'e4', text: 'Smartphone trop cher pour les bénéficiaires du RSA' },
  { id: 'd4', text: 'Prise de rendez-vous en ligne à la préfecture compliquée' },
  { id: 'c5', text: 'Déploiement du FTTH en retard' },
  { id: 'm5', text: "L'illectronisme touche aussi les jeunes" },
  { id: 'c6', text: 'Télétravail impossible faute de débit' },
  { id: 'm6', text: 'Aide aux démarches en ligne pour les publics fragiles' },
  { id: 'e5', text: "Pas d'ordinateur à la maison pour les devoirs" },
  { id: 'd5', text: 'Formulaires CAF et impôts uniquement en ligne' },
]
