/**
 * The settings each template starts a workshop with: timer presets per phase,
 * the defaults of the vote dialog, whether writing starts private. Stored with
 * the workshop at creation; workshops stored before settings existed get these.
 */
import type { Template } from '../../shared/api'
import type { Phase, WorkshopSettings } from '../../shared/control'

const MINUTES = 60

const PHASE_DURATIONS: Record<Phase, number> = {
  ecriture: 10 * MINUTES,
  regroupement: 20 * MINUTES,
  chantiers: 30 * MINUTES,
  vote: 5 * MINUTES,
  resultats: 10 * MINUTES,
}

export function settingsForTemplate(template: Template): WorkshopSettings {
  switch (template) {
    case 'enjeux':
      // The vote ranks enjeux. Private writing stays the facilitator's choice (off until they turn it on).
      return {
        phaseDurations: PHASE_DURATIONS,
        vote: { targets: 'enjeux', votesPerPerson: 3, maxPerItem: 1, hideResults: true, anonymous: false },
        privateWriting: false,
      }
    case 'chantiers':
      return {
        phaseDurations: PHASE_DURATIONS,
        vote: { targets: 'chantiers', votesPerPerson: 5, maxPerItem: 2, hideResults: true, anonymous: false },
        privateWriting: false,
      }
    case 'vide':
      return {
        phaseDurations: PHASE_DURATIONS,
        vote: { targets: 'notes', votesPerPerson: 5, maxPerItem: 2, hideResults: true, anonymous: false },
        privateWriting: false,
      }
  }
}

/** The phase a new workshop opens in. */
export function initialPhase(template: Template): Phase {
  return template === 'chantiers' ? 'chantiers' : 'ecriture'
}
