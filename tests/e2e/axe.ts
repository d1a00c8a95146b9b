/**
 * One axe-core check for every page the browser tests open: the WCAG 2.1 A and
 * AA rules, a `figure:` line with the count by impact (so a run shows minor and
 * moderate findings too), and a failure that names each serious or critical
 * violation with the elements it hit — what a fix needs, without rerunning.
 */
import AxeBuilder from '@axe-core/playwright'
import { expect, type Page } from '@playwright/test'

export const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

export interface AxeOptions {
  /** CSS selectors left out of the scan (e.g. a third-party widget judged elsewhere). */
  exclude?: string[]
}

export async function expectNoSeriousAxeViolations(page: Page, name: string, options: AxeOptions = {}): Promise<void> {
  let builder = new AxeBuilder({ page }).withTags(axeTags)
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector)
  const { violations } = await builder.analyze()

  const byImpact = new Map<string, number>()
  for (const v of violations) byImpact.set(v.impact ?? 'unknown', (byImpact.get(v.impact ?? 'unknown') ?? 0) + 1)
  const counts = [...byImpact].map(([impact, n]) => `${impact} ${n}`).join(', ')
  console.log(`figure: axe ${name}: ${violations.length} violations${counts ? ` (${counts})` : ''}`)

  const serious = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}`).join('\n')}`)
  expect(serious, `axe ${name}: serious or critical violations`).toEqual([])
}
