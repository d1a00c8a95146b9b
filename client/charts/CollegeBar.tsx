/**
 * One item's bar of a results chart: a track at the full scale, the segments
 * by collège (colours and patterns of CollegePatterns, which the page must
 * hold once), their counts where they fit, and the whole in words for screen
 * readers. Used by the board's results panel and the roadmap page.
 */
import { useTranslation } from 'react-i18next'
import { collegeLabel } from '../../shared/colleges'
import type { RankedItem } from '../../shared/control'
import { collegeFill } from './CollegePatterns'
import { barSegments, collegeLook, MIN_LABELLED_WIDTH } from './resultsChart'
import './charts.css'

export interface CollegeBarProps {
  item: RankedItem
  /** The scale's top (scaleMax of the chart's items). */
  max: number
  className?: string
  testId?: string
}

export function CollegeBar({ item, max, className, testId }: CollegeBarProps) {
  const { t, i18n } = useTranslation()
  const segments = barSegments(item, max)
  const detail = segments
    .filter((s) => s.college)
    .map((s) => `${collegeLabel(s.college!, i18n.language)} ${s.count}`)
    .join(', ')
  const total = t('voting.pointsLong', { count: item.votes })
  return (
    // Percent coordinates, no viewBox: the bar stretches with its container, its patterns and digits do not.
    <svg
      className={`college-bar${className ? ` ${className}` : ''}`}
      role="img"
      aria-label={detail ? `${total} : ${detail}` : total}
      data-testid={testId}
    >
      <rect className="college-bar__track" width="100%" height="100%" rx="3" />
      {segments.map((s) => {
        const look = collegeLook(s.college)
        return (
          <g key={s.college ?? 'all'} data-college={s.college ?? ''} data-count={s.count}>
            <rect x={`${s.x}%`} width={`${s.width}%`} height="100%" fill={collegeFill(s.college)} stroke="#ffffff" />
            {s.width >= MIN_LABELLED_WIDTH && (
              <text
                x={`${s.x + s.width / 2}%`}
                y="50%"
                dominantBaseline="central"
                textAnchor="middle"
                fill={look.ink}
                stroke={look.fill}
                strokeWidth={3}
                paintOrder="stroke"
                className="college-bar__count"
              >
                {s.count}
              </text>
            )}
          </g>
        )
      })}
    </svg>
  )
}
