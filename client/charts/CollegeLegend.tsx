/** The legend of a chart stacked by collège: one swatch (colour and pattern) and name per collège shown. */
import { useTranslation } from 'react-i18next'
import { collegeLabel } from '../../shared/colleges'
import { collegeFill } from './CollegePatterns'
import './charts.css'

export function CollegeLegend({ colleges, testId }: { colleges: readonly string[]; testId?: string }) {
  const { i18n } = useTranslation()
  return (
    <ul className="college-legend" data-testid={testId}>
      {colleges.map((c) => (
        <li key={c}>
          <svg width="28" height="16" aria-hidden="true" focusable="false">
            <rect width="28" height="16" rx="3" fill={collegeFill(c)} stroke="#1f2328" strokeWidth="1" />
          </svg>
          {collegeLabel(c, i18n.language)}
        </li>
      ))}
    </ul>
  )
}
