import { useEffect, useRef, useState } from 'react';
import { useCheckinI18n } from './i18n/words';

interface DetectedCode {
  rawValue: string;
}
interface Detector {
  detect(source: HTMLVideoElement): Promise<DetectedCode[]>;
}
interface DetectorClass {
  new (options: { formats: string[] }): Detector;
  getSupportedFormats?(): Promise<string[]>;
}

/** How often a frame is read: fast enough to feel instant, slow enough for a cheap phone. */
const EVERY_MS = 150;
/** The same code seen again within this time is the same scan, not a new one. */
const SAME_SCAN_MS = 3000;

function detectorClass(): DetectorClass | undefined {
  return (globalThis as { BarcodeDetector?: DetectorClass }).BarcodeDetector;
}

/** Whether this browser has a camera to scan with (the reader is its own, else ZXing). */
export function cameraScanning(): boolean {
  return !!navigator.mediaDevices?.getUserMedia;
}

/** The browser's own QR reader (Chrome on Android, Safari), else ZXing, loaded on first use. */
async function qrReader(): Promise<Detector> {
  const Native = detectorClass();
  if (Native && (await Native.getSupportedFormats?.())?.includes('qr_code')) {
    return new Native({ formats: ['qr_code'] });
  }
  const { BarcodeDetector } = await import('./zxing');
  return new BarcodeDetector({ formats: ['qr_code'] });
}

/**
 * Scans QR codes with the rear camera (`facingMode: environment`) and the browser's
 * `BarcodeDetector` (else ZXing from our own server), and hands each code to the same decision as a typed one; a bad code does not
 * stop it.
 */
export function Camera(props: { onCode: (code: string) => void }) {
  const { t } = useCheckinI18n();
  const [on, setOn] = useState(false);
  const [failed, setFailed] = useState(false);
  const video = useRef<HTMLVideoElement>(null);
  const onCode = useRef(props.onCode);
  onCode.current = props.onCode;

  useEffect(() => {
    if (!on) return;
    let stopped = false;
    let stream: MediaStream | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let last = { code: '', at: 0 };
    let detector: Detector | undefined;
    const read = async () => {
      if (stopped || !video.current) return;
      detector ??= await qrReader();
      try {
        const code = (await detector.detect(video.current))[0]?.rawValue;
        const now = Date.now();
        if (code && (code !== last.code || now - last.at > SAME_SCAN_MS)) onCode.current(code);
        if (code) last = { code, at: now };
      } catch {
        // a frame not ready yet: the next one is read
      }
      timer = setTimeout(() => void read(), EVERY_MS);
    };
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: { ideal: 'environment' } }, audio: false })
      .then(async (s) => {
        stream = s;
        if (stopped || !video.current) return s.getTracks().forEach((track) => track.stop());
        video.current.srcObject = s;
        await video.current.play();
        void read();
      })
      .catch(() => {
        setFailed(true);
        setOn(false);
      });
    return () => {
      stopped = true;
      clearTimeout(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [on]);

  return (
    <div className="checkin-camera">
      <button
        type="button"
        className="button button-secondary"
        aria-pressed={on}
        onClick={() => {
          setFailed(false);
          setOn(!on);
        }}
      >
        {on ? t('checkin.cameraStop') : t('checkin.camera')}
      </button>
      {failed && <p role="alert">{t('checkin.cameraFailed')}</p>}
      {on && <video ref={video} aria-label={t('checkin.cameraVideo')} muted playsInline />}
    </div>
  );
}
