/**
 * A QR code for a workshop link, drawn locally by the `qrcode` package into a
 * data URL: no image service, nothing leaves the browser.
 */
import QRCode from 'qrcode'
import { useEffect, useState } from 'react'

export function QrCode({ value, alt, size = 160 }: { value: string; alt: string; size?: number }) {
  const [src, setSrc] = useState<string | null>(null)
  useEffect(() => {
    let cancelled = false
    // Medium error correction: readable when projected or printed slightly blurred.
    QRCode.toDataURL(value, { errorCorrectionLevel: 'M', margin: 1, width: size }).then(
      (url) => {
        if (!cancelled) setSrc(url)
      },
      () => {
        if (!cancelled) setSrc(null)
      },
    )
    return () => {
      cancelled = true
    }
  }, [value, size])
  if (!src) return <div className="qr-placeholder" style={{ width: size, height: size }} />
  return <img className="qr" src={src} alt={alt} width={size} height={size} />
}
