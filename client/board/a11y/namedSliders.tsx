/**
 * tldraw 3.15's style panel draws its opacity slider with the name in the
 * `title` of the slider's root, while the element that has role="slider" and
 * takes the keyboard focus — the thumb — has none: a screen reader announces
 * a nameless slider (axe: aria-input-field-name, serious). tldraw offers no
 * prop for it, so the panel is wrapped and each thumb gets its slider's title
 * as its name, kept in step when tldraw redraws it.
 */
import { type ComponentType, useEffect, useRef } from 'react'
import type { TLUiStylePanelProps } from 'tldraw'

function nameThumbs(root: HTMLElement): void {
  for (const thumb of root.querySelectorAll<HTMLElement>('.tlui-slider__thumb')) {
    const title = thumb.closest('.tlui-slider')?.getAttribute('title')
    if (title && thumb.getAttribute('aria-label') !== title) thumb.setAttribute('aria-label', title)
  }
}

export function withNamedSliders(StylePanel: ComponentType<TLUiStylePanelProps>): ComponentType<TLUiStylePanelProps> {
  return function NamedSlidersStylePanel(props: TLUiStylePanelProps) {
    const wrapper = useRef<HTMLDivElement>(null)
    useEffect(() => {
      const root = wrapper.current
      if (!root) return
      nameThumbs(root)
      // Only the style panel is watched (not the canvas), so drawing costs nothing here.
      const observer = new MutationObserver(() => nameThumbs(root))
      observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['title'] })
      return () => observer.disconnect()
    }, [])
    return (
      // `display: contents`: the wrapper takes no box, tldraw's layout stays as it is.
      <div ref={wrapper} style={{ display: 'contents' }}>
        <StylePanel {...props} />
      </div>
    )
  }
}
