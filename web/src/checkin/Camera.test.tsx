import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../i18n/i18n';
import { Camera, cameraScanning } from './Camera';
import { checkinEn } from './i18n/en';
import { en } from '../i18n/en';

/**
 * The camera's wiring with the browser's pieces stood in for (happy-dom has no camera and no
 * BarcodeDetector; desktop Chromium on Linux has no BarcodeDetector either): the rear camera is
 * asked for, each new code goes to the decision, the same code held in view counts once.
 */
function standIns(codes: string[][]) {
  const stop = vi.fn();
  const getUserMedia = vi.fn(async () => {
    const stream = new MediaStream();
    stream.getTracks = () => [{ stop } as unknown as MediaStreamTrack];
    return stream;
  });
  Object.defineProperty(navigator, 'mediaDevices', { value: { getUserMedia }, configurable: true });
  let frame = 0;
  (globalThis as Record<string, unknown>).BarcodeDetector = class {
    static getSupportedFormats() {
      return Promise.resolve(['qr_code', 'ean_13']);
    }
    constructor(readonly options: { formats: string[] }) {
      expect(options.formats).toEqual(['qr_code']);
    }
    detect() {
      const c = codes[Math.min(frame++, codes.length - 1)];
      return Promise.resolve(c.map((rawValue) => ({ rawValue })));
    }
  };
  HTMLMediaElement.prototype.play = vi.fn(() => Promise.resolve());
  return { getUserMedia, stop };
}

afterEach(() => {
  delete (globalThis as Record<string, unknown>).BarcodeDetector;
});

describe('Camera', () => {
  it('should not offer the camera where the browser has none', () => {
    expect(cameraScanning()).toBe(false);
  });

  it('should scan with the rear camera and hand over each new code once', async () => {
    vi.useFakeTimers();
    const { getUserMedia, stop } = standIns([[], ['ACD3E9'], ['ACD3E9'], ['ACD3E9'], ['QRT467']]);
    expect(cameraScanning()).toBe(true);
    const onCode = vi.fn();
    const view = render(
      <I18nProvider locale="en" catalog={{ ...en, ...checkinEn }} setLocale={() => undefined}>
        <Camera onCode={onCode} />
      </I18nProvider>,
    );
    await act(async () => screen.getByRole('button', { name: 'Scan with the camera' }).click());
    expect(getUserMedia).toHaveBeenCalledWith({ video: { facingMode: { ideal: 'environment' } }, audio: false });
    expect(screen.getByLabelText('Camera view').tagName).toBe('VIDEO');
    for (let i = 0; i < 6; i++) await act(async () => vi.advanceTimersByTimeAsync(150));
    expect(onCode.mock.calls).toEqual([['ACD3E9'], ['QRT467']]);
    await act(async () => screen.getByRole('button', { name: 'Stop the camera' }).click());
    expect(stop).toHaveBeenCalled();
    expect(screen.queryByLabelText('Camera view')).toBeNull();
    view.unmount();
    vi.useRealTimers();
  });
});
