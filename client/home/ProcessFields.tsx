/**
 * The démarche part of the create-workshop form: pick a démarche or create one
 * (nom, code du département), and for a chantiers workshop, pick the earlier
 * workshop of that démarche whose enjeux it starts from.
 *
 * It sits inside the workshop form, so creating a démarche is a plain button
 * (a form cannot nest another), and Enter in its fields creates the démarche
 * instead of submitting the workshop.
 */
import { type KeyboardEvent, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CreateProcessResponse, ListProcessesResponse } from '../../shared/api'
import { DEPARTEMENT_CODE_PATTERN, normalizeDepartementCode } from '../../shared/departements'
import type { Template } from '../../shared/workshop'
import { api } from '../api'
import { apiErrorMessage } from '../apiErrorMessage'
import type { ProcessesState } from './useProcesses'
import './processes.css'

const NEW = '__new__'

export interface ProcessFieldsProps {
  token: string
  template: Template
  processes: ProcessesState
  /** '' when the workshop belongs to no démarche. */
  processId: string
  onProcessId(id: string): void
  /** '' when the chantiers workshop starts from no earlier workshop. */
  startFrom: string
  onStartFrom(id: string): void
  onProcessCreated(process: CreateProcessResponse): void
}

export function ProcessFields(props: ProcessFieldsProps) {
  const { t, i18n } = useTranslation()
  const id = useId()
  const [creating, setCreating] = useState(false)
  const [notice, setNotice] = useState<string | null>(null)
  const picker = useRef<HTMLSelectElement>(null)
  const list: ListProcessesResponse = props.processes.status === 'loaded' ? props.processes.processes : []
  const selected = list.find((p) => p.id === props.processId)
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short' })

  const choose = (value: string) => {
    setCreating(value === NEW)
    setNotice(null)
    props.onProcessId(value === NEW ? '' : value)
    props.onStartFrom('')
  }

  return (
    <fieldset className="process-fields" data-testid="process-fields">
      <legend>{t('processes.legend')}</legend>
      <div className="field">
        <label htmlFor={`${id}-process`}>{t('processes.label')}</label>
        <select
          ref={picker}
          id={`${id}-process`}
          data-testid="home-process"
          value={creating ? NEW : props.processId}
          onChange={(e) => choose(e.target.value)}
          aria-describedby={`${id}-process-help`}
        >
          <option value="">{t('processes.none')}</option>
          {list.map((p) => (
            <option key={p.id} value={p.id}>
              {p.codeDepartement ? `${p.nom} (${p.codeDepartement})` : p.nom} —{' '}
              {t('processes.workshopCount', { count: p.workshops.length })}
            </option>
          ))}
          <option value={NEW}>{t('processes.newOption')}</option>
        </select>
        {/* The help stays while the list loads: swapping it for a shorter line would move the
            form's button under a pointer about to click it. */}
        <small id={`${id}-process-help`} className="muted">
          {t('processes.help')}
        </small>
        {props.processes.status === 'failed' && !props.processes.unauthorized && (
          <small className="error" role="status" data-testid="home-process-failed">
            {t('processes.loadFailed')}
          </small>
        )}
      </div>

      {creating && (
        <NewProcess
          token={props.token}
          // The fields leave the page, the focus with them: it goes back to the picker (now on the
          // new démarche), not to the top of the page for a keyboard user to start over.
          onCancel={() => {
            setCreating(false)
            picker.current?.focus()
          }}
          onCreated={(p) => {
            setCreating(false)
            setNotice(t('processes.created', { nom: p.nom }))
            props.onProcessCreated(p)
            picker.current?.focus()
          }}
        />
      )}
      {notice && (
        <p className="process-notice" role="status" data-testid="process-created">
          {notice}
        </p>
      )}

      {props.template === 'chantiers' && selected && (
        <div className="field">
          <label htmlFor={`${id}-start`}>{t('processes.startFromLabel')}</label>
          {selected.workshops.length === 0 ? (
            <p className="muted" data-testid="home-start-from-empty">
              {t('processes.startFromEmpty')}
            </p>
          ) : (
            <>
              <select
                id={`${id}-start`}
                data-testid="home-start-from"
                value={props.startFrom}
                onChange={(e) => props.onStartFrom(e.target.value)}
                aria-describedby={`${id}-start-help`}
              >
                <option value="">{t('processes.startFromNone')}</option>
                {[...selected.workshops].reverse().map((w) => (
                  <option key={w.id} value={w.id}>
                    {t('processes.workshopOption', {
                      title: w.title,
                      template: t(`templates.${w.template}`),
                      date: date.format(w.createdAt),
                    })}
                  </option>
                ))}
              </select>
              <small id={`${id}-start-help`} className="muted">
                {t('processes.startFromHelp')}
              </small>
            </>
          )}
        </div>
      )}
    </fieldset>
  )
}

function NewProcess({
  token,
  onCancel,
  onCreated,
}: {
  token: string
  onCancel(): void
  onCreated(process: CreateProcessResponse): void
}) {
  const { t } = useTranslation()
  const id = useId()
  const [nom, setNom] = useState('')
  const [code, setCode] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const create = async () => {
    const cleanNom = nom.trim()
    const cleanCode = normalizeDepartementCode(code)
    if (!token.trim()) return setError(t('home.errors.tokenMissing'))
    if (!cleanNom) return setError(t('processes.errors.nomMissing'))
    if (cleanCode && !DEPARTEMENT_CODE_PATTERN.test(cleanCode)) return setError(t('processes.errors.codeInvalid'))
    setBusy(true)
    setError(null)
    try {
      onCreated(
        await api.createProcess(token.trim(), { nom: cleanNom, ...(cleanCode ? { codeDepartement: cleanCode } : {}) }),
      )
    } catch (e) {
      setError(apiErrorMessage(t, e, { 401: t('home.errors.badToken') }))
    } finally {
      setBusy(false)
    }
  }
  // Enter creates the démarche, not the workshop around it.
  const onEnter = (e: KeyboardEvent) => {
    if (e.key !== 'Enter') return
    e.preventDefault()
    void create()
  }

  return (
    <section className="new-process" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('processes.newTitle')}</h3>
      <div className="new-process-fields">
        <div className="field grow">
          <label htmlFor={`${id}-nom`}>{t('processes.nomLabel')}</label>
          <input
            id={`${id}-nom`}
            data-testid="process-nom"
            type="text"
            maxLength={200}
            placeholder={t('processes.nomPlaceholder')}
            value={nom}
            onChange={(e) => setNom(e.target.value)}
            onKeyDown={onEnter}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-code`}>{t('processes.codeLabel')}</label>
          <input
            id={`${id}-code`}
            data-testid="process-code"
            className="code-input"
            type="text"
            inputMode="text"
            autoComplete="off"
            maxLength={3}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            onKeyDown={onEnter}
            aria-describedby={`${id}-code-help`}
          />
          <small id={`${id}-code-help`} className="muted">
            {t('processes.codeHelp')}
          </small>
        </div>
      </div>
      {error && (
        <p className="error" role="alert" data-testid="process-error">
          {error}
        </p>
      )}
      <div className="actions">
        <button
          type="button"
          className="button primary"
          data-testid="process-create"
          disabled={busy}
          onClick={() => void create()}
        >
          {busy ? t('processes.creating') : t('processes.create')}
        </button>
        <button type="button" className="button secondary" data-testid="process-cancel" onClick={onCancel}>
          {t('processes.cancel')}
        </button>
      </div>
    </section>
  )
}
