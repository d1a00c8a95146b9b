/**
 * The vote as a screen shows it, for the browser tests: the dot buttons of an
 * item on the canvas (found by their accessible names) and the ranked list of
 * the results panel.
 */
import type { Page } from '@playwright/test'

/** « Voter pour « titre » »: places one of the actor's dots on the item. */
export const addDotButton = (page: Page, titre: string) => page.getByRole('button', { name: `Voter pour « ${titre} »` })

/** « Retirer un point de « titre » »: takes one of the actor's dots back. */
export const removeDotButton = (page: Page, titre: string) =>
  page.getByRole('button', { name: `Retirer un point de « ${titre} »` })

/** The ranked list of the results panel, one line per item: « rank | title | points ». */
export function rankingText(page: Page): Promise<string[]> {
  return page
    .getByTestId('results-item')
    .evaluateAll((items) =>
      items.map((li) =>
        ['results-rank', 'results-title', 'results-total']
          .map((id) => li.querySelector(`[data-testid="${id}"]`)?.textContent?.trim())
          .join(' | '),
      ),
    )
}
